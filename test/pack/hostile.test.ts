/**
 * Hostile packs: each is refused by `pack validate` and `pack install` with exit 65 and a
 * reason, the process returns, nothing outside the pack folder is read into the output or
 * written, and nothing is installed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { run, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";
import { makeTar } from "../tar-writer.ts";

const SECRET = "TOP-SECRET-VALUE";
const inline = (tpl: string) =>
  packText("hostile", {
    templates: `  brief: |\n${tpl
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n")}\n`,
  });
const withFile = (ref: string) => packText("hostile", { templates: `  brief: ${ref}\n` });

interface Case {
  name: string;
  files: Record<string, string>;
  links?: Record<string, string>;
  reason: RegExp;
}

const aliasBomb = `${packText("hostile")}x-bomb:\n${Array.from({ length: 9 }, (_, i) => `  l${i}: &l${i} [${Array.from({ length: 9 }, () => (i === 0 ? '"lol"' : `*l${i - 1}`)).join(",")}]`).join("\n")}\n`;

const CASES: Case[] = [
  { name: "template path with ..", files: { "pack.yaml": withFile("../secret.hbs") }, reason: /outside the pack folder/ },
  { name: "absolute template path", files: { "pack.yaml": withFile("/etc/secret.hbs") }, reason: /outside the pack folder/ },
  { name: "template that is a symlink", files: { "pack.yaml": withFile("brief.hbs") }, links: { "brief.hbs": "../secret.hbs" }, reason: /symbolic link/ },
  { name: "template folder that is a symlink", files: { "pack.yaml": withFile("tpl/secret.hbs") }, links: { tpl: ".." }, reason: /symbolic link/ },
  { name: "decorator", files: { "pack.yaml": inline("{{* foo}}x") }, reason: /decorators/ },
  { name: "inline partial", files: { "pack.yaml": inline('{{#*inline "p"}}x{{/inline}}{{> p}}') }, reason: /inline partials/ },
  { name: "partial cycle", files: { "pack.yaml": inline('{{#*inline "a"}}{{> a}}{{/inline}}{{> a}}') }, reason: /inline partials/ },
  { name: "dynamic partial", files: { "pack.yaml": inline('{{> (lookup . "x")}}') }, reason: /dynamic partials/ },
  { name: "plain partial", files: { "pack.yaml": inline("{{> brief}}") }, reason: /partials .* are not available/ },
  { name: "log helper", files: { "pack.yaml": inline('{{log "x"}}') }, reason: /helper "log"/ },
  { name: "helperMissing", files: { "pack.yaml": inline("{{helperMissing}}") }, reason: /helper "helperMissing"/ },
  { name: "unknown helper", files: { "pack.yaml": inline("{{exec pack.id}}") }, reason: /helper "exec"/ },
  { name: "constructor path", files: { "pack.yaml": inline("{{pack.constructor}}") }, reason: /"constructor" is not allowed/ },
  { name: "__proto__ path", files: { "pack.yaml": inline("{{#with __proto__}}x{{/with}}") }, reason: /"__proto__" is not allowed/ },
  {
    name: "prototype via lookup",
    files: { "pack.yaml": inline('{{lookup (lookup this "constructor") "prototype"}}') },
    reason: /"constructor" is not allowed/,
  },
  { name: "__defineGetter__", files: { "pack.yaml": inline('{{__defineGetter__ "x" pack}}') }, reason: /"__defineGetter__" is not allowed/ },
  { name: "template nesting", files: { "pack.yaml": inline(`${"{{#if a}}".repeat(5000)}${"{{/if}}".repeat(5000)}`) }, reason: /nest too deep/ },
  {
    name: "template file too large",
    files: { "pack.yaml": withFile("big.hbs"), "big.hbs": "x".repeat(300 * 1024) },
    reason: /big\.hbs: it has \d+ bytes \(the limit is/,
  },
  {
    name: "template file with a forbidden name",
    files: { "pack.yaml": withFile("brief.hbs"), "brief.hbs": "{{constructor.name}}" },
    reason: /pack\/brief\.hbs:1:\d+: the name "constructor" is not allowed/,
  },
  { name: "YAML alias bomb", files: { "pack.yaml": aliasBomb }, reason: /aliases expand too much/ },
  {
    name: "deep flow nesting",
    files: { "pack.yaml": `${packText("hostile")}x: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n` },
    reason: /nesting is too deep/,
  },
  { name: "deep block nesting", files: { "pack.yaml": `${packText("hostile")}x:\n${"- ".repeat(100_000)}a\n` }, reason: /nesting is too deep/ },
  {
    name: "file over the size limit",
    files: { "pack.yaml": `${packText("hostile")}# ${"x".repeat(1024 * 1024)}\n` },
    reason: /pack\.yaml.*bytes \(the limit is 1 MiB\)/,
  },
  { name: "duplicate keys", files: { "pack.yaml": `${packText("hostile")}version: 2.0.0\n` }, reason: /unique|twice|duplicate/i },
  {
    name: "__proto__ key",
    files: { "pack.yaml": `${packText("hostile")}schedule:\n  __proto__: { polluted: true }\n` },
    reason: /key __proto__ is not allowed/,
  },
  { name: "%YAML 1.1", files: { "pack.yaml": `%YAML 1.1\n---\n${packText("hostile")}` }, reason: /%YAML 1\.1 directive is not supported/ },
];

/** Every file under dir with its size and mtime: a picture to compare before and after. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = fs.lstatSync(p);
      out.push(`${path.relative(dir, p)} ${st.size} ${st.mtimeMs}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

describe("hostile packs are refused with exit 65 and a reason", () => {
  it.each(CASES)("$name", async ({ files, links, reason }) => {
    const root = tmpdir();
    write(root, "secret.hbs", SECRET);
    write(root, "secret.txt", SECRET);
    for (const [name, text] of Object.entries(files)) write(path.join(root, "pack"), name, text);
    for (const [name, target] of Object.entries(links ?? {})) fs.symlinkSync(target, path.join(root, "pack", name));
    const before = snapshot(root);

    const validated = await run(["pack", "validate", "pack/pack.yaml"], { cwd: root });
    expect(validated.code).toBe(65);
    expect(validated.stderr).toMatch(reason);
    const installed = await run(["pack", "install", "pack", "--yes"], { cwd: root });
    expect(installed.code).toBe(65);
    expect(installed.stderr).toMatch(reason);
    const used = await run(["pack", "show", "hostile"], { cwd: root, env: { KIKITORI_PATH: path.join(root, "pack") } });
    expect(used.code).toBe(65);

    for (const r of [validated, installed, used]) expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(snapshot(root)).toEqual(before);
  });
});

describe("hostile package tarballs are refused", () => {
  const good = { path: "package/package.json", data: JSON.stringify({ name: "kikitori-pack-x", kikitori: { packs: ["pack.yaml"] } }) };
  const pack = { path: "package/pack.yaml", data: packText("tarred") };
  it.each([
    { name: "symlink", entries: [good, pack, { path: "package/brief.hbs", type: "2" as const, linkpath: "/etc/passwd" }], reason: /symbolic link/ },
    { name: "hard link", entries: [good, pack, { path: "package/brief.hbs", type: "1" as const, linkpath: "package/pack.yaml" }], reason: /hard link/ },
    { name: "device", entries: [good, pack, { path: "package/tty", type: "3" as const }], reason: /device file/ },
    { name: "fifo", entries: [good, pack, { path: "package/fifo", type: "6" as const }], reason: /named pipe/ },
    { name: "absolute path", entries: [good, pack, { path: "/tmp/evil.yaml", data: "x" }], reason: /absolute/ },
    { name: "parent path", entries: [good, pack, { path: "package/../../evil.yaml", data: "x" }], reason: /holds \.\./ },
    {
      name: "too many entries",
      entries: [good, pack, ...Array.from({ length: 2100 }, (_, i) => ({ path: `package/f${i}`, data: "x" }))],
      reason: /more than 2000 entries/,
    },
    { name: "pack list outside the package", entries: [{ ...good, data: JSON.stringify({ kikitori: { packs: ["../x.yaml"] } }) }, pack], reason: /holds \.\./ },
  ])("$name", async ({ entries, reason }) => {
    const root = tmpdir();
    fs.writeFileSync(path.join(root, "x.tgz"), makeTar(entries));
    const before = snapshot(root);
    const r = await run(["pack", "install", "x.tgz", "--yes"], { cwd: root });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(reason);
    expect(snapshot(root)).toEqual(before);
  });

  it("stops a decompression bomb", async () => {
    const root = tmpdir();
    // 64 MiB of zeros inside one entry: a small .tgz that unpacks past the limit.
    fs.writeFileSync(path.join(root, "bomb.tgz"), makeTar([good, { path: "package/zeros", data: Buffer.alloc(64 * 1024 * 1024) }]));
    expect(fs.statSync(path.join(root, "bomb.tgz")).size).toBeLessThan(1024 * 1024);
    const r = await run(["pack", "install", "bomb.tgz", "--yes"], { cwd: root });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("unpacks to more than 32 MiB");
  });
});

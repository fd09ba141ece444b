/**
 * The man page is the command table: every command, argument and option of the program, and
 * no hidden one. Read back through groff as `man` shows it, where groff is installed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMan } from "../../src/cli/man.ts";
import { ENVIRONMENT, TABLE } from "../../src/cli/specs/index.ts";
import { ROOT, read } from "../helpers.ts";

const hasGroff = spawnSync("groff", ["-v"]).status === 0;
const { version } = JSON.parse(read(path.join(ROOT, "package.json"))) as { version: string };
const page = (lang: "ja" | "en") => renderMan(TABLE, lang, { version, environment: ENVIRONMENT });

/** The page as man shows it: plain text, one space between words. */
function shown(roff: string): string {
  const r = spawnSync("groff", ["-man", "-Tutf8", "-P", "-cbou", "-rLL=200n"], { input: roff, encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8" } });
  expect(r.status).toBe(0);
  return r.stdout.replace(/[ \u2010]+/g, " ").replace(/\u2212/g, "-");
}

describe("man page", () => {
  it.skipIf(!hasGroff).each(["en", "ja"] as const)("lists every command, argument and option (%s)", (lang) => {
    const text = shown(page(lang));
    for (const c of TABLE.commands) {
      const usage = `kikitori ${c.name}`;
      if (c.hidden) {
        expect(text).not.toContain(usage);
        continue;
      }
      expect(text).toContain(usage);
      expect(text).toContain(c.summary[lang].replace(/\s+/g, " "));
      for (const a of c.args ?? []) expect(text).toContain(a.name);
      for (const o of c.options ?? []) expect(text).toContain(o.flags);
    }
    for (const o of TABLE.globals) expect(text).toContain(o.flags);
    expect(text).toContain("kikitori help [command...]");
    for (const [name] of ENVIRONMENT) expect(text).toContain(name);
    expect(text).toMatch(/\n\s*65\s+/);
  });

  it("is written by the build where package.json says (npm installs it for man)", () => {
    const pkg = JSON.parse(read(path.join(ROOT, "package.json"))) as { man: string[] };
    expect(pkg.man).toEqual(["./dist/man/kikitori.1"]);
    expect(read(path.join(ROOT, "dist", "man", "kikitori.1"))).toBe(page("en"));
    expect(fs.existsSync(path.join(ROOT, "dist", "man", "ja", "kikitori.1"))).toBe(true);
  });

  it("escapes what roff would read as requests or escapes", () => {
    const roff = page("en");
    expect(roff).not.toMatch(/^[.'](?!TH|SH|SS|TP|PP|RS|RE|nf|fi|br|ad)/m);
    expect(roff).not.toMatch(/[^\x00-\x7f]/);
  });
});

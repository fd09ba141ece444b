/**
 * The built binary itself: what an in-process main() cannot show. Its version, its help, one
 * exit code of each kind with no stack trace, a large batch in worker threads, and a
 * confirmation asked on a real terminal. (Signals, broken pipes and colour: faults.test.ts;
 * the interactive hearing: start-pty.test.ts.)
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, kikitori, ROOT, read, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "packs") };
const userDir = (cwd: string) => path.join(cwd, ".xdg", "kikitori", "packs");

describe("global behaviour", () => {
  it("prints the version and help with an example per command", () => {
    const pkg = JSON.parse(read(path.join(ROOT, "package.json"))) as { version: string };
    expect(kikitori(["--version"]).stdout.trim()).toBe(pkg.version);
    const help = kikitori(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes");
    for (const c of ["render", "pack list", "pack validate", "pack skeleton"]) {
      const h = c.split(" ");
      const sub = kikitori([...h, "--help"]);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toMatch(/Example/);
    }
  });
});

describe("exit codes of the built binary", () => {
  const cwd = tmpdir();
  write(cwd, "bad.yaml", "kikitori: 1\nid: Bad\n");
  write(cwd, "taken.yaml", "mine\n");
  it.each([
    [["schedule", "--due", "2027-01-22", "--effort", "30", "--hours-per-day", "4", "--json"], 0, /^$/],
    [["frobnicate"], 2, /^error: unknown command 'frobnicate'/],
    [["pack", "validate", "bad.yaml"], 65, /^bad\.yaml:2:5: id "Bad" has the wrong form/],
    [["render", "nope.answers.yaml"], 66, /^error: nope\.answers\.yaml not found/],
    [["pack", "new", "x", "-o", "taken.yaml"], 73, /^error: taken\.yaml already exists: add --force to replace it/],
  ] as const)("%j exits %i", (args, code, says) => {
    const r = kikitori([...args], { cwd, env });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(read(path.join(cwd, "taken.yaml"))).toBe("mine\n");
  });
});

describe("render: a large batch in worker threads", () => {
  it("writes the same files, prints the same lines in order and exits like one thread", () => {
    const fixture = path.join(FIXTURES, "answers", "full.answers.yaml");
    const text = read(fixture);
    const run = (jobs: string) => {
      const dir = tmpdir();
      const names: string[] = [];
      for (let i = 0; i < 70; i++) {
        const name = `j${String(i).padStart(2, "0")}.answers.yaml`;
        write(dir, name, i === 33 ? text.replace("style: other", "style: cute") : text);
        names.push(name);
      }
      const r = kikitori(["render", ...names, "--out", "out"], { cwd: dir, env: { ...env, KIKITORI_JOBS: jobs } });
      const files = fs.readdirSync(path.join(dir, "out")).sort();
      return { r, files, brief: read(path.join(dir, "out", "j00.brief.md")) };
    };
    const one = run("1");
    const two = run("2");
    expect(two.r.code).toBe(65);
    expect(two.r.code).toBe(one.r.code);
    expect(two.r.stderr).toBe(one.r.stderr);
    expect(two.files).toEqual(one.files);
    expect(two.files).toHaveLength(138);
    expect(two.files).not.toContain("j33.brief.md");
    expect(two.brief).toBe(one.brief);
    const lines = two.r.stderr.split("\n");
    expect(lines[0]).toBe("out/j00.brief.md");
    expect(lines.findIndex((l) => l.includes("j33.answers.yaml"))).toBeGreaterThan(lines.indexOf("out/j32.message.md"));
  });
});

describe("pack install on a terminal", () => {
  it("asks on a terminal, and a no installs nothing", () => {
    const cwd = tmpdir();
    write(cwd, "p.yaml", packText("asked"));
    const run = (answer: string) =>
      spawnSync("script", ["-qec", `node ${JSON.stringify(BIN)} pack install p.yaml; echo "rc=$?"`, "/dev/null"], {
        cwd,
        input: answer,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", HOME: cwd, LANG: "C", XDG_DATA_HOME: path.join(cwd, ".xdg"), NO_COLOR: "1" },
        timeout: 20_000,
      });
    const no = run("n\r");
    expect(no.stdout).toContain("Install? [y/N]");
    expect(no.stdout).toContain("rc=130");
    expect(fs.existsSync(path.join(cwd, ".xdg"))).toBe(false);
    const yes = run("y\r");
    expect(yes.stdout).toContain("rc=0");
    expect(fs.readdirSync(userDir(cwd))).toEqual(["asked"]);
  });
});

/**
 * What a terminal shows, in-process: colour as NO_COLOR, FORCE_COLOR and --no-color say, the
 * batch counter that never runs into a printed path, and `render -` waiting on a terminal.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { colourLevel } from "../../src/cli/output.ts";
import { FIXTURES, run, tmpdir } from "../helpers.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "packs") };
const fixture = path.join(FIXTURES, "answers", "full.answers.yaml");

/** The lines a terminal shows for this text: `\r` returns to the start of the line, text overwrites. */
function onScreen(text: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (const ch of text) {
    if (ch === "\n") {
      lines.push(line.join("").trimEnd());
      line = [];
      col = 0;
    } else if (ch === "\r") col = 0;
    else line[col++] = ch;
  }
  if (line.length > 0) lines.push(line.join("").trimEnd());
  return lines;
}

describe("colour", () => {
  it.each([
    // env, a terminal?, --no-color, level
    [{}, true, false, 1],
    [{}, false, false, 0],
    [{ NO_COLOR: "1" }, true, false, 0],
    [{ NO_COLOR: "" }, true, false, 1],
    [{ TERM: "dumb" }, true, false, 0],
    [{ NODE_DISABLE_COLORS: "1" }, true, false, 0],
    [{ FORCE_COLOR: "1" }, false, false, 1],
    [{ FORCE_COLOR: "" }, false, false, 1],
    [{ FORCE_COLOR: "true" }, false, false, 1],
    [{ FORCE_COLOR: "2" }, false, false, 2],
    [{ FORCE_COLOR: "3" }, false, false, 3],
    [{ FORCE_COLOR: "0" }, true, false, 0],
    [{ FORCE_COLOR: "false" }, true, false, 0],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, false, false, 1],
    [{ FORCE_COLOR: "1" }, true, true, 0],
  ] as const)("%j on a terminal: %s, --no-color: %s -> level %i", (e, tty, noColor, level) => {
    expect(colourLevel(e, tty, noColor)).toBe(level);
  });

  it("FORCE_COLOR colours a pipe, FORCE_COLOR=0 leaves a terminal plain", async () => {
    const args = ["pack", "validate", path.join(FIXTURES, "packs", "all-types.yaml")];
    expect((await run(args, { env: { ...env, FORCE_COLOR: "1" } })).stdout).toContain("\x1b[");
    expect((await run(args, { env: { ...env, FORCE_COLOR: "0" }, tty: { stdout: true, stderr: true } })).stdout).not.toContain("\x1b");
    expect((await run(args, { env, tty: { stdout: true, stderr: true } })).stdout).toContain("\x1b[");
  });
});

describe("render batch on a terminal", () => {
  it("wipes the counter before printing a path, so each path is a line of its own", async () => {
    const dir = tmpdir();
    const names = ["a", "b", "c"].map((n) => `${n}.answers.yaml`);
    for (const n of names) fs.copyFileSync(fixture, path.join(dir, n));
    const r = await run(["render", ...names, "--out", "out"], { cwd: dir, env, tty: { stderr: true } });
    expect(r.code).toBe(0);
    const lines = onScreen(r.stderr);
    for (const n of ["a", "b", "c"]) expect(lines).toEqual(expect.arrayContaining([`out/${n}.brief.md`, `out/${n}.message.md`]));
    expect(lines.filter((l) => /^\d+\/3/.test(l))).toEqual(["3/3"]);
    expect(r.stderr).not.toContain("\x1b");
  });

  it("prints no counter when stderr is not a terminal", async () => {
    const dir = tmpdir();
    for (const n of ["a", "b"]) fs.copyFileSync(fixture, path.join(dir, `${n}.answers.yaml`));
    const r = await run(["render", "a.answers.yaml", "b.answers.yaml"], { cwd: dir, env });
    expect(r.stderr).not.toMatch(/\r|\d\/2/);
  });
});

describe("render - on a terminal", () => {
  const args = ["render", "-", "--stdout", "--only", "brief"];
  it("says it is reading stdin and how to end, then renders what was typed", async () => {
    const r = await run(args, { env, input: fs.readFileSync(fixture), tty: { stdin: true } });
    expect(r.stderr).toContain("Reading from stdin (-): paste or type it, then press Ctrl-D on a new line (Ctrl-C to stop)");
    expect(r.stdout).toMatch(/^# /);
    expect(r.code).toBe(0);
  });
  it("says nothing when stdin is a pipe", async () => {
    const r = await run(args, { env, input: fs.readFileSync(fixture) });
    expect(r.stderr).toBe("");
  });
  it("says it in Japanese with a Japanese locale", async () => {
    const r = await run(args, { env: { ...env, LANG: "ja_JP.UTF-8" }, input: fs.readFileSync(fixture), tty: { stdin: true } });
    expect(r.stderr).toContain("標準入力 (-) から読み込みます");
  });
});

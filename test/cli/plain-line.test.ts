/**
 * The argument table: command lines read by the plain reader (no commander) reach the same
 * command with the same arguments and options as through commander; every other line is left
 * to commander. Checked on a table of cases and on random lines built from the command table.
 */
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ReadLine } from "../../src/cli/exec.ts";
import type { IO } from "../../src/cli/output.ts";
import { parsePlainLine } from "../../src/cli/plain-line.ts";
import { runProgram } from "../../src/cli/program.ts";
import { COMMANDS, GLOBAL_OPTIONS, GROUPS } from "../../src/cli/specs/index.ts";
import { run } from "../helpers.ts";

const TABLE = { commands: COMMANDS, groups: GROUPS, globals: GLOBAL_OPTIONS };

function quietIO(): IO {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: new PassThrough(),
    env: { LANG: "C" },
    cwd: process.cwd(),
    now: () => new Date(2026, 10, 23),
  };
}

/** How commander reads the line (undefined when it refuses it or prints help). */
async function commanderReads(argv: string[]): Promise<ReadLine | undefined> {
  let read: ReadLine | undefined;
  await runProgram(argv, quietIO(), { dryRun: () => {}, onRead: (l) => (read = l) }).catch(() => undefined);
  return read;
}

const plainReads = (argv: string[]): ReadLine | undefined => {
  const p = parsePlainLine(argv, TABLE);
  return p && { command: p.command.name, args: p.args, opts: p.opts, lang: p.lang };
};

// A line, and whether the plain reader takes it (true) or leaves it to commander (false).
const CASES: [string, boolean][] = [
  ["render a.yaml", true],
  ["render a.yaml b.yaml - --out briefs --only brief --stdout --force", true],
  ["render a.yaml --lang en --no-color --no-cache", true],
  ["render --only brief a.yaml", true],
  ["render a.yaml --only both", false],
  ["render a.yaml --only=brief", false],
  ["render a.yaml --force --force", false],
  ["render", false],
  ["render a.yaml --help", false],
  ["render a.yaml -h", false],
  ["render -- a.yaml", false],
  ["render a.yaml --lang fr", false],
  ["render a.yaml --out", false],
  ["render a.yaml --out --force", false],
  ["render a.yaml --bogus", false],
  ["--lang en render a.yaml", false],
  ["start design-general --set a=1 --set b=2 -o job.answers.yaml", true],
  ["start design-general -o", false],
  ["start -yo x", false],
  ["schedule --due 2027-01-22 --effort 30 --hours-per-day 4 --json", true],
  ["import logo-design reply.txt -o a.yaml", true],
  ["message progress a.yaml --percent 60 --done ラフ --done 配色", true],
  ["pack list", true],
  ["pack list extra", false],
  ["pack", false],
  ["pack nothing", false],
  ["agenda jobs --json", true],
  ["help render", false],
  ["__complete kikitori ren", false],
  ["", false],
];

describe("plain command lines", () => {
  test.each(CASES)("%s (plain: %s)", async (line, plain) => {
    const argv = line === "" ? [] : line.split(" ");
    const mine = plainReads(argv);
    expect(mine !== undefined).toBe(plain);
    if (mine) expect(mine).toEqual(await commanderReads(argv));
  });

  test("every command has a plain line", () => {
    const reached = new Set(CASES.filter(([, p]) => p).map(([l]) => parsePlainLine(l.split(" "), TABLE)?.command.name));
    // The others are reached by the random lines below; each must be reachable at all.
    for (const c of COMMANDS.filter((c) => !c.hidden)) {
      const words = c.name.split(" ");
      const required = (c.args ?? []).filter((a) => a.name.startsWith("<")).map(() => "x");
      const options = (c.options ?? []).filter((o) => o.required).flatMap((o) => [o.flags.replace(/^-\w, /, "").split(" ")[0] ?? "", o.choices?.[0] ?? "1"]);
      const line = [...words, ...required, ...options];
      if (!reached.has(c.name)) expect(parsePlainLine(line, TABLE)?.command.name, line.join(" ")).toBe(c.name);
    }
  });

  test("random lines: what the plain reader takes, commander reads the same way", async () => {
    const words = COMMANDS.filter((c) => !c.hidden).map((c) => c.name.split(" "));
    const spellings = [...COMMANDS.flatMap((c) => c.options ?? []), ...GLOBAL_OPTIONS].flatMap((o) => o.flags.split(/[ ,]+/).filter((w) => w.startsWith("-")));
    const values = [...new Set(COMMANDS.flatMap((c) => (c.options ?? []).flatMap((o) => o.choices ?? [])))];
    const token = fc.oneof(
      fc.constantFrom(...spellings),
      fc.constantFrom(...values, "ja", "en", "fr", "-", "--", "-h", "--help", "-V", "--out=x", "-oq", "-5", "a.yaml", "help", "list"),
      fc.string({ maxLength: 6 }),
    );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...words), fc.array(token, { maxLength: 7 }), async (command, rest) => {
        const argv = [...command, ...rest];
        const mine = plainReads(argv);
        if (mine) {
          taken++;
          expect(mine).toEqual(await commanderReads(argv));
        }
      }),
      { numRuns: 600 },
    );
    // Enough of the lines are plain for the comparison to mean something.
    expect(taken).toBeGreaterThan(60);
  }, 120_000);

  test("a plain line runs as commander runs it: same output, files and exit code", async () => {
    const plain = await run(["schedule", "--due", "2027-01-22", "--effort", "30", "--hours-per-day", "4", "--json"]);
    const viaCommander = await run(["--lang", "en", "schedule", "--due", "2027-01-22", "--effort", "30", "--hours-per-day", "4", "--json"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(viaCommander.stdout);
    expect(plain.stderr).toBe(viaCommander.stderr);
  });
});

/**
 * Messages a terminal can trust. Generated: file and folder names carrying escape
 * sequences, control characters and bidi overrides (none reaches the terminal); long lists
 * of problems (cut after 20 lines, all of them in --json); hearings that end before or after
 * their first answer (the message says what was saved); absurd numbers (refused, or shown
 * as numbers, never "Infinity").
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatNumber } from "../../src/units.ts";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const ALL_TYPES = read(path.join(FIXTURES, "packs", "all-types.yaml"));
const ANSWERS = read(path.join(FIXTURES, "answers", "full.answers.yaml"));

/** What a terminal acts on: ESC, C0 (but tab and newline), DEL, C1, bidi embeddings and isolates. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\u009f\u202a-\u202e\u2066-\u2069]/;

const hostile = fc
  .array(
    fc.constantFrom(
      "a",
      "案件",
      "-",
      " ",
      "\x1b]0;pwned\x07",
      "\x1b]52;c;ZXZpbA==\x07",
      "\x1b[2J",
      "\x1b[31m",
      "\u009b1m",
      "\r",
      "\x07",
      "\u202e",
      "\u2066",
      "\x7f",
      "\x1bP+q\x1b\\",
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join("").replaceAll("/", "_"));

function setUp(): string {
  const dir = tmpdir();
  write(dir, "questionnaires/all-types.yaml", ALL_TYPES);
  return dir;
}

describe("file names with escape sequences never reach the terminal", () => {
  test("in what commands print: written files, not-found errors, pack lists, problems, refusals", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.integer({ min: 0, max: 7 }), async (name, which) => {
        const dir = setUp();
        const stem = `x${name}`;
        write(dir, "a.answers.yaml", ANSWERS);
        // Each case: the files it needs, then the command that prints the name.
        const cases: [Record<string, string>, string[]][] = [
          [{ [`${stem}.answers.yaml`]: ANSWERS }, ["render", `${stem}.answers.yaml`]],
          [{}, ["render", `${stem}.answers.yaml`]],
          [{ [`questionnaires/${stem}.yaml`]: ALL_TYPES.replace("id: all-types", "id: other-pack") }, ["pack", "list"]],
          [{ [`${stem}.yaml`]: "kikitori: 1\nid: Bad\n" }, ["pack", "validate", `${stem}.yaml`]],
          [{ "r.txt": "1. x\n" }, ["import", "all-types", "r.txt", "-o", `${stem}.answers.yaml`]],
          [{}, ["message", "confirm", "a.answers.yaml", "-o", `${stem}.txt`]],
          [{ [`${stem}.answers.yaml`]: ANSWERS }, ["message", "confirm", `${stem}.answers.yaml`, "-o", `${stem}.answers.yaml`, "--force"]],
          [{ [`${stem}/x.brief.md`]: "a file" }, ["render", "a.answers.yaml", "--out", `${stem}/x.brief.md/deeper`]],
        ];
        const [files, args] = cases[which] as [Record<string, string>, string[]];
        for (const [f, text] of Object.entries(files)) write(dir, f, text);
        const r = await run(args, { cwd: dir });
        expect(r.stdout).not.toMatch(UNSAFE);
        expect(r.stderr).not.toMatch(UNSAFE);
      }),
      { numRuns: 120 },
    );
  });
});

describe("long lists of problems are cut after 20 lines", () => {
  test("unknown ids in an answers file: 20 lines, then how many more", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (n) => {
        const dir = setUp();
        const extra = Array.from({ length: n }, (_, i) => `  unknown_${i}: x`).join("\n");
        write(dir, "a.answers.yaml", `${ANSWERS.trimEnd()}\n${extra}\n`);
        const r = await run(["render", "a.answers.yaml", "--stdout"], { cwd: dir });
        expect(r.code).toBe(65);
        const lines = r.stderr.trimEnd().split("\n");
        if (n <= 21) expect(lines.filter((l) => l.includes("unknown_")).length).toBe(n);
        else {
          expect(lines.length).toBe(22);
          expect(lines[21]).toBe(`  … and ${n - 20} more`);
        }
      }),
      { numRuns: 10 },
    );
  });

  test("pack validate cuts its list and --json keeps every problem", async () => {
    const dir = setUp();
    const qs = Array.from({ length: 300 }, (_, i) => `      - { id: q${i}, type: text, message: { ja: 質問, en: Q }, requird: true }`).join("\n");
    write(
      dir,
      "p.yaml",
      `kikitori: 1\nid: p\nversion: 1.0.0\ntitle: { ja: P, en: P }\nlanguages: [ja, en]\nsections:\n  - id: s\n    title: { ja: S, en: S }\n    questions:\n${qs}\n`,
    );
    const text = await run(["pack", "validate", "p.yaml"], { cwd: dir });
    expect(text.code).toBe(65);
    const lines = text.stderr.trimEnd().split("\n");
    expect(lines.length).toBe(21);
    expect(lines[20]).toBe("… and 280 more (--json lists them all)");
    const json = await run(["pack", "validate", "p.yaml", "--json"], { cwd: dir });
    expect(JSON.parse(json.stdout)[0].problems.length).toBe(300);
  });
});

const THREE = `kikitori: 1
id: three
version: 1.0.0
title: { ja: 三問, en: Three questions }
languages: [en, ja]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
      - { id: one, type: text, message: { ja: 一, en: First? } }
      - { id: two, type: text, message: { ja: 二, en: Second? } }
      - { id: three, type: text, message: { ja: 三, en: Third? } }
`;

describe("an interrupted hearing says what was really saved", () => {
  test("before or after the first answer, with or without -o", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.boolean(), async (answered, named) => {
        const dir = tmpdir();
        write(dir, "three.yaml", THREE);
        const lines = ["uno", "dos"].slice(0, answered);
        const r = await run(
          ["start", "./three.yaml", "--accessible", "--client", "A", "--job", "J", "--platform", "direct", ...(named ? ["-o", "x.answers.yaml"] : [])],
          {
            cwd: dir,
            input: lines.map((l) => `${l}\n`).join(""),
          },
        );
        expect(r.code).toBe(130);
        const files = fs.readdirSync(dir).filter((f) => f.endsWith(".answers.yaml"));
        if (answered === 0) {
          expect(r.stderr).toMatch(named ? /nothing was saved \(x\.answers\.yaml was not created\)\n$/ : /nothing was saved\n$/);
          expect(files).toEqual([]);
        } else {
          const saved = /saved in (\S+\.answers\.yaml)\./.exec(r.stderr)?.[1] ?? "";
          expect(files).toEqual([saved]);
          expect(read(path.join(dir, saved))).toContain(`  one: uno`);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe("numbers display sanely", () => {
  test("absurd or non-finite numbers are refused where the question has no bound", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.double({ min: 1.0000001e15, max: 1.7e308, noNaN: true }),
          fc.double({ min: -1.7e308, max: -1.0000001e15, noNaN: true }),
          fc.constantFrom(".inf", "-.inf", ".nan", "1e309", "1e308"),
        ),
        async (v) => {
          const dir = setUp();
          write(dir, "a.answers.yaml", ANSWERS.replace(/^ {2}budget: .*$/m, `  budget: ${v}`));
          const r = await run(["render", "a.answers.yaml", "--stdout"], { cwd: dir });
          expect(r.code, r.stderr).toBe(65);
          expect(r.stderr).toMatch(/budget: (.* is too large to be an answer|must be a number)/);
        },
      ),
      { numRuns: 30 },
    );
  });

  test("any finite number is shown with digits, never as Infinity or NaN", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const s = formatNumber(n);
        expect(s).not.toMatch(/Infinity|NaN/);
        if (Math.abs(n) < 1e21) expect(s).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
      }),
    );
  });
});

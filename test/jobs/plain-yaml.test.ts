/**
 * The plain-YAML reader the agenda uses must never disagree with the real parser: for any
 * text it accepts, it gives exactly what `yaml` (1.2, core schema) gives; anything else it
 * leaves to the real parser. Property tests over generated documents and mutations of them,
 * then the slices of real answers files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { sliceAnswersText, topLevelBlocks } from "../../src/jobs/slice.ts";
import { parsePlainYaml } from "../../src/yaml/plain.ts";
import { ROOT } from "../helpers.ts";

const real = (text: string): unknown => {
  try {
    return parse(text, { version: "1.2", schema: "core", uniqueKeys: true });
  } catch {
    return Symbol.for("error");
  }
};

const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
const tricky = fc.constantFrom(
  "no",
  "yes",
  "~",
  "null",
  "Null",
  "true",
  "False",
  "0o17",
  "0x1F",
  "1e3",
  ".5",
  "-0",
  "+12",
  ".inf",
  "-.Inf",
  ".nan",
  "2026-12-01",
  "2026-11-30T10:00:00+09:00",
  "10:00",
  "a: b",
  "a #b",
  "#x",
  "- x",
  "[a]",
  "{a}",
  "x,y",
  "it's",
  'say "hi"',
  "",
  " ",
  "  padded  ",
  "ロゴ制作",
  "tab\there",
  "back\\slash",
  "a\nb",
  "%x",
  "@x",
  "`x`",
  "&a",
  "*a",
  "!x",
  "|",
  ">",
  "?",
  ":x",
  "x:",
);
const scalar = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
const flowMap = fc.dictionary(key, scalar, { maxKeys: 4 });
const value = fc.oneof(scalar, flowMap, fc.array(scalar, { maxLength: 4 }), fc.array(flowMap, { maxLength: 3 }), fc.dictionary(key, scalar, { maxKeys: 4 }));
const doc = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

/** Texts as a person or the yaml writer might lay them out: block style, and one line per flow map. */
const texts = doc.chain((d) =>
  fc.constantFrom(
    stringify(d, { version: "1.2" }),
    stringify(d, { version: "1.2", collectionStyle: "flow" }),
    stringify(d, { version: "1.2", defaultStringType: "QUOTE_DOUBLE" }),
    stringify(d, { version: "1.2", defaultStringType: "QUOTE_SINGLE", indentSeq: false }),
    stringify(d, { version: "1.2", flowCollectionPadding: false }),
  ),
);

describe("parsePlainYaml", () => {
  it("agrees with the yaml library on every text it accepts", () => {
    let accepted = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const mine = parsePlainYaml(text);
        if (mine === undefined) return;
        accepted++;
        expect(mine).toEqual(real(text));
      }),
      { numRuns: 400 },
    );
    // The subset is worth having: most of these texts are in it.
    expect(accepted).toBeGreaterThan(50);
  });

  it("agrees after random edits (or declines)", () => {
    const edited = fc
      .tuple(texts, fc.nat(), fc.constantFrom("#", ":", " ", "\n", "-", "'", '"', "{", "}", "[", ",", "\t", "&a ", "*a", "!!str ", "\\", "x"))
      .map(([t, at, ch]) => t.slice(0, at % (t.length + 1)) + ch + t.slice(at % (t.length + 1)));
    fc.assert(
      fc.property(edited, (text) => {
        const mine = parsePlainYaml(text);
        if (mine !== undefined) expect(mine).toEqual(real(text));
      }),
      { numRuns: 600 },
    );
  });

  // Found by the edit property above: a tab is separation inside a flow collection. The reader
  // now leaves every line with a tab to the full parser.
  it.each([["a: [\t]\n"], ["a: [ \t]\n"], ["a: [\tx ,\ty]\n"], ["a: {\tb: 1}\n"]])("leaves %j to the yaml library", (text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  it.each([["a: |\n  text\n"], ["a: |-\n  two\n\n  lines\n"], ["refs:\n- a: 1\n  b: [x]\n"], ['a: "x" # note\n']])(
    "reads %j as the yaml library does",
    (text) => {
      expect(parsePlainYaml(text) ?? "declined").toEqual(real(text));
    },
  );

  it.each([
    ["a: 1\na: 2\n", "duplicate keys"],
    ["__proto__: 1\n", "__proto__"],
    ["a: &x 1\nb: *x\n", "anchors"],
    ["a: |+\n  text\n", "block scalars that keep trailing lines"],
    ["a: >\n  text\n", "folded block scalars"],
    ["a: b\n  c\n", "multi-line scalars"],
    ["%YAML 1.1\n---\na: no\n", "directives"],
    ["true: 1\n", "keys that are not strings"],
    ["a: 2026-11-30T10:00:00+09:\t00\n", "a tab inside a plain scalar (after a colon it starts a mapping)"],
  ])("declines %j (%s)", (text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });
});

describe("reading only what the agenda needs", () => {
  const examples = fs.readdirSync(path.join(ROOT, "questionnaires", "examples")).map((f) => path.join(ROOT, "questionnaires", "examples", f));
  it.each(examples.map((f) => [path.basename(f), f]))("%s: the slice reads as the whole file does, for the header, the log and the answers kept", (_, file) => {
    const text = `${fs.readFileSync(file, "utf8")}progress:\n  - { date: 2026-11-26, hours: 3, done: 10, note: "ラフ: 3案" }\n`;
    const whole = real(text) as Record<string, unknown> & { answers: Record<string, unknown> };
    const keep = new Set(["due_date", "start_date", "effort_hours", "payment_due", "colors", "impression", "nothing"]);
    const blocks = topLevelBlocks(text);
    expect(blocks).toBeDefined();
    const sliced = sliceAnswersText(blocks ?? [], keep) ?? "";
    const part = parsePlainYaml(sliced) ?? (real(sliced) as Record<string, unknown>);
    const { answers, ...head } = whole;
    expect(part).toEqual({ ...head, answers: Object.fromEntries(Object.entries(answers).filter(([k]) => keep.has(k))) });
  });

  it.each([
    ["answers: { a: 1 }\n"],
    ["answers:\n  a: 1\n b: 2\n"],
    ["answers:\n\t a: 1\n"],
    ["---\nanswers:\n  a: 1\n"],
    ["answers:\n  a: 1\nanswers:\n  b: 2\n"],
  ])("layouts it cannot cut along lines are left to the full parser: %j", (text) => {
    const blocks = topLevelBlocks(text);
    expect(blocks === undefined || sliceAnswersText(blocks, new Set(["a"])) === undefined).toBe(true);
  });
});

/**
 * Pack patterns run on a linear-time engine (src/pack/pattern.ts). Generated patterns mean
 * what JavaScript says they mean; patterns that make a backtracking engine run for minutes
 * (overlapping or nested repeats) finish at once on long answers; look-around and
 * back-references are refused when the pack loads; the work per file is bounded.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkValue } from "../../src/answers/check-value.ts";
import { validateAnswers } from "../../src/answers/validate.ts";
import { matchPattern, PATTERN_LIMITS, PatternMeter, patternProblem } from "../../src/pack/pattern.ts";
import type { Pack, Question } from "../../src/pack/types.ts";
import { validatePack } from "../../src/pack/validate.ts";
import { parseYaml } from "../../src/yaml/parse.ts";

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 200) };

// Characters where JavaScript and RE2 could disagree: ideographic and no-break spaces,
// line terminators, astral characters, digits, word characters, punctuation.
const CHARS = ["a", "b", "Z", "1", "９", "あ", "漢", " ", "\u3000", "\u00a0", "\t", "\n", "\r", "\u2028", "\ufeff", "-", ".", "_", "😀", "\u0008"];

const atom: fc.Arbitrary<string> = fc.constantFrom(
  "a",
  "b",
  "1",
  "あ",
  "\\.",
  "-",
  "\\-",
  "\\/",
  ".",
  "\\d",
  "\\D",
  "\\w",
  "\\W",
  "\\s",
  "\\S",
  "\\u3000",
  "\\u{1F600}",
  "\\uD83D\\uDE00",
  "\\x41",
  "\\p{L}",
  "\\P{L}",
  "\\p{Lu}",
  "\\p{Nd}",
  "\\p{Letter}",
  "\\p{Script=Hiragana}",
  "\\p{sc=Han}",
  "\\p{General_Category=Decimal_Number}",
  "[ab]",
  "[^a]",
  "[a-c]",
  "[\\s]",
  "[^\\s]",
  "[\\d\\s]",
  "[\\b]",
  "[あ-ん]",
  "[\\u3000-\\u303f]",
  "[.]",
  "[[]",
  "[]",
  "[^]",
  "\\0",
  "\\cH",
  "\\t",
  "\\n",
);

const quantifier = fc.constantFrom("", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "+?", "??", "{2,}?");

const { pattern } = fc.letrec<{ pattern: string; term: string; piece: string }>((tie) => ({
  piece: fc.oneof(
    { weight: 4, arbitrary: fc.tuple(atom, quantifier).map(([a, q]) => a + q) },
    { weight: 1, arbitrary: fc.constantFrom("^", "$", "\\b", "\\B") },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("(", "(?:", "(?<g>"), tie("pattern"), fc.constantFrom(")"), quantifier)
        .map(([open, inner, close, q]) => (open === "(?<g>" && inner.includes("(?<g>") ? `(?:${inner})${q}` : `${open}${inner}${close}${q}`)),
    },
  ),
  term: fc.array(tie("piece"), { minLength: 0, maxLength: 4 }).map((p) => p.join("")),
  pattern: fc.array(tie("term"), { minLength: 1, maxLength: 3 }).map((t) => t.join("|")),
}));

/** The problems of a one-question pack whose question has this pattern. */
function validatePackData(p: string) {
  const yaml = `kikitori: 1
id: t
version: 1.0.0
title: { ja: テスト, en: Test }
languages: [ja, en]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
      - id: q
        type: text
        message: { ja: 質問, en: Question }
        validate: { pattern: ${JSON.stringify(p)} }
`;
  const parsed = parseYaml(yaml, "p.yaml");
  return validatePack(parsed.data, "p.yaml", parsed).problems;
}

const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((c) => c.join(""));

describe("pack patterns mean what JavaScript says", () => {
  test("any pattern of the supported features matches exactly where RegExp(…, 'u') matches", () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (p, inputs) => {
        let js: RegExp;
        try {
          js = new RegExp(p, "u");
        } catch {
          // Not valid JavaScript: the loader refuses it.
          expect(patternProblem(p)).toBeDefined();
          return;
        }
        if (patternProblem(p)) return; // too complex for the program cap
        for (const s of inputs) {
          // V8 lets \B match between the two halves of a character outside the BMP ("a😀a"); RE2
          // reads characters whole. The one difference, documented in README (Packs, validate).
          if (p.includes("\\B") && /[\u{10000}-\u{10FFFF}]/u.test(s)) continue;
          expect(matchPattern(p, s), `${JSON.stringify(p)} on ${JSON.stringify(s)}`).toBe(js.test(s));
        }
      }),
      RUNS,
    );
  });

  test.each([
    ["^\\s+$", "\u3000\u00a0 ", true],
    ["^\\S+$", "\u3000", false],
    ["^.$", "\u2028", false],
    ["^.$", "😀", true],
    ["^\\u3000$", "\u3000", true],
    ["^[\\u{1F600}-\\u{1F64F}]$", "😃", true],
    ["^\\p{Script=Katakana}+$", "カタカナ", true],
    ["^\\d{3}-\\d{4}$", "123-4567", true],
    ["^\\d{3}-\\d{4}$", "１２３-４５６７", false],
    ["^[^]$", "\n", true],
    ["[]", "anything", false],
  ])("%j on %j is %s", (p, s, expected) => {
    expect(patternProblem(p)).toBeUndefined();
    expect(matchPattern(p, s)).toBe(expected);
    expect(new RegExp(p, "u").test(s)).toBe(expected);
  });
});

describe("patterns the engine cannot run in linear time are refused when the pack loads", () => {
  test.each([
    ["(?=a)a", /look-ahead or look-behind/],
    ["(?!a)b", /look-ahead or look-behind/],
    ["(?<=a)b", /look-ahead or look-behind/],
    ["(?<!a)b", /look-ahead or look-behind/],
    ["(a)\\1", /back-references/],
    ["(?<x>a)\\k<x>", /back-references/],
    ["[\\S]", /\\S inside/],
    ["\\uD83D", /lone surrogate/],
    ["a{1001}", /not supported: invalid repeat count/],
    ["[a-z]{900}[0-9]{900}", /too complex/],
    ["(", /not a valid regular expression/],
    ["x".repeat(201), /too long/],
  ])("%j", (p, why) => {
    expect(patternProblem(p)?.en).toMatch(why);
    // …and in a pack, the loader says so with the place and a fix.
    const problems = validatePackData(p);
    expect(problems.map((x) => `${x.message.en} — ${x.fix?.en}`).join("\n")).toMatch(why);
  });
});

/** Patterns of the shapes that backtrack for minutes, and a long input with a known answer. */
const hostile = fc.oneof(
  fc.constantFrom(
    { p: "(a|aa)+$", unit: "a", tail: "b", match: false },
    { p: "^(\\w|\\d)+$", unit: "1", tail: "!", match: false },
    { p: "^a*a*a*a*a*a*a*b$", unit: "a", tail: "", match: false },
    { p: "^(?:a|a)*$", unit: "a", tail: "", match: true },
    { p: "^(\\s|\\u3000)*x$", unit: "\u3000", tail: "y", match: false },
    { p: "(.*a){12}", unit: "a", tail: "", match: true },
    { p: "^(a+)+$", unit: "a", tail: "!", match: false },
    { p: "^([a-z]+\\s?)*$", unit: "ab ", tail: "!", match: false },
  ),
);

describe("matching takes time in proportion to the text", () => {
  test("hostile patterns on long answers give the right answer (the test would hang otherwise)", () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 12, max: 30_000 }), ({ p, unit, tail, match }, n) => {
        const s = unit.repeat(n) + tail;
        expect(matchPattern(p, s)).toBe(match);
      }),
      { numRuns: 40 },
    );
  });

  test("past the work budget an answer is refused as too long to check, never checked for long", () => {
    const q: Question = {
      id: "code",
      type: "text",
      message: { ja: "コード", en: "Code" },
      required: false,
      allow_pending: false,
      validate: { pattern: "^(?:a|aa)+$" },
    };
    const size = 1 + Math.ceil(PATTERN_LIMITS.work / (400_000 * 8));
    const r = checkValue(q, "a".repeat(400_000 * size));
    expect("error" in r && r.error.en).toMatch(/too long to check/);
    // The budget is per file: many long answers share it.
    const pack: Pack = {
      kikitori: 1,
      id: "p",
      version: "1.0.0",
      title: { ja: "p", en: "p" },
      languages: ["ja", "en"],
      sections: [{ id: "s", title: { ja: "s", en: "s" }, questions: [] }],
    } as unknown as Pack;
    const questions = Array.from({ length: 40 }, (_, i) => ({ ...q, id: `q${i}` }));
    (pack.sections[0] as { questions: Question[] }).questions = questions;
    const answers = Object.fromEntries(questions.map((x) => [x.id, "a".repeat(50_000)]));
    const { problems } = validateAnswers(pack, answers);
    expect(problems.some((p) => /too long to check/.test(p.message.en))).toBe(true);
    expect(problems.length).toBeLessThan(questions.length);
  });

  test("a fresh meter gives each file the whole budget", () => {
    const m = new PatternMeter();
    expect(matchPattern("^a+$", "a".repeat(1000), m)).toBe(true);
    expect(m.left).toBeLessThan(PATTERN_LIMITS.work);
  });
});

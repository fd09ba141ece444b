/**
 * One reading of values. Typed input (the prompts, the accessible mode, `--set`, an answers
 * file) has one tolerance per type (readTyped, through checkValue); a client's reply in prose
 * has one lenient reader (import's readAnswer). The table holds both, one line per input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charCount, checkValue } from "../../src/answers/check-value.ts";
import { readAnswer } from "../../src/import/values.ts";
import type { Question } from "../../src/pack/types.ts";
import { mixedText } from "../ground/lone-text.ts";

const T = (ja: string, en: string) => ({ ja, en });
const q = (over: Partial<Question>): Question => ({
  id: "q",
  type: "text",
  message: T("質問は？", "Question?"),
  required: false,
  allow_pending: false,
  ...over,
});
const Q = {
  number: q({ type: "number", unit: T("本", "figure|figures") }),
  count: q({ type: "number", unit: T("回", "round|rounds"), validate: { integer: true } }),
  scale: q({ type: "scale", min: 1, max: 5 }),
  date: q({ type: "date" }),
  confirm: q({ type: "confirm" }),
  select: q({
    type: "select",
    choices: [
      { value: "calm", label: T("落ち着いた", "Calm") },
      { value: "pop", label: T("ポップ", "Pop") },
    ],
  }),
  text: q({ type: "text", validate: { max_length: 5 } }),
};

const REFUSED = "refused";
/** What typed input gives after checkValue: the value, or REFUSED. */
const typed = (question: Question, input: unknown) => {
  const r = checkValue(question, input);
  return "value" in r ? r.value : REFUSED;
};
/** What a reply gives: the value, or REFUSED (unreadable, or refused by checkValue). */
const prose = (question: Question, input: string) => {
  const r = readAnswer(question, input, { today: "2026-11-23" });
  if (r.kind !== "value") return REFUSED;
  const c = checkValue(question, r.value);
  return "value" in c ? c.value : REFUSED;
};

// [question, input, typed input gives, a reply gives]
const TABLE: [keyof typeof Q, string, unknown, unknown][] = [
  ["number", "3", 3, 3],
  ["number", "2.5", 2.5, 2.5],
  ["number", "50,000", 50000, 50000],
  ["number", "５０，０００", 50000, 50000],
  ["number", "3本", 3, 3],
  ["number", "2 figures", 2, 2],
  ["number", "1 figure", 1, 1],
  ["number", "約3本", REFUSED, 3],
  ["number", "3〜5本", REFUSED, REFUSED],
  ["number", "3万", REFUSED, 30000],
  ["number", "three", REFUSED, REFUSED],
  ["count", "2", 2, 2],
  ["count", "2.5", REFUSED, REFUSED],
  ["count", "2.5回", REFUSED, REFUSED],
  ["scale", "4", 4, 4],
  ["scale", "４", 4, 4],
  ["scale", "3.5", REFUSED, REFUSED],
  ["scale", "9", REFUSED, REFUSED],
  ["date", "2027-01-05", "2027-01-05", "2027-01-05"],
  ["date", "2027/1/5", "2027-01-05", "2027-01-05"],
  ["date", "2027年1月5日", "2027-01-05", "2027-01-05"],
  ["date", "２０２７/１/５", "2027-01-05", "2027-01-05"],
  ["date", "12月7日", REFUSED, "2026-12-07"],
  ["date", "Dec 7, 2026", REFUSED, "2026-12-07"],
  ["date", "2027-02-30", REFUSED, REFUSED],
  ["confirm", "yes", true, true],
  ["confirm", "はい", true, true],
  ["confirm", "n", false, false],
  ["confirm", "false", false, false],
  ["confirm", "大丈夫です", REFUSED, REFUSED],
  ["select", "pop", "pop", "pop"],
  ["select", "ポップ", "pop", "pop"],
  ["select", "calm", "calm", "calm"],
  ["select", "2", REFUSED, "pop"],
  ["select", "2でお願いします", REFUSED, "pop"],
  ["text", "𠮷野家の牛", "𠮷野家の牛", "𠮷野家の牛"],
  ["text", "👍🏽👍🏽👍🏽👍🏽👍🏽", "👍🏽👍🏽👍🏽👍🏽👍🏽", "👍🏽👍🏽👍🏽👍🏽👍🏽"],
  ["text", "123456", REFUSED, REFUSED],
];

describe("typed input and prose replies, type by type", () => {
  it.each(TABLE)("%s %j: typed %j, in a reply %j", (type, input, wantTyped, wantProse) => {
    expect(typed(Q[type], input)).toEqual(wantTyped);
    expect(prose(Q[type], input)).toEqual(wantProse);
  });

  it("YAML values are typed input too: a boolean, a number", () => {
    expect(typed(Q.confirm, true)).toBe(true);
    expect(typed(Q.number, 3)).toBe(3);
    expect(typed(Q.count, 2.5)).toBe(REFUSED);
  });
});

describe("length rules count characters as a person does", () => {
  it.each([
    ["abc", 3],
    ["𠮷", 1],
    ["é", 1],
    ["👍🏽", 1],
    ["👨‍👩‍👧", 1],
    ["カフェ𠮷田", 5],
    ["ガ", 1],
    ["カ\u3099", 1],
    ["ｶﾞ", 1],
    ["a\r\nb", 3],
    ["a\n\tb", 4],
    ["山田様 · カフェ（A4）", 13],
  ])("%j has %i", (s, n) => {
    expect(charCount(s)).toBe(n);
  });

  it("counts as Intl.Segmenter does, on any text (property)", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    fc.assert(
      fc.property(mixedText, (s) => {
        expect(charCount(s)).toBe([...segmenter.segment(s)].length);
      }),
      { numRuns: 5000 },
    );
  });

  it("a 33-character name holding 𠮷 fits max_length 40", () => {
    const name = `${"𠮷".repeat(3)}${"あ".repeat(30)}`;
    expect(name.length).toBe(36);
    expect(typed(q({ type: "text", validate: { max_length: 40 } }), name)).toBe(name);
    expect(typed(q({ type: "text", validate: { max_length: 33 } }), name)).toBe(name);
    expect(typed(q({ type: "text", validate: { max_length: 32 } }), name)).toBe(REFUSED);
  });
});

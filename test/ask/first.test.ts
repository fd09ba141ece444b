/** The first round (`ask --first`, `form --first`): which questions, in which order, with which numbers. */
import { describe, expect, test } from "vitest";
import { FIRST_ROUND, firstRound } from "../../src/ask/first.ts";
import { numberQuestions } from "../../src/ask/numbering.ts";
import type { Pack, Question } from "../../src/pack/types.ts";

const q = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  type: "text",
  message: { ja: id, en: id },
  required: false,
  allow_pending: false,
  ...extra,
});
const pack = (questions: Question[]): Pack => ({
  kikitori: 1,
  id: "p",
  version: "1.0.0",
  title: { ja: "p", en: "p" },
  languages: ["ja", "en"],
  sections: [{ id: "s", title: { ja: "s", en: "s" }, questions }],
});

describe("firstRound", () => {
  test.each([
    ["required and summary questions, in pack order", [q("a", { required: true }), q("b"), q("c", { summary: true })], ["a", "c"]],
    [
      "not the conditional ones, nor the worker's",
      [q("a", { required: true }), q("b", { required: true, when: { question: "a", answered: true } }), q("c", { required: true, audience: "worker" })],
      ["a"],
    ],
    ["nothing when nothing is required or summary", [q("a"), q("b")], []],
  ])("%s", (_, questions, ids) => {
    expect(firstRound(pack(questions)).map((x) => x.question.id)).toEqual(ids);
  });

  test(`at most ${FIRST_ROUND}: summary ones first, then required, each with its number from the whole questionnaire`, () => {
    const questions = [
      ...Array.from({ length: 8 }, (_, i) => q(`r${i}`, { required: true })),
      ...Array.from({ length: 4 }, (_, i) => q(`s${i}`, { summary: true })),
      ...Array.from({ length: 3 }, (_, i) => q(`b${i}`, { required: true, summary: true })),
    ];
    const round = firstRound(pack(questions));
    expect(round).toHaveLength(FIRST_ROUND);
    expect(round.map((x) => x.question.id)).toEqual(["r0", "r1", "r2", "r3", "r4", "s0", "s1", "s2", "s3", "b0", "b1", "b2"]);
    const numbers = new Map(numberQuestions(pack(questions)).map((x) => [x.question.id, x.n]));
    expect(round.every((x) => x.n === numbers.get(x.question.id))).toBe(true);
  });
});

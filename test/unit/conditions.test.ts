import { describe, expect, it } from "vitest";
import { evaluate, pruneAnswers, visibleQuestions } from "../../src/answers/conditions.ts";
import type { Answers } from "../../src/answers/types.ts";
import type { Condition, Pack } from "../../src/pack/types.ts";

const answers: Answers = { style: "friendly", usage: ["sns", "web"], fixed: true, budget: { pending: true }, empty: [] };

describe("evaluate", () => {
  it.each<[string, Condition, boolean]>([
    ["equals hit", { question: "style", equals: "friendly" }, true],
    ["equals miss", { question: "style", equals: "realistic" }, false],
    ["equals boolean", { question: "fixed", equals: true }, true],
    ["in hit", { question: "style", in: ["realistic", "friendly"] }, true],
    ["in miss", { question: "style", in: ["realistic"] }, false],
    ["includes hit", { question: "usage", includes: "sns" }, true],
    ["includes miss", { question: "usage", includes: "print" }, false],
    ["answered", { question: "style", answered: true }, true],
    ["pending is not answered", { question: "budget", answered: false }, true],
    ["empty list is not answered", { question: "empty", answered: true }, false],
    ["missing is not answered", { question: "nope", answered: false }, true],
    ["pending equals nothing", { question: "budget", equals: "x" }, false],
    [
      "all",
      {
        all: [
          { question: "style", equals: "friendly" },
          { question: "fixed", equals: true },
        ],
      },
      true,
    ],
    [
      "all with a miss",
      {
        all: [
          { question: "style", equals: "friendly" },
          { question: "fixed", equals: false },
        ],
      },
      false,
    ],
    [
      "any",
      {
        any: [
          { question: "style", equals: "x" },
          { question: "usage", includes: "web" },
        ],
      },
      true,
    ],
    ["not", { not: { question: "style", equals: "friendly" } }, false],
  ])("%s", (_name, cond, expected) => {
    expect(evaluate(cond, answers)).toBe(expected);
  });
});

const pack: Pack = {
  kikitori: 1,
  id: "p",
  version: "1.0.0",
  title: { ja: "p", en: "p" },
  languages: ["ja", "en"],
  sections: [
    {
      id: "s",
      title: { ja: "s", en: "s" },
      questions: [
        { id: "a", type: "confirm", message: { ja: "a", en: "a" }, required: false, allow_pending: false },
        { id: "b", type: "text", message: { ja: "b", en: "b" }, required: false, allow_pending: false, when: { question: "a", equals: true } },
        { id: "c", type: "text", message: { ja: "c", en: "c" }, required: false, allow_pending: false, when: { question: "b", answered: true } },
      ],
    },
  ],
};

describe("visibility cascades", () => {
  it.each<[string, Answers, string[], string[]]>([
    ["all shown", { a: true, b: "x", c: "y" }, ["a", "b", "c"], ["a", "b", "c"]],
    ["hiding b hides c too", { a: false, b: "x", c: "y" }, ["a"], ["a"]],
    ["c waits for b", { a: true }, ["a", "b"], ["a"]],
  ])("%s", (_name, given, visible, kept) => {
    expect(visibleQuestions(pack, given).map((q) => q.id)).toEqual(visible);
    expect(Object.keys(pruneAnswers(pack, given))).toEqual(kept);
  });
});

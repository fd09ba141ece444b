/** `when` conditions as the client reads them: prose in the question numbering, never the data's shape. */
import { describe, expect, it } from "vitest";
import { conditionProse } from "../../src/ask/condition-prose.ts";
import type { Condition, Pack, Question } from "../../src/pack/types.ts";

const q = (id: string, type: Question["type"], choices?: [string, string, string][]): Question => ({
  id,
  type,
  message: { ja: id, en: id },
  required: false,
  allow_pending: false,
  ...(choices ? { choices: choices.map(([value, ja, en]) => ({ value, label: { ja, en } })) } : {}),
});
const pack = {
  sections: [
    {
      id: "s",
      title: { ja: "", en: "" },
      questions: [
        q("rights", "select", [
          ["transfer", "著作権を譲渡してほしい", "Transfer the copyright"],
          ["license", "利用許諾でよい", "A licence"],
        ]),
        q("usage", "multiselect", [
          ["sns", "SNS", "Social media"],
          ["print", "印刷物", "Print"],
        ]),
        q("ready", "confirm"),
        q("refs", "references"),
      ],
    },
  ],
} as unknown as Pack;
const n: Record<string, number> = { rights: 44, usage: 2, ready: 5, refs: 20 };
const name = (lang: "ja" | "en") => (x: Question) => (lang === "ja" ? `質問${n[x.id]}` : `Q${n[x.id]}`);

describe.each<[string, Condition, string, string]>([
  [
    "a negated choice",
    { not: { question: "rights", equals: "transfer" } },
    "質問44で「著作権を譲渡してほしい」以外を選んだ場合のみ",
    'skip if you chose "Transfer the copyright" in Q44',
  ],
  ["a choice", { question: "rights", equals: "license" }, "質問44で「利用許諾でよい」を選んだ場合のみ", 'only if you chose "A licence" in Q44'],
  [
    "one of",
    { question: "rights", in: ["transfer", "license"] },
    "質問44で「著作権を譲渡してほしい」「利用許諾でよい」のいずれかを選んだ場合のみ",
    'only if you chose "Transfer the copyright" or "A licence" in Q44',
  ],
  ["a pick of several", { question: "usage", includes: "sns" }, "質問2で「SNS」を選んだ場合のみ", 'only if you chose "Social media" in Q2'],
  ["yes", { question: "ready", equals: true }, "質問5で「はい」とお答えになった場合のみ", 'only if you answered "Yes" to Q5'],
  ["answered", { question: "refs", answered: true }, "質問20にご回答いただいた場合のみ", "only if you answered Q20"],
  ["not answered", { not: { question: "refs", answered: true } }, "質問20にご回答がない場合のみ", "only if you left Q20 blank"],
  [
    "all, with a negation inside",
    { all: [{ question: "usage", includes: "print" }, { not: { question: "ready", equals: true } }] },
    "質問2で「印刷物」を選んだうえで、質問5で「はい」以外とお答えになった場合のみ",
    'only if you chose "Print" in Q2 and you answered anything but "Yes" to Q5',
  ],
  [
    "not any (De Morgan)",
    {
      not: {
        any: [
          { question: "usage", includes: "sns" },
          { question: "rights", equals: "license" },
        ],
      },
    },
    "質問2で「SNS」を選ばなかったうえで、質問44で「利用許諾でよい」以外を選んだ場合のみ",
    'only if you did not choose "Social media" in Q2 and you chose anything but "A licence" in Q44',
  ],
  [
    "any of several not answered (one thought: something is still open)",
    {
      any: [{ question: "refs", answered: false }, { not: { question: "ready", answered: true } }],
    },
    "質問20、質問5のいずれかがまだ決まっていない場合のみ",
    "only if any of Q20 or Q5 is not decided yet",
  ],
])("%s", (_what, cond, ja, en) => {
  it("reads as prose in Japanese and English", () => {
    expect(conditionProse(cond, pack, "ja", name("ja"))).toBe(ja);
    expect(conditionProse(cond, pack, "en", name("en"))).toBe(en);
  });
});

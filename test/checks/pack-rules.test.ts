/** `tags:`, `checks:` and `written_terms:` in a pack: accepted, normalized, and every mistake reported at its line. */
import { describe, expect, it } from "vitest";
import { validatePack } from "../../src/pack/validate.ts";
import { parseYaml } from "../../src/yaml/parse.ts";

const HEAD = `kikitori: 1
id: t
version: 1.0.0
title: { ja: テスト, en: Test }
languages: [ja, en]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
      - id: fee
        type: number
        message: { ja: 報酬は？, en: Fee? }
        allow_pending: true
        tags: [fee]
      - id: pay
        type: date
        message: { ja: 支払日は？, en: Paid when? }
        tags: [payment]
      - id: contact
        type: multiselect
        message: { ja: 連絡手段は？, en: Contact? }
        tags: [contact]
        choices:
          - { value: platform, label: { ja: サービス内, en: Platform } }
          - { value: email, label: { ja: メール, en: Email } }
`;

function problems(tail: string) {
  const text = HEAD + tail;
  const parsed = parseYaml(text, "p.yaml");
  return validatePack(parsed.data, "p.yaml", parsed);
}

describe("tags", () => {
  it("are kept on the normalized question", () => {
    const r = problems("");
    expect(r.problems).toEqual([]);
    expect(r.pack?.sections[0]?.questions[0]?.tags).toEqual(["fee"]);
  });

  it("outside the vocabulary are an error at their line, listing the allowed ones", () => {
    const parsed = parseYaml(HEAD.replace("tags: [fee]", "tags: [fees]"), "p.yaml");
    const bad = validatePack(parsed.data, "p.yaml", parsed).problems;
    expect(bad).toHaveLength(1);
    expect(bad[0]?.line).toBe(14);
    expect(bad[0]?.fix?.en).toMatch(/budget, fee, payment/);
  });
});

const CHECK = (when: string) => `checks:\n  - id: c\n    when: ${when}\n    message: { ja: 確認してください, en: Check it }\n`;

describe("checks and written_terms", () => {
  it("a pack with checks and written terms is valid, and keeps them normalized", () => {
    const r = problems(
      `${CHECK("{ all: [{ question: fee, pending: true }, { tag: contact, includes: email }] }")}written_terms: { fee: fee, payment_date: pay }\n`,
    );
    expect(r.problems).toEqual([]);
    expect(r.pack?.checks?.[0]?.message).toEqual({ ja: "確認してください", en: "Check it" });
    expect(r.pack?.written_terms).toEqual({ fee: "fee", payment_date: "pay" });
  });

  it.each<[string, string, RegExp, "error" | "warning"]>([
    ["an unknown question", CHECK("{ question: zz, equals: a }"), /"zz" is not a question/, "error"],
    ["a value that is not a choice", CHECK("{ question: contact, includes: phone }"), /"phone" is not one of the choices/, "error"],
    ["pending on a question without allow_pending", CHECK("{ question: pay, pending: true }"), /without allow_pending/, "error"],
    ["at_least on a select", CHECK("{ question: contact, at_least: 1 }"), /at_least \/ at_most are for number/, "error"],
    ["a date compared with a question that is no date", CHECK("{ date: pay, after: fee }"), /"fee" is not a date question/, "error"],
    ["an unknown plan date", CHECK("{ date: pay, after: plan.sometime }"), /the plan has no date "plan.sometime"/, "error"],
    ["a plan date in a pack without a schedule", CHECK("{ date: pay, after: plan.final_delivery }"), /no plan, so this check never fires/, "warning"],
    ["a tag no question carries", CHECK("{ tag: budget, answered: false }"), /no question has the tag "budget"/, "warning"],
    ["a tag outside the vocabulary", CHECK("{ tag: budgte, answered: false }"), /cannot be "budgte"/, "error"],
    ["written terms naming an unknown question", "written_terms: { fee: zz }\n", /written_terms.fee names "zz"/, "error"],
    ["written terms naming a question of the wrong type", "written_terms: { payment_date: fee }\n", /must name a date question/, "error"],
    [
      "two checks with one id",
      `${CHECK("{ question: fee, answered: false }")}  - id: c\n    when: { question: fee, answered: true }\n    message: { ja: 二, en: Two }\n`,
      /check id "c" is used twice/,
      "error",
    ],
  ])("%s is reported", (_name, tail, pattern, severity) => {
    const found = problems(tail).problems.find((p) => pattern.test(`${p.message.en} — ${p.fix?.en ?? ""}`));
    expect(found, JSON.stringify(problems(tail).problems.map((p) => p.message.en))).toBeDefined();
    expect(found?.severity ?? "error").toBe(severity);
    expect(found?.line).toBeGreaterThan(25);
    expect(found?.message.ja).not.toBe(found?.message.en);
  });
});

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

/** "Did you mean" knows every key of the pack format, because the keys come from the schema itself. */
import { describe, expect, test } from "vitest";
import { knownKeys } from "../../src/pack/schema.ts";
import { validatePack } from "../../src/pack/validate.ts";
import { parseYaml } from "../../src/yaml/parse.ts";

const pack = (question: string, extra = "") => `kikitori: 1
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
${question}${extra}`;

function fixOf(text: string): string | undefined {
  const parsed = parseYaml(text, "p.yaml");
  return validatePack(parsed.data, "p.yaml", parsed).problems[0]?.fix?.en;
}

describe("unknown keys get a suggestion wherever they are", () => {
  test.each([
    ["a question key", pack("        requird: true\n"), "required"],
    ["a question key added after the first list", pack("        audiance: worker\n"), "audience"],
    ["summary", pack("        sumary: true\n"), "summary"],
    ["a schedule binding", pack("", "schedule:\n  efort_hours: 10\n"), "effort_hours"],
    ["the schedule's terms", pack("", "schedule:\n  term: { first_draft: 初回納品 }\n"), "terms"],
    ["a term", pack("", "schedule:\n  terms: { first_drafts: 初回納品 }\n"), "first_draft"],
    ["a validate rule", pack("        validate: { min_itmes: 1 }\n"), "min_items"],
  ])("%s", (_, text, key) => {
    expect(fixOf(text)).toBe(`did you mean "${key}"?`);
  });

  test("the keys are the schema's, each once", () => {
    const keys = knownKeys();
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ["$schema", "kikitori", "sections", "questions", "allow_pending", "when", "includes", "map", "terms", "final_delivery", "audience"]) {
      expect(keys).toContain(k);
    }
  });
});

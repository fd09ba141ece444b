import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { packJsonSchema } from "../../src/pack/schema.ts";
import { validatePack } from "../../src/pack/validate.ts";
import { parseYaml } from "../../src/yaml/parse.ts";
import { ROOT } from "../helpers.ts";

const HEAD = `kikitori: 1
id: t
version: 1.0.0
title: { ja: テスト, en: Test }
languages: [ja, en]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
`;

function check(questions: string, head = HEAD) {
  const text = head + questions;
  const parsed = parseYaml(text, "p.yaml");
  return validatePack(parsed.data, "p.yaml", parsed).problems;
}

const Q = (id: string, extra = "", type = "text") => `      - id: ${id}\n        type: ${type}\n        message: { ja: 質問, en: Question }\n${extra}`;
const SELECT = (id: string, extra = "") =>
  Q(id, `        choices:\n          - { value: a, label: { ja: A, en: A } }\n          - { value: b, label: { ja: B, en: B } }\n${extra}`, "select");

describe("pack mistakes are reported with their line", () => {
  it.each<[string, string, number, RegExp]>([
    ["unknown key with a suggestion", Q("q", "        requird: true\n"), 13, /unknown key "requird".*did you mean "required"/],
    ["wrong type", Q("q", "        required: yes\n"), 13, /required has the wrong type/],
    ["bad question id", Q("Bad-Id"), 10, /id "Bad-Id" has the wrong form/],
    ["unknown question type", Q("q", "", "slider"), 11, /type cannot be "slider"/],
    ["duplicate question ids", Q("q") + Q("q"), 13, /"q" is used twice/],
    ["select without choices", Q("q", "", "select"), 10, /has no choices/],
    ["default outside the choices", SELECT("q", "        default: c\n"), 16, /default "c" is not one of the choices/],
    ["when naming an unknown question", Q("q", "        when: { question: zz, equals: a }\n"), 13, /"zz", which is not a question/],
    ["when naming a later question", Q("q", "        when: { question: r, equals: a }\n") + SELECT("r"), 13, /does not come before/],
    ["when testing a value not among the choices", SELECT("q") + Q("r", "        when: { question: q, equals: c }\n"), 19, /"c", which is not a choice of "q"/],
    ["scale without a range", Q("q", "", "scale"), 10, /needs integers min < max/],
    ["nested quantifier pattern", Q("q", "        validate: { pattern: '(a+)+$' }\n"), 13, /nested quantifiers/],
    [
      "duplicate choice values",
      Q("q", "        choices:\n          - { value: a, label: A }\n          - { value: a, label: B }\n", "select"),
      15,
      /"a" is used twice/,
    ],
  ])("%s", (_name, questions, line, pattern) => {
    const problems = check(questions).filter((p) => p.severity !== "warning");
    const hit = problems.find((p) => pattern.test(`${p.message.en} — ${p.fix?.en}`));
    expect(hit, JSON.stringify(problems.map((p) => `${p.line}: ${p.message.en}`))).toBeDefined();
    expect(hit?.line).toBe(line);
    expect(hit?.message.ja).not.toBe(hit?.message.en);
  });

  it("reports several mistakes at once", () => {
    const problems = check(SELECT("q", "        default: c\n") + Q("r", "        when: { question: zz, equals: a }\n") + Q("r"));
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it("a missing language is a warning, not an error", () => {
    const problems = check(`      - id: q\n        type: text\n        message: { ja: 質問だけ }\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe("warning");
    expect(problems[0]?.message.en).toMatch(/has no en text/);
  });

  it.each([
    ["bad semver", HEAD.replace("1.0.0", "1.0"), /version/],
    ["bad pack id", HEAD.replace("id: t", "id: T_t"), /id "T_t"/],
    ["wrong format version", HEAD.replace("kikitori: 1", "kikitori: 2"), /kikitori cannot be "2"/],
  ])("header: %s", (_name, head, pattern) => {
    const problems = check(Q("q"), head);
    expect(problems.some((p) => pattern.test(p.message.en))).toBe(true);
  });
});

describe("YAML-level refusals", () => {
  it.each([
    ["duplicate keys", "a: 1\na: 2\n", /unique|duplicate/i],
    ["__proto__ keys", "a:\n  __proto__: { x: 1 }\n", /__proto__/],
    ["%YAML 1.1", "%YAML 1.1\n---\na: no\n", /%YAML 1.1/],
    ["deep nesting", `a: ${"[".repeat(40)}${"]".repeat(40)}\n`, /too deep/],
    [
      "alias bomb",
      `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
      /aliases/,
    ],
  ])("%s", (_name, text, pattern) => {
    let err: unknown;
    try {
      parseYaml(text, "x.yaml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).details.map((d) => d.en).join("\n")).toMatch(pattern);
  });
});

describe("pack.schema.json", () => {
  it("is generated from the current schema (run `npm run schema` when this fails)", () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, "questionnaires", "pack.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(packJsonSchema())));
  });
});

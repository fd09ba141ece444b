/**
 * questionnaires/pack.schema.json, the schema editors check packs with, read by a JSON Schema
 * validator (ajv, draft 2020-12) over good and bad packs: on each it must agree with
 * `kikitori pack validate`. One line per bad pack: the change that breaks it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { packJsonSchema } from "../../src/pack/schema.ts";
import { FIXTURES, ROOT, read, run, tmpdir } from "../helpers.ts";

const SCHEMA_FILE = path.join(ROOT, "questionnaires", "pack.schema.json");
const schema = JSON.parse(read(SCHEMA_FILE)) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const check = ajv.compile(schema);

// Packs as parsed YAML, changed by the cases below: loosely typed on purpose.
// biome-ignore lint/suspicious/noExplicitAny: a parsed pack is any shape the cases make it
type Pack = Record<string, any>;
const base = parse(read(path.join(FIXTURES, "packs", "all-types.yaml"))) as Pack;
const q = (p: Pack, id: string): Pack => p.sections.flatMap((s: Pack) => s.questions).find((x: Pack) => x.id === id);

/** `pack validate`'s verdict: true when it exits 0. */
async function validates(pack: Pack, dir: string, name: string): Promise<boolean> {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, stringify(pack));
  const r = await run(["pack", "validate", file]);
  expect([0, 65]).toContain(r.code);
  return r.code === 0;
}

const BAD: [string, (p: Pack) => void][] = [
  ["choices on a text question", (p) => (q(p, "name").choices = [{ value: "a", label: "A" }])],
  ["a select without choices", (p) => delete q(p, "style").choices],
  ["a multiselect without choices", (p) => delete q(p, "usage").choices],
  ["a scale without min", (p) => delete q(p, "friendliness").min],
  ["a scale without max", (p) => delete q(p, "friendliness").max],
  ["min on a number question", (p) => (q(p, "revisions").min = 1)],
  ["max_label on a text question", (p) => (q(p, "name").max_label = "x")],
  ["two other choices", (p) => (q(p, "usage").choices[0].other = true)],
  ["a pattern that is not a regular expression", (p) => (q(p, "name").validate = { pattern: "([a-z]" })],
  ["a pattern with a repeat inside a repeat", (p) => (q(p, "name").validate = { pattern: "^(a+)+$" })],
  ["a pattern over 200 characters", (p) => (q(p, "name").validate = { pattern: "a".repeat(201) })],
  ["a confirm default that is not true or false", (p) => (q(p, "colors_fixed").default = "yes")],
  ["a default on a references question", (p) => (q(p, "refs").default = "x")],
  ["a multiselect default that is not a list", (p) => (q(p, "usage").default = "sns")],
  ["a date default that is no date", (p) => (q(p, "due_date").default = "2027-02-30")],
  ["a scale default that is not whole", (p) => (q(p, "friendliness").default = 2.5)],
  ["an unknown question type", (p) => (q(p, "name").type = "textt")],
  ["an unknown key on a question", (p) => (q(p, "name").hepl = "x")],
  ["a question id with capitals", (p) => (q(p, "name").id = "Name")],
  ["a choice value with a space", (p) => (q(p, "style").choices[1].value = "very friendly")],
  ["schedule.due_means not final or first_draft", (p) => (p.schedule = { due_means: "soon" })],
  ["schedule.calendar not jp or none", (p) => (p.schedule = { calendar: "us" })],
  ["schedule.platform not a platform", (p) => (p.schedule = { platform: "etsy" })],
  ["schedule.revisions below 0", (p) => (p.schedule = { revisions: -1 })],
  ["schedule.workdays not days", (p) => (p.schedule = { workdays: "weekdays" })],
  ["a schedule map value not a calendar", (p) => (p.schedule = { calendar: { question: "style", map: { realistic: "us" } } })],
  ["an unknown template name", (p) => (p.templates = { breif: "x.hbs" })],
  ["a version that is not semver", (p) => (p.version = "1.0")],
  ["no sections", (p) => (p.sections = [])],
];

/** Rules that need two places of the pack at once: pack validate alone can check them. */
const BEYOND: [string, (p: Pack) => void][] = [
  ["a select default that is not a choice", (p) => (q(p, "style").default = "cute")],
  ["when naming a later question", (p) => (q(p, "palette").when = { question: "goal", answered: true })],
  ["a question id used twice", (p) => (q(p, "goal").id = "name")],
  ["a scale whose min is not below its max", (p) => (q(p, "friendliness").min = 5)],
];

describe("pack.schema.json", () => {
  it("is what the build writes from the pack schema (npm run schema)", () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(packJsonSchema())));
  });

  it("takes every good pack pack validate takes: the built-ins and the test packs", async () => {
    const dir = tmpdir();
    const files = [
      ...fs
        .readdirSync(path.join(ROOT, "questionnaires"))
        .filter((f) => f.endsWith(".yaml") && f !== "platforms.yaml")
        .map((f) => path.join(ROOT, "questionnaires", f)),
      ...fs.readdirSync(path.join(FIXTURES, "packs")).map((f) => path.join(FIXTURES, "packs", f)),
    ];
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const pack = parse(read(file)) as Pack;
      expect(check(pack) ? "valid" : ajv.errorsText(check.errors), file).toBe("valid");
      expect(await validates(pack, dir, path.basename(file, ".yaml")), file).toBe(true);
    }
  });

  it.each(BAD)("refuses %s, as pack validate does", async (name, change) => {
    const pack = structuredClone(base);
    change(pack);
    expect(check(pack), name).toBe(false);
    expect(await validates(pack, tmpdir(), "bad")).toBe(false);
  });

  it.each(BEYOND)("leaves %s to pack validate (JSON Schema cannot compare two places)", async (_name, change) => {
    const pack = structuredClone(base);
    change(pack);
    expect(check(pack)).toBe(true);
    expect(await validates(pack, tmpdir(), "beyond")).toBe(false);
  });

  it("names the question's type branch in its error, not all ten", () => {
    const pack = structuredClone(base);
    delete q(pack, "style").choices;
    check(pack);
    const missing = (check.errors ?? []).filter((e) => e.keyword === "required" && (e.params as { missingProperty?: string }).missingProperty === "choices");
    expect(missing.map((e) => e.schemaPath)).toEqual(expect.arrayContaining([expect.stringMatching(/oneOf\/2\/required$/)]));
  });
});

describe("descriptions", () => {
  it("has one, in English and Japanese, for every key of the pack format", () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        // `contains` and `not` hold tests on a key, not keys of the format.
        if (key === "contains" || key === "not") continue;
        if (key === "properties" && value && typeof value === "object") {
          for (const [name, prop] of Object.entries(value)) {
            // A key whose schema is shared is described once, where it is defined.
            const ref = (prop as { $ref?: string }).$ref?.match(/^#\/\$defs\/(question_\w+)$/)?.[1];
            const shared = ref ? (schema.$defs as Record<string, { description?: string }>)[ref] : undefined;
            const text = (prop as { description?: string }).description ?? shared?.description ?? "";
            if (!/\n\n.*[\u3040-\u30ff\u4e00-\u9fff]/s.test(text)) missing.push(`${where}.${name}`);
          }
        }
        walk(value, `${where}/${key}`);
      }
    };
    walk(schema, "#");
    expect(missing).toEqual([]);
  });
});

/**
 * The pack JSON Schema as editors read it (questionnaires/pack.schema.json): zod's output for
 * the pack (schema.ts), reshaped where JSON Schema can say what `pack validate` checks and a
 * zod object cannot: one branch per question type (choices only and always for select and
 * multiselect, min/max only and always for scale, a default of the type's kind, one "other"
 * choice), patterns that must compile and stay short and linear, and a description in English
 * and Japanese for every key. Pure JSON in, JSON out; no zod here.
 */
import { KEY_DOCS, TYPE_DOCS } from "./json-schema-docs.ts";

type Json = { [key: string]: unknown };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keys only some types take (every other key: every type). */
const ONLY: Record<string, readonly string[]> = {
  choices: ["select", "multiselect"],
  min: ["scale"],
  max: ["scale"],
  min_label: ["scale"],
  max_label: ["scale"],
};

/** Keys a type cannot do without. */
const NEEDS: Record<string, readonly string[]> = { select: ["choices"], multiselect: ["choices"], scale: ["min", "max"] };

/** What `default` may be, by type (question-rules.ts, checkDefault); false: none at all. */
const DEFAULTS: Record<string, Json | false> = {
  text: { type: "string" },
  paragraph: { type: "string" },
  select: { type: "string" },
  multiselect: { type: "array", items: { type: "string" } },
  confirm: { type: "boolean" },
  number: { type: "number" },
  date: { type: "string", format: "date" },
  scale: { type: "integer" },
  list: { type: "array", items: { type: "string" } },
  references: false,
};

/** As question-rules.ts refuses a pattern: over 200 characters, or a repeat inside a repeat. */
const NESTED_QUANTIFIER = String.raw`\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]`;

export function editorSchema(base: Json): Json {
  const schema = structuredClone(base);
  const sections = dig(schema, "properties", "sections", "items");
  const questions = dig(sections, "properties", "questions");
  const question = questions?.items;
  if (!isObject(question) || !isObject(question.properties) || !questions) return schema;
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  defs.question = questionBranches(question, defs);
  schema.$defs = defs;
  questions.items = { $ref: "#/$defs/question" };
  enumeratedKeys(schema);
  describe(schema);
  return schema;
}

/**
 * A map whose keys are a fixed list (templates, written_terms) as an object with those
 * properties: editors complete properties, not propertyNames.
 */
function enumeratedKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) enumeratedKeys(item);
    return;
  }
  if (!isObject(node)) return;
  const names = dig(node, "propertyNames")?.enum;
  if (Array.isArray(names) && isObject(node.additionalProperties) && !node.properties) {
    node.properties = Object.fromEntries(names.map((n) => [String(n), structuredClone(node.additionalProperties)]));
    node.additionalProperties = false;
    delete node.propertyNames;
  }
  for (const value of Object.values(node)) enumeratedKeys(value);
}

function dig(node: unknown, ...path: string[]): Json | undefined {
  let at = node;
  for (const key of path) at = isObject(at) ? at[key] : undefined;
  return isObject(at) ? at : undefined;
}

/**
 * A question: one branch per type, told apart by `type`. The keys' schemas are shared
 * (`$defs/question_<key>`); only `type` and `default` differ from branch to branch.
 */
function questionBranches(question: Json, defs: Json): Json {
  const properties = question.properties as Json;
  const typeEnum = (dig(properties, "type")?.enum as string[] | undefined) ?? [];
  const required = (question.required as string[] | undefined) ?? ["id", "type", "message"];
  for (const [key, value] of Object.entries(properties)) {
    if (key === "type" || key === "default" || !isObject(value)) continue;
    const shared = structuredClone(value);
    if (key === "choices") Object.assign(shared, structuredClone(ONE_OTHER));
    const pattern = dig(shared, "properties", "pattern");
    if (key === "validate" && pattern) Object.assign(pattern, structuredClone(SAFE_PATTERN));
    defs[`question_${key}`] = shared;
  }
  const branches = typeEnum.map((type) => {
    const own: Json = {};
    for (const key of Object.keys(properties)) {
      const only = ONLY[key];
      if (only && !only.includes(type)) continue;
      own[key] = { $ref: `#/$defs/question_${key}` };
    }
    own.type = { const: type, description: doc(TYPE_DOCS[type]) };
    const d = DEFAULTS[type];
    if (d === false || !properties.default) delete own.default;
    else if (d) own.default = { ...d };
    return {
      title: `${type} question`,
      type: "object",
      properties: own,
      required: [...new Set([...required, ...(NEEDS[type] ?? [])])],
      additionalProperties: false,
    };
  });
  return {
    description: doc(["One question of the pack. Its type decides which keys it takes.", "パックの質問1つ。type によって使えるキーが決まります。"]),
    type: "object",
    required: ["type"],
    oneOf: branches,
  };
}

/** What the choices array adds: at most one choice with `other: true`. */
const ONE_OTHER: Json = { contains: { type: "object", required: ["other"], properties: { other: { const: true } } }, minContains: 0, maxContains: 1 };

/** What validate.pattern adds: it compiles, and is short and linear. */
const SAFE_PATTERN: Json = { format: "regex", maxLength: 200, not: { pattern: NESTED_QUANTIFIER } };

function doc(pair: readonly [string, string] | undefined): string | undefined {
  return pair ? `${pair[0]}\n\n${pair[1]}` : undefined;
}

/**
 * Every key gets its description from KEY_DOCS, by what holds it: `pack.id`, `section.intro`,
 * `question.help`, `choice.other`, `validate.pattern`, `schedule.due`, `binding.map`,
 * `condition.equals`… A key the docs do not know keeps zod's own description.
 */
function describe(schema: Json): void {
  const props = (node: Json | undefined, owner: string) => {
    if (!node || !isObject(node.properties)) return;
    for (const [key, value] of Object.entries(node.properties)) {
      if (!isObject(value)) continue;
      const text = doc(KEY_DOCS[`${owner}.${key}`]);
      if (text) value.description = text;
    }
  };
  props(schema, "pack");
  const section = dig(schema, "properties", "sections", "items");
  props(section, "section");
  const defs = schema.$defs as Json;
  // A question's keys are described once, on their shared schema; default differs by type.
  for (const [name, def] of Object.entries(defs)) {
    const text = name.startsWith("question_") ? doc(KEY_DOCS[`question.${name.slice("question_".length)}`]) : undefined;
    if (text && isObject(def)) def.description = text;
  }
  for (const branch of (dig(defs, "question")?.oneOf as Json[] | undefined) ?? []) {
    const d = dig(branch, "properties", "default");
    if (d) d.description = doc(KEY_DOCS["question.default"]);
  }
  props(dig(defs, "question_choices", "items"), "choice");
  props(dig(defs, "question_validate"), "validate");
  const schedule = dig(schema, "properties", "schedule");
  props(schedule, "schedule");
  for (const value of Object.values((schedule?.properties as Json | undefined) ?? {})) {
    for (const form of (isObject(value) && Array.isArray(value.anyOf) ? value.anyOf : []) as Json[]) props(form, "binding");
  }
  props(dig(schedule, "properties", "terms"), "terms");
  props(dig(defs, "stage"), "stage");
  for (const form of (dig(defs, "stage", "properties", "check")?.anyOf as Json[] | undefined) ?? []) props(form, "stage_check");
  props(dig(schema, "properties", "templates"), "templates");
  props(dig(schema, "properties", "written_terms"), "written_terms");
  props(dig(schema, "properties", "checks", "items"), "check");
  for (const [name, owner] of [
    ["condition", "condition"],
    ["check_condition", "condition"],
  ] as const) {
    for (const form of (dig(defs, name)?.anyOf as Json[] | undefined) ?? []) props(form, owner);
  }
}

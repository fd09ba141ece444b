/**
 * Pack validation: the zod shape check, then the rules that need the whole pack. Returns
 * every problem at once (errors and warnings), and the normalized pack when there are no
 * errors. Pure: file existence of templates is checked by load.ts.
 */
import { stripControls } from "../controls.ts";
import type { Problem } from "../errors.ts";
import { conditionRefs } from "../flow/conditions.ts";
import { type Lang, msg } from "../i18n.ts";
import { describePath, schemaProblems } from "../yaml/issues.ts";
import type { DataPath, ParsedYaml } from "../yaml/parse.ts";
import { patternProblem } from "./pattern.ts";
import { type PackInput, type QuestionInput, SCHEDULE_KEYS, schemas } from "./schema.ts";
import type { Binding, Condition, Pack, Question, Text } from "./types.ts";

const RESERVED_IDS = new Set(["__proto__", "constructor", "prototype"]);

export const KNOWN_KEYS = [
  ...new Set([
    "$schema",
    "kikitori",
    "version",
    "description",
    "languages",
    "sections",
    "schedule",
    "templates",
    "id",
    "title",
    "intro",
    "questions",
    "type",
    "message",
    "help",
    "choices",
    "examples",
    "default",
    "required",
    "allow_pending",
    "when",
    "validate",
    "unit",
    "min",
    "max",
    "min_label",
    "max_label",
    "value",
    "label",
    "hint",
    "other",
    "question",
    "equals",
    "in",
    "includes",
    "answered",
    "all",
    "any",
    "not",
    "pattern",
    "min_items",
    "max_items",
    "min_length",
    "max_length",
    "map",
    ...SCHEDULE_KEYS,
  ]),
];

export interface PackValidation {
  pack?: Pack;
  problems: Problem[];
}

export function validatePack(data: unknown, file: string, parsed: Pick<ParsedYaml, "locate">): PackValidation {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    // An empty file, a list or a lone value: zod would say " has the wrong type" of nothing.
    return {
      problems: [
        {
          file,
          line: 1,
          col: 1,
          message: msg(
            data === null || data === undefined ? "ファイルが空です" : "先頭がキーと値のマップになっていません",
            data === null || data === undefined ? "the file is empty" : "the top level is not a map of keys",
          ),
          fix: msg(
            "kikitori: 1, id:, version:, title:, languages:, sections: で始めてください",
            "start with kikitori: 1, id:, version:, title:, languages:, sections:",
          ),
        },
      ],
    };
  }
  if (data && typeof data === "object" && Object.hasOwn(data, "platforms") && !Object.hasOwn(data, "sections")) {
    return {
      problems: [
        {
          file,
          line: 1,
          col: 1,
          message: msg("これはプラットフォーム情報のファイルで、質問パックではありません", "this file holds platform profiles, not a questionnaire pack"),
          fix: msg("パックのファイルを指定してください", "give a pack file"),
        },
      ],
    };
  }
  const shaped = schemas().PackSchema.safeParse(data);
  if (!shaped.success) {
    return { problems: schemaProblems(shaped.error.issues, data, parsed, file, KNOWN_KEYS) };
  }
  const input = shaped.data;
  const problems: Problem[] = [];
  const at = (path: DataPath, message: Text, fix: Text, severity: "error" | "warning" = "error", key = false) => {
    problems.push({ file, ...parsed.locate(path, { key }), path: describePath(path), message, fix, severity });
  };
  checkRules(input, at);
  if (problems.some((p) => p.severity !== "warning")) return { problems };
  return { pack: normalizePack(input), problems };
}

type At = (path: DataPath, message: Text, fix: Text, severity?: "error" | "warning", key?: boolean) => void;

function checkRules(input: PackInput, at: At): void {
  const seenSections = new Map<string, number>();
  const order = new Map<string, number>();
  const questions: { q: QuestionInput; path: DataPath }[] = [];
  input.sections.forEach((s, si) => {
    if (seenSections.has(s.id)) {
      at(
        ["sections", si, "id"],
        msg(`セクション id「${s.id}」が重複しています`, `section id "${s.id}" is used twice`),
        msg("別の id にしてください", "give it another id"),
      );
    }
    seenSections.set(s.id, si);
    s.questions.forEach((q, qi) => {
      const path = ["sections", si, "questions", qi];
      if (order.has(q.id) || RESERVED_IDS.has(q.id)) {
        at(
          [...path, "id"],
          msg(`質問 id「${q.id}」は重複しているか使えない名前です`, `question id "${q.id}" is used twice or reserved`),
          msg("パック内で一意の id にしてください", "give it an id unique in the pack"),
        );
      }
      order.set(q.id, questions.length);
      questions.push({ q, path });
    });
  });
  const byId = new Map(questions.map((x) => [x.q.id, x.q]));

  for (const [i, { q, path }] of questions.entries()) {
    checkQuestion(q, path, at);
    if (q.id.endsWith("_other")) {
      const base = byId.get(q.id.slice(0, -"_other".length));
      if (base?.choices?.some((c) => c.other)) {
        at(
          [...path, "id"],
          msg(`質問 id「${q.id}」は「${base.id}」の「その他」の回答と衝突します`, `question id "${q.id}" collides with the "other" text of "${base.id}"`),
          msg("別の id にしてください", "give it another id"),
        );
      }
    }
    if (q.when) checkWhen(q.when, [...path, "when"], i, order, byId, at);
  }
  checkLanguages(input, at);
  checkSchedule(input, byId, at);
  checkTemplates(input, at);
}

function checkQuestion(q: QuestionInput, path: DataPath, at: At): void {
  const hasChoices = q.type === "select" || q.type === "multiselect";
  if (hasChoices && !q.choices) {
    at(
      path,
      msg(`${q.type} の質問「${q.id}」に choices がありません`, `${q.type} question "${q.id}" has no choices`),
      msg("choices: に選択肢を書いてください", "add its choices under choices:"),
    );
  }
  if (!hasChoices && q.choices) {
    at(
      [...path, "choices"],
      msg(`${q.type} の質問には choices を使えません`, `a ${q.type} question cannot have choices`),
      msg("type を select か multiselect にするか、choices を削除してください", "make it a select or multiselect, or remove choices"),
      "error",
      true,
    );
  }
  const values = new Set<string>();
  let others = 0;
  q.choices?.forEach((c, ci) => {
    if (values.has(c.value)) {
      at(
        [...path, "choices", ci, "value"],
        msg(`選択肢の値「${c.value}」が重複しています`, `choice value "${c.value}" is used twice`),
        msg("別の値にしてください", "give it another value"),
      );
    }
    values.add(c.value);
    if (c.other) others++;
  });
  if (others > 1) {
    at([...path, "choices"], msg("other: true の選択肢は1つまでです", "only one choice may have other: true"), msg("1つに絞ってください", "keep one"));
  }
  if (q.type === "scale") {
    if (q.min === undefined || q.max === undefined || q.min >= q.max) {
      at(
        path,
        msg(`scale の質問「${q.id}」には min < max の整数が必要です`, `scale question "${q.id}" needs integers min < max`),
        msg("例: min: 1, max: 5", "for example min: 1, max: 5"),
      );
    }
  } else {
    for (const k of ["min", "max", "min_label", "max_label"] as const) {
      if (q[k] !== undefined)
        at(
          [...path, k],
          msg(`${k} は scale の質問でのみ使えます`, `${k} is only for scale questions`),
          msg("validate: の min/max を使うか、削除してください", "use validate: min/max, or remove it"),
          "error",
          true,
        );
    }
  }
  const v = q.validate;
  if (v?.pattern !== undefined) checkPattern(v.pattern, [...path, "validate", "pattern"], at);
  if (v && v.min !== undefined && v.max !== undefined && v.min > v.max) {
    at(
      [...path, "validate"],
      msg("validate の min が max より大きくなっています", "validate.min is greater than validate.max"),
      msg("min ≤ max にしてください", "make min ≤ max"),
    );
  }
  if (q.default !== undefined) checkDefault(q, [...path, "default"], at);
}

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;

function checkPattern(pattern: string, path: DataPath, at: At): void {
  // Packs are untrusted: a pattern with nested quantifiers can take exponential time.
  if (pattern.length > 200 || NESTED_QUANTIFIER.test(pattern)) {
    at(
      path,
      msg("この pattern は長すぎるか、入れ子の繰り返しを含みます", "this pattern is too long or has nested quantifiers"),
      msg("200文字以内で、(a+)+ のような入れ子の繰り返しを使わずに書いてください", "keep it under 200 characters, without nested repeats like (a+)+"),
    );
    return;
  }
  const why = patternProblem(pattern);
  if (why) at(path, why, msg("README の「pattern で使える書き方」に沿って直してください", 'rewrite it with the features in README, "What a pattern may use"'));
}

function checkDefault(q: QuestionInput, path: DataPath, at: At): void {
  const d = q.default;
  const values = new Set(q.choices?.map((c) => c.value));
  const bad = (why: Text) =>
    at(path, why, msg(`質問「${q.id}」の型 (${q.type}) に合う既定値にしてください`, `use a default that fits the ${q.type} question "${q.id}"`));
  switch (q.type) {
    case "select":
      if (typeof d !== "string" || !values.has(d)) bad(msg(`既定値「${String(d)}」が選択肢にありません`, `default "${String(d)}" is not one of the choices`));
      break;
    case "multiselect":
      if (!Array.isArray(d) || d.some((x) => !values.has(x)))
        bad(msg("既定値は選択肢の値のリストにしてください", "the default must be a list of choice values"));
      break;
    case "confirm":
      if (typeof d !== "boolean") bad(msg("既定値は true か false にしてください", "the default must be true or false"));
      break;
    case "number":
    case "scale":
      if (typeof d !== "number") bad(msg("既定値は数値にしてください", "the default must be a number"));
      else if (
        (q.type === "scale" && q.min !== undefined && q.max !== undefined && (d < q.min || d > q.max || !Number.isInteger(d))) ||
        (q.validate?.min !== undefined && d < q.validate.min) ||
        (q.validate?.max !== undefined && d > q.validate.max)
      )
        bad(msg("既定値が範囲外です", "the default is out of range"));
      break;
    case "date":
      if (typeof d !== "string" || !isIsoDate(d)) bad(msg("既定値は YYYY-MM-DD の日付にしてください", "the default must be a YYYY-MM-DD date"));
      break;
    case "list":
      if (!Array.isArray(d)) bad(msg("既定値は文字列のリストにしてください", "the default must be a list of strings"));
      break;
    case "references":
      bad(msg("references の質問には既定値を設定できません", "references questions cannot have a default"));
      break;
    default:
      if (typeof d !== "string") bad(msg("既定値は文字列にしてください", "the default must be a string"));
  }
}

function checkWhen(cond: Condition, path: DataPath, index: number, order: Map<string, number>, byId: Map<string, QuestionInput>, at: At): void {
  const nested = "all" in cond ? cond.all.map((c, i) => [c, "all", i] as const) : "any" in cond ? cond.any.map((c, i) => [c, "any", i] as const) : [];
  for (const [c, key, i] of nested) checkWhen(c, [...path, key, i], index, order, byId, at);
  if ("not" in cond) checkWhen(cond.not, [...path, "not"], index, order, byId, at);
  if ("all" in cond || "any" in cond || "not" in cond) return;
  const ref = conditionRefs(cond)[0] ?? "";
  const pos = order.get(ref);
  if (pos === undefined) {
    at(
      [...path, "question"],
      msg(`when が存在しない質問「${ref}」を参照しています`, `when names "${ref}", which is not a question of this pack`),
      msg("前にある質問の id を書いてください", "name an earlier question's id"),
    );
    return;
  }
  if (pos >= index) {
    at(
      [...path, "question"],
      msg(`when が後ろ (または自分自身) の質問「${ref}」を参照しています`, `when names "${ref}", which does not come before this question`),
      msg("when は前にある質問だけを参照できます。質問の順番を入れ替えてください", "when may only name an earlier question: reorder the questions"),
    );
    return;
  }
  const target = byId.get(ref);
  const values = target?.choices ? new Set(target.choices.map((c) => c.value)) : undefined;
  const tested = "equals" in cond ? [cond.equals] : "in" in cond ? cond.in : "includes" in cond ? [cond.includes] : [];
  for (const v of tested) {
    if (values && !values.has(String(v))) {
      at(
        path,
        msg(`when の値「${String(v)}」は質問「${ref}」の選択肢にありません`, `when tests "${String(v)}", which is not a choice of "${ref}"`),
        msg(`次のいずれかにしてください: ${[...values].join(", ")}`, `use one of: ${[...values].join(", ")}`),
      );
    }
  }
  if ("includes" in cond && target && target.type !== "multiselect" && target.type !== "list") {
    at(
      path,
      msg("includes は multiselect か list の質問に使います", "includes is for multiselect or list questions"),
      msg("equals か in を使ってください", "use equals or in"),
    );
  }
}

function checkLanguages(input: PackInput, at: At): void {
  const walk = (v: unknown, path: DataPath, isText: boolean) => {
    if (isText && v && typeof v === "object" && !Array.isArray(v)) {
      for (const lang of input.languages) {
        if (!Object.hasOwn(v, lang)) {
          at(
            path,
            msg(`${describePath(path)} に ${lang} の文がありません`, `${describePath(path)} has no ${lang} text`),
            msg(`${lang}: を追加してください (なければ ${input.languages[0]} で表示します)`, `add ${lang}: (until then ${input.languages[0]} is shown)`),
            "warning",
          );
        }
      }
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i], path[path.length - 1] === "examples");
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "schedule" && x && typeof x === "object" && "terms" in x) {
          for (const [t, v] of Object.entries((x as { terms?: object }).terms ?? {})) walk(v, [...path, k, "terms", t], true);
        }
        if (k === "when" || k === "validate" || k === "schedule" || k === "templates") continue;
        walk(x, [...path, k], TEXT_KEYS.has(k));
      }
    }
  };
  walk(input, [], false);
}
const TEXT_KEYS = new Set(["title", "description", "intro", "message", "label", "help", "label", "hint", "unit", "min_label", "max_label"]);

const DATE_KEYS = new Set(["start", "due"]);
const NUMBER_KEYS = new Set(["revisions", "review_days", "effort_hours", "draft_share", "hours_per_day", "checkin_every"]);
const LITERALS: Record<string, readonly string[]> = { due_means: ["final", "first_draft"], calendar: ["jp", "none"] };

function checkSchedule(input: PackInput, byId: Map<string, QuestionInput>, at: At): void {
  for (const [key, b] of Object.entries(input.schedule ?? {}) as [string, Binding | undefined][]) {
    if (b === undefined || key === "terms") continue;
    const path = ["schedule", key];
    const literal = typeof b === "object" ? b.default : b;
    if (typeof b === "object") {
      const q = byId.get(b.question);
      if (!q) {
        at(
          [...path, "question"],
          msg(
            `schedule.${key} が存在しない質問「${b.question}」を参照しています`,
            `schedule.${key} names "${b.question}", which is not a question of this pack`,
          ),
          msg("質問の id を書いてください", "name a question id"),
        );
      } else if (DATE_KEYS.has(key) && q.type !== "date") {
        at(
          [...path, "question"],
          msg(`schedule.${key} は date の質問に結び付けてください`, `schedule.${key} must bind a date question`),
          msg(`「${q.id}」は ${q.type} です`, `"${q.id}" is a ${q.type} question`),
        );
      } else if (NUMBER_KEYS.has(key) && !["number", "scale"].includes(q.type) && !b.map) {
        at(
          [...path, "question"],
          msg(`schedule.${key} は number の質問か、map 付きの質問に結び付けてください`, `schedule.${key} must bind a number question, or use map:`),
          msg(`「${q.id}」は ${q.type} です`, `"${q.id}" is a ${q.type} question`),
        );
      }
      for (const v of Object.values(b.map ?? {})) checkLiteral(key, v, [...path, "map"], at);
    }
    if (literal !== undefined) checkLiteral(key, literal, path, at);
  }
}

function checkLiteral(key: string, v: unknown, path: DataPath, at: At): void {
  const allowed = LITERALS[key];
  const ok = allowed
    ? allowed.includes(String(v))
    : DATE_KEYS.has(key)
      ? typeof v === "string" && isIsoDate(v)
      : NUMBER_KEYS.has(key)
        ? typeof v === "number" && v >= 0
        : typeof v === "string";
  if (!ok) {
    const want = allowed ? allowed.join(" | ") : DATE_KEYS.has(key) ? "YYYY-MM-DD" : NUMBER_KEYS.has(key) ? "number ≥ 0" : "text";
    at(path, msg(`schedule.${key} の値「${String(v)}」は使えません`, `schedule.${key} cannot be "${String(v)}"`), msg(`${want} にしてください`, `use ${want}`));
  }
}

function checkTemplates(input: PackInput, at: At): void {
  for (const [name, ref] of Object.entries(input.templates ?? {})) {
    if (!isTemplatePath(ref ?? "")) continue;
    const p = ref ?? "";
    if (p.startsWith("/") || /^[A-Za-z]:/.test(p) || p.split(/[\\/]/).includes("..")) {
      at(
        ["templates", name],
        msg(`テンプレート「${p}」はパックのフォルダの外を指しています`, `template "${p}" points outside the pack folder`),
        msg("パックのフォルダ内の相対パスにしてください", "use a path relative to, and inside, the pack folder"),
      );
    }
  }
}

/** A single-line value ending in `.hbs` names a file; anything else is the template text. */
export function isTemplatePath(ref: string): boolean {
  return !ref.includes("\n") && ref.trim().endsWith(".hbs");
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The pack as the rest of kikitori sees it. Every string a pack can show (texts, defaults,
 * schedule values, inline templates) is stripped of terminal control sequences here, once,
 * so prompts, `pack show`, `ask` and renders never pass a hostile pack's escapes to a terminal.
 */
function normalizePack(input: PackInput): Pack {
  const first = input.languages[0] ?? "ja";
  const clean = stripControls;
  const text = (t: string | Record<string, string>): Text => {
    if (typeof t === "string") return { ja: clean(t), en: clean(t) };
    const pick = (l: Lang) => clean(t[l] ?? t[first] ?? Object.values(t)[0] ?? "");
    return { ja: pick("ja"), en: pick("en") };
  };
  // Schedule bindings, defaults and templates are small trees of plain data.
  const deep = <T>(v: T): T =>
    (typeof v === "string"
      ? clean(v)
      : Array.isArray(v)
        ? v.map(deep)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]))
          : v) as T;
  const opt = (t: string | Record<string, string> | undefined) => (t === undefined ? undefined : text(t));
  const question = (q: QuestionInput): Question =>
    strip({
      id: q.id,
      type: q.type,
      message: text(q.message),
      label: opt(q.label),
      help: opt(q.help),
      choices: q.choices?.map((c) => strip({ value: c.value, label: text(c.label), hint: opt(c.hint), other: c.other || undefined })),
      examples: q.examples?.map(text),
      default: deep(q.default),
      required: q.required ?? false,
      allow_pending: q.allow_pending ?? false,
      when: q.when,
      validate: q.validate,
      unit: opt(q.unit),
      summary: q.summary || undefined,
      audience: q.audience,
      min: q.min,
      max: q.max,
      min_label: opt(q.min_label),
      max_label: opt(q.max_label),
    });
  return strip({
    kikitori: 1 as const,
    id: input.id,
    version: input.version,
    title: text(input.title),
    description: opt(input.description),
    languages: input.languages,
    sections: input.sections.map((s) => strip({ id: s.id, title: text(s.title), intro: opt(s.intro), questions: s.questions.map(question) })),
    schedule: input.schedule ? normalizeSchedule(deep(input.schedule), text) : undefined,
    templates: deep(input.templates),
  });
}

/** Drops undefined properties so JSON and YAML output carry only what is set. */
function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function normalizeSchedule(schedule: NonNullable<PackInput["schedule"]>, text: (t: string | Record<string, string>) => Text): Pack["schedule"] {
  const { terms, ...bindings } = schedule;
  if (!terms) return bindings as Pack["schedule"];
  const out: Partial<Record<"first_draft" | "revision" | "final_delivery", Text>> = {};
  for (const [k, v] of Object.entries(terms)) if (v !== undefined) out[k as keyof typeof out] = text(v);
  return { ...(bindings as Pack["schedule"]), terms: out };
}

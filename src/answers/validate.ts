/**
 * Answers against their pack: unknown ids, wrong types, values outside the choices, rule
 * violations and missing required answers, all reported together with the question id.
 * Returns the answers normalized (numbers as text where text is asked, a single value as a
 * one-item list…) and pruned of questions whose `when` is false.
 */
import { z } from "zod";
import type { Problem } from "../errors.ts";
import { chosenOther, pruneAnswers, visibleQuestions } from "../flow/conditions.ts";
import { type Msg, msg } from "../i18n.ts";
import { matchPattern, PatternMeter } from "../pack/pattern.ts";
import { allQuestions, otherChoice, otherKey, type Pack, type Question } from "../pack/types.ts";
import { isIsoDate } from "../pack/validate.ts";
import { schemaProblems, suggest } from "../yaml/issues.ts";
import type { ParsedYaml } from "../yaml/parse.ts";
import { type Answers, type AnswersFile, type AnswerValue, isPending, type Reference } from "./types.ts";

// Built on first use: nothing is done at import time.
const answersHeader = () =>
  (header ??= z.strictObject({
    kikitori: z.literal(1),
    pack: z.strictObject({ id: z.string().min(1), version: z.string().min(1) }),
    lang: z.enum(["ja", "en"]).optional(),
    status: z.enum(["in-progress", "complete"]).optional(),
    meta: z
      .strictObject({
        client: z.string().nullable().optional(),
        job: z.string().nullable().optional(),
        platform: z.string().nullable().optional(),
        created: z.string().nullable().optional(),
        updated: z.string().nullable().optional(),
      })
      .nullable()
      .optional(),
    answers: z.record(z.string(), z.unknown()).nullable().optional(),
  }));
let header: z.ZodType<AnswersHeaderData> | undefined;
interface AnswersHeaderData {
  kikitori: 1;
  pack: { id: string; version: string };
  lang?: "ja" | "en" | undefined;
  status?: "in-progress" | "complete" | undefined;
  meta?: Record<string, string | null | undefined> | null | undefined;
  answers?: Record<string, unknown> | null | undefined;
}

const HEADER_KEYS = ["kikitori", "pack", "lang", "status", "meta", "answers", "id", "version", "client", "job", "platform", "created", "updated"];

/** Shape check of an answers file before its pack is known. */
export function validateAnswersHeader(data: unknown, file: string, parsed: Pick<ParsedYaml, "locate">): { file?: AnswersFile; problems: Problem[] } {
  // The schema is the authority, but building it and loading zod costs more than a whole
  // render: a header that plainly fits skips it, and zod only explains one that does not.
  let d: AnswersHeaderData;
  if (plainlyValidHeader(data)) d = data;
  else {
    const r = answersHeader().safeParse(data);
    if (!r.success) return { problems: schemaProblems(r.error.issues, data, parsed, file, HEADER_KEYS) };
    d = r.data;
  }
  return {
    problems: [],
    file: {
      kikitori: 1,
      pack: d.pack,
      ...(d.lang ? { lang: d.lang } : {}),
      status: d.status ?? "complete",
      // Empty meta values (`client:` left blank) are the same as absent ones.
      meta: Object.fromEntries(Object.entries(d.meta ?? {}).filter(([, v]) => typeof v === "string" && v !== "")),
      answers: (d.answers ?? {}) as Answers,
    },
  };
}

const HEADER_TOP = new Set(["kikitori", "pack", "lang", "status", "meta", "answers"]);
const META_KEYS = new Set(["client", "job", "platform", "created", "updated"]);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** True only for headers the schema certainly accepts; anything unusual goes to the schema. */
function plainlyValidHeader(v: unknown): v is AnswersHeaderData {
  if (!isMap(v) || v.kikitori !== 1 || !Object.keys(v).every((k) => HEADER_TOP.has(k))) return false;
  const p = v.pack;
  if (!isMap(p) || Object.keys(p).length !== 2 || typeof p.id !== "string" || !p.id || typeof p.version !== "string" || !p.version) return false;
  if (v.lang !== undefined && v.lang !== "ja" && v.lang !== "en") return false;
  if (v.status !== undefined && v.status !== "in-progress" && v.status !== "complete") return false;
  const m = v.meta;
  if (m !== undefined && m !== null && (!isMap(m) || !Object.entries(m).every(([k, x]) => META_KEYS.has(k) && (x === null || typeof x === "string"))))
    return false;
  return v.answers === undefined || v.answers === null || isMap(v.answers);
}

export interface AnswersCheck {
  answers: Answers;
  problems: Problem[];
}

export interface AnswersCheckOptions {
  file?: string;
  locate?: ParsedYaml["locate"];
  /** Report missing required answers (off while a hearing is in progress). */
  requireComplete?: boolean;
  /** Pattern work shared with other checks of the same input (default: this file's own). */
  meter?: PatternMeter;
}

export function validateAnswers(pack: Pack, raw: Answers, opts: AnswersCheckOptions = {}): AnswersCheck {
  const problems: Problem[] = [];
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const where = (key: string) => ({ file: opts.file, ...opts.locate?.(["answers", key], { key: true }), path: key });
  const normalized: Answers = {};
  const invalid = new Set<string>();
  const otherKeys = new Map<string, Question>();
  for (const q of byId.values()) if (otherChoice(q)) otherKeys.set(otherKey(q.id), q);
  const meter = opts.meter ?? new PatternMeter();
  const ids = [...byId.keys()];
  let unknown = 0;

  for (const [key, value] of Object.entries(raw)) {
    // An empty value (`key:` with nothing after it) means "not answered yet".
    if (value === null || value === undefined) continue;
    const q = byId.get(key);
    if (q) {
      const r = checkValue(q, value, meter);
      if ("error" in r) {
        problems.push({ ...where(key), message: r.error, fix: r.fix });
        invalid.add(key);
      } else normalized[key] = r.value;
    } else if (otherKeys.has(key)) {
      if (typeof value === "string" || typeof value === "number") normalized[key] = String(value);
      else
        problems.push({
          ...where(key),
          message: msg(`${key}: 「その他」の内容は文字列で書いてください`, `${key}: the "other" text must be a string`),
          fix: msg(`${key}: ご希望の内容`, `${key}: your text`),
        });
    } else {
      // A suggestion costs a comparison with every question id: only for the first unknown
      // ids (the ones a terminal shows), not for each of 100,000.
      const guess = ++unknown <= 50 ? suggest(key, ids) : undefined;
      problems.push({
        ...where(key),
        message: msg(`${key}: このパックにない質問 id です`, `${key}: no question of this pack has this id`),
        fix: guess
          ? msg(`「${guess}」の誤りではありませんか`, `did you mean "${guess}"?`)
          : msg(`削除してください (kikitori pack show ${pack.id} で質問一覧を確認できます)`, `remove it (kikitori pack show ${pack.id} lists the questions)`),
      });
    }
  }

  const answers = pruneAnswers(pack, normalized);
  for (const q of visibleQuestions(pack, answers)) {
    const v = answers[q.id];
    if (v === undefined) {
      if (q.required && opts.requireComplete !== false && !invalid.has(q.id)) {
        problems.push({
          file: opts.file,
          ...opts.locate?.(["answers"], { key: true }),
          path: q.id,
          message: msg(`${q.id}: 必須の質問に回答がありません (${q.message.ja})`, `${q.id}: this required question has no answer (${q.message.en})`),
          fix: msg(
            `answers: に ${q.id}: を追加してください${q.allow_pending ? " (未定なら { pending: true })" : ""}`,
            `add ${q.id}: under answers:${q.allow_pending ? " (or { pending: true } if not decided yet)" : ""}`,
          ),
        });
      }
    } else if (chosenOther(q, v) && answers[otherKey(q.id)] === undefined) {
      problems.push({
        ...where(q.id),
        severity: "warning",
        message: msg(`${q.id}: 「その他」が選ばれていますが内容がありません`, `${q.id}: "other" is picked but its text is missing`),
        fix: msg(`${otherKey(q.id)}: に内容を書いてください`, `write it under ${otherKey(q.id)}:`),
      });
    }
  }
  return { answers, problems };
}

type Checked = { value: AnswerValue } | { error: Msg; fix: Msg };

/** The largest number (either way) a number question without its own min or max accepts. */
export const NUMBER_LIMIT = 1e15;

/**
 * One answer against its question: the normalized value, or why it is wrong. `meter` bounds
 * the pattern work shared by the answers of one file or reply (see pack/pattern.ts).
 */
export function checkValue(q: Question, value: unknown, meter: PatternMeter = new PatternMeter()): Checked {
  const fail = (ja: string, en: string, fixJa: string, fixEn: string): Checked => ({ error: msg(`${q.id}: ${ja}`, `${q.id}: ${en}`), fix: msg(fixJa, fixEn) });
  if (isPending(value)) {
    if (!q.allow_pending) return fail("この質問は「未定」にできません", 'this question cannot be "not decided yet"', "回答を書いてください", "give an answer");
    const note = (value as { note?: unknown }).note;
    const extra = Object.keys(value).filter((k) => k !== "pending" && k !== "note");
    if ((note !== undefined && note !== null && typeof note !== "string") || extra.length > 0) {
      return fail(
        "未定の書き方が正しくありません",
        "a pending answer has the wrong form",
        '{ pending: true, note: "メモ" } の形にしてください',
        'write { pending: true, note: "…" }',
      );
    }
    return { value: typeof note === "string" && note ? { pending: true, note } : { pending: true } };
  }
  const rules = q.validate ?? {};
  const values = q.choices?.map((c) => c.value) ?? [];
  const choiceList = values.join(", ");
  const checkText = (s: string): Checked | undefined => {
    if (rules.min_length !== undefined && s.length < rules.min_length)
      return fail(`${rules.min_length} 文字以上で書いてください`, `must be at least ${rules.min_length} characters`, "内容を足してください", "write more");
    if (rules.max_length !== undefined && s.length > rules.max_length)
      return fail(`${rules.max_length} 文字以内で書いてください`, `must be at most ${rules.max_length} characters`, "短くしてください", "shorten it");
    const matched = rules.pattern === undefined || matchPattern(rules.pattern, s, meter);
    if (matched === "too-long")
      return fail("長すぎるため形式を確かめられません", "is too long to check against its expected form", "短くしてください", "shorten it");
    if (!matched)
      return fail(
        `形式が正しくありません (${rules.pattern})`,
        `does not match the expected form (${rules.pattern})`,
        "形式に合わせてください",
        "match the form",
      );
    return undefined;
  };
  const checkItems = (n: number): Checked | undefined => {
    if (rules.min_items !== undefined && n < rules.min_items)
      return fail(`${rules.min_items} 個以上選んでください`, `needs at least ${rules.min_items} items`, "項目を足してください", "add items");
    if (rules.max_items !== undefined && n > rules.max_items)
      return fail(`${rules.max_items} 個までにしてください`, `takes at most ${rules.max_items} items`, "項目を減らしてください", "remove items");
    return undefined;
  };
  switch (q.type) {
    case "text":
    case "paragraph": {
      if (typeof value !== "string" && typeof value !== "number")
        return fail("文字列で答えてください", "must be text", `${q.id}: 回答`, `${q.id}: your answer`);
      const s = String(value);
      return checkText(s) ?? { value: s };
    }
    case "select": {
      const s = typeof value === "number" || typeof value === "boolean" ? String(value) : value;
      if (typeof s !== "string" || !values.includes(s))
        return fail(
          `「${String(value)}」は選択肢にありません`,
          `"${String(value)}" is not one of the choices`,
          `次のいずれかにしてください: ${choiceList}`,
          `use one of: ${choiceList}`,
        );
      return { value: s };
    }
    case "multiselect": {
      const arr = Array.isArray(value) ? value : [value];
      const bad = arr.filter((x) => typeof x !== "string" || !values.includes(x));
      if (bad.length > 0)
        return fail(
          `「${bad.map(String).join(", ")}」は選択肢にありません`,
          `"${bad.map(String).join(", ")}" ${bad.length === 1 ? "is" : "are"} not among the choices`,
          `次から選んでください: ${choiceList}`,
          `pick from: ${choiceList}`,
        );
      const uniq = [...new Set(arr as string[])];
      return checkItems(uniq.length) ?? { value: uniq };
    }
    case "confirm":
      if (typeof value !== "boolean") return fail("true か false で答えてください", "must be true or false", `${q.id}: true`, `${q.id}: true`);
      return { value };
    case "number":
    case "scale": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) return fail("数値で答えてください", "must be a number", `${q.id}: 3`, `${q.id}: 3`);
      const lo = q.type === "scale" ? q.min : rules.min;
      const hi = q.type === "scale" ? q.max : rules.max;
      if (q.type === "scale" && !Number.isInteger(n))
        return fail("整数で答えてください", "must be a whole number", `${lo}〜${hi} の整数にしてください`, `use a whole number from ${lo} to ${hi}`);
      // Without a bound from the pack, a number past 10^15 is a typo (or 1e308), not an answer.
      if ((hi === undefined && n > NUMBER_LIMIT) || (lo === undefined && n < -NUMBER_LIMIT))
        return fail(
          `${n} は大きすぎます`,
          `${n} is too large to be an answer`,
          "数値を確認してください (10^15 まで)",
          "check the number (at most 10^15 either way)",
        );
      if ((lo !== undefined && n < lo) || (hi !== undefined && n > hi)) {
        const range = `${lo ?? ""}〜${hi ?? ""}`;
        return fail(
          `${n} は範囲外です (${range})`,
          `${n} is out of range (${lo ?? "-∞"} to ${hi ?? "∞"})`,
          `${range} の値にしてください`,
          `use a value from ${lo ?? "-∞"} to ${hi ?? "∞"}`,
        );
      }
      return { value: n };
    }
    case "date":
      if (typeof value !== "string" || !isIsoDate(value))
        return fail(
          `「${String(value)}」は日付として読めません`,
          `"${String(value)}" is not a date`,
          "YYYY-MM-DD の形にしてください (例: 2027-04-30)",
          "use YYYY-MM-DD, e.g. 2027-04-30",
        );
      return { value };
    case "list": {
      const arr = Array.isArray(value) ? value : [value];
      if (arr.some((x) => typeof x !== "string" && typeof x !== "number"))
        return fail("文字列のリストで答えてください", "must be a list of texts", "- 項目 の形で書いてください", "write one '- item' per line");
      const items = arr.map(String);
      for (const s of items) {
        const bad = checkText(s);
        if (bad) return bad;
      }
      return checkItems(items.length) ?? { value: items };
    }
    case "references": {
      const arr = Array.isArray(value) ? value : [value];
      const refs: Reference[] = [];
      for (const x of arr) {
        if (typeof x === "string" && x.trim()) {
          refs.push({ source: x });
          continue;
        }
        const r = x as Record<string, unknown>;
        const ok =
          r &&
          typeof r === "object" &&
          !Array.isArray(r) &&
          typeof r.source === "string" &&
          r.source.trim() !== "" &&
          (r.note === undefined || r.note === null || typeof r.note === "string") &&
          (r.kind === undefined || r.kind === null || r.kind === "like" || r.kind === "avoid") &&
          Object.keys(r).every((k) => k === "source" || k === "note" || k === "kind");
        if (!ok)
          return fail(
            "参考資料の書き方が正しくありません",
            "a reference has the wrong form",
            "- { source: URL かファイル, note: メモ, kind: like か avoid }",
            "- { source: URL or file, note: why, kind: like or avoid }",
          );
        refs.push({
          source: r.source as string,
          ...(typeof r.note === "string" && r.note ? { note: r.note } : {}),
          ...(r.kind ? { kind: r.kind as "like" | "avoid" } : {}),
        });
      }
      return checkItems(refs.length) ?? { value: refs };
    }
  }
}

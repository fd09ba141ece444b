/**
 * Answers against their pack: unknown ids, wrong types, values outside the choices, rule
 * violations and missing required answers, all reported together with the question id.
 * Returns the answers normalized (numbers as text where text is asked, a single value as a
 * one-item list…) and pruned of questions whose `when` is false.
 */
import { z } from "zod";
import type { Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import { PatternMeter } from "../pack/pattern.ts";
import { allQuestions, otherChoice, otherKey, type Pack, type Question } from "../pack/types.ts";
import { schemaProblems, suggest } from "../yaml/issues.ts";
import type { ParsedYaml } from "../yaml/parse.ts";
import { checkValue } from "./check-value.ts";
import { chosenOther, pruneAnswers, visibleQuestions } from "./conditions.ts";
import { checkOrdered, parseHistory, parseProgress } from "./progress.ts";
import type { Answers, AnswersFile, Meta, MigrationRecord } from "./types.ts";

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
        ordered: z.string().nullable().optional(),
        created: z.string().nullable().optional(),
        updated: z.string().nullable().optional(),
      })
      .nullable()
      .optional(),
    answers: z.record(z.string(), z.unknown()).nullable().optional(),
    migrated_from: z
      .array(
        z.looseObject({
          version: z.string(),
          to: z.string(),
          at: z.string(),
          dropped: z.array(z.looseObject({ id: z.string(), value: z.unknown(), reason: z.enum(["removed", "changed", "hidden"]) })).optional(),
          ask_again: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    progress: z.unknown().optional(),
    history: z.unknown().optional(),
  }));
let header: z.ZodType<AnswersHeaderData> | undefined;
interface AnswersHeaderData {
  kikitori: 1;
  pack: { id: string; version: string };
  lang?: "ja" | "en" | undefined;
  status?: "in-progress" | "complete" | undefined;
  meta?: Record<string, string | null | undefined> | null | undefined;
  answers?: Record<string, unknown> | null | undefined;
  migrated_from?: unknown[] | undefined;
  progress?: unknown;
  history?: unknown;
}

const HEADER_KEYS = [
  "kikitori",
  "pack",
  "lang",
  "status",
  "meta",
  "answers",
  "migrated_from",
  "progress",
  "history",
  "id",
  "version",
  "client",
  "job",
  "platform",
  "ordered",
  "created",
  "updated",
];

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
  // Empty meta values (`client:` left blank) are the same as absent ones.
  const meta: Meta = Object.fromEntries(Object.entries(d.meta ?? {}).filter(([, v]) => typeof v === "string" && v !== ""));
  const where = { file, locate: parsed.locate };
  const progress = parseProgress(d.progress, where);
  const history = parseHistory(d.history, where);
  const problems = [...checkOrdered(meta.ordered, where), ...progress.problems, ...history.problems];
  if (problems.length > 0) return { problems };
  return {
    problems: [],
    file: {
      kikitori: 1,
      pack: d.pack,
      ...(d.lang ? { lang: d.lang } : {}),
      status: d.status ?? "complete",
      meta,
      answers: (d.answers ?? {}) as Answers,
      ...(d.migrated_from ? { migrated_from: d.migrated_from as MigrationRecord[] } : {}),
      ...(progress.entries.length > 0 ? { progress: progress.entries } : {}),
      ...(history.entries.length > 0 ? { history: history.entries } : {}),
    },
  };
}

const HEADER_TOP = new Set(["kikitori", "pack", "lang", "status", "meta", "answers", "progress", "history"]);
const META_KEYS = new Set(["client", "job", "platform", "ordered", "created", "updated"]);
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
  /** Answers as written in the file: a text answer YAML read as a number keeps its text (`0312345678`). */
  source?: ParsedYaml["source"];
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
      const r = checkValue(q, TEXT_TYPES.has(q.type) ? asWritten(value, ["answers", key], opts.source) : value, meter);
      if ("error" in r) {
        problems.push({ ...where(key), message: r.error, fix: r.fix });
        invalid.add(key);
      } else normalized[key] = r.value;
    } else if (otherKeys.has(key)) {
      const text = asWritten(value, ["answers", key], opts.source);
      if (typeof text === "string" || typeof text === "number") normalized[key] = String(text);
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

const TEXT_TYPES = new Set<Question["type"]>(["text", "paragraph", "list"]);

/** A value YAML read as a number or boolean, as its text was written, where the answer is text (one level of list). */
function asWritten(value: unknown, path: (string | number)[], source: ParsedYaml["source"] | undefined): unknown {
  if (!source) return value;
  if (Array.isArray(value)) return value.map((x, i) => (typeof x === "number" || typeof x === "boolean" ? (source([...path, i]) ?? x) : x));
  return typeof value === "number" || typeof value === "boolean" ? (source(path) ?? value) : value;
}

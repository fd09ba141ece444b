/**
 * The render context: answers turned into what templates show (labels, not values; dates in
 * the reader's language; pending items gathered). Pure: today and the plan are passed in.
 */

import { visibleQuestions } from "../answers/conditions.ts";
import { type Answers, type AnswersFile, get, isPending, type Reference } from "../answers/types.ts";
import { formatDate } from "../date-format.ts";
import { type Lang, type Msg, WORDS } from "../i18n.ts";
import { otherKey, type Pack, type Question } from "../pack/types.ts";
import { numberWithUnit } from "../units.ts";
import { cleanText } from "./markdown.ts";

export { formatNumber } from "../units.ts";

export type ItemKind = "inline" | "block" | "list" | "refs" | "pending" | "none";

export interface RenderItem {
  id: string;
  /** The question's short label (or its full text when it has none). */
  question: string;
  /** The full question text. */
  message: string;
  worker: boolean;
  type: Question["type"];
  kind: ItemKind;
  /** One-line display (inline kind), or the full text (block kind). */
  text: string;
  /** Items of a list kind. */
  lines: string[];
  refs: { source: string; note: string; kind: "like" | "avoid" | ""; kindLabel: string }[];
  /** The note of a pending answer. */
  note: string;
  answered: boolean;
}

export interface RenderSection {
  id: string;
  title: string;
  intro: string;
  items: RenderItem[];
}

export interface RenderContext {
  lang: Lang;
  today: string;
  todayText: string;
  pack: { id: string; version: string; title: string };
  meta: { client: string; job: string; platform: string; platformName: string; created: string; updated: string };
  /** The client addressed politely: `山田 様`, `Dear Ms. Smith,`. */
  salutation: string;
  status: string;
  sections: RenderSection[];
  /** The answers marked `summary: true` (or, in packs that mark none, the first short answers). */
  glance: { label: string; text: string }[];
  /** The same, without the worker's own answers: what the client is told. */
  clientGlance: { label: string; text: string }[];
  pending: { id: string; question: string; note: string; section: string; worker: boolean }[];
  /** Pending items the client can decide (not the worker's own). */
  clientPending: { id: string; question: string; note: string; section: string; worker: boolean }[];
  unanswered: { id: string; question: string; section: string; required: boolean }[];
  counts: { answered: number; total: number; pending: number };
  /** `render --draft`: a brief of a hearing that may be unfinished, to be marked as such. */
  draft: boolean;
  /** How many required questions that apply have no answer (what a draft still lacks). */
  missingRequired: number;
  /** Filled by the planner when the pack binds one (see render/plan.ts). */
  schedule: unknown;
  /** "Check before you start": the checks that hold, in the reader's language; `evaluated` 0 when none apply to this job. */
  checks: { items: { id: string; text: string; source: string; verified: boolean }[]; evaluated: number };
  nextContact: string;
  nextContactText: string;
}

export interface ContextInput {
  pack: Pack;
  file: AnswersFile;
  answers: Answers;
  lang: Lang;
  today: string;
  platformNames?: Record<string, Msg>;
  /** The date the client hears from the worker next. */
  nextContact: string;
  schedule?: unknown;
  draft?: boolean;
  checks?: import("../checks/evaluate.ts").CheckResult;
}

const REF_KIND: Record<Lang, Record<string, string>> = {
  ja: { like: "参考にしたい", avoid: "避けたい" },
  en: { like: "like", avoid: "avoid" },
};

export function buildContext(input: ContextInput): RenderContext {
  const { pack, file, answers, lang } = input;
  const visible = new Set(visibleQuestions(pack, answers).map((q) => q.id));
  const sections: RenderSection[] = [];
  const pending: RenderContext["pending"] = [];
  const unanswered: RenderContext["unanswered"] = [];
  const short: { label: string; text: string; worker: boolean }[] = [];
  const marked: { label: string; text: string; worker: boolean }[] = [];
  let answered = 0;
  let total = 0;
  for (const s of pack.sections) {
    const items: RenderItem[] = [];
    for (const q of s.questions) {
      if (!visible.has(q.id)) continue;
      total++;
      const item = renderItem(q, answers, lang);
      items.push(item);
      if (item.kind === "pending") pending.push({ id: q.id, question: item.question, note: item.note, section: s.title[lang], worker: item.worker });
      else if (item.kind === "none") unanswered.push({ id: q.id, question: item.question, section: s.title[lang], required: q.required });
      else {
        answered++;
        const entry = { label: item.question, text: item.kind === "list" ? item.lines.join(lang === "ja" ? "、" : ", ") : item.text, worker: item.worker };
        if (q.summary && (item.kind === "inline" || item.kind === "list" || item.kind === "block")) marked.push(entry);
        if (item.kind === "inline" && item.text.length <= 60) short.push(entry);
      }
    }
    if (items.length > 0) sections.push({ id: s.id, title: s.title[lang], intro: s.intro?.[lang] ?? "", items });
  }
  const anyMarked = allMarked(pack);
  const picked = anyMarked ? marked : short.slice(0, 8);
  const glance = picked.map(({ label, text }) => ({ label, text }));
  const clientGlance = picked.filter((g) => !g.worker).map(({ label, text }) => ({ label, text }));
  const platform = file.meta.platform ?? "";
  return {
    lang,
    today: input.today,
    todayText: formatDate(input.today, lang),
    pack: { id: pack.id, version: pack.version, title: pack.title[lang] },
    meta: {
      client: cleanText(file.meta.client ?? ""),
      job: cleanText(file.meta.job ?? ""),
      platform,
      platformName: input.platformNames?.[platform]?.[lang] ?? platform,
      created: cleanText(file.meta.created ?? ""),
      updated: cleanText(file.meta.updated ?? ""),
    },
    salutation: salutation(cleanText(file.meta.client ?? ""), lang),
    status: file.status,
    sections,
    glance,
    clientGlance,
    pending,
    clientPending: pending.filter((p) => !p.worker),
    unanswered,
    counts: { answered, total, pending: pending.length },
    draft: input.draft === true,
    missingRequired: unanswered.filter((u) => u.required).length,
    schedule: input.schedule ?? null,
    checks: {
      items: (input.checks?.fired ?? []).map((c) => ({ id: c.id, text: c.message[lang], source: c.source ?? "", verified: c.verified })),
      evaluated: input.checks?.evaluated ?? 0,
    },
    nextContact: input.nextContact,
    nextContactText: formatDate(input.nextContact, lang),
  };
}

function renderItem(q: Question, answers: Answers, lang: Lang): RenderItem {
  const base: RenderItem = {
    id: q.id,
    question: labelOf(q, lang),
    message: q.message[lang],
    worker: q.audience === "worker",
    type: q.type,
    kind: "none",
    text: "",
    lines: [],
    refs: [],
    note: "",
    answered: false,
  };
  // Cleaned before anything is decided from it (one line or several, short enough for the
  // glance), so what is decided is what the brief shows.
  const v = cleanValue(get(answers, q.id));
  if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return base;
  if (isPending(v)) return { ...base, kind: "pending", note: v.note ?? "" };
  const label = (value: string) => {
    const c = q.choices?.find((x) => x.value === value);
    if (!c) return value;
    const other = c.other ? cleanValue(get(answers, otherKey(q.id))) : undefined;
    return typeof other === "string" && other ? `${c.label[lang]}: ${other}` : c.label[lang];
  };
  const done = (kind: ItemKind, text: string, lines: string[] = []): RenderItem => ({ ...base, kind, text, lines, answered: true });
  switch (q.type) {
    case "select":
      return done("inline", label(String(v)));
    case "multiselect":
      return done("list", "", (v as string[]).map(label));
    case "list":
      return done("list", "", (v as string[]).map(String));
    case "confirm":
      return done("inline", (v === true ? WORDS.yes : WORDS.no)[lang]);
    case "number":
      return done("inline", numberWithUnit(v as number, q.unit, lang));
    case "scale": {
      const ends =
        q.min_label && q.max_label
          ? lang === "ja"
            ? `（${q.min} ${q.min_label.ja} ↔ ${q.max} ${q.max_label.ja}）`
            : ` (${q.min} ${q.min_label.en} ↔ ${q.max} ${q.max_label.en})`
          : "";
      return done("inline", `${v} / ${q.max}${ends}`);
    }
    case "date":
      return done("inline", formatDate(String(v), lang));
    case "paragraph":
      return String(v).includes("\n") ? done("block", String(v)) : done("inline", String(v));
    case "references":
      return {
        ...done("refs", ""),
        refs: (v as Reference[]).map((r) => ({
          source: r.source,
          note: r.note ?? "",
          kind: r.kind ?? "",
          kindLabel: r.kind ? (REF_KIND[lang][r.kind] ?? "") : "",
        })),
      };
    default:
      return String(v).includes("\n") ? done("block", String(v)) : done("inline", String(v));
  }
}

const HONORIFIC = /(?<!\s)\s*(様|さま|御中|殿|さん|先生)$/;

function salutation(client: string, lang: Lang): string {
  const name = client.trim();
  if (lang === "ja") return name ? (HONORIFIC.test(name) ? name : `${name} 様`) : "ご担当者様";
  // A Japanese honorific does not belong after "Dear".
  const bare = name.replace(HONORIFIC, "");
  return bare ? `Dear ${bare},` : "Hello,";
}

function allMarked(pack: Pack): boolean {
  return pack.sections.some((s) => s.questions.some((q) => q.summary));
}

/** The short label, or the question without its closing punctuation ("…ですか。" → "…ですか"). */
export function labelOf(q: Question, lang: Lang): string {
  if (q.label) return q.label[lang];
  return q.message[lang].trim().replace(/(?<![。．.:：])[。．.:：]+$/u, "");
}

/** An answer without control sequences and with one kind of line break, in every string it holds. */
function cleanValue<T>(v: T): T {
  if (typeof v === "string") return cleanText(v) as T;
  if (Array.isArray(v)) return v.map(cleanValue) as T;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanValue(x)])) as T;
  return v;
}

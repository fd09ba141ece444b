/**
 * The render context: answers turned into what templates show (labels, not values; dates in
 * the reader's language; pending items gathered). Pure: today and the plan are passed in.
 */

import { visibleQuestions } from "../answers/conditions.ts";
import { type Answers, type AnswersFile, get, isPending, type Reference } from "../answers/types.ts";
import { formatDate } from "../date-format.ts";
import { type Lang, type Msg, unitForm, WORDS } from "../i18n.ts";
import { isTermsQuestion, otherKey, type Pack, type Question } from "../pack/types.ts";
import type { PlatformProfile } from "../schedule/index.ts";
import { currencyOf, formatMoney, oneLine, salutation, salutationStyle, statementOf } from "./client-words.ts";
import { cleanText } from "./markdown.ts";

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
  /** The client addressed politely: `山田 様`, `Hi Jane,`, `Dear Ms. Smith,`; empty in Japanese without a name. */
  salutation: string;
  /** The worker's name for the sign-off (--from, or the user setting), or empty. */
  from: string;
  /** The job's goal in one line, from the pack's `goal:` question(s), or empty. */
  goal: string;
  /** ISO 4217 code of the job's amounts. */
  currency: string;
  status: string;
  sections: RenderSection[];
  /** The answers marked `summary: true` (or, in packs that mark none, the first short answers). */
  glance: { label: string; text: string }[];
  /**
   * What the client is told was understood: the summary answers without the worker's own and
   * without the offer, each choice restated in the worker's voice (`statement:`).
   */
  clientGlance: { label: string; text: string }[];
  /** The worker's offer (`audience: terms`: fee, revision rounds, payment date…) for the client to agree to. */
  offer: { label: string; text: string }[];
  /** Pending items the worker will propose, and by when (a quote by the next contact, colours with the first draft). */
  proposals: { id: string; question: string; note: string; date: string; dateText: string; withFirstDraft: boolean; quote: boolean }[];
  /** Pending items the client decides. */
  decisions: { id: string; question: string; note: string }[];
  pending: { id: string; question: string; note: string; section: string; worker: boolean }[];
  /** Pending items the client can decide (not the worker's own). */
  clientPending: { id: string; question: string; note: string; section: string; worker: boolean }[];
  unanswered: { id: string; question: string; section: string }[];
  counts: { answered: number; total: number; pending: number };
  /** Filled by the planner when the pack binds one (see render/schedule.ts). */
  schedule: unknown;
  /** "Check before you start": the checks that hold, in the reader's language; `evaluated` 0 when none apply to this job. */
  checks: { items: { id: string; text: string; source: string; verified: boolean }[]; evaluated: number };
  /** A late plan's counter-proposal (render/counter.ts), else null. */
  counter: unknown;
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
  /** The job's platform profile (currency, chat or email greeting, acceptance rules). */
  platform?: PlatformProfile | undefined;
  /** The date the client hears from the worker next. */
  nextContact: string;
  /** The planned first draft, when there is a plan: proposals made with it are dated by it. */
  firstDraft?: string | undefined;
  /** Whether that date is one to promise (the plan is not late). */
  firstDraftFirm?: boolean;
  /** Questions the schedule section restates (the deadline and what it means): not listed twice. */
  restated?: ReadonlySet<string>;
  schedule?: unknown;
  checks?: import("../checks/evaluate.ts").CheckResult;
  voice?: Voice;
}

/** Who signs and how formally: from --from / --formal or the user's settings. */
export interface Voice {
  from?: string | undefined;
  /** --formal: English greetings are formal whatever the pack or platform says. */
  formal?: boolean | undefined;
  /** The user's setting, used where the pack does not say. */
  style?: "formal" | "casual" | undefined;
}

const REF_KIND: Record<Lang, Record<string, string>> = {
  ja: { like: "参考にしたい", avoid: "避けたい" },
  en: { like: "like", avoid: "avoid" },
};

export function buildContext(input: ContextInput): RenderContext {
  const { pack, file, answers, lang } = input;
  const currency = currencyOf(pack, input.platform);
  const visible = new Set(visibleQuestions(pack, answers).map((q) => q.id));
  const sections: RenderSection[] = [];
  const pending: RenderContext["pending"] = [];
  const unanswered: RenderContext["unanswered"] = [];
  const proposals: RenderContext["proposals"] = [];
  const decisions: RenderContext["decisions"] = [];
  const offer: RenderContext["offer"] = [];
  type Entry = { label: string; text: string; said: string; worker: boolean; terms: boolean; restated: boolean };
  const short: Entry[] = [];
  const marked: Entry[] = [];
  let answered = 0;
  let total = 0;
  for (const s of pack.sections) {
    const items: RenderItem[] = [];
    for (const q of s.questions) {
      if (!visible.has(q.id)) continue;
      total++;
      const item = renderItem(q, answers, lang, currency);
      items.push(item);
      if (item.kind === "pending") {
        pending.push({ id: q.id, question: item.question, note: item.note, section: s.title[lang], worker: item.worker });
        if (item.worker) continue;
        // Terms are the worker's offer: a pending one is the worker's to propose (a quote).
        const at = q.propose ?? (isTermsQuestion(q) ? "next_contact" : undefined);
        if (at) {
          const withFirstDraft = at === "first_draft" && input.firstDraft !== undefined;
          const date = withFirstDraft ? (input.firstDraftFirm === false ? "" : (input.firstDraft ?? "")) : input.nextContact;
          const quote = q.money === true;
          proposals.push({ id: q.id, question: item.question, note: item.note, date, dateText: date ? formatDate(date, lang) : "", withFirstDraft, quote });
        } else decisions.push({ id: q.id, question: item.question, note: item.note });
      } else if (item.kind === "none") unanswered.push({ id: q.id, question: item.question, section: s.title[lang] });
      else {
        answered++;
        const text = item.kind === "list" ? item.lines.join(lang === "ja" ? "、" : ", ") : item.text;
        const entry = {
          label: item.question,
          text,
          said: said(q, answers, lang) ?? text,
          worker: item.worker,
          terms: isTermsQuestion(q),
          restated: input.restated?.has(q.id) === true,
        };
        if (entry.terms && item.kind !== "refs") offer.push({ label: entry.label, text: entry.said });
        if (q.summary && (item.kind === "inline" || item.kind === "list" || item.kind === "block")) marked.push(entry);
        if (item.kind === "inline" && item.text.length <= 60) short.push(entry);
      }
    }
    if (items.length > 0) sections.push({ id: s.id, title: s.title[lang], intro: s.intro?.[lang] ?? "", items });
  }
  const anyMarked = allMarked(pack);
  const picked = anyMarked ? marked : short.slice(0, 8);
  const glance = picked.map(({ label, text }) => ({ label, text }));
  const clientGlance = picked.filter((g) => !g.worker && !g.terms && !g.restated).map(({ label, said }) => ({ label, text: said }));
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
    salutation: salutation(cleanText(file.meta.client ?? ""), lang, salutationStyle(pack, input.platform, input.voice)),
    from: cleanText(input.voice?.from?.trim() ?? ""),
    goal: goalOf(pack, answers, lang),
    currency,
    status: file.status,
    sections,
    glance,
    clientGlance,
    offer,
    proposals,
    decisions,
    pending,
    clientPending: pending.filter((p) => !p.worker),
    unanswered,
    counts: { answered, total, pending: pending.length },
    schedule: input.schedule ?? null,
    checks: {
      items: (input.checks?.fired ?? []).map((c) => ({ id: c.id, text: c.message[lang], source: c.source ?? "", verified: c.verified })),
      evaluated: input.checks?.evaluated ?? 0,
    },
    counter: (input.schedule as { counter?: unknown } | null | undefined)?.counter ?? null,
    nextContact: input.nextContact,
    nextContactText: formatDate(input.nextContact, lang),
  };
}

/**
 * An answer as the worker restates it: each picked choice's `statement:` where the pack gives
 * one; undefined when no choice has one (the label then stands).
 */
function said(q: Question, answers: Answers, lang: Lang): string | undefined {
  const v = get(answers, q.id);
  const values = typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : [];
  const statements = values.map((x) => statementOf(q, x, lang));
  if (!statements.some(Boolean)) return undefined;
  const labels = values.map((x, i) => {
    if (statements[i]) return statements[i];
    const c = q.choices?.find((y) => y.value === x);
    const other = c?.other ? cleanValue(get(answers, otherKey(q.id))) : undefined;
    return typeof other === "string" && other ? `${c?.label[lang]}: ${other}` : (c?.label[lang] ?? x);
  });
  return cleanText(labels.join(lang === "ja" ? "、" : "; "));
}

/** The first answered `goal:` question, in one line. */
function goalOf(pack: Pack, answers: Answers, lang: Lang): string {
  for (const id of pack.goal ?? []) {
    const v = cleanValue(get(answers, id));
    if (typeof v === "string" && v.trim()) return oneLine(v, lang === "ja" ? 80 : 160);
  }
  return "";
}

function renderItem(q: Question, answers: Answers, lang: Lang, currency: string): RenderItem {
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
  const unitFor = (n: number) => {
    if (!q.unit) return "";
    const text = unitForm(q.unit[lang], n);
    // "Number of pieces: 3", not "…: 3 pieces": the label names the unit already.
    if (lang === "en" && labelNamesUnit(base.question, q.unit.en)) return "";
    return lang === "ja" ? text : ` ${text}`;
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
      if (q.money) return done("inline", formatMoney(v as number, currency, lang));
      return done("inline", `${formatNumber(v as number)}${unitFor(v as number)}`);
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

/** 30000 → 30,000 (both languages group by thousands). */
export function formatNumber(n: number): string {
  const [int = "", frac] = String(Math.round(n * 100) / 100).split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
}

function allMarked(pack: Pack): boolean {
  return pack.sections.some((s) => s.questions.some((q) => q.summary));
}

/** The short label, or the question without its closing punctuation ("…ですか。" → "…ですか"). */
export function labelOf(q: Question, lang: Lang): string {
  if (q.label) return q.label[lang];
  return q.message[lang].trim().replace(/[。．.:：]+$/u, "");
}

/** Whether an English label already names the unit ("Figures" for figure|figures). */
function labelNamesUnit(label: string, unit: string): boolean {
  const words = new Set(label.toLowerCase().match(/[a-z]+/g) ?? []);
  return unit
    .toLowerCase()
    .split("|")
    .some((u) => u.trim() !== "" && words.has(u.trim()));
}

/** An answer without control sequences and with one kind of line break, in every string it holds. */
function cleanValue<T>(v: T): T {
  if (typeof v === "string") return cleanText(v) as T;
  if (Array.isArray(v)) return v.map(cleanValue) as T;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanValue(x)])) as T;
  return v;
}

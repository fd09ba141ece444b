/**
 * The render context: answers turned into what templates show (labels, not values; dates in
 * the reader's language; pending items gathered). Pure: today and the plan are passed in.
 */

import { visibleQuestions } from "../answers/conditions.ts";
import { type Answers, type AnswersFile, get } from "../answers/types.ts";
import { formatDate } from "../date-format.ts";
import type { Lang, Msg } from "../i18n.ts";
import { isTermsQuestion, otherKey, type Pack, type Question } from "../pack/types.ts";
import type { PlatformProfile } from "../schedule/index.ts";
import { currencyOf, oneLine, salutation, salutationStyle, statementOf } from "./client-words.ts";
import { cleanValue, type RenderItem, renderItem } from "./items.ts";
import { cleanText } from "./markdown.ts";

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
  proposals: {
    id: string;
    question: string;
    note: string;
    /** The note is the client's (a client question the worker proposes), not the worker's own (an offer). */
    clientNote: boolean;
    date: string;
    dateText: string;
    withFirstDraft: boolean;
    quote: boolean;
  }[];
  /** Pending items the client decides. */
  decisions: { id: string; question: string; note: string }[];
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
  /** A late plan's counter-proposal (render/counter.ts), else null. */
  counter: unknown;
  nextContact: string;
  nextContactText: string;
  /** A file sent with the message (`plan.png`, from `message confirm --attach`), by its name; empty when none. */
  attachment: string;
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
  draft?: boolean;
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
        const proposal = proposalOf(q, item, input);
        if (proposal) proposals.push(proposal);
        else decisions.push({ id: q.id, question: item.question, note: item.note });
      } else if (item.kind === "none") unanswered.push({ id: q.id, question: item.question, section: s.title[lang], required: q.required });
      else {
        answered++;
        const entry = entryOf(q, item, input);
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
  return {
    lang,
    today: input.today,
    todayText: formatDate(input.today, lang),
    pack: { id: pack.id, version: pack.version, title: pack.title[lang] },
    meta: metaOf(input),
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
    draft: input.draft === true,
    missingRequired: unanswered.filter((u) => u.required).length,
    schedule: input.schedule ?? null,
    checks: checksOf(input),
    counter: (input.schedule as { counter?: unknown } | null | undefined)?.counter ?? null,
    nextContact: input.nextContact,
    nextContactText: formatDate(input.nextContact, lang),
    attachment: "",
  };
}

/** An answered question as the glance and the offer list it. */
interface Entry {
  label: string;
  text: string;
  said: string;
  worker: boolean;
  terms: boolean;
  restated: boolean;
}

function entryOf(q: Question, item: RenderItem, { answers, lang, restated }: ContextInput): Entry {
  const text = item.kind === "list" ? item.lines.join(lang === "ja" ? "、" : ", ") : item.text;
  const terms = isTermsQuestion(q);
  return { label: item.question, text, said: said(q, answers, lang) ?? text, worker: item.worker, terms, restated: restated?.has(q.id) === true };
}

const HONORIFIC = /(?<!\s)\s*(様|さま|御中|殿|さん|先生)$/;

/** The client as a picture or a heading names them: `山田 様` (the honorific added once), `Ms. Smith` (none in English). */
export function addressee(client: string, lang: Lang): string {
  const name = client.trim();
  if (!name) return "";
  return lang === "ja" ? (HONORIFIC.test(name) ? name : `${name} 様`) : name.replace(HONORIFIC, "").trim();
}

function checksOf({ checks, lang }: ContextInput): RenderContext["checks"] {
  const items = (checks?.fired ?? []).map((c) => ({ id: c.id, text: c.message[lang], source: c.source ?? "", verified: c.verified }));
  return { items, evaluated: checks?.evaluated ?? 0 };
}

function metaOf({ file, lang, platformNames }: ContextInput): RenderContext["meta"] {
  const platform = file.meta.platform ?? "";
  return {
    client: cleanText(file.meta.client ?? ""),
    job: cleanText(file.meta.job ?? ""),
    platform,
    platformName: platformNames?.[platform]?.[lang] ?? platform,
    created: cleanText(file.meta.created ?? ""),
    updated: cleanText(file.meta.updated ?? ""),
  };
}

/**
 * A pending answer the worker will propose, and by when; undefined when the client decides it.
 * Terms are the worker's offer: a pending one is the worker's to propose (a quote).
 */
function proposalOf(q: Question, item: RenderItem, input: ContextInput): RenderContext["proposals"][number] | undefined {
  const at = q.propose ?? (isTermsQuestion(q) ? "next_contact" : undefined);
  if (!at) return undefined;
  const withFirstDraft = at === "first_draft" && input.firstDraft !== undefined;
  const date = withFirstDraft ? (input.firstDraftFirm === false ? "" : (input.firstDraft ?? "")) : input.nextContact;
  const dateText = date ? formatDate(date, input.lang) : "";
  const clientNote = !isTermsQuestion(q);
  return { id: q.id, question: item.question, note: item.note, clientNote, date, dateText, withFirstDraft, quote: q.money === true };
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

function allMarked(pack: Pack): boolean {
  return pack.sections.some((s) => s.questions.some((q) => q.summary));
}

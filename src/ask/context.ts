/**
 * What the `ask` template shows: the pack's client questions in the shared client numbering
 * (all of them, a short first round, or only what an answers file still lacks, always with
 * their original numbers), with a hint on how to answer each, one short line of why, the
 * choices' hints where they are short, the worker's offer (`audience: terms`) stated rather
 * than asked, and a short sample reply built from the pack itself. Pure.
 *
 * Strings in this context are already safe for the chosen format (Markdown-escaped for `md`,
 * folded onto one line for `text`), so templates insert them as they are.
 */

import { visibleQuestions } from "../answers/conditions.ts";
import { type Answers, get, isPending } from "../answers/types.ts";
import { formatDate } from "../date-format.ts";
import { type Lang, unitForm } from "../i18n.ts";
import { conditionRefs } from "../pack/conditions.ts";
import { allQuestions, isTermsQuestion, type Pack, type Question } from "../pack/types.ts";
import { currencyOf, formatMoney, salutation, salutationStyle } from "../render/client-words.ts";
import { labelOf } from "../render/items.ts";
import { escapeInline } from "../render/markdown.ts";
import type { PlatformProfile } from "../schedule/index.ts";
import { formatNumber } from "../units.ts";
import { conditionProse } from "./condition-prose.ts";
import { firstRound } from "./first.ts";
import { answerHint, pickHint, sampleReply, whyLine } from "./hints.ts";
import { conditionName, type NumberedQuestion, numberQuestions } from "./numbering.ts";

export type AskFormat = "text" | "md";

export interface AskOption {
  n: number;
  label: string;
  hint: string;
  /** The hint when it is short enough for the text format (shown whole or not at all), else empty. */
  shortHint: string;
  other: boolean;
}

export interface AskQuestion {
  n: number;
  id: string;
  type: Question["type"];
  text: string;
  help: string;
  required: boolean;
  pendingOk: boolean;
  /** How to answer this type, a sentence of its own (`1〜5の数字でお答えください…`), or empty. */
  hint: string;
  /** For a multiselect: `複数選択可` / `pick any that apply`. */
  pick: string;
  /** When the question applies, in prose: `質問2で「その他」を選んだ場合のみ` / `only if you chose "Other" in Q2`, or empty. */
  onlyIf: string;
  /** The first sentence of `help`, when it is short enough for a chat message (the ※ line), or empty. */
  why: string;
  example: string;
  multiple: boolean;
  options: AskOption[];
}

export interface AskSection {
  title: string;
  intro: string;
  questions: AskQuestion[];
}

export interface AskContext {
  lang: Lang;
  format: AskFormat;
  md: boolean;
  /** `all`, `first` (a short first round) or `missing` (what an answers file still lacks). */
  round: AskRound;
  first: boolean;
  missing: boolean;
  salutation: string;
  client: string;
  job: string;
  /** The worker's name for the sign-off, or empty. */
  from: string;
  pack: { id: string; version: string; title: string };
  /** Questions in this message, and in the whole questionnaire. */
  count: number;
  total: number;
  /**
   * The worker's offer (`audience: terms`): `known` stated with its value (from an answers
   * file), `open` named only (the worker quotes them after the answers).
   */
  terms: { known: { label: string; text: string }[]; open: string[] };
  sections: AskSection[];
  /**
   * A few reply lines in the numbering, for "reply like this". Templates print them behind a
   * label (`（例）1. …`) so that a message pasted back whole is not read as answers.
   */
  sample: string[];
  /** Whether any question is conditional (to explain "(only if …)"). */
  hasConditions: boolean;
  /** Whether any question has choices (to explain answering by number). */
  hasChoices: boolean;
}

export type AskRound = "all" | "first" | "missing";

export interface AskOptions {
  lang: Lang;
  format: AskFormat;
  client?: string | undefined;
  job?: string | undefined;
  /** A short first round (`firstRound` in ask/first.ts, shared with `form --first`). */
  first?: boolean;
  /** The answers so far: only what is unanswered or pending is asked (and the known offer is stated). */
  answers?: Answers | undefined;
  /** The job's platform: the greeting's register and the currency of the offer. */
  platform?: PlatformProfile | undefined;
  from?: string | undefined;
  formal?: boolean | undefined;
  style?: "formal" | "casual" | undefined;
}

export function buildAskContext(pack: Pack, opts: AskOptions): AskContext {
  const { lang, format } = opts;
  const safe = (s: string) => (format === "md" ? escapeInline(s.replace(/(?<!\s)\s*\n\s*/g, " ")) : s.replace(/(?<!\s)\s*\n\s*/g, " "));
  const numbered = numberQuestions(pack);
  const round: AskRound = opts.answers ? "missing" : opts.first ? "first" : "all";
  const shown = round === "missing" ? stillMissing(pack, numbered, opts.answers ?? {}) : round === "first" ? firstRound(pack) : numbered;
  // In a follow-up round a condition the answers already meet is no condition to the client.
  const settled = opts.answers ? new Set(visibleQuestions(pack, opts.answers).map((q) => q.id)) : new Set<string>();
  const name = conditionName(numbered, lang);
  const sections: AskSection[] = pack.sections.map((s) => ({ title: safe(s.title[lang]), intro: safe(s.intro?.[lang] ?? ""), questions: [] }));
  for (const x of shown) {
    const q = x.question;
    const condition = q.when && !settled.has(q.id) ? conditionProse(q.when, pack, lang, name) : "";
    const hintBudget = lang === "ja" ? 40 : 80;
    sections[x.sectionIndex]?.questions.push({
      n: x.n,
      id: q.id,
      type: q.type,
      text: safe(q.message[lang]),
      help: safe(q.help?.[lang] ?? ""),
      why: safe(whyLine(q, lang)),
      required: q.required,
      pendingOk: q.allow_pending,
      hint: safe(answerHint(q, lang)),
      pick: safe(pickHint(q, lang)),
      onlyIf: safe(condition),
      example: safe(q.examples?.[0]?.[lang] ?? ""),
      multiple: q.type === "multiselect",
      options: x.options.map((o) => {
        const hint = o.hint?.[lang] ?? "";
        // A hint is shown whole or not at all: import recognises a pasted-back choice line by it.
        return { n: o.n, label: safe(o.label[lang]), hint: safe(hint), shortHint: safe(hint.length <= hintBudget ? hint : ""), other: o.other };
      }),
    });
  }
  const client = opts.client?.trim() ?? "";
  const style = salutationStyle(pack, opts.platform, { formal: opts.formal, style: opts.style });
  return {
    lang,
    format,
    md: format === "md",
    round,
    first: round === "first",
    missing: round === "missing",
    salutation: safe(salutation(client, lang, style)),
    client: safe(client),
    job: safe(opts.job?.trim() ?? ""),
    from: safe(opts.from?.trim() ?? ""),
    pack: { id: pack.id, version: pack.version, title: safe(pack.title[lang]) },
    count: shown.length,
    total: numbered.length,
    terms: termsOf(pack, opts, safe),
    // Only sections with a question to ask: a section of the worker's own questions, its title
    // and its intro never reach the client.
    sections: sections.filter((s) => s.questions.length > 0),
    sample: sampleReply(shown, lang).map(safe),
    hasConditions: shown.some((x) => x.question.when && !settled.has(x.question.id)),
    hasChoices: shown.some((x) => x.options.length > 0),
  };
}

/**
 * What an answers file still lacks: the client questions that apply and are unanswered or
 * pending, and the conditional ones whose condition names one of those (the client may now
 * answer both), each with its original number.
 */
function stillMissing(pack: Pack, numbered: NumberedQuestion[], answers: Answers): NumberedQuestion[] {
  const visible = new Set(visibleQuestions(pack, answers).map((q) => q.id));
  const open = (id: string) => {
    const v = get(answers, id);
    return v === undefined || v === "" || isPending(v) || (Array.isArray(v) && v.length === 0);
  };
  const asked = new Set<string>();
  const out: NumberedQuestion[] = [];
  for (const x of numbered) {
    const q = x.question;
    const applies = visible.has(q.id) ? open(q.id) : q.when !== undefined && conditionRefs(q.when).some((id) => asked.has(id));
    if (!applies) continue;
    asked.add(q.id);
    out.push(x);
  }
  return out;
}

/** The worker's offer: what the answers already say, stated; the rest named, to be quoted. */
function termsOf(pack: Pack, opts: AskOptions, safe: (s: string) => string): AskContext["terms"] {
  const known: { label: string; text: string }[] = [];
  const open: string[] = [];
  const applies = opts.answers ? new Set(visibleQuestions(pack, opts.answers).map((q) => q.id)) : undefined;
  const currency = currencyOf(pack, opts.platform);
  for (const q of allQuestions(pack).filter(isTermsQuestion)) {
    if (applies && !applies.has(q.id)) continue;
    const v = opts.answers ? get(opts.answers, q.id) : undefined;
    const text = v === undefined || isPending(v) ? "" : offerText(q, v, opts.lang, currency);
    if (text) known.push({ label: safe(labelOf(q, opts.lang)), text: safe(text) });
    else open.push(safe(labelOf(q, opts.lang)));
  }
  return { known, open };
}

function offerText(q: Question, v: unknown, lang: Lang, currency: string): string {
  if (typeof v === "number") {
    if (q.money) return formatMoney(v, currency, lang);
    const unit = q.unit ? unitForm(q.unit[lang], v) : "";
    return `${formatNumber(v)}${unit ? (lang === "ja" ? unit : ` ${unit}`) : ""}`;
  }
  if (typeof v === "string" && q.type === "date") return formatDate(v, lang);
  if (typeof v === "string") return q.choices?.find((c) => c.value === v)?.label[lang] ?? v;
  if (typeof v === "boolean") return lang === "ja" ? (v ? "はい" : "いいえ") : v ? "Yes" : "No";
  return "";
}

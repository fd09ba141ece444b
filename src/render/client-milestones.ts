/**
 * The plan's dates as the client reads them. The worker's labels say what the worker does
 * (「確認1回目（修正依頼）」); the client's say what happens to the client and what they are
 * asked to do by that date (「初稿のご確認・修正のご依頼（この日までにお知らせください）」), in the
 * pack's own words (初回納品, リテイク). The platform's acceptance window says in plain words
 * what happens when it passes. Pure.
 *
 * Any milestone kind this module does not know (stages a planner may add) keeps the label it
 * brings, so new milestones flow into every message unchanged.
 */
import { formatDate } from "../date-format.ts";
import type { Lang, Msg } from "../i18n.ts";
import type { TermKey, Text } from "../pack/types.ts";
import { milestoneLabel, type PlatformProfile } from "../schedule/index.ts";

export type Terms = Partial<Record<TermKey, Text>>;

/** Milestones the client takes part in or waits for. */
export const CLIENT_FACING = new Set(["first_draft", "review", "revision", "final_delivery", "acceptance_end", "stage", "check", "client_step"]);

export interface MilestoneLike {
  id: string;
  date: string;
  kind: string;
  actor?: string;
  round?: number;
  /** A label the milestone brings itself (stages), in both languages. */
  label?: Msg;
}

export interface ClientMilestone {
  id: string;
  kind: string;
  date: string;
  dateText: string;
  /** What the date means to the client. */
  label: string;
  /** A delivery the client receives (first draft, revision, final). */
  delivery: boolean;
  /** The client is asked to act by this date (feedback, acceptance). */
  clientTurn: boolean;
}

export interface LabelEnv {
  lang: Lang;
  terms?: Terms;
  /** Revision rounds of the plan: with none, the one delivery is simply 納品 / the delivery. */
  rounds: number;
  platform?: PlatformProfile | undefined;
}

const ends納品 = (s: string) => /納品$/u.test(s);

/** The pack's word for a term in this language, else the default. */
export function term(terms: Terms | undefined, key: TermKey, lang: Lang): string {
  const fallback: Record<TermKey, [string, string]> = {
    first_draft: ["初稿", "first draft"],
    revision: ["修正", "revision"],
    final_delivery: ["最終納品", "final delivery"],
    deadline: ["納期", "deadline"],
  };
  const own = terms?.[key]?.[lang];
  if (own) return lang === "en" ? lowerFirst(own) : own;
  const [ja, en] = fallback[key];
  return lang === "ja" ? ja : en;
}

function lowerFirst(s: string): string {
  // "First delivery" → "first delivery", but an acronym stays ("MV edit").
  return /^[A-Z][a-z]/u.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

/** `初稿のお届け` / `初回納品` (a term ending in 納品 needs no お届け: 「納品をお届け」 says it twice). */
function receive(t: string, lang: Lang): string {
  if (lang === "ja") return ends納品(t) ? t : `${t}のお届け`;
  return `You receive the ${t}`;
}

export function clientMilestoneLabel(m: MilestoneLike, env: LabelEnv): string {
  const { lang, terms, rounds } = env;
  const ja = lang === "ja";
  const draft = term(terms, "first_draft", lang);
  const rev = term(terms, "revision", lang);
  const n = m.round ?? 0;
  switch (m.kind) {
    case "first_draft":
      // With stages, the first draft is a stage of its own name (ラフ, the sketch) unless the pack names it.
      // The stage's label is already said as a delivery (ラフのお届け, Sketch delivered): never お届け twice.
      if (!terms?.first_draft?.[lang] && m.label) return m.label[lang];
      return receive(draft, lang);
    case "revision":
      return ja ? `${rev}${n}回目のお届け` : `You receive ${rev} ${n}`;
    case "review": {
      if (ja) return `${n <= 1 ? draft : `${rev}${n - 1}回目`}のご確認・${rev}のご依頼（この日までにお知らせください）`;
      return `Your feedback on ${n <= 1 ? `the ${draft}` : `${rev} ${n - 1}`} (please send it by this date)`;
    }
    case "final_delivery": {
      const own = terms?.final_delivery?.[lang];
      if (rounds === 0) return ja ? (own ?? "納品") : `You receive the ${own ? lowerFirst(own) : "finished work"}`;
      return receive(own ? term(terms, "final_delivery", lang) : ja ? "最終納品" : "final files", lang);
    }
    case "acceptance_end":
      return acceptanceLabel(env);
    default:
      return m.label?.[lang] ?? milestoneLabel({ id: m.id, kind: m.kind as never, ...(m.round !== undefined ? { round: m.round } : {}) }, lang, terms);
  }
}

/** The acceptance window in plain words: what happens if the client does nothing by then. */
function acceptanceLabel(env: LabelEnv): string {
  const { lang, platform } = env;
  const rule = platform?.rules.find((r) => r.kind === "acceptance" && r.from === "delivery");
  const name = platform?.name[lang] ?? "";
  const ja = lang === "ja";
  if (rule?.lapse === "auto_complete") {
    return ja
      ? `検収期限（この日までにご承諾も${term(env.terms, "revision", lang)}のご依頼もない場合、${name}の仕組みで自動的に承諾となります）`
      : `Acceptance deadline (if you neither accept nor ask for changes by this date, ${name} accepts the delivery automatically)`;
  }
  if (rule?.lapse === "staff_followup") {
    return ja
      ? `検収の目安（この日を過ぎると、${name}の事務局からご確認の連絡が入ることがあります）`
      : `Please accept by this date (after it, ${name} staff may contact you to complete it)`;
  }
  return ja ? "検収期限（内容をご確認のうえ、ご承諾をお願いする日）" : "Acceptance deadline (please check and accept the delivery by this date)";
}

/** The client-facing milestones of a plan, dated and labelled for the client. */
export function clientMilestones(milestones: readonly MilestoneLike[], env: LabelEnv, from = ""): ClientMilestone[] {
  return (
    milestones
      // Stage deliveries, the client's checks and what the client owes are shown; the worker's inner steps are not.
      .filter((m) => CLIENT_FACING.has(m.kind) && m.date >= from)
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        date: m.date,
        dateText: formatDate(m.date, env.lang),
        label: clientMilestoneLabel(m, env),
        delivery: m.kind === "first_draft" || m.kind === "revision" || m.kind === "final_delivery",
        clientTurn: m.kind === "review" || m.kind === "acceptance_end" || m.actor === "client",
      }))
  );
}

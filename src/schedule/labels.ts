import { weekdayOf } from "../iso-date.ts";
import type { IsoDate, Lang, Localized, Milestone, Phase, Plan, Verdict, Weekday } from "./types.ts";
import { weekdayName } from "./workdays.ts";

// Words for the two renderers. Templates phrase plans for clients; these are
// the terse labels of a terminal picture and a chart.

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(date: IsoDate): { y: number; m: number; d: number; w: Weekday } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)), w: weekdayOf(date) };
}

export { formatDate } from "../date-format.ts";

/** `12/11(金)` / `Dec 11`, for tight columns. */
export function formatCompactDate(date: IsoDate, lang: Lang): string {
  const { m, d, w } = parts(date);
  return lang === "ja" ? `${m}/${d}(${weekdayName(w, "ja")})` : `${EN_MONTHS[m - 1]} ${d}`;
}

/**
 * A pack's own words for the deliveries (a voice job says 初回納品 and リテイク where a design
 * job says 初稿 and 修正): `schedule.terms` in the pack.
 */
export type MilestoneTerms = Partial<Record<"first_draft" | "revision" | "final_delivery", Localized>>;

export function milestoneLabel(m: Pick<Milestone, "id" | "kind" | "round" | "label">, lang: Lang, terms: MilestoneTerms = {}): string {
  const n = m.round ?? 0;
  const ja = lang === "ja";
  const revision = terms.revision?.[lang];
  switch (m.kind) {
    case "hearing":
      return ja ? "ヒアリング完了" : "Hearing done";
    case "first_reply":
      return ja ? "初回返信期限" : "First reply due";
    case "first_draft":
      return terms.first_draft?.[lang] ?? m.label?.[lang] ?? (ja ? "初稿" : "First draft");
    case "review":
      return ja ? `確認${n}回目（${revision ?? "修正"}依頼）` : `Client feedback ${n}`;
    case "revision":
      return ja ? `${revision ?? "修正"}${n}回目` : `${revision ?? "Revision"} ${n}`;
    case "final_delivery":
      return terms.final_delivery?.[lang] ?? (ja ? "納品" : "Final delivery");
    case "acceptance_end":
      return ja ? "検収期限" : "Acceptance ends";
    case "stage":
    case "stage_done":
    case "check":
    case "client_step":
      // The planner names these from the pack's stages.
      return m.label?.[lang] ?? m.id;
  }
}

/**
 * What "the deadline" is the date of: `最終納品日`, `初稿の提出日`, `the first-draft date`…
 * With stages the first draft may be a stage of the pack's (`ラフの提出日`): pass its name.
 */
export function dueMeansLabel(dueMeans: "final" | "first_draft", lang: Lang, terms: MilestoneTerms = {}, firstDraftStage?: Localized): string {
  const ja = lang === "ja";
  if (dueMeans === "final") {
    const t = terms.final_delivery?.[lang];
    return ja ? `${t ?? "最終納品"}日` : `the ${(t ?? "final delivery").toLowerCase()} date`;
  }
  const t = terms.first_draft?.[lang];
  if (!t && firstDraftStage) return ja ? `${firstDraftStage.ja}の提出日` : `the day the ${firstDraftStage.en.toLowerCase()} is delivered`;
  // 「初回納品の提出日」 would hand over a delivery: a term that is a delivery takes 日 alone.
  if (ja) return t && /納品$/u.test(t) ? `${t}日` : `${t ?? "初稿"}の提出日`;
  return t ? `the ${t.toLowerCase()} date` : "the first-draft date";
}

/** The pack stage that is the plan's first draft, by its own name (`ラフ`), when the plan has stages. */
export function firstDraftStageOf(plan: Pick<Plan, "milestones" | "phases">): Localized | undefined {
  const stage = plan.milestones.find((m) => m.id === "first_draft")?.stage;
  return stage === undefined ? undefined : plan.phases.find((p) => p.kind === "work" && p.stage === stage)?.label;
}

export function phaseLabel(p: Pick<Phase, "kind" | "round" | "id" | "label">, lang: Lang, terms: MilestoneTerms = {}): string {
  const ja = lang === "ja";
  if (p.label) return p.label[lang];
  if (p.kind === "review") return ja ? `確認${p.round ?? 0}回目` : `Client review ${p.round ?? 0}`;
  if (p.kind === "acceptance") return ja ? "検収期間" : "Acceptance window";
  const draft = terms.first_draft?.[lang];
  if (p.round === undefined) return draft ? (ja ? `${draft}の作業` : `Work on the ${draft.toLowerCase()}`) : ja ? "初稿制作" : "Drafting";
  const revision = terms.revision?.[lang];
  return ja ? `${revision ?? "修正"}${p.round}回目 作業` : `${revision ?? "Revision"} ${p.round} work`;
}

export function verdictLabel(verdict: Verdict, lang: Lang): string {
  const labels: Record<Verdict, [string, string]> = {
    ok: ["余裕あり", "OK"],
    tight: ["ぎりぎり", "Tight"],
    late: ["間に合わない", "Late"],
  };
  const [ja, en] = labels[verdict];
  return lang === "ja" ? ja : en;
}

export const CHECKIN_LABEL: Record<Lang, string> = { ja: "定期連絡", en: "Check-in" };

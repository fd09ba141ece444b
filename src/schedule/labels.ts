import { weekdayOf } from "./dates.ts";
import type { IsoDate, Lang, Milestone, Phase, Verdict, Weekday } from "./types.ts";
import { weekdayName } from "./workdays.ts";

// Words for the two renderers. Templates phrase plans for clients; these are
// the terse labels of a terminal picture and a chart.

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(date: IsoDate): { y: number; m: number; d: number; w: Weekday } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)), w: weekdayOf(date) };
}

export { formatDate } from "../dates.ts";

/** `12/11(金)` / `Dec 11`, for tight columns. */
export function formatCompactDate(date: IsoDate, lang: Lang): string {
  const { m, d, w } = parts(date);
  return lang === "ja" ? `${m}/${d}(${weekdayName(w, "ja")})` : `${EN_MONTHS[m - 1]} ${d}`;
}

export function milestoneLabel(m: Pick<Milestone, "id" | "kind" | "round">, lang: Lang): string {
  const n = m.round ?? 0;
  const ja = lang === "ja";
  switch (m.kind) {
    case "hearing":
      return ja ? "ヒアリング完了" : "Hearing done";
    case "first_reply":
      return ja ? "初回返信期限" : "First reply due";
    case "first_draft":
      return ja ? "初稿" : "First draft";
    case "review":
      return ja ? `確認${n}回目（修正依頼）` : `Client feedback ${n}`;
    case "revision":
      return ja ? `修正${n}回目` : `Revision ${n}`;
    case "final_delivery":
      return ja ? "納品" : "Final delivery";
    case "acceptance_end":
      return ja ? "検収期限" : "Acceptance ends";
  }
}

export function phaseLabel(p: Pick<Phase, "kind" | "round" | "id">, lang: Lang): string {
  const ja = lang === "ja";
  if (p.kind === "review") return ja ? `確認${p.round ?? 0}回目` : `Client review ${p.round ?? 0}`;
  if (p.kind === "acceptance") return ja ? "検収期間" : "Acceptance window";
  if (p.round === undefined) return ja ? "初稿制作" : "Drafting";
  return ja ? `修正${p.round}回目 作業` : `Revision ${p.round} work`;
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

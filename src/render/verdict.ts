/**
 * The planner's verdict for the worker: one line on stderr whenever a plan is not `ok`
 * (render, the end of a hearing, every message), and the same facts as data for `--json`.
 * The client never reads this; the messages carry the verdict in their own words.
 */
import { formatDate } from "../date-format.ts";
import { type Msg, msg } from "../i18n.ts";
import { milestoneLabel, type Plan, type Verdict } from "../schedule/index.ts";
import type { Terms } from "./client-milestones.ts";

export interface VerdictData {
  verdict: Verdict;
  /** Slack at the tightest step, in percent (negative when late). */
  slackPercent: number;
  bottleneck: { id: string; date: string; hoursAvailable: number; hoursNeeded: number };
  earliestFeasibleDue: string | null;
}

export function verdictData(plan: Plan): VerdictData {
  const b = plan.bottleneck;
  return {
    verdict: plan.verdict,
    slackPercent: Math.round(b.slackRatio * 100),
    bottleneck: { id: b.id, date: b.date, hoursAvailable: b.hoursBefore, hoursNeeded: b.effortBefore },
    earliestFeasibleDue: plan.earliestFeasibleDue ?? null,
  };
}

/** What the message did about it, said after the verdict. */
export type VerdictEffect = "counter" | "keeps" | "none";

/** One line for the worker when the plan is tight or late; undefined when it is ok. */
export function verdictLine(plan: Plan | undefined, terms: Terms | undefined, effect: VerdictEffect): Msg | undefined {
  if (!plan || plan.verdict === "ok") return undefined;
  const b = plan.bottleneck;
  const kind = plan.milestones.find((m) => m.id === b.id);
  const label = (lang: "ja" | "en") =>
    milestoneLabel({ id: b.id, kind: kind?.kind ?? "final_delivery", ...(kind?.round !== undefined ? { round: kind.round } : {}) }, lang, terms);
  const slack = Math.round(b.slackRatio * 100);
  const hours = (h: number) => String(Math.round(h * 10) / 10);
  const at = {
    ja: `${label("ja")}（${formatDate(b.date, "ja")}）まで: 作業できる ${hours(b.hoursBefore)} 時間に対して必要 ${hours(b.effortBefore)} 時間`,
    en: `${label("en")} (${formatDate(b.date, "en")}): ${hours(b.hoursBefore)} h available for ${hours(b.effortBefore)} h of work`,
  };
  if (plan.verdict === "tight") {
    const after = effect === "keeps" ? msg("。メッセージの日付はそのままです", "; the message keeps the dates") : msg("", "");
    return msg(
      `計画の判定: ぎりぎり（余裕 ${slack}%、いちばん厳しいのは ${at.ja}）${after.ja}`,
      `plan: tight (${slack}% slack at the tightest step, ${at.en})${after.en}`,
    );
  }
  const earliest = plan.earliestFeasibleDue;
  const when = earliest
    ? msg(`。間に合う最も早い日は ${formatDate(earliest, "ja")}`, `; the earliest feasible date is ${formatDate(earliest, "en")}`)
    : msg("", "");
  const after =
    effect === "counter"
      ? msg("。メッセージは代案つきの日程のご相談にしました", "; the message is a counter-proposal with the alternatives")
      : effect === "keeps"
        ? msg("。送る前に日程を見直してください", "; review the dates before sending")
        : msg("", "");
  return msg(`計画の判定: 間に合わない（${at.ja}）${when.ja}${after.ja}`, `plan: late (${at.en})${when.en}${after.en}`);
}

// What the client's picture says, in the client's words: the worker's table says 「ラフ提出」
// and 「確認1回目（修正依頼）」; the picture says 「ラフのお届け」 and 「ご確認・修正のご依頼（1回目）」.

import type { MilestoneTerms } from "../labels.ts";
import type { Lang, Localized, Milestone } from "../types.ts";

type Named = Pick<Milestone, "kind" | "round" | "label" | "stage">;

/** The stage's own name from a planner label (`ラフ提出` → `ラフ`), as the planner composed it. */
function stageName(m: Named, lang: Lang, stageLabels: ReadonlyMap<string, Localized>): string | undefined {
  return m.stage === undefined ? undefined : stageLabels.get(m.stage)?.[lang];
}

/** `the line art` for a label `Line art`: lower case unless it is an acronym or a name. */
export function inSentence(label: string, lang: Lang): string {
  return lang === "en" && /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export function pictureLabel(m: Named, lang: Lang, terms: MilestoneTerms, stageLabels: ReadonlyMap<string, Localized>): string {
  const ja = lang === "ja";
  const n = m.round ?? 0;
  const revision = terms.revision?.[lang] ?? (ja ? "修正" : "Revision");
  const stage = stageName(m, lang, stageLabels);
  switch (m.kind) {
    case "hearing":
      return ja ? "作業開始" : "Work starts";
    case "first_draft": {
      // The pack's own word already says it is delivered (初回納品, First delivery).
      const term = terms.first_draft?.[lang];
      if (term) return term;
      return ja ? `${stage ?? "初稿"}のお届け` : `${stage ?? "First draft"} delivered`;
    }
    case "stage":
      return ja ? `${stage}のお届け` : `${stage} delivered`;
    case "stage_done":
      return ja ? `${stage} 完了` : `${stage} done`;
    case "revision":
      return ja ? `${revision}${n}回目のお届け` : `${revision} ${n} delivered`;
    case "final_delivery":
      return terms.final_delivery?.[lang] ?? (ja ? "納品（完成版のお届け）" : "Final delivery");
    case "review":
      return ja ? `${revision}のご依頼（${n}回目）` : `Your feedback (round ${n})`;
    case "check":
    case "client_step":
      return m.label?.[lang] ?? stage ?? "";
    case "acceptance_end":
      return ja ? "検収（ご承諾）の期限" : "Accept the delivery by";
    case "first_reply":
      return ja ? "初回返信の期限" : "First reply due";
  }
}

export const WORDS: Record<
  Lang,
  {
    title: string;
    client: string;
    worker: string;
    today: string;
    deadlineBadge: string;
    deadlineFirst: (what: string) => string;
    deadlineFinal: (revision: string) => string;
    finalLine: string;
    firstLine: (what: string) => string;
    days: (n: number) => string;
    legend: { delivery: string; due: string; work: string; window: string; deadline: string; today: string };
    note: string;
    made: (date: string) => string;
  }
> = {
  ja: {
    title: "制作スケジュール",
    client: "お客様のご対応",
    worker: "制作者の作業",
    today: "今日",
    deadlineBadge: "納期",
    deadlineFirst: (what) => `「納期」＝${what}をお届けする日`,
    deadlineFinal: (revision) => `「納期」＝${revision}を終えた完成版をお届けする日`,
    finalLine: "完成版のお届け（最終納品）",
    firstLine: (what) => `${what}のお届け`,
    days: (n) => `${n}日間`,
    legend: { delivery: "制作者のお届け", due: "お客様のご対応の期限", work: "作業期間", window: "ご確認・ご準備の期間", deadline: "納期", today: "今日" },
    note: "ご確認の期間も日程に含めています。お返事が遅れた場合は、その後の日程も後ろにずれます。",
    made: (date) => `${date} 作成`,
  },
  en: {
    title: "Schedule",
    client: "Your part",
    worker: "My part",
    today: "Today",
    deadlineBadge: "Deadline",
    deadlineFirst: (what) => `"Deadline" = the day you receive the ${what}`,
    deadlineFinal: (revision) => `"Deadline" = the day you receive the finished work, ${revision} done`,
    finalLine: "Finished work (final delivery)",
    firstLine: (what) => `${what.charAt(0).toUpperCase()}${what.slice(1)} delivered`,
    days: (n) => (n === 1 ? "1 day" : `${n} days`),
    legend: { delivery: "I deliver", due: "Your part, due", work: "I am working", window: "Your review or preparation", deadline: "Deadline", today: "Today" },
    note: "Your review time is part of the plan: a later reply moves the dates after it.",
    made: (date) => `Made on ${date}`,
  },
};

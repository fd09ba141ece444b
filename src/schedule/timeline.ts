import { dayNumber, isoFromDay, weekdayOfDay } from "../iso-date.ts";
import { type HolidayCalendar, workdayTest } from "./calendar.ts";
import { CHECKIN_LABEL, formatCompactDate, formatDate, type MilestoneTerms, milestoneLabel, verdictLabel } from "./labels.ts";
import type { Lang, Milestone, Plan } from "./types.ts";

// A plain-text calendar strip of a plan: one row per week (Monday first), one
// ASCII marker per day so columns stay aligned in any terminal font, milestones
// and holidays named at the end of their week's row. Colour is whatever the
// caller's function does with (kind, text); the identity gives plain text.

export type TimelineColorKind =
  | "heading"
  | "muted"
  | "workday"
  | "offday"
  | "holiday"
  | "review"
  | "checkin"
  | "worker"
  | "client"
  | "platform"
  | "ok"
  | "tight"
  | "late";

export interface TimelineOptions {
  lang: Lang;
  /** The same calendar the plan was made with, to show holidays by name. */
  calendar: HolidayCalendar;
  /** The pack's words for the deliveries (schedule.terms). */
  terms?: MilestoneTerms;
  color?: (kind: TimelineColorKind, text: string) => string;
}

const MARKERS: Record<Milestone["kind"], string> = {
  hearing: "S",
  first_reply: "!",
  first_draft: "D",
  review: "C",
  revision: "R",
  final_delivery: "F",
  acceptance_end: "A",
  stage: "d",
  stage_done: "s",
  check: "C",
  client_step: "M",
};

// Plans with stages add a line to the legend.
const STAGE_LEGEND: Record<Lang, [string, TimelineColorKind, string][]> = {
  ja: [
    ["d", "worker", "段階の提出"],
    ["s", "worker", "段階の完了"],
    ["M", "client", "クライアントの作業期限"],
  ],
  en: [
    ["d", "worker", "stage delivered"],
    ["s", "worker", "stage done"],
    ["M", "client", "client's step due"],
  ],
};

// When two milestones share a day the cell shows the one that matters most.
const PRIORITY: Milestone["kind"][] = [
  "final_delivery",
  "first_draft",
  "stage",
  "revision",
  "review",
  "check",
  "client_step",
  "stage_done",
  "acceptance_end",
  "first_reply",
  "hearing",
];

const HEADER: Record<Lang, string[]> = {
  ja: [" 月", " 火", " 水", " 木", " 金", " 土", " 日"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

const LEGEND: Record<Lang, { title: string; items: [string, TimelineColorKind, string][] }> = {
  ja: {
    title: "凡例",
    items: [
      [".", "workday", "稼働日"],
      ["-", "offday", "休み"],
      ["H", "holiday", "祝日"],
      ["~", "review", "クライアント確認中"],
      ["o", "checkin", "定期連絡"],
      ["S", "worker", "ヒアリング完了"],
      ["D", "worker", "初稿"],
      ["C", "client", "確認期限（修正依頼）"],
      ["R", "worker", "修正"],
      ["F", "worker", "納品"],
      ["A", "platform", "検収期限"],
      ["!", "platform", "初回返信期限"],
    ],
  },
  en: {
    title: "Legend",
    items: [
      [".", "workday", "workday"],
      ["-", "offday", "day off"],
      ["H", "holiday", "holiday"],
      ["~", "review", "client's turn"],
      ["o", "checkin", "check-in"],
      ["S", "worker", "hearing done"],
      ["D", "worker", "first draft"],
      ["C", "client", "client feedback due"],
      ["R", "worker", "revision"],
      ["F", "worker", "final delivery"],
      ["A", "platform", "acceptance ends"],
      ["!", "platform", "first reply due"],
    ],
  },
};

function monthHeading(day: number, lang: Lang): string {
  const iso = isoFromDay(day);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return lang === "ja" ? `${y}年${m}月` : `${en[m - 1]} ${y}`;
}

function summary(plan: Plan, lang: Lang, paint: NonNullable<TimelineOptions["color"]>, terms: MilestoneTerms): string[] {
  const ja = lang === "ja";
  const slack = `${Math.round(plan.slackRatio * 100)}%`;
  const verdict = paint(plan.verdict, verdictLabel(plan.verdict, lang));
  const lines = [
    ja
      ? `判定: ${verdict} — 作業可能 ${plan.capacityHours}h / 必要 ${plan.effortHours}h（余裕 ${slack}）`
      : `Verdict: ${verdict} — capacity ${plan.capacityHours} h vs effort ${plan.effortHours} h (slack ${slack})`,
    ja
      ? `締切 ${formatDate(plan.due, lang)}（${plan.dueMeans === "final" ? "最終納品" : "初稿"}）`
      : `Due ${formatDate(plan.due, lang)} (${plan.dueMeans === "final" ? "final delivery" : "first draft"})`,
    ja
      ? `${firstDraftName(plan, lang, terms)} ${formatDate(plan.firstDraftDate, lang)} ／ 納品 ${formatDate(plan.finalDate, lang)}`
      : `${firstDraftName(plan, lang, terms)} ${formatDate(plan.firstDraftDate, lang)} / final delivery ${formatDate(plan.finalDate, lang)}`,
  ];
  const binding = plan.dueMeans === "final" ? "final_delivery" : "first_draft";
  const b = plan.bottleneck;
  const milestone = plan.milestones.find((m) => m.id === b.id);
  if (b.id !== binding && milestone) {
    const pct = `${Math.round(b.slackRatio * 100)}%`;
    const name = milestoneLabel(milestone, lang, terms);
    lines.push(
      ja
        ? `最も余裕が少ない: ${name} ${formatCompactDate(b.date, lang)}（作業可能 ${b.hoursBefore}h / 必要 ${b.effortBefore}h、余裕 ${pct}）`
        : `Least slack: ${name} ${formatCompactDate(b.date, lang)} (capacity ${b.hoursBefore} h vs effort ${b.effortBefore} h, slack ${pct})`,
    );
  }
  lines.push(
    ja
      ? `${CHECKIN_LABEL.ja} ${plan.checkins.length}回（初回 ${formatCompactDate(plan.checkins[0] ?? plan.start, lang)}）`
      : `${plan.checkins.length} check-ins (first ${formatCompactDate(plan.checkins[0] ?? plan.start, lang)})`,
  );
  if (plan.earliestFeasibleDue) {
    lines.push(
      ja ? `最短で間に合う締切: ${formatDate(plan.earliestFeasibleDue, lang)}` : `Earliest feasible due date: ${formatDate(plan.earliestFeasibleDue, lang)}`,
    );
  }
  return lines;
}

/** What the first delivery is called: 初稿 / First draft, or the pack's stage (ラフ提出). */
function firstDraftName(plan: Plan, lang: Lang, terms: MilestoneTerms): string {
  const m = plan.milestones.find((x) => x.id === "first_draft");
  return m?.stage !== undefined ? milestoneLabel(m, lang, terms) : lang === "ja" ? "初稿" : "First draft";
}

/** The plan as terminal lines: month headings, week rows, a legend and a summary. */
export function renderTimeline(plan: Plan, options: TimelineOptions): string[] {
  const { lang, calendar } = options;
  const terms = options.terms ?? {};
  const paint = options.color ?? ((_kind: TimelineColorKind, text: string) => text);
  const isWorkday = workdayTest(new Set(plan.workdays), calendar);
  const byDay = new Map<number, Milestone[]>();
  for (const m of plan.milestones) {
    const day = dayNumber(m.date);
    byDay.set(day, [...(byDay.get(day) ?? []), m]);
  }
  const checkins = new Set(plan.checkins.map(dayNumber));
  const clientTurn = new Set<number>();
  for (const phase of plan.phases) {
    if (phase.actor !== "client") continue;
    for (let d = dayNumber(phase.start); d <= dayNumber(phase.end); d++) clientTurn.add(d);
  }

  const startDay = dayNumber(plan.start);
  const dates = [...byDay.keys(), startDay, dayNumber(plan.due)];
  const first = Math.min(...dates);
  const last = Math.max(...dates);
  const planEnd = Math.max(...byDay.keys());
  // Rows run Monday to Sunday; weekdayOfDay is 0 for Sunday.
  const rowStart = first - ((weekdayOfDay(first) + 6) % 7);

  const cell = (day: number): string => {
    const text = String(Number(isoFromDay(day).slice(8, 10))).padStart(2);
    const inPlan = day >= Math.min(first, startDay) && day <= planEnd;
    const milestones = byDay.get(day) ?? [];
    const top = PRIORITY.map((kind) => milestones.find((m) => m.kind === kind)).find((m) => m !== undefined);
    if (top) return paint(top.actor, `${text}${MARKERS[top.kind]}`);
    if (calendar.holiday(isoFromDay(day))) return paint("holiday", `${text}H`);
    if (!inPlan) return paint("muted", `${text} `);
    if (checkins.has(day)) return paint("checkin", `${text}o`);
    if (clientTurn.has(day)) return paint("review", `${text}~`);
    return isWorkday(day) ? paint("workday", `${text}.`) : paint("offday", `${text}-`);
  };

  const lines: string[] = [paint("heading", `        ${HEADER[lang].join(" ")}`)];
  for (let week = rowStart; week <= last; week += 7) {
    const days = Array.from({ length: 7 }, (_, i) => week + i);
    // A row belongs to the month of its Monday; a heading marks each new one.
    if (week === rowStart || isoFromDay(week).slice(0, 7) !== isoFromDay(week - 7).slice(0, 7)) {
      lines.push(paint("heading", monthHeading(week, lang)));
    }
    const events: string[] = [];
    for (const d of days) {
      const iso = isoFromDay(d);
      const holiday = calendar.holiday(iso);
      const names = [...(holiday ? [paint("holiday", holiday[lang])] : []), ...(byDay.get(d) ?? []).map((m) => paint(m.actor, milestoneLabel(m, lang, terms)))];
      if (names.length > 0) events.push(`${formatCompactDate(iso, lang)} ${names.join(lang === "ja" ? "・" : ", ")}`);
    }
    const label = isoFromDay(week).slice(5).replace("-", "/");
    lines.push(`${label}   ${days.map(cell).join(" ")}${events.length > 0 ? `   ${events.join("  ")}` : ""}`.trimEnd());
  }

  const legend = LEGEND[lang];
  const items = legend.items.map(([marker, kind, text]) => `${paint(kind, marker)} ${text}`);
  // Japanese characters take two columns, so the indent under the title differs.
  const indent = " ".repeat(legend.title.length * (lang === "ja" ? 2 : 1) + 2);
  lines.push("", `${legend.title}: ${items.slice(0, 5).join("  ")}`, `${indent}${items.slice(5).join("  ")}`);
  if (plan.milestones.some((m) => m.stage !== undefined)) {
    lines.push(`${indent}${STAGE_LEGEND[lang].map(([marker, kind, text]) => `${paint(kind, marker)} ${text}`).join("  ")}`);
  }
  lines.push("", ...summary(plan, lang, paint, terms));
  return lines;
}

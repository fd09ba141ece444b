// The client's picture of a plan, before any drawing: one row per day something happens,
// each event in the lane of who acts (the client or the worker), the spans of work and of
// the client's turns, the deadline and what it means, today. Pure.

import { formatDate } from "../../date-format.ts";
import { addDays, daysBetween, type IsoDate } from "../../iso-date.ts";
import type { MilestoneTerms } from "../labels.ts";
import type { Lang, Localized, Milestone, Plan } from "../types.ts";
import { inSentence, pictureLabel, WORDS } from "./words.ts";

export type Lane = "client" | "worker";

export interface PictureInput {
  plan: Plan;
  lang: Lang;
  terms?: MilestoneTerms;
  today: IsoDate;
  job?: string;
  /** The client as addressed: `山田 様`, `Ms. Smith`. */
  client?: string;
  platformName?: string;
}

export interface PictureEvent {
  id: string;
  lane: Lane;
  label: string;
  /** A delivery or start of the worker's, a done stage (quieter), or something the client does by this day. */
  kind: "delivery" | "done" | "due";
  deadline: boolean;
}

export interface PictureRow {
  date: IsoDate;
  events: PictureEvent[];
  deadline: boolean;
  today: boolean;
}

export interface PictureSpan {
  id: string;
  lane: Lane;
  kind: "work" | "window";
  /** Rows it runs between (indexes into rows). */
  from: number;
  to: number;
  days: number;
}

export interface PictureModel {
  lang: Lang;
  title: string;
  /** The job's title, when the answers give one. */
  job: string;
  subtitle: string;
  deadline: { what: string; date: IsoDate; other: string; otherDate: IsoDate };
  rows: PictureRow[];
  spans: PictureSpan[];
  /** Where today falls: on a row, or between rows (before `before`; rows.length = after the last). */
  today: { date: IsoDate; row?: number; before?: number };
}

/** The worker's own platform duty (the first reply) is not the client's business. */
const HIDDEN = new Set<Milestone["kind"]>(["first_reply"]);

export function pictureModel(input: PictureInput): PictureModel {
  const { plan, lang, today } = input;
  const terms = input.terms ?? {};
  const stageLabels = new Map<string, Localized>(plan.phases.flatMap((p) => (p.kind === "work" && p.stage && p.label ? [[p.stage, p.label]] : [])));
  const deadlineId = deadlineMilestone(plan);
  const byDate = new Map<IsoDate, PictureEvent[]>();
  for (const m of plan.milestones) {
    if (HIDDEN.has(m.kind)) continue;
    const event: PictureEvent = {
      id: m.id,
      lane: m.actor === "worker" ? "worker" : "client",
      label: pictureLabel(m, lang, terms, stageLabels),
      kind: m.actor !== "worker" ? "due" : m.kind === "stage_done" ? "done" : "delivery",
      deadline: m.id === deadlineId,
    };
    byDate.set(m.date, [...(byDate.get(m.date) ?? []), event]);
  }
  const rows: PictureRow[] = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, events]) => ({ date, events, deadline: events.some((e) => e.deadline), today: date === today }));
  return {
    lang,
    title: WORDS[lang].title,
    job: input.job ?? "",
    subtitle: subtitle(input),
    deadline: deadlineText(plan, lang, terms, stageLabels),
    rows,
    spans: spansOf(plan, rows),
    today: todayOf(rows, today),
  };
}

/** The milestone the client calls "the deadline": the final delivery, or the first draft. */
function deadlineMilestone(plan: Plan): string {
  if (plan.dueMeans === "final") return "final_delivery";
  return plan.milestones.some((m) => m.id === "first_draft") ? "first_draft" : "final_delivery";
}

function deadlineText(plan: Plan, lang: Lang, terms: MilestoneTerms, stageLabels: ReadonlyMap<string, Localized>): PictureModel["deadline"] {
  const words = WORDS[lang];
  const stage = plan.milestones.find((m) => m.id === "first_draft")?.stage;
  const first = terms.first_draft?.[lang] ?? (stage !== undefined ? stageLabels.get(stage)?.[lang] : undefined) ?? (lang === "ja" ? "初稿" : "first draft");
  const revision = terms.revision?.[lang] ?? (lang === "ja" ? "修正" : "revisions");
  if (plan.dueMeans === "final") {
    return {
      what: words.deadlineFinal(lang === "ja" ? revision : inSentence(revision, lang)),
      date: plan.finalDate,
      // The pack's own word for it already says it is delivered (初回納品, First delivery).
      other: terms.first_draft?.[lang] ?? words.firstLine(inSentence(first, lang)),
      otherDate: plan.firstDraftDate,
    };
  }
  return { what: words.deadlineFirst(inSentence(first, lang)), date: plan.firstDraftDate, other: words.finalLine, otherDate: plan.finalDate };
}

function subtitle(input: PictureInput): string {
  const { lang, client, platformName, today } = input;
  const who = client ? (lang === "ja" ? client : `For ${client}`) : "";
  return [who, platformName ?? "", WORDS[lang].made(formatDate(today, lang))].filter(Boolean).join(" · ");
}

/** Each phase runs from the row of the event before it to the row of the event that ends it. */
function spansOf(plan: Plan, rows: PictureRow[]): PictureSpan[] {
  const rowAtOrBefore = (date: IsoDate) => {
    let found = 0;
    rows.forEach((r, i) => {
      if (r.date <= date) found = i;
    });
    return found;
  };
  return plan.phases.map((p) => ({
    id: p.id,
    lane: p.actor === "worker" ? "worker" : "client",
    kind: p.kind === "work" ? "work" : "window",
    from: Math.max(0, rowAtOrBefore(p.start) === rowAtOrBefore(p.end) ? rowAtOrBefore(p.end) : rowAtOrBefore(addDays(p.start, -1))),
    to: rowAtOrBefore(p.end),
    days: daysBetween(p.start, p.end) + 1,
  }));
}

function todayOf(rows: PictureRow[], today: IsoDate): PictureModel["today"] {
  const on = rows.findIndex((r) => r.date === today);
  if (on >= 0) return { date: today, row: on };
  const after = rows.findIndex((r) => r.date > today);
  return { date: today, before: after < 0 ? rows.length : after };
}

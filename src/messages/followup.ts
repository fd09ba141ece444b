/**
 * Follow-up messages after the hearing (progress, delay, delivery): the render context of the
 * saved answers plus what each message needs, with dates from the deadline planner. Pure:
 * today, the platforms and calendars are passed in.
 *
 * A plan made days after the hearing does not slide with the calendar: it is the plan of
 * `render` and the confirmation message, anchored in the file (see planAnchor).
 */
import type { Answers, AnswersFile } from "../answers/types.ts";
import { formatDate } from "../date-format.ts";
import type { Lang } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";
import type { RenderContext } from "../render/context.ts";
import { contextWithPlan } from "../render/render.ts";
import { type PlanningEnv, type PlanOutcome, planFromAnswers } from "../render/schedule.ts";
import { type MilestoneTerms, milestoneLabel, type Plan } from "../schedule/index.ts";
import { type ChangeItem, changesToTell } from "./changes.ts";

export interface FollowUpInput {
  pack: Pack;
  file: AnswersFile;
  /** Valid, normalized answers. */
  answers: Answers;
  lang: Lang;
  today: string;
  planning: PlanningEnv;
}

export interface DatedItem {
  id: string;
  date: string;
  dateText: string;
  label: string;
}

/** Milestones the client takes part in or waits for. */
const CLIENT_FACING = new Set(["first_draft", "review", "revision", "final_delivery", "acceptance_end", "stage", "check", "client_step"]);

export function planOf(input: FollowUpInput, pack: Pack = input.pack): PlanOutcome | undefined {
  return planFromAnswers(pack, input.answers, input.file.meta, input.planning);
}

/** The render context (answers, client, schedule view) with the next contact taken from the plan. */
export function baseContext(input: FollowUpInput, outcome: PlanOutcome | undefined): RenderContext {
  const { pack, file, answers, lang, today, planning } = input;
  return contextWithPlan(pack, file, answers, { lang, today, planning }, outcome);
}

/** The plan's client-facing milestones on or after `from`, dated and labelled. */
export function clientMilestones(plan: Plan | undefined, lang: Lang, from: string, terms: MilestoneTerms = {}): DatedItem[] {
  if (!plan) return [];
  return plan.milestones
    .filter((m) => CLIENT_FACING.has(m.kind) && m.date >= from)
    .map((m) => ({ id: m.id, date: m.date, dateText: formatDate(m.date, lang), label: milestoneLabel(m, lang, terms) }));
}

/** Revision rounds in a plan: one client review per round. */
export function revisionRounds(plan: Plan): number {
  return plan.milestones.filter((m) => m.kind === "review").length;
}

export interface ProgressFlags {
  percent?: number;
  done: string[];
  next: string[];
}

export interface ProgressContext extends RenderContext {
  /** `percentText` is empty without --percent (0 % is a figure, not "none"). */
  progress: { percent: number | null; percentText: string; done: string[]; next: string[]; upcoming: DatedItem[]; changes: ChangeItem[] };
}

export function buildProgressContext(input: FollowUpInput, flags: ProgressFlags): ProgressContext {
  const outcome = planOf(input);
  const base = baseContext(input, outcome);
  // Strictly after today: what was due today is reported as done or late, not as coming.
  const upcoming = clientMilestones(outcome?.plan, input.lang, input.today, input.pack.schedule?.terms).filter((m) => m.date > input.today);
  const percent = flags.percent ?? null;
  const changes = changesToTell(input.pack, input.file, input.lang);
  return { ...base, progress: { percent, percentText: percent === null ? "" : String(percent), done: flags.done, next: flags.next, upcoming, changes } };
}

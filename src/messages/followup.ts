/**
 * Follow-up messages after the hearing (progress, delay, delivery): the render context of the
 * saved answers plus what each message needs, with dates from the deadline planner. Pure:
 * today, the platforms and calendars are passed in.
 *
 * A plan made days after the hearing does not slide with the calendar: it is the plan of
 * `render` and the confirmation message, anchored in the file (see planAnchor).
 */
import type { Answers, AnswersFile } from "../answers/types.ts";
import type { Lang } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";
import { clientMilestones } from "../render/client-milestones.ts";
import type { RenderContext, Voice } from "../render/context.ts";
import { contextWithPlan } from "../render/render.ts";
import { type PlanningEnv, type PlanOutcome, planFromAnswers } from "../render/schedule.ts";
import type { Plan } from "../schedule/index.ts";
import { type ChangeItem, changesToTell } from "./changes.ts";

export interface FollowUpInput {
  pack: Pack;
  file: AnswersFile;
  /** Valid, normalized answers. */
  answers: Answers;
  lang: Lang;
  today: string;
  planning: PlanningEnv;
  /** Who signs and how formally. */
  voice?: Voice;
}

export interface DatedItem {
  id: string;
  date: string;
  dateText: string;
  label: string;
}

export function planOf(input: FollowUpInput, pack: Pack = input.pack): PlanOutcome | undefined {
  return planFromAnswers(pack, input.answers, input.file.meta, input.planning);
}

/** The render context (answers, client, schedule view) with the next contact taken from the plan. */
export function baseContext(input: FollowUpInput, outcome: PlanOutcome | undefined): RenderContext {
  const { pack, file, answers, lang, today, planning, voice } = input;
  return contextWithPlan(pack, file, answers, { lang, today, planning, ...(voice ? { voice } : {}) }, outcome);
}

/** The plan's client-facing milestones on or after `from`, dated and labelled for the client. */
export function upcomingFor(input: FollowUpInput, plan: Plan | undefined, from: string): DatedItem[] {
  if (!plan) return [];
  const platform = input.planning.platforms.find((p) => p.id === plan.platform);
  const env = { lang: input.lang, terms: input.pack.schedule?.terms, rounds: revisionRounds(plan), platform };
  return clientMilestones(plan.milestones, env, from).map(({ id, date, dateText, label }) => ({ id, date, dateText, label }));
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
  const upcoming = upcomingFor(input, outcome?.plan, input.today).filter((m) => m.date > input.today);
  const percent = flags.percent ?? null;
  const changes = changesToTell(input.pack, input.file, input.lang);
  return { ...base, progress: { percent, percentText: percent === null ? "" : String(percent), done: flags.done, next: flags.next, upcoming, changes } };
}

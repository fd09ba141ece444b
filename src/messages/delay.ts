/**
 * The delay notice: the planner run again with the new due date, every remaining milestone
 * with its old and new date, and what the client can choose. Pure.
 */
import { formatDate } from "../date-format.ts";
import { type Msg, msg } from "../i18n.ts";
import { daysBetween } from "../iso-date.ts";
import type { RenderContext } from "../render/context.ts";
import type { PlanOutcome } from "../render/schedule.ts";
import { dueMeansLabel, firstDraftStageOf, type Plan } from "../schedule/index.ts";
import { baseContext, clientMilestones, type FollowUpInput, planOf } from "./followup.ts";

export interface DelayFlags {
  newDue: string;
  reason: string;
}

export interface DelayMilestone {
  id: string;
  label: string;
  date: string;
  dateText: string;
  /** The date before the delay, or empty for a milestone the old plan did not have. */
  oldDateText: string;
  moved: boolean;
}

export interface DelayContext extends RenderContext {
  delay: {
    reason: string;
    oldDue: string;
    oldDueText: string;
    newDue: string;
    newDueText: string;
    /** `最終納品日` / `the final delivery date`: what "the deadline" means for this job. */
    dueMeansText: string;
    /** Calendar days the deadline moves. */
    days: number;
    /** Calendar days from today to the old deadline (how early the notice is). */
    daysBefore: number;
    planned: boolean;
    milestones: DelayMilestone[];
  };
}

export interface DelayResult {
  context: DelayContext;
  oldPlan?: Plan;
  newPlan?: Plan;
  /** For the worker, not the client: e.g. the new date is still too tight. */
  warnings: Msg[];
}

export function buildDelayContext(input: FollowUpInput, flags: DelayFlags): DelayResult {
  const { lang, today, pack } = input;
  const old = planOf(input);
  // The same binding with the deadline fixed to the new date: the planner decides the rest.
  const moved: PlanOutcome | undefined = pack.schedule ? planOf(input, { ...pack, schedule: { ...pack.schedule, due: flags.newDue } }) : undefined;
  const oldPlan = old?.plan;
  const newPlan = moved?.plan;
  const base = baseContext(input, moved);
  const oldDates = new Map((oldPlan?.milestones ?? []).map((m) => [m.id, m.date]));
  // Remaining: not yet past in the old plan (what is done stays done) and from today on.
  const milestones = clientMilestones(newPlan, lang, today, pack.schedule?.terms)
    .filter((m) => (oldDates.get(m.id) ?? today) >= today)
    .map((m) => {
      const before = oldDates.get(m.id);
      return { ...m, oldDateText: before ? formatDate(before, lang) : "", moved: before !== undefined && before !== m.date };
    });
  const oldDue = oldPlan?.due ?? "";
  const warnings: Msg[] = [];
  if (newPlan?.verdict === "late") {
    const earliest = newPlan.earliestFeasibleDue;
    warnings.push(
      msg(
        `新しい納期 ${flags.newDue} でも作業時間が足りない計画です${earliest ? `。間に合う最も早い日は ${earliest} です` : ""}`,
        `the plan is still late with the new due date ${flags.newDue}${earliest ? `; the earliest feasible date is ${earliest}` : ""}`,
      ),
    );
  }
  if (pack.schedule && !newPlan) {
    warnings.push(
      msg(
        "計画を作れないため、メッセージには新しい納期だけを記載しました (作業時間などの回答を確認してください)",
        "no plan could be made, so the message gives only the new due date (check the effort and availability answers)",
      ),
    );
  }
  const dueMeans = newPlan?.dueMeans ?? oldPlan?.dueMeans ?? "final";
  const stagePlan = newPlan ?? oldPlan;
  return {
    context: {
      ...base,
      delay: {
        reason: flags.reason,
        oldDue,
        oldDueText: oldDue ? formatDate(oldDue, lang) : "",
        newDue: flags.newDue,
        newDueText: formatDate(flags.newDue, lang),
        dueMeansText: dueMeansLabel(dueMeans, lang, pack.schedule?.terms, stagePlan ? firstDraftStageOf(stagePlan) : undefined),
        days: oldDue ? daysBetween(oldDue, flags.newDue) : 0,
        daysBefore: oldDue ? Math.max(0, daysBetween(today, oldDue)) : 0,
        planned: newPlan !== undefined,
        milestones,
      },
    },
    ...(oldPlan ? { oldPlan } : {}),
    ...(newPlan ? { newPlan } : {}),
    warnings,
  };
}

import { formatDate } from "../date-format.ts";
import { type Msg, msg } from "../i18n.ts";
import { daysBetween } from "../iso-date.ts";
import { type ClientMilestone, clientMilestones } from "../render/client-milestones.ts";
import type { RenderContext } from "../render/context.ts";
import { replyDate } from "../render/counter.ts";
import {
  DEFAULT_DRAFT_SHARE,
  dueMeansLabel,
  firstDraftStageOf,
  type Milestone,
  type Plan,
  type PlanInput,
  planSchedule,
  validatePlanInput,
} from "../schedule/index.ts";
import { deliveryNoun, type Extension, extensionOf, objectOf, timeOf } from "./delay-words.ts";
import { baseContext, type FollowUpInput, planOf } from "./followup.ts";

export interface DelayFlags {
  /** The new date of what the client calls the deadline (of the final delivery once that is past). */
  newDue: string;
  reason: string;
  /** The delivery that moves: 0 = first draft, N = revision N. Default: the next one due (a job log may fill it). */
  round?: number;
  /** Overall share done, in percent (a job log may fill it). */
  percent?: number;
  /** What is finished already. */
  done?: string[];
  /** The time of day the new date is promised by (HH:MM); else the pack's schedule.delivery_time. */
  time?: string;
}

export type DelayTiming = "early" | "same_day" | "after";

export interface DelayMilestone extends ClientMilestone {
  /** The date before the delay, or empty for a date the old plan did not have. */
  oldDateText: string;
  moved: boolean;
}

export interface DelayContext extends RenderContext {
  delay: {
    reason: string;
    timing: DelayTiming;
    early: boolean;
    sameDay: boolean;
    after: boolean;
    /** The delivery that moves, as a noun in the pack's words (初稿, リテイク1回目, the first draft). */
    what: string;
    /** The same as the thing handed over: 「最終納品のデータ」, never 「最終納品をお届け」 (a delivery is not delivered). */
    whatObject: string;
    oldDate: string;
    oldDateText: string;
    /** Its one new date (with the time of day when one is given): the headline and the list agree. */
    newDate: string;
    newDateText: string;
    timeText: string;
    /** What "the deadline" is the date of, and its old and new dates when it is not the delivery above. */
    dueMeansText: string;
    deadlineMoves: boolean;
    oldDueText: string;
    newDueText: string;
    /** Calendar days the delivery moves. */
    days: number;
    planned: boolean;
    milestones: DelayMilestone[];
    percentText: string;
    done: string[];
    /** Something is finished: a partial delivery is an option. */
    partial: boolean;
    replyBy: string;
    replyByText: string;
    /** The platform's delivery-date procedure, when it has one: who changes the date there. */
    extension: Extension | null;
  };
}

export interface DelayResult {
  context: DelayContext;
  oldPlan?: Plan;
  /** The rest of the work planned from today (ids as in the old plan). */
  newPlan?: Plan;
  /** The date --new-due must come after: the old date of the event it names. */
  mustFollow?: string;
  /** For the worker, not the client. */
  warnings: Msg[];
}

const DELIVERY_KINDS = new Set(["first_draft", "revision", "final_delivery"]);

export function buildDelayContext(input: FollowUpInput, flags: DelayFlags): DelayResult {
  const { lang, today, pack } = input;
  const old = planOf(input);
  const oldPlan = old?.plan;
  const deliveries = (oldPlan?.milestones ?? []).filter((m) => DELIVERY_KINDS.has(m.kind));
  const rounds = Math.max(0, deliveries.length - 1);
  const start = movingIndex(deliveries, flags.round, today);
  const terms = pack.schedule?.terms;
  const platform = input.planning.platforms.find((p) => p.id === (oldPlan?.platform ?? input.file.meta.platform));
  const labelEnv = { lang, terms, rounds, platform };

  const rest = oldPlan && old?.input && deliveries[start] ? planRest(old.input, oldPlan, start, flags, today, input) : undefined;
  const newPlan = rest?.plan;
  const index = flags.round === undefined ? firstMoved(deliveries, newPlan, start) : start;
  const moving = deliveries[index];
  const oldDates = new Map((oldPlan?.milestones ?? []).map((m) => [m.id, m.date]));
  const milestones: DelayMilestone[] = clientMilestones(newPlan?.milestones ?? [], labelEnv).map((m) => {
    const before = oldDates.get(m.id);
    // A delay notice never pulls an agreed date forward: where the new plan would come sooner,
    // the date the client already has stands (a later end leaves it room).
    if (before && before > m.date) return { ...m, date: before, dateText: formatDate(before, lang), oldDateText: formatDate(before, lang), moved: false };
    return { ...m, oldDateText: before ? formatDate(before, lang) : "", moved: before !== undefined && before !== m.date };
  });

  const oldDate = moving?.date ?? oldPlan?.due ?? "";
  const newDate = (moving && newPlan?.milestones.find((m) => m.id === moving.id)?.date) || flags.newDue;
  const timing: DelayTiming = !oldDate || today < oldDate ? "early" : today === oldDate ? "same_day" : "after";
  const dueMeans = oldPlan?.dueMeans ?? "final";
  const deadlineId = deadlineEvent(oldPlan, index);
  const oldDue = (deadlineId && oldDates.get(deadlineId)) || oldPlan?.due || "";
  const newDue = (deadlineId && newPlan?.milestones.find((m) => m.id === deadlineId)?.date) || flags.newDue;
  const warnings = replanWarnings(pack.schedule !== undefined && oldPlan !== undefined, newPlan, flags.newDue, newDue);
  const time = flags.time ?? timeOf(pack, input.answers);
  const replyBy = timing === "early" && oldDate && oldDate < replyDate(today) ? oldDate : replyDate(today);
  const done = flags.done ?? [];
  const base = baseContext(input, old);
  const nextContact = newPlan?.checkins.find((d) => d > today);
  const what = moving ? deliveryNoun(moving, labelEnv) : dueMeansLabel(dueMeans, lang, terms, oldPlan ? firstDraftStageOf(oldPlan) : undefined);
  return {
    context: {
      ...base,
      ...(nextContact ? { nextContact, nextContactText: formatDate(nextContact, lang) } : {}),
      delay: {
        reason: flags.reason,
        timing,
        early: timing === "early",
        sameDay: timing === "same_day",
        after: timing === "after",
        what,
        whatObject: objectOf(what, lang),
        oldDate,
        oldDateText: oldDate ? formatDate(oldDate, lang) : "",
        newDate,
        newDateText: formatDate(newDate, lang),
        timeText: time ?? "",
        dueMeansText: dueMeansLabel(dueMeans, lang, terms, oldPlan ? firstDraftStageOf(oldPlan) : undefined),
        deadlineMoves: deadlineId !== undefined && deadlineId !== moving?.id && oldDue !== newDue,
        oldDueText: oldDue ? formatDate(oldDue, lang) : "",
        newDueText: formatDate(newDue, lang),
        days: oldDate ? daysBetween(oldDate, newDate) : 0,
        planned: newPlan !== undefined,
        milestones,
        percentText: flags.percent === undefined ? "" : String(flags.percent),
        done,
        partial: done.length > 0,
        replyBy,
        replyByText: formatDate(replyBy, lang),
        extension: extensionOf(platform, lang),
      },
    },
    ...(oldPlan ? { oldPlan } : {}),
    ...(newPlan ? { newPlan } : {}),
    ...(oldDue ? { mustFollow: oldDue } : {}),
    warnings,
  };
}

/** For the worker: the rest could not be planned, or the new date fell on a day off. */
function replanWarnings(planned: boolean, newPlan: Plan | undefined, asked: string, newDue: string): Msg[] {
  const warnings: Msg[] = [];
  if (planned && !newPlan) {
    warnings.push(
      msg(
        "残りの作業の計画を作れないため、メッセージには新しい日付だけを記載しました (作業時間などの回答を確認してください)",
        "the rest of the work could not be planned, so the message gives only the new date (check the effort and availability answers)",
      ),
    );
  }
  if (newPlan && newDue !== asked) {
    warnings.push(
      msg(
        `${asked} は稼働日ではないため、メッセージには直前の稼働日 ${formatDate(newDue, "ja")} を記載しました`,
        `${asked} is not a workday, so the message gives the workday before it, ${formatDate(newDue, "en")}`,
      ),
    );
  }
  return warnings;
}

/** The delivery that moves: the one asked for, else the next one due on or after today, else the last. */
function movingIndex(deliveries: Milestone[], round: number | undefined, today: string): number {
  if (round !== undefined) return Math.min(round, Math.max(0, deliveries.length - 1));
  const next = deliveries.findIndex((m) => m.date >= today);
  return next >= 0 ? next : Math.max(0, deliveries.length - 1);
}

/**
 * Without --round: the first delivery from `start` that the new plan moves later. The next one
 * due may keep its date when only the deadline moves, and the message is about what is late.
 */
function firstMoved(deliveries: Milestone[], plan: Plan | undefined, start: number): number {
  if (!plan) return start;
  const moved = deliveries.findIndex((m, i) => i >= start && (plan.milestones.find((x) => x.id === m.id)?.date ?? m.date) > m.date);
  return moved >= 0 ? moved : start;
}

/** The old plan's milestone the client's deadline names, or the final delivery once that one is delivered. */
function deadlineEvent(plan: Plan | undefined, movingIndex: number): string | undefined {
  if (!plan) return undefined;
  if (plan.dueMeans === "first_draft" && movingIndex === 0) return plan.milestones.find((m) => m.kind === "first_draft")?.id ?? "final_delivery";
  return "final_delivery";
}

/**
 * The rest of the work planned from today: the delivery that moves and those after it, with
 * what is left of the effort (the share not done, else the planned effort of those deliveries),
 * the same review days, workdays and platform. Its milestones carry the old plan's ids
 * (its first delivery is the one that moves), so old and new dates pair up.
 */
function planRest(input: PlanInput, oldPlan: Plan, index: number, flags: DelayFlags, today: string, env: FollowUpInput): { plan: Plan } | undefined {
  const deliveries = oldPlan.milestones.filter((m) => DELIVERY_KINDS.has(m.kind));
  const rounds = deliveries.length - 1;
  const share = rounds > 0 ? (input.draftShare ?? DEFAULT_DRAFT_SHARE) : 1;
  const efforts = deliveries.map((_, i) => (i === 0 ? input.effortHours * share : (input.effortHours * (1 - share)) / rounds));
  const later = efforts.slice(index + 1).reduce((a, b) => a + b, 0);
  const planned = efforts.slice(index).reduce((a, b) => a + b, 0);
  const left = flags.percent === undefined ? planned : input.effortHours * (1 - flags.percent / 100);
  const movingEffort = Math.max(left - later, (efforts[index] ?? 1) * 0.1);
  const total = movingEffort + later;
  const restRounds = rounds - index;
  // With stages, a first draft that moves replans the whole staged plan (same stages, same ids);
  // a revision that moves is what is left after the stages: rounds only.
  const staged = (input.stages?.length ?? 0) > 0;
  if (staged && index === 0) return planStagedRest(input, flags, today, env);
  const { stages: _stages, ...plain } = input;
  const restInput: PlanInput = {
    ...plain,
    start: today,
    due: flags.newDue,
    dueMeans: index === 0 && input.dueMeans === "first_draft" ? "first_draft" : "final",
    revisionRounds: restRounds,
    effortHours: total,
    ...(restRounds > 0 ? { draftShare: movingEffort / total } : {}),
    requestedOn: input.requestedOn ?? input.start,
  };
  const planEnv = { calendar: env.planning.calendar(input.calendar), platforms: env.planning.platforms };
  if (validatePlanInput(restInput, planEnv).length > 0) return undefined;
  const rest = planSchedule(restInput, planEnv);
  const idOf = (m: Milestone): string | undefined => {
    if (m.kind === "hearing" || m.kind === "first_reply") return undefined;
    if (m.kind === "acceptance_end" || m.kind === "final_delivery") return m.id;
    const j = m.kind === "first_draft" ? 0 : (m.round ?? 0);
    const i = index + j;
    if (m.kind === "review") return `revision_${i}_review`;
    return i === 0 ? "first_draft" : i === rounds ? "final_delivery" : `revision_${i}`;
  };
  const kindOf = (id: string, m: Milestone): Milestone["kind"] =>
    id === "first_draft" ? "first_draft" : id === "final_delivery" ? "final_delivery" : m.kind === "first_draft" ? "revision" : m.kind;
  const milestones: Milestone[] = [];
  for (const m of rest.milestones) {
    const id = idOf(m);
    if (!id) continue;
    const round = /^revision_(\d+)/.exec(id)?.[1];
    const kind = kindOf(id, m);
    const { round: _r, ...restOf } = m;
    milestones.push({
      ...restOf,
      id,
      kind,
      ...(round !== undefined ? { round: Number(round) } : id === "final_delivery" && rounds > 0 ? { round: rounds } : {}),
    });
  }
  return { plan: { ...rest, milestones } };
}

/** A staged plan replanned from today: every stage still ahead keeps its id, so old and new dates pair up. */
function planStagedRest(input: PlanInput, flags: DelayFlags, today: string, env: FollowUpInput): { plan: Plan } | undefined {
  const restInput: PlanInput = {
    ...input,
    start: today,
    due: flags.newDue,
    effortHours: flags.percent === undefined ? input.effortHours : Math.max(input.effortHours * (1 - flags.percent / 100), input.effortHours * 0.1),
    requestedOn: input.requestedOn ?? input.start,
  };
  const planEnv = { calendar: env.planning.calendar(input.calendar), platforms: env.planning.platforms };
  if (validatePlanInput(restInput, planEnv).length > 0) return undefined;
  const rest = planSchedule(restInput, planEnv);
  return { plan: { ...rest, milestones: rest.milestones.filter((m) => m.kind !== "hearing" && m.kind !== "first_reply") } };
}

/**
 * Plan against actual: from the log's hours and percent done, how much of the planned work
 * is earned, at what pace, and when each remaining milestone will really be reached given
 * the hours the worker has (workdays, hours per day, holidays). Earned-value forecasting,
 * sized for one freelancer. Pure: today and the workday test are passed in.
 *
 * The plan's milestones are read generically (date, actor, effortBefore), so any step the
 * planner adds (stages included) is forecast the same way: a worker milestone is reached
 * when the work before it is done; a client or platform milestone keeps its distance in
 * days from the worker milestone before it; a client step blocks the work after it.
 */

import type { Msg } from "../i18n.ts";
import { dayNumber, isoFromDay } from "../iso-date.ts";
import { TIGHT_SLACK } from "../schedule/index.ts";
import type { Milestone, Plan } from "../schedule/types.ts";
import { Capacity, MAX_WALK } from "./capacity.ts";
import { type LogSummary, round } from "./log.ts";

export type MilestoneVerdict = "done" | "on-track" | "at-risk" | "late";
export type JobVerdict = Exclude<MilestoneVerdict, "done"> | "done";

export interface ForecastMilestone {
  id: string;
  kind: Milestone["kind"] | string;
  actor: Milestone["actor"];
  round?: number;
  /** The planned date. */
  date: string;
  time?: string;
  /** When it will really happen: the delivery day for a worker milestone. */
  forecast?: string;
  /** Worker milestones only. */
  verdict?: MilestoneVerdict;
  /** The day it was delivered (from the log). */
  delivered?: string;
  /** Worker milestones: something the client receives (not a step of the worker's own). */
  delivery?: boolean;
  /** The plan's own name for it, where it gives one (stages). */
  label?: Msg;
  /** The pack stage it belongs to (`message delivery --stage`). */
  stage?: string;
}

export interface Forecast {
  estimateHours: number;
  loggedHours: number;
  /** Percent of the job done: the log's latest figure, carried forward by the hours logged since. */
  percent?: number;
  /** Planned work done, in hours of the estimate. */
  earnedHours: number;
  /** Work the plan expected done by the end of yesterday. */
  plannedHours: number;
  /** earned / planned; undefined before the plan expected anything. */
  pace?: number;
  /** Hours of the estimate earned per hour worked (1 = the estimate holds). */
  efficiency: number;
  milestones: ForecastMilestone[];
  verdict: JobVerdict;
  /** The first worker milestone the forecast misses: tell the client while there is time. */
  warn?: Warning;
}

export interface Warning {
  milestone: ForecastMilestone;
  /** The milestone's planned date is today or later: the client can still be told in time. */
  inTime: boolean;
  /** The new due date to propose (`message delay --new-due`), when the due date itself moves. */
  newDue?: string;
}

export interface ForecastInput {
  plan: Plan;
  log: LogSummary;
  today: string;
  /** Can the worker work on this day number (weekday and holidays)? */
  isWorkday(day: number): boolean;
}

const EFFICIENCY_RANGE = [0.2, 5] as const;
/** Hours of the estimate, as a share of it, that count as already done at the estimated pace. */
const PRIOR_SHARE = 0.1;
const EPSILON = 1e-9;

/**
 * The worker milestones the client receives something at: the last one, and each followed by
 * the client's turn. A worker step followed by more work (a stage the client does not check)
 * is the worker's own; it is done when a later delivery is.
 */
function deliveryPoints(plan: Plan): Milestone[] {
  const list = steps(plan).filter((m) => m.actor !== "platform");
  const workers = list.filter((m) => m.actor === "worker");
  return workers.filter((m, i) => i === workers.length - 1 || list[list.indexOf(m) + 1]?.actor === "client");
}

/** Milestones that are dates of the work, not of the hearing or a platform's reply window. */
function steps(plan: Plan): Milestone[] {
  return plan.milestones.filter((m) => m.kind !== "hearing" && m.kind !== "first_reply");
}

export function forecastJob(input: ForecastInput): Forecast {
  const { plan, log, today, isWorkday } = input;
  const todayDay = dayNumber(today);
  const total = plan.totalEffortHours;
  const done = deliveriesDone(plan, log);
  const { earned, efficiency } = earnedValue(total, log, done);
  const hoursOn = (day: number) => (isWorkday(day) ? Math.max(0, plan.hoursPerDay - (day === todayDay ? log.hoursToday : 0)) : 0);
  const capacity = new Capacity(hoursOn, isWorkday, Math.max(todayDay, dayNumber(plan.start)));
  const out = walk(plan, done, capacity, { earned, efficiency, todayDay });
  const pending = out.filter((m) => m.actor === "worker" && m.verdict !== "done");
  const verdict: JobVerdict =
    pending.length === 0 ? "done" : pending.some((m) => m.verdict === "late") ? "late" : pending.some((m) => m.verdict === "at-risk") ? "at-risk" : "on-track";
  const plannedHours = plannedValue(plan, todayDay - 1, isWorkday);
  // The client hears of what they receive: a late step of the worker's own (a stage nobody
  // checks) shows in the table, and warns only once it pushes a delivery back.
  const late = pending.find((m) => m.verdict === "late" && m.delivery);
  return {
    estimateHours: round(total),
    loggedHours: log.hours,
    ...(total > 0 && (log.done || log.hours > 0 || done.count > 0) ? { percent: Math.round((earned / total) * 100) } : {}),
    earnedHours: round(earned),
    plannedHours: round(plannedHours),
    ...(plannedHours > EPSILON ? { pace: Math.round((earned / plannedHours) * 100) / 100 } : {}),
    efficiency: Math.round(efficiency * 100) / 100,
    milestones: out,
    verdict,
    ...(late ? { warn: warning(plan, out, late, today) } : {}),
  };
}

interface Done {
  points: Milestone[];
  /** Delivery points the log has delivered. */
  count: number;
  deliveredOn: Map<string, string>;
  isDone(m: Milestone): boolean;
}

/** Each delivery logged completes the next delivery point, and the work steps before it. */
function deliveriesDone(plan: Plan, log: LogSummary): Done {
  const points = deliveryPoints(plan);
  const delivered = log.deliveries;
  // A delivery marked final (done 100%) ends the job even with rounds left.
  const count = delivered.some((d) => d.final) ? points.length : Math.min(delivered.length, points.length);
  const deliveredOn = new Map(points.slice(0, count).map((m, i) => [m.id, delivered[Math.min(i, delivered.length - 1)]?.date ?? m.date]));
  const last = points[count - 1];
  return { points, count, deliveredOn, isDone: (m) => deliveredOn.has(m.id) || (last !== undefined && m.actor === "worker" && m.date <= last.date) };
}

/**
 * Earned value: the latest percent done, plus the hours logged since at the pace shown so far.
 * The pace leans on the estimate until a tenth of it is logged: 15% after one hour says
 * little about the next thirty. What was delivered was done, whatever the percent says.
 */
function earnedValue(total: number, log: LogSummary, done: Done): { earned: number; efficiency: number } {
  let efficiency = 1;
  let earned = Math.min(total, log.hours);
  if (log.done) {
    const atDone = (log.done.percent / 100) * total;
    const prior = Math.max(1, total * PRIOR_SHARE);
    if (log.hoursAtDone > 0) efficiency = clamp((atDone + prior) / (log.hoursAtDone + prior), ...EFFICIENCY_RANGE);
    earned = Math.min(total, atDone + (log.hours - log.hoursAtDone) * efficiency);
  }
  earned = Math.max(earned, done.points[done.count - 1]?.effortBefore ?? 0);
  if (done.count === done.points.length && done.points.length > 0) earned = total;
  return { earned, efficiency };
}

/** Each milestone in date order with its forecast (and a verdict for the worker's). */
function walk(plan: Plan, done: Done, capacity: Capacity, o: { earned: number; efficiency: number; todayDay: number }): ForecastMilestone[] {
  const out: ForecastMilestone[] = [];
  let prevEffort = 0;
  let lastWorker: { planned: number; forecast: number | undefined } | undefined;
  for (const m of steps(plan)) {
    const planned = dayNumber(m.date);
    const base: ForecastMilestone = {
      id: m.id,
      kind: m.kind,
      actor: m.actor,
      ...(m.round !== undefined ? { round: m.round } : {}),
      date: m.date,
      ...(m.time ? { time: m.time } : {}),
      ...(m.label ? { label: m.label } : {}),
      ...(m.stage ? { stage: m.stage } : {}),
      ...(m.actor === "worker" ? { delivery: done.points.includes(m) } : {}),
    };
    if (m.actor === "worker") {
      const effort = m.effortBefore ?? prevEffort;
      if (done.isDone(m)) {
        const day = done.deliveredOn.get(m.id);
        out.push({ ...base, ...(day ? { forecast: day, delivered: day } : {}), verdict: "done" });
        lastWorker = { planned, forecast: day ? dayNumber(day) : planned };
      } else {
        const need = Math.max(0, effort - Math.max(o.earned, prevEffort)) / o.efficiency;
        const free = capacity.freeUntil(planned);
        const day = capacity.spend(need);
        let verdict: MilestoneVerdict = "on-track";
        if (planned < o.todayDay || day === undefined || day > planned) verdict = "late";
        else if (need > EPSILON && free < need * (1 + TIGHT_SLACK)) verdict = "at-risk";
        out.push({ ...base, ...(day !== undefined ? { forecast: isoFromDay(day) } : {}), verdict });
        lastWorker = { planned, forecast: day };
      }
      prevEffort = Math.max(prevEffort, effort);
      continue;
    }
    // The client's turn (and the platform's windows after a delivery) keep their length.
    const shifted = lastWorker?.forecast === undefined ? (lastWorker ? undefined : planned) : lastWorker.forecast + (planned - lastWorker.planned);
    out.push({ ...base, ...(shifted !== undefined ? { forecast: isoFromDay(shifted) } : {}) });
    if (m.actor === "client" && shifted !== undefined) capacity.waitUntil(shifted + 1);
  }
  return out;
}

/** The milestone the client's "deadline" names, and how far its forecast moves it. */
function warning(plan: Plan, out: ForecastMilestone[], late: ForecastMilestone, today: string): Warning {
  const workers = out.filter((m) => m.actor === "worker");
  const dueStep = plan.dueMeans === "first_draft" ? (workers.find((m) => m.kind === "first_draft") ?? workers[0]) : workers[workers.length - 1];
  let newDue: string | undefined;
  if (dueStep?.forecast && dueStep.forecast > plan.due) newDue = dueStep.forecast;
  else if (dueStep && !dueStep.forecast) newDue = undefined;
  if (newDue && newDue <= today) newDue = isoFromDay(dayNumber(today) + 1);
  return { milestone: late, inTime: late.date >= today, ...(newDue ? { newDue } : {}) };
}

/**
 * Hours of the estimate the plan expected done by the end of `upTo`: each worker step's
 * effort spread over the hours available in its window (from the day after the milestone
 * before it, or the start, to its date).
 */
function plannedValue(plan: Plan, upTo: number, isWorkday: (day: number) => boolean): number {
  let value = 0;
  let prevEffort = 0;
  let windowStart = dayNumber(plan.start);
  for (const m of steps(plan)) {
    const day = dayNumber(m.date);
    if (m.actor === "worker") {
      const effort = (m.effortBefore ?? prevEffort) - prevEffort;
      if (effort > 0) {
        let all = 0;
        let past = 0;
        for (let d = windowStart; d <= day && d - windowStart < MAX_WALK; d++) {
          if (!isWorkday(d)) continue;
          all += 1;
          if (d <= upTo) past += 1;
        }
        value += all === 0 ? (upTo >= day ? effort : 0) : (effort * past) / all;
      }
      prevEffort = Math.max(prevEffort, m.effortBefore ?? prevEffort);
    }
    if (m.actor !== "platform") windowStart = Math.max(windowStart, day + 1);
  }
  return value;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

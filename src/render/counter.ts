/**
 * When the plan is late, the confirmation becomes a counter-proposal: what can really be
 * done, each option a plan of its own made by the planner, never a promise of the
 * infeasible dates. The first option keeps everything the client asked for and moves the
 * date; the options that keep the date take work away and say the fee follows the work, so
 * the client never pays for the worker's shortfall. Pure.
 */
import { formatDate } from "../date-format.ts";
import type { Lang } from "../i18n.ts";
import { addDays } from "../iso-date.ts";
import {
  DEFAULT_DRAFT_SHARE,
  type HolidayCalendar,
  type Plan,
  type PlanInput,
  type PlatformProfile,
  planSchedule,
  validatePlanInput,
} from "../schedule/index.ts";
import { type ClientMilestone, clientMilestones, type Terms } from "./client-milestones.ts";

export interface Alternatives {
  /** The whole job as agreed, on the earliest date that works. */
  later?: Plan;
  /** The share of the work (0.2…0.9, in tenths) that fits by the requested date, and its plan. */
  part?: { share: number; plan: Plan };
  /** The most revision rounds that fit by the requested date (fewer than agreed), and its plan. */
  fewerRounds?: { rounds: number; plan: Plan };
}

interface Env {
  calendar: HolidayCalendar;
  platforms: PlatformProfile[];
}

function tryPlan(input: PlanInput, env: Env): Plan | undefined {
  if (validatePlanInput(input, env).length > 0) return undefined;
  return planSchedule(input, env);
}

const fits = (p: Plan | undefined): p is Plan => p !== undefined && p.verdict !== "late";

/** Real plans for the alternatives of a late plan; each is present only when the planner finds it feasible. */
export function planAlternatives(input: PlanInput, plan: Plan, env: Env): Alternatives {
  const out: Alternatives = {};
  if (plan.verdict !== "late") return out;
  if (plan.earliestFeasibleDue) {
    const later = tryPlan({ ...input, due: plan.earliestFeasibleDue }, env);
    if (fits(later)) out.later = later;
  }
  for (let tenths = 9; tenths >= 2; tenths--) {
    const p = tryPlan({ ...input, effortHours: (input.effortHours * tenths) / 10 }, env);
    if (fits(p)) {
      out.part = { share: tenths / 10, plan: p };
      break;
    }
  }
  // A round fewer is that round's work fewer: the draft keeps its hours, the rounds share the rest.
  const share = input.revisionRounds > 0 ? (input.draftShare ?? DEFAULT_DRAFT_SHARE) : 1;
  const draft = input.effortHours * share;
  const perRound = input.revisionRounds > 0 ? (input.effortHours - draft) / input.revisionRounds : 0;
  for (let r = input.revisionRounds - 1; r >= 0; r--) {
    const effortHours = draft + r * perRound;
    const p = tryPlan({ ...input, revisionRounds: r, effortHours, draftShare: r > 0 ? draft / effortHours : 1 }, env);
    if (fits(p)) {
      out.fewerRounds = { rounds: r, plan: p };
      break;
    }
  }
  return out;
}

export interface CounterOption {
  n: number;
  kind: "later" | "split" | "reduced" | "fewer_rounds";
  /** The deadline event's date in this option. */
  dateText: string;
  /** later: every client-facing date; the others: the deliveries. */
  milestones: ClientMilestone[];
  /** split / reduced: `6割` / `60%` of the work by the requested date. */
  shareText: string;
  /** split: when the rest follows. */
  restText: string;
  /** fewer_rounds: how many rounds are left (0 = none), and `1回` / `1 round`. */
  rounds: number;
  roundsText: string;
}

export interface CounterView {
  /** The date the client asked for, and what it is the date of. */
  requestedText: string;
  earliestText: string;
  options: CounterOption[];
  /** The client is asked to choose by this date. */
  replyBy: string;
  replyByText: string;
}

/** The event the client's deadline names: the final delivery, or the first draft. */
function deadlineDate(plan: Plan): string {
  return plan.dueMeans === "final" ? plan.finalDate : plan.firstDraftDate;
}

export interface CounterEnv {
  lang: Lang;
  today: string;
  terms?: Terms | undefined;
  platform?: PlatformProfile | undefined;
}

/** The counter-proposal as templates show it: numbered options with their own dates, and a reply-by date. */
export function counterView(plan: Plan, alt: Alternatives, env: CounterEnv): CounterView {
  const { lang } = env;
  const ja = lang === "ja";
  const labelEnv = (p: Plan) => ({ lang, terms: env.terms, rounds: p.milestones.filter((m) => m.kind === "review").length, platform: env.platform });
  const deliveries = (p: Plan) => clientMilestones(p.milestones, labelEnv(p)).filter((m) => m.delivery);
  const options: CounterOption[] = [];
  const add = (o: Omit<CounterOption, "n">) => options.push({ ...o, n: options.length + 1 });
  const blank = { shareText: "", restText: "", roundsText: "", rounds: 0 };
  if (alt.later) {
    add({
      ...blank,
      kind: "later",
      dateText: formatDate(deadlineDate(alt.later), lang),
      milestones: clientMilestones(alt.later.milestones, labelEnv(alt.later)),
    });
  }
  if (alt.part) {
    const shareText = ja ? `${Math.round(alt.part.share * 10)}割` : `${Math.round(alt.part.share * 100)}%`;
    const dateText = formatDate(deadlineDate(alt.part.plan), lang);
    if (alt.later) {
      add({ ...blank, kind: "split", dateText, milestones: deliveries(alt.part.plan), shareText, restText: formatDate(deadlineDate(alt.later), lang) });
    }
    add({ ...blank, kind: "reduced", dateText, milestones: deliveries(alt.part.plan), shareText });
  }
  if (alt.fewerRounds) {
    const r = alt.fewerRounds.rounds;
    const roundsText = ja ? `${r}回` : `${r} ${r === 1 ? "round" : "rounds"}`;
    add({
      ...blank,
      kind: "fewer_rounds",
      rounds: r,
      dateText: formatDate(deadlineDate(alt.fewerRounds.plan), lang),
      milestones: deliveries(alt.fewerRounds.plan),
      roundsText,
    });
  }
  const replyBy = replyDate(env.today);
  return {
    requestedText: formatDate(plan.due, lang),
    earliestText: plan.earliestFeasibleDue ? formatDate(plan.earliestFeasibleDue, lang) : "",
    options,
    replyBy,
    replyByText: formatDate(replyBy, lang),
  };
}

/** Two days to answer, landing on a weekday: time to think, soon enough to keep the plan. */
export function replyDate(today: string): string {
  let d = addDays(today, 2);
  for (let i = 0; i < 2; i++) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd === 6) d = addDays(d, 2);
    else if (wd === 0) d = addDays(d, 1);
  }
  return d;
}

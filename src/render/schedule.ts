/**
 * The deadline flow for templates: the plan from the pack's binding and the answers, turned
 * into dated, labelled rows in the reader's language. Pure: platforms and calendars are
 * passed in (the caller loads the Japanese calendar only when a pack needs it).
 */
import type { Answers, Meta } from "../answers/types.ts";
import { formatDate, formatShortDate, nextWeekday } from "../date-format.ts";
import type { Lang } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";
import { allQuestions } from "../pack/types.ts";
import { bindPlanInput } from "../schedule/binding.ts";
import {
  dueMeansLabel,
  firstDraftStageOf,
  type HolidayCalendar,
  milestoneLabel,
  type Plan,
  type PlanInput,
  type PlanProblem,
  type PlatformProfile,
  planSchedule,
  renderGantt,
  validatePlanInput,
  verdictLabel,
} from "../schedule/index.ts";
import { clientMilestones, term } from "./client-milestones.ts";
import { counterView, planAlternatives } from "./counter.ts";
import { labelOf } from "./items.ts";

export interface PlanningEnv {
  platforms: PlatformProfile[];
  calendar(id: "jp" | "none"): HolidayCalendar;
}

export interface PlanOutcome {
  plan?: Plan;
  /** The planner's input the plan was made from. */
  input?: PlanInput;
  problems: PlanProblem[];
  missing: { key: string; question?: string }[];
}

/** undefined when the pack binds no planner. Today plays no part: the plan is anchored in the file (planAnchor). */
export function planFromAnswers(pack: Pack, answers: Answers, meta: Meta, env: PlanningEnv): PlanOutcome | undefined {
  const bound = bindPlanInput(pack, answers, meta);
  if (!bound) return undefined;
  if (!bound.input) return { problems: [], missing: bound.missing };
  const planEnv = { calendar: env.calendar(bound.input.calendar), platforms: env.platforms };
  const problems = validatePlanInput(bound.input, planEnv);
  if (problems.length > 0) return { problems, missing: [] };
  return { plan: planSchedule(bound.input, planEnv), input: bound.input, problems: [], missing: [] };
}

/** The platform profile a plan (else the answers file) names. */
export function platformOf(plan: Plan | undefined, metaPlatform: string | undefined, env: PlanningEnv | undefined): PlatformProfile | undefined {
  const id = plan?.platform ?? metaPlatform;
  return id ? env?.platforms.find((p) => p.id === id) : undefined;
}

/** The first check-in after today: when the client hears from the worker next. */
export function nextContactOf(plan: Plan | undefined, today: string): string {
  return plan?.checkins.find((d) => d > today) ?? nextWeekday(today);
}

/** Planner inputs a pack may leave to the file rather than a question. */
const UNBOUND: Record<string, { ja: string; en: string }> = {
  start: { ja: "作業開始日 (または回答ファイルの meta.created)", en: "the start date (or meta.created in the answers file)" },
};

const ACTOR: Record<string, [string, string]> = {
  worker: ["制作者", "Worker"],
  client: ["クライアント", "Client"],
  platform: ["プラットフォーム", "Platform"],
};

export function scheduleView(outcome: PlanOutcome | undefined, pack: Pack, lang: Lang, env: PlanningEnv, today = "") {
  if (!outcome) return null;
  const ja = lang === "ja";
  const { plan } = outcome;
  if (!plan) {
    const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
    const missing = outcome.missing.map((m) => {
      const q = m.question ? byId.get(m.question) : undefined;
      return q ? labelOf(q, lang) : (UNBOUND[m.key]?.[lang] ?? m.key);
    });
    return { planned: false, missing, problems: outcome.problems.map((p) => p.message[lang]) };
  }
  const platform = env.platforms.find((p) => p.id === plan.platform);
  const terms = pack.schedule?.terms ?? {};
  const rounds = plan.milestones.filter((m) => m.kind === "review").length;
  const late = plan.verdict === "late" && outcome.input !== undefined;
  const planEnv = { calendar: env.calendar(plan.calendar), platforms: env.platforms };
  const milestones = plan.milestones.map((m) => ({
    id: m.id,
    date: m.date,
    // A window counted from the exact order time ends at a time of day too.
    dateText: `${formatDate(m.date, lang)}${m.time ? ` ${m.time}` : ""}`,
    shortText: `${formatShortDate(m.date, lang)}${m.time ? ` ${m.time}` : ""}`,
    time: m.time ?? "",
    label: milestoneLabel(m, lang, terms),
    actor: m.actor,
    actorText: (ACTOR[m.actor] ?? [m.actor, m.actor])[ja ? 0 : 1],
  }));
  const capacity = plan.bottleneck.hoursBefore;
  const effort = plan.bottleneck.effortBefore;
  return {
    planned: true,
    missing: [],
    problems: [],
    verdict: plan.verdict,
    verdictText: verdictLabel(plan.verdict, lang),
    capacityHours: plan.capacityHours,
    effortHours: plan.effortHours,
    totalEffortHours: plan.totalEffortHours,
    slackPercent: Math.round(plan.slackRatio * 100),
    bottleneck: {
      label: milestoneLabel(plan.milestones.find((m) => m.id === plan.bottleneck.id) ?? { id: plan.bottleneck.id, kind: "first_draft" }, lang, terms),
      dateText: formatDate(plan.bottleneck.date, lang),
      capacity,
      effort,
      slackPercent: Math.round(plan.bottleneck.slackRatio * 100),
    },
    hoursPerDay: plan.hoursPerDay,
    dueMeans: plan.dueMeans,
    dueMeansText: dueMeansLabel(plan.dueMeans, lang, terms, firstDraftStageOf(plan)),
    firstDraftLabel: milestoneLabel(plan.milestones.find((m) => m.id === "first_draft") ?? { id: "first_draft", kind: "first_draft" }, lang, terms),
    finalLabel: milestoneLabel({ id: "final_delivery", kind: "final_delivery" }, lang, terms),
    due: plan.due,
    dueText: formatDate(plan.due, lang),
    startText: formatDate(plan.start, lang),
    firstDraftText: formatDate(plan.firstDraftDate, lang),
    finalText: formatDate(plan.finalDate, lang),
    earliestFeasibleText: plan.earliestFeasibleDue ? formatDate(plan.earliestFeasibleDue, lang) : "",
    milestones,
    clientMilestones: clientMilestones(plan.milestones, { lang, terms, rounds, platform }),
    /** A late plan: the options the client may choose from, each planned (see render/counter.ts). */
    counter:
      late && outcome.input ? counterView(plan, planAlternatives(outcome.input, plan, planEnv), { lang, today: today || plan.start, terms, platform }) : null,
    deadlineWord: term(terms, "deadline", lang),
    revisionWord: term(terms, "revision", lang),
    firstDraftClient: term(terms, "first_draft", lang),
    gantt: renderGantt(plan, lang, terms).join("\n"),
    checkins: plan.checkins.map((d) => ({ date: d, text: formatShortDate(d, lang) })),
    checkinsText: plan.checkins.map((d) => formatShortDate(d, lang)).join(ja ? "、" : ", "),
    platformName: platform ? platform.name[lang] : "",
    notes: plan.notes
      .filter((n) => n.summary)
      .map((n) => ({
        text: n.summary?.[lang] ?? "",
        verified: n.verified !== false,
        source: n.source ?? "",
        dateText: n.date ? formatDate(n.date, lang) : "",
      })),
  };
}

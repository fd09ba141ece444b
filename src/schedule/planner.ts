import { parseTimestamp, wallClock } from "../date-format.ts";
import { dayNumber, isoFromDay } from "../iso-date.ts";
import { workdayTest } from "./calendar.ts";
import { DEFAULT_DRAFT_SHARE, type Layout, layoutPlan, roundHours as round } from "./layout.ts";
import type { PlatformProfile } from "./platforms.ts";
import { bestPlacement, earliestFeasibleDueDay, type Sequence, type Shape, TIGHT_SLACK } from "./sequence.ts";
import type { Bottleneck, Milestone, Phase, Plan, PlanInput, PlanNote, Verdict } from "./types.ts";
import { type PlanEnv, validatePlanInput } from "./validate.ts";
import { parseWorkdays } from "./workdays.ts";

export const DEFAULT_CHECKIN_EVERY = 2;
export { DEFAULT_DRAFT_SHARE, TIGHT_SLACK };

const KIND_ORDER: Record<Milestone["kind"], number> = {
  hearing: 0,
  first_reply: 1,
  client_step: 2,
  check: 3,
  stage_done: 4,
  stage: 5,
  first_draft: 6,
  review: 7,
  revision: 8,
  final_delivery: 9,
  acceptance_end: 10,
};

/**
 * Milestones by date. On the same day a plan without stages orders them by kind, as it
 * always has; a plan with stages keeps the order the work happens in (a check due the day
 * its stage is delivered comes after it). The platform's first-reply window comes right
 * after the hearing, its acceptance window after everything else.
 */
function sortMilestones(own: Milestone[], platform: Milestone[], staged: boolean): Milestone[] {
  const rank = new Map<Milestone, number>(own.map((m, i) => [m, staged ? i : KIND_ORDER[m.kind]]));
  for (const m of platform) rank.set(m, staged ? (m.kind === "first_reply" ? 0.5 : Number.MAX_SAFE_INTEGER) : KIND_ORDER[m.kind]);
  return [...own, ...platform].sort((a, b) => (a.date === b.date ? (rank.get(a) ?? 0) - (rank.get(b) ?? 0) : a.date < b.date ? -1 : 1));
}

/** Where the client's turns before block i fall: each ends `days` after the previous one. */
function turnsOf(layout: Layout, seq: Sequence, startDay: number, i: number) {
  let day = i === 0 ? startDay - 1 : (seq.deliveries[i - 1] ?? startDay);
  return (layout.blocks[i]?.before ?? []).map((turn) => {
    const from = day + 1;
    day += turn.days;
    return { turn, from, to: day };
  });
}

function buildMilestones(layout: Layout, seq: Sequence, startDay: number): Milestone[] {
  const milestones: Milestone[] = [{ id: "hearing_done", date: isoFromDay(startDay), kind: "hearing", actor: "worker", hoursBefore: 0, effortBefore: 0 }];
  layout.blocks.forEach((block, i) => {
    for (const { turn, to } of turnsOf(layout, seq, startDay, i)) {
      milestones.push({
        id: turn.id,
        // A step owed before the first stage with no lead time is due on the first day.
        date: isoFromDay(i === 0 ? Math.max(to, startDay) : to),
        kind: turn.kind,
        actor: "client",
        ...(turn.round !== undefined ? { round: turn.round } : {}),
        ...(turn.stage !== undefined ? { stage: turn.stage } : {}),
        ...(turn.label ? { label: turn.label } : {}),
      });
    }
    const { end } = block;
    milestones.push({
      id: end.id,
      date: isoFromDay(seq.deliveries[i] ?? startDay),
      kind: end.kind,
      actor: "worker",
      hoursBefore: round(seq.hoursBefore[i] ?? 0),
      effortBefore: round(seq.effortBefore[i] ?? 0),
      ...(end.round !== undefined ? { round: end.round } : {}),
      ...(end.stage !== undefined ? { stage: end.stage } : {}),
      ...(end.label ? { label: end.label } : {}),
    });
  });
  return milestones;
}

function buildPhases(layout: Layout, seq: Sequence, startDay: number): Phase[] {
  const phases: Phase[] = [];
  layout.blocks.forEach((block, i) => {
    for (const { turn, from, to } of turnsOf(layout, seq, startDay, i)) {
      if (to < from) continue;
      phases.push({
        // Bar ids differ from milestone ids: charts key tasks by id.
        id: turn.kind === "review" ? `review_${turn.round ?? i}` : `${turn.id}_window`,
        kind: turn.kind === "client_step" ? "client_step" : "review",
        actor: "client",
        start: isoFromDay(from),
        end: isoFromDay(to),
        ...(turn.round !== undefined ? { round: turn.round } : {}),
        ...(turn.stage !== undefined ? { stage: turn.stage } : {}),
        ...(turn.label ? { label: turn.label } : {}),
      });
    }
    const day = seq.deliveries[i] ?? startDay;
    // A late plan can put a delivery before its client's turn ends; the bar then starts on the delivery day.
    const from = Math.min((seq.waitEnds[i] ?? startDay - 1) + 1, day);
    const { phase } = block;
    phases.push({
      id: phase.id,
      kind: "work",
      actor: "worker",
      start: isoFromDay(from),
      end: isoFromDay(day),
      ...(phase.round !== undefined ? { round: phase.round } : {}),
      ...(phase.stage !== undefined ? { stage: phase.stage } : {}),
      ...(phase.label ? { label: phase.label } : {}),
    });
  });
  return phases;
}

/** Where a window counted in days from an exact order time ends: its date and time, in the order's offset. */
function fromOrderTime(requestedAt: string | undefined, days: number): { day: number; time: string } | undefined {
  const t = requestedAt === undefined ? undefined : parseTimestamp(requestedAt);
  if (!t) return undefined;
  const end = wallClock(t.ms + days * 86_400_000, t.offset);
  return { day: dayNumber(end.date), time: end.time };
}

function platformParts(profile: PlatformProfile | undefined, requestedDay: number, finalDay: number, requestedAt?: string) {
  const milestones: Milestone[] = [];
  const phases: Phase[] = [];
  const notes: PlanNote[] = [];
  for (const rule of profile?.rules ?? []) {
    const base = rule.from === "order" ? requestedDay : finalDay;
    const day = rule.days === undefined ? undefined : base + Math.ceil(rule.days);
    notes.push({
      id: `${profile?.id}.${rule.id}`,
      platform: profile?.id,
      rule: rule.id,
      kind: rule.kind,
      ...(day !== undefined ? { date: isoFromDay(day), days: rule.days } : {}),
      ...(rule.lapse ? { lapse: rule.lapse } : {}),
      summary: rule.summary,
      source: rule.source,
      verified: rule.verified,
    });
    if (day === undefined) continue;
    if (rule.kind === "first_reply" && !milestones.some((m) => m.kind === "first_reply")) {
      const exact = rule.from === "order" && rule.days !== undefined ? fromOrderTime(requestedAt, rule.days) : undefined;
      milestones.push({
        id: "first_reply_by",
        date: isoFromDay(exact?.day ?? day),
        kind: "first_reply",
        actor: "platform",
        ...(exact ? { time: exact.time } : {}),
      });
    }
    if (rule.kind === "acceptance" && rule.from === "delivery" && !milestones.some((m) => m.kind === "acceptance_end")) {
      milestones.push({ id: "acceptance_end", date: isoFromDay(day), kind: "acceptance_end", actor: "platform" });
      if (day > finalDay) phases.push({ id: "acceptance", kind: "acceptance", actor: "client", start: isoFromDay(finalDay + 1), end: isoFromDay(day) });
    }
    if (rule.kind === "deal_limit" && day < finalDay) {
      notes.push({ id: "schedule.deal_limit_exceeded", platform: profile?.id, rule: rule.id, date: isoFromDay(day) });
    }
  }
  return { milestones, phases, notes };
}

/** The worker milestone on or before due with the least slack; ties go to the earlier one. */
function findBottleneck(milestones: Milestone[], due: string): Bottleneck {
  let worst: Bottleneck | undefined;
  for (const m of milestones) {
    if (m.actor !== "worker" || m.date > due || !m.effortBefore) continue;
    const hoursBefore = m.hoursBefore ?? 0;
    const slackRatio = round((hoursBefore - m.effortBefore) / m.effortBefore);
    if (!worst || slackRatio < worst.slackRatio) worst = { id: m.id, date: m.date, hoursBefore, effortBefore: m.effortBefore, slackRatio };
  }
  // Validation guarantees effort > 0, and the first draft or final delivery is never after due.
  return worst ?? { id: "final_delivery", date: due, hoursBefore: 0, effortBefore: 0, slackRatio: 0 };
}

/**
 * Check-ins fall on workdays: every `every` workdays counted from the first
 * workday on or after start, plus the workday on or after each worker and
 * client milestone, through the final delivery. Platform windows are dated
 * milestones already and add no check-in.
 */
function buildCheckins(milestones: Milestone[], shape: Shape, finalDay: number, every: number): string[] {
  const days = new Set<number>();
  let index = 0;
  for (let d = shape.startDay; d <= finalDay; d++) {
    if (!shape.isWorkday(d)) continue;
    if (index % every === 0) days.add(d);
    index++;
  }
  for (const m of milestones) {
    if (m.actor === "platform") continue;
    let d = dayNumber(m.date);
    if (d < shape.startDay) continue;
    while (!shape.isWorkday(d)) d++;
    if (d <= finalDay) days.add(d);
  }
  return [...days].sort((a, b) => a - b).map(isoFromDay);
}

/**
 * The deadline plan for a validated input. Throws a TypeError listing the
 * problems when the input has not passed validatePlanInput: reporting them to
 * a user is the caller's job.
 */
export function planSchedule(input: PlanInput, env: PlanEnv): Plan {
  const problems = validatePlanInput(input, env);
  if (problems.length > 0) {
    throw new TypeError(`planSchedule needs a valid input: ${problems.map((p) => `${p.field}: ${p.message.en}`).join("; ")}`);
  }
  if (env.calendar.id !== input.calendar) {
    throw new TypeError(`planSchedule was given the ${env.calendar.id} calendar for an input asking for ${input.calendar}`);
  }
  const parsed = parseWorkdays(input.workdays);
  const workdays = parsed.ok ? parsed.days : [];
  const layout = layoutPlan(input);
  const shape: Shape = {
    startDay: dayNumber(input.start),
    hoursPerDay: input.hoursPerDay,
    blocks: layout.blocks.map((b) => ({ effort: b.effort, wait: b.before.reduce((sum, t) => sum + t.days, 0) })),
    anchor: layout.anchor,
    isWorkday: workdayTest(new Set(workdays), env.calendar),
  };
  const dueDay = dayNumber(input.due);
  const seq = bestPlacement(shape, dueDay);

  const firstDraftDay = seq.deliveries[layout.firstDraft] ?? dueDay;
  const finalDay = seq.deliveries[seq.deliveries.length - 1] ?? dueDay;
  const capacity = round(seq.hoursBefore[layout.anchor] ?? 0);
  const required = round(seq.effortBefore[layout.anchor] ?? 0);
  const slackRatio = round((capacity - required) / required);

  const own = buildMilestones(layout, seq, shape.startDay);
  const bottleneck = findBottleneck(own, input.due);
  // Judged at the worst milestone, not only overall: plenty of time for the
  // whole job does not help a first draft squeezed into its first week.
  const noRoom = (seq.deliveries[0] ?? dueDay) <= (seq.waitEnds[0] ?? shape.startDay - 1);
  const verdict: Verdict = bottleneck.slackRatio < 0 || noRoom ? "late" : bottleneck.slackRatio < TIGHT_SLACK ? "tight" : "ok";

  const profile = input.platform === undefined ? undefined : env.platforms.find((p) => p.id === input.platform);
  const requestedDay = input.requestedOn === undefined ? shape.startDay : dayNumber(input.requestedOn);
  const platform = platformParts(profile, requestedDay, finalDay, input.requestedAt);

  const milestones = sortMilestones(own, platform.milestones, layout.staged);
  const phases = [...buildPhases(layout, seq, shape.startDay), ...platform.phases];
  const notes: PlanNote[] = [];
  const anchor = seq.deliveries[layout.anchor] ?? dueDay;
  if (anchor !== dueDay) notes.push({ id: "schedule.due_moved", date: isoFromDay(anchor) });
  notes.push(...platform.notes);

  let earliestFeasibleDue: string | undefined;
  if (verdict === "late") {
    const day = earliestFeasibleDueDay(shape, dueDay);
    earliestFeasibleDue = isoFromDay(day);
    const coverage = env.calendar.coverage;
    if (coverage && earliestFeasibleDue > coverage.to) notes.push({ id: "schedule.beyond_calendar", date: coverage.to });
  }

  return {
    verdict,
    capacityHours: capacity,
    effortHours: required,
    totalEffortHours: round(input.effortHours),
    slackRatio,
    bottleneck,
    start: input.start,
    due: input.due,
    dueMeans: input.dueMeans,
    firstDraftDate: isoFromDay(firstDraftDay),
    finalDate: isoFromDay(finalDay),
    milestones,
    phases,
    checkins: buildCheckins(own, shape, finalDay, input.checkinEvery ?? DEFAULT_CHECKIN_EVERY),
    ...(earliestFeasibleDue ? { earliestFeasibleDue } : {}),
    notes,
    calendar: input.calendar,
    workdays,
    hoursPerDay: input.hoursPerDay,
    ...(input.platform !== undefined ? { platform: input.platform } : {}),
  };
}

import { parseTimestamp, wallClock } from "../date-format.ts";
import { dayNumber, isoFromDay } from "../iso-date.ts";
import { workdayTest } from "./calendar.ts";
import type { PlatformProfile } from "./platforms.ts";
import { bestBackward, earliestFeasibleDueDay, forward, type Sequence, type Shape, TIGHT_SLACK } from "./sequence.ts";
import type { Bottleneck, Milestone, Phase, Plan, PlanInput, PlanNote, Verdict } from "./types.ts";
import { type PlanEnv, validatePlanInput } from "./validate.ts";
import { parseWorkdays } from "./workdays.ts";

export const DEFAULT_DRAFT_SHARE = 0.7;
export const DEFAULT_CHECKIN_EVERY = 2;
export { TIGHT_SLACK };

// Hours are shown to people; float noise like 27.999999999999996 must not be.
const round = (n: number) => Math.round(n * 1e6) / 1e6;

const KIND_ORDER: Record<Milestone["kind"], number> = {
  hearing: 0,
  first_reply: 1,
  first_draft: 2,
  review: 3,
  revision: 4,
  final_delivery: 5,
  acceptance_end: 6,
};

function splitEffort(input: PlanInput): { draft: number; revisions: number[] } {
  const rounds = input.revisionRounds;
  if (rounds === 0) return { draft: round(input.effortHours), revisions: [] };
  const draft = round(input.effortHours * (input.draftShare ?? DEFAULT_DRAFT_SHARE));
  const each = round((input.effortHours - draft) / rounds);
  return { draft, revisions: Array.from({ length: rounds }, () => each) };
}

function buildMilestones(seq: Sequence, startDay: number): Milestone[] {
  const milestones: Milestone[] = [{ id: "hearing_done", date: isoFromDay(startDay), kind: "hearing", actor: "worker", hoursBefore: 0, effortBefore: 0 }];
  const last = seq.deliveries.length - 1;
  seq.deliveries.forEach((day, i) => {
    const measured = { hoursBefore: round(seq.hoursBefore[i] ?? 0), effortBefore: round(seq.effortBefore[i] ?? 0) };
    if (i > 0) {
      milestones.push({ id: `revision_${i}_review`, date: isoFromDay(seq.reviewEnds[i - 1] ?? day), kind: "review", actor: "client", round: i });
    }
    if (i === last) {
      milestones.push({ id: "final_delivery", date: isoFromDay(day), kind: "final_delivery", actor: "worker", ...measured, ...(i > 0 ? { round: i } : {}) });
    } else if (i === 0) {
      milestones.push({ id: "first_draft", date: isoFromDay(day), kind: "first_draft", actor: "worker", ...measured });
    } else {
      milestones.push({ id: `revision_${i}`, date: isoFromDay(day), kind: "revision", actor: "worker", ...measured, round: i });
    }
  });
  return milestones;
}

function buildPhases(seq: Sequence, startDay: number): Phase[] {
  const phases: Phase[] = [];
  seq.deliveries.forEach((day, i) => {
    if (i === 0) {
      // A late plan can put the draft before start; the bar then starts on the draft day.
      phases.push({ id: "work_first_draft", kind: "work", actor: "worker", start: isoFromDay(Math.min(startDay, day)), end: isoFromDay(day) });
      return;
    }
    const previous = seq.deliveries[i - 1] ?? day;
    const reviewEnd = seq.reviewEnds[i - 1] ?? previous;
    if (reviewEnd > previous) {
      phases.push({ id: `review_${i}`, kind: "review", actor: "client", start: isoFromDay(previous + 1), end: isoFromDay(reviewEnd), round: i });
    }
    phases.push({ id: `work_revision_${i}`, kind: "work", actor: "worker", start: isoFromDay(reviewEnd + 1), end: isoFromDay(day), round: i });
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
  const effort = splitEffort(input);
  const shape: Shape = {
    startDay: dayNumber(input.start),
    hoursPerDay: input.hoursPerDay,
    reviewDays: input.reviewDays,
    draftEffort: effort.draft,
    revisionEfforts: effort.revisions,
    isWorkday: workdayTest(new Set(workdays), env.calendar),
  };
  const dueDay = dayNumber(input.due);
  const seq = input.dueMeans === "final" ? bestBackward(shape, dueDay) : forward(shape, dueDay);

  const firstDraftDay = seq.deliveries[0] ?? dueDay;
  const finalDay = seq.deliveries[seq.deliveries.length - 1] ?? dueDay;
  const bindingIndex = input.dueMeans === "final" ? seq.deliveries.length - 1 : 0;
  const capacity = round(seq.hoursBefore[bindingIndex] ?? 0);
  const required = round(seq.effortBefore[bindingIndex] ?? 0);
  const slackRatio = round((capacity - required) / required);

  const own = buildMilestones(seq, shape.startDay);
  const bottleneck = findBottleneck(own, input.due);
  // Judged at the worst milestone, not only overall: plenty of time for the
  // whole job does not help a first draft squeezed into its first week.
  const verdict: Verdict = bottleneck.slackRatio < 0 || firstDraftDay < shape.startDay ? "late" : bottleneck.slackRatio < TIGHT_SLACK ? "tight" : "ok";

  const profile = input.platform === undefined ? undefined : env.platforms.find((p) => p.id === input.platform);
  const requestedDay = input.requestedOn === undefined ? shape.startDay : dayNumber(input.requestedOn);
  const platform = platformParts(profile, requestedDay, finalDay, input.requestedAt);

  const milestones = [...own, ...platform.milestones].sort((a, b) => (a.date === b.date ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.date < b.date ? -1 : 1));
  const phases = [...buildPhases(seq, shape.startDay), ...platform.phases];
  const notes: PlanNote[] = [];
  const anchor = input.dueMeans === "final" ? finalDay : firstDraftDay;
  if (anchor !== dueDay) notes.push({ id: "schedule.due_moved", date: isoFromDay(anchor) });
  notes.push(...platform.notes);

  let earliestFeasibleDue: string | undefined;
  if (verdict === "late") {
    const day = earliestFeasibleDueDay(shape, dueDay, input.dueMeans);
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

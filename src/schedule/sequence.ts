import type { WorkdayTest } from "./calendar.ts";
import type { DueMeans } from "./types.ts";

// The arithmetic of a plan on day numbers: where each delivery falls and how
// many worker hours lie before it. planner.ts turns the result into dates.

/** Share of effort above which a plan is comfortable; below it the verdict is `tight`. */
export const TIGHT_SLACK = 0.2;
const EPSILON = 1e-9;
// A guard against endless walks; validation guarantees at least one weekday,
// and no calendar has a year of consecutive holidays.
const MAX_WALK = 3700;

export interface Shape {
  startDay: number;
  hoursPerDay: number;
  reviewDays: number;
  draftEffort: number;
  /** Effort of each revision round, in order. */
  revisionEfforts: number[];
  isWorkday: WorkdayTest;
}

export interface Sequence {
  /** deliveries[0] is the first draft, deliveries[i] revision i; the last one is the final delivery. */
  deliveries: number[];
  /** reviewEnds[i - 1] is the day the client's feedback on version i - 1 is due. */
  reviewEnds: number[];
  /** Worker hours available from start through each delivery day. */
  hoursBefore: number[];
  /** Effort that must be done by each delivery. */
  effortBefore: number[];
}

export function lastWorkdayOnOrBefore(day: number, isWorkday: WorkdayTest): number {
  for (let d = day, n = 0; n < MAX_WALK; d--, n++) if (isWorkday(d)) return d;
  throw new RangeError("no workday within ten years");
}

/** The `count`-th workday after `day` (the day itself not counted). */
function nthWorkdayAfter(day: number, count: number, isWorkday: WorkdayTest): number {
  let found = 0;
  for (let d = day + 1, n = 0; n < MAX_WALK * 10; d++, n++) {
    if (isWorkday(d) && ++found === count) return d;
  }
  throw new RangeError("workday walk ran too long");
}

/** First day of the run of `count` workdays that ends on the workday `end`. */
function windowStart(end: number, count: number, isWorkday: WorkdayTest): number {
  let found = 0;
  for (let d = end, n = 0; n < MAX_WALK * 10; d--, n++) {
    if (isWorkday(d) && ++found === count) return d;
  }
  throw new RangeError("workday walk ran too long");
}

function workdaysFor(hours: number, shape: Shape, scale: number): number {
  // A revision takes at least one workday: nothing is delivered on a day off.
  return Math.max(1, Math.ceil((hours * scale) / shape.hoursPerDay - EPSILON));
}

/**
 * Client review periods take the days after a delivery; the worker is idle on
 * this job then, so those days are not capacity even if they are workdays.
 */
function account(shape: Shape, deliveries: number[]): Sequence {
  const reviewEnds = deliveries.slice(0, -1).map((d) => d + shape.reviewDays);
  const blocked = (day: number) => deliveries.some((d, i) => i < reviewEnds.length && day > d && day <= (reviewEnds[i] ?? d));
  const hoursBefore: number[] = [];
  let hours = 0;
  let cursor = shape.startDay;
  for (const delivery of deliveries) {
    for (; cursor <= delivery; cursor++) {
      if (shape.isWorkday(cursor) && !blocked(cursor)) hours += shape.hoursPerDay;
    }
    hoursBefore.push(hours);
  }
  const effortBefore: number[] = [];
  let effort = shape.draftEffort;
  effortBefore.push(effort);
  for (const e of shape.revisionEfforts) {
    effort += e;
    effortBefore.push(effort);
  }
  return { deliveries, reviewEnds, hoursBefore, effortBefore };
}

/**
 * Due means final: work backwards from the last workday on or before due.
 * Each revision gets the workdays its effort needs times `scale`, placed as
 * late as possible, so whatever time is left goes to the first draft. A
 * `scale` above 1 gives every step the same proportional buffer.
 */
export function backward(shape: Shape, dueDay: number, scale: number): Sequence {
  const deliveries: number[] = [lastWorkdayOnOrBefore(dueDay, shape.isWorkday)];
  for (let i = shape.revisionEfforts.length - 1; i >= 0; i--) {
    const end = deliveries[0] ?? dueDay;
    const first = windowStart(end, workdaysFor(shape.revisionEfforts[i] ?? 0, shape, scale), shape.isWorkday);
    // Feedback must arrive by the day before revision work starts.
    const previous = lastWorkdayOnOrBefore(first - 1 - shape.reviewDays, shape.isWorkday);
    deliveries.unshift(previous);
  }
  return account(shape, deliveries);
}

/**
 * Due means first draft: the draft lands on the last workday on or before
 * due, then each revision follows its review as soon as its effort plus the
 * 20% comfort buffer allows, so the promised final date is not itself tight.
 */
export function forward(shape: Shape, dueDay: number): Sequence {
  const deliveries: number[] = [lastWorkdayOnOrBefore(dueDay, shape.isWorkday)];
  for (const effort of shape.revisionEfforts) {
    const previous = deliveries[deliveries.length - 1] ?? dueDay;
    const reviewEnd = previous + shape.reviewDays;
    deliveries.push(nthWorkdayAfter(reviewEnd, workdaysFor(effort, shape, 1 + TIGHT_SLACK), shape.isWorkday));
  }
  return account(shape, deliveries);
}

/** Whether the first draft's window holds its effort times `scale` (later windows are sized to fit). */
export function fits(sequence: Sequence, shape: Shape, scale: number): boolean {
  const draftDay = sequence.deliveries[0] ?? shape.startDay;
  const hours = sequence.hoursBefore[0] ?? 0;
  return draftDay >= shape.startDay && hours + EPSILON >= shape.draftEffort * scale;
}

export function sequenceFor(shape: Shape, dueDay: number, dueMeans: DueMeans, scale = 1): Sequence {
  return dueMeans === "final" ? backward(shape, dueDay, scale) : forward(shape, dueDay);
}

/**
 * The final-mode plan with the largest common buffer that still fits, found
 * by bisection (fit only gets harder as the scale grows).
 */
export function bestBackward(shape: Shape, dueDay: number): Sequence {
  const plain = backward(shape, dueDay, 1);
  if (!fits(plain, shape, 1) || shape.revisionEfforts.length === 0) return plain;
  let low = 1;
  let high = 1 + ((dueDay - shape.startDay + 1) * shape.hoursPerDay) / Math.max(shape.draftEffort, EPSILON);
  for (let i = 0; i < 40 && high - low > 1e-4; i++) {
    const mid = (low + high) / 2;
    if (fits(backward(shape, dueDay, mid), shape, mid)) low = mid;
    else high = mid;
  }
  return backward(shape, dueDay, low);
}

/** Earliest due day at which the same job fits; assumes it does not fit at `dueDay`. */
export function earliestFeasibleDueDay(shape: Shape, dueDay: number, dueMeans: DueMeans): number {
  const ok = (day: number) => fits(sequenceFor(shape, day, dueMeans), shape, 1);
  let low = dueDay; // known not to fit
  let step = 1;
  let high = dueDay + step;
  while (!ok(high)) {
    low = high;
    step *= 2;
    if (step > MAX_WALK * 20) throw new RangeError("no feasible due date found");
    high = dueDay + step;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (ok(mid)) high = mid;
    else low = mid;
  }
  return high;
}

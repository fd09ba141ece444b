import type { WorkdayTest } from "./calendar.ts";

// The arithmetic of a plan on day numbers: where each delivery falls and how many worker
// hours lie before it. planner.ts turns the result into dated milestones.
//
// A plan is a row of work blocks (the first draft and each revision, or the pack's stages
// and revision rounds). Before a block's work starts the client may have a turn of `wait`
// calendar days (reviewing the previous delivery, sending materials); the worker waits
// then, so those days are not capacity.

/** Share of effort above which a plan is comfortable; below it the verdict is `tight`. */
export const TIGHT_SLACK = 0.2;
const EPSILON = 1e-9;
// A guard against endless walks; validation guarantees at least one weekday,
// and no calendar has a year of consecutive holidays.
const MAX_WALK = 3700;

export interface Block {
  /** Work hours of the block. */
  effort: number;
  /** Calendar days of the client's turn before the block's work starts. */
  wait: number;
}

export interface Shape {
  startDay: number;
  hoursPerDay: number;
  blocks: Block[];
  /**
   * The block delivered on the due date (the last one when due means final, the first one
   * the client sees when it means the first draft). Blocks up to it are laid out backwards
   * from the due date; the blocks after it follow as soon as they fit.
   */
  anchor: number;
  isWorkday: WorkdayTest;
}

export interface Sequence {
  /** deliveries[i] is the last day of block i's work; the last one is the final delivery. */
  deliveries: number[];
  /** waitEnds[i] is the last day of the client's turn before block i (its base day when the wait is 0). */
  waitEnds: number[];
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
  // A block takes at least one workday: nothing is delivered on a day off.
  return Math.max(1, Math.ceil((hours * scale) / shape.hoursPerDay - EPSILON));
}

/** The day the client's turn before block i counts from: the previous delivery, or the day before start. */
function baseOf(shape: Shape, deliveries: readonly number[], i: number): number {
  return i === 0 ? shape.startDay - 1 : (deliveries[i - 1] ?? shape.startDay - 1);
}

function account(shape: Shape, deliveries: number[]): Sequence {
  const waitEnds = deliveries.map((_, i) => baseOf(shape, deliveries, i) + (shape.blocks[i]?.wait ?? 0));
  const blocked = (day: number) => deliveries.some((_, i) => day > baseOf(shape, deliveries, i) && day <= (waitEnds[i] ?? 0));
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
  let effort = 0;
  for (const block of shape.blocks) {
    effort += block.effort;
    effortBefore.push(effort);
  }
  return { deliveries, waitEnds, hoursBefore, effortBefore };
}

/**
 * The anchor block lands on the last workday on or before due. Working backwards, each
 * block after the first gets the workdays its effort needs times `scale`, placed as late
 * as possible with the client's turn before it, so whatever time is left goes to the
 * first block; a `scale` above 1 gives every step the same proportional buffer. Blocks
 * after the anchor follow their client's turn as soon as their effort plus the 20%
 * comfort buffer allows, so the promised final date is not itself tight.
 */
export function place(shape: Shape, dueDay: number, scale: number): Sequence {
  return account(shape, placeDeliveries(shape, dueDay, scale));
}

/**
 * The workdays each block after the first, up to the anchor, gets at `scale`: all that
 * `place` reads of the scale, so two scales with the same counts give the same sequence.
 */
function scaledWorkdays(shape: Shape, scale: number): number[] {
  return shape.blocks.slice(1, shape.anchor + 1).map((b) => workdaysFor(b.effort, shape, scale));
}

function placeDeliveries(shape: Shape, dueDay: number, scale: number): number[] {
  const { blocks, anchor, isWorkday } = shape;
  const deliveries: number[] = new Array(blocks.length).fill(dueDay);
  deliveries[anchor] = lastWorkdayOnOrBefore(dueDay, isWorkday);
  for (let i = anchor; i >= 1; i--) {
    const first = windowStart(deliveries[i] ?? dueDay, workdaysFor(blocks[i]?.effort ?? 0, shape, scale), isWorkday);
    // The client's turn must end by the day before the block's work starts.
    deliveries[i - 1] = lastWorkdayOnOrBefore(first - 1 - (blocks[i]?.wait ?? 0), isWorkday);
  }
  for (let i = anchor + 1; i < blocks.length; i++) {
    const waitEnd = (deliveries[i - 1] ?? dueDay) + (blocks[i]?.wait ?? 0);
    deliveries[i] = nthWorkdayAfter(waitEnd, workdaysFor(blocks[i]?.effort ?? 0, shape, 1 + TIGHT_SLACK), isWorkday);
  }
  return deliveries;
}

/** Whether the first block's window holds its effort times `scale` (later windows are sized to fit). */
export function fits(sequence: Sequence, shape: Shape, scale: number): boolean {
  const firstDay = sequence.deliveries[0] ?? shape.startDay;
  const hours = sequence.hoursBefore[0] ?? 0;
  return firstDay > (sequence.waitEnds[0] ?? shape.startDay - 1) && hours + EPSILON >= (shape.blocks[0]?.effort ?? 0) * scale;
}

/**
 * The plan with the largest common buffer that still fits, found by bisection (fit only
 * gets harder as the scale grows). Only blocks up to the anchor take a buffer.
 */
export function bestPlacement(shape: Shape, dueDay: number): Sequence {
  const plain = place(shape, dueDay, 1);
  if (!fits(plain, shape, 1) || shape.anchor === 0) return plain;
  // The bisection tries some 17 scales, most of which round to the same workday counts:
  // each distinct layout is walked once.
  const placed = new Map<string, Sequence>();
  const at = (scale: number): Sequence => {
    const key = scaledWorkdays(shape, scale).join(",");
    let seq = placed.get(key);
    if (!seq) {
      seq = place(shape, dueDay, scale);
      placed.set(key, seq);
    }
    return seq;
  };
  let low = 1;
  // No scale above this fits: every step's scaled effort must lie within [start, due]. (The
  // first block's effort alone would allow scales that stretch later windows over decades.)
  const total = shape.blocks.slice(0, shape.anchor + 1).reduce((sum, b) => sum + b.effort, 0);
  let high = 1 + ((dueDay - shape.startDay + 1) * shape.hoursPerDay) / Math.max(total, EPSILON);
  for (let i = 0; i < 40 && high - low > 1e-4; i++) {
    const mid = (low + high) / 2;
    if (fits(at(mid), shape, mid)) low = mid;
    else high = mid;
  }
  return at(low);
}

/** Earliest due day at which the same job fits; assumes it does not fit at `dueDay`. */
export function earliestFeasibleDueDay(shape: Shape, dueDay: number): number {
  const ok = (day: number) => fits(place(shape, day, 1), shape, 1);
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

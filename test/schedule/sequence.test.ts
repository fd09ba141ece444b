/**
 * The planner's arithmetic walks each distinct layout once and shares one workday test per
 * calendar and weekday set: the same answers as walking every bisection step with a fresh
 * test, on any shape.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isoFromDay, parseIsoDate, weekdayOfDay } from "../../src/iso-date.ts";
import { type HolidayCalendar, noneCalendar, type WorkdayTest, workdayTest } from "../../src/schedule/calendar.ts";
import { jpCalendar } from "../../src/schedule/calendar-jp.ts";
import { bestPlacement, fits, place, type Sequence, type Shape } from "../../src/schedule/sequence.ts";
import type { Weekday } from "../../src/schedule/types.ts";

const firstDay = parseIsoDate("2026-01-01") ?? 0;

/** The bisection as it was: every step placed and accounted afresh. */
function referencePlacement(shape: Shape, dueDay: number): Sequence {
  const plain = place(shape, dueDay, 1);
  if (!fits(plain, shape, 1) || shape.anchor === 0) return plain;
  let low = 1;
  const total = shape.blocks.slice(0, shape.anchor + 1).reduce((sum, b) => sum + b.effort, 0);
  let high = 1 + ((dueDay - shape.startDay + 1) * shape.hoursPerDay) / Math.max(total, 1e-9);
  for (let i = 0; i < 40 && high - low > 1e-4; i++) {
    const mid = (low + high) / 2;
    if (fits(place(shape, dueDay, mid), shape, mid)) low = mid;
    else high = mid;
  }
  return place(shape, dueDay, low);
}

/** A workday test with nothing shared or cached. */
const plainTest =
  (days: ReadonlySet<Weekday>, calendar: HolidayCalendar): WorkdayTest =>
  (day) =>
    days.has(weekdayOfDay(day)) && calendar.holiday(isoFromDay(day)) === undefined;

const weekdays = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => new Set(d as Weekday[]));
const calendars = fc.constantFrom(jpCalendar, noneCalendar);

describe("planner arithmetic", () => {
  test("bestPlacement gives what a fresh walk of every bisection step gives (property)", () => {
    const shapes = fc.record({
      startDay: fc.integer({ min: firstDay, max: firstDay + 900 }),
      dueOffset: fc.integer({ min: 0, max: 120 }),
      hoursPerDay: fc.constantFrom(0.5, 1, 2, 3, 4, 6, 8),
      blocks: fc.array(fc.record({ effort: fc.integer({ min: 1, max: 400 }).map((t) => t / 4), wait: fc.integer({ min: 0, max: 6 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
      anchorPick: fc.nat(),
      days: weekdays,
      calendar: calendars,
    });
    fc.assert(
      fc.property(shapes, (r) => {
        const shape: Shape = {
          startDay: r.startDay,
          hoursPerDay: r.hoursPerDay,
          blocks: r.blocks,
          anchor: r.anchorPick % r.blocks.length,
          isWorkday: workdayTest(r.days, r.calendar),
        };
        const fresh = { ...shape, isWorkday: plainTest(r.days, r.calendar) };
        expect(bestPlacement(shape, r.startDay + r.dueOffset)).toEqual(referencePlacement(fresh, r.startDay + r.dueOffset));
      }),
      { numRuns: 400 },
    );
  });

  test("a shared workday test answers as a fresh one, whichever test asked first (property)", () => {
    fc.assert(
      fc.property(weekdays, calendars, fc.array(fc.integer({ min: firstDay - 400, max: firstDay + 9000 }), { maxLength: 50 }), (days, calendar, asked) => {
        const shared = workdayTest(days, calendar);
        expect(workdayTest(new Set(days), calendar)).toBe(shared);
        const plain = plainTest(days, calendar);
        for (const day of asked) expect(shared(day)).toBe(plain(day));
      }),
      { numRuns: 300 },
    );
  });

  test("a weekday set that is not whole weekdays gets a test of its own", () => {
    const odd = new Set([1, 2.5] as Weekday[]);
    expect(workdayTest(odd, noneCalendar)).not.toBe(workdayTest(odd, noneCalendar));
    expect(workdayTest(odd, noneCalendar)(firstDay + 4)).toBe(plainTest(odd, noneCalendar)(firstDay + 4));
  });
});

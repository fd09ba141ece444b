/**
 * The planner over the whole range a user can type (`schedule` flags, or answers bound by a
 * pack): any input validation accepts is planned without throwing, and any other input is
 * refused with problems, never with an internal error. (Dates of an `ok` plan staying in
 * [start, due] is test/schedule/properties.test.ts's.)
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isoFromDay, parseIsoDate } from "../../src/iso-date.ts";
import { planSchedule } from "../../src/schedule/planner.ts";
import type { PlanInput } from "../../src/schedule/types.ts";
import { validatePlanInput } from "../../src/schedule/validate.ts";
import { envFor } from "../schedule/helpers.ts";

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const first = parseIsoDate("2026-01-01") ?? 0;

const wide: fc.Arbitrary<PlanInput> = fc
  .record({
    start: fc.integer({ min: first, max: first + 3000 }),
    span: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }) }, fc.integer({ min: 0, max: 80_000 })),
    dueMeans: fc.constantFrom("final" as const, "first_draft" as const),
    revisionRounds: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 5 }) }, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1_000_000 })),
    reviewDays: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) }, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1_000_000 })),
    effortHours: fc.oneof({ weight: 3, arbitrary: fc.double({ min: 0.01, max: 500, noNaN: true }) }, fc.double({ min: 1e-9, max: 1e6, noNaN: true })),
    hoursPerDay: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0.5, 1, 4, 8, 24) }, fc.double({ min: 1e-9, max: 30, noNaN: true })),
    draftShare: fc.option(fc.double({ min: 1e-9, max: 1, noNaN: true }), { nil: undefined }),
    workdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    calendar: fc.constantFrom("none" as const, "jp" as const),
    checkinEvery: fc.integer({ min: 1, max: 400 }),
  })
  .map((r) => ({
    start: isoFromDay(r.start),
    due: isoFromDay(r.start + r.span),
    dueMeans: r.dueMeans,
    revisionRounds: r.revisionRounds,
    reviewDays: r.reviewDays,
    effortHours: r.effortHours,
    hoursPerDay: r.hoursPerDay,
    workdays: r.workdays.map((d) => DAY_NAMES[d] ?? "mon").join(","),
    calendar: r.calendar,
    checkinEvery: r.checkinEvery,
    ...(r.draftShare !== undefined ? { draftShare: r.draftShare } : {}),
  }));

// The milestones README "Deadline flow" allows after the due date of a plan that is not late.
const AFTER_DUE: Record<PlanInput["dueMeans"], RegExp> = {
  final: /^(acceptance_end|first_reply_by)$/,
  first_draft: /^(acceptance_end|first_reply_by|revision_\d+_review|revision_\d+|final_delivery)$/,
};

describe("planner bounds", () => {
  test("every input is refused with problems or planned without throwing, an ok plan within [start, due]", () => {
    fc.assert(
      fc.property(wide, (input) => {
        const env = envFor(input);
        if (validatePlanInput(input, env).length > 0) return;
        const plan = planSchedule(input, env);
        expect(["ok", "tight", "late"]).toContain(plan.verdict);
        // test/schedule/properties.test.ts checks dates against [start, due] over everyday
        // inputs; here the same rule (README, Deadline flow) over the whole range.
        if (plan.verdict === "late") return;
        for (const m of plan.milestones) {
          expect(m.date >= input.start, `${m.id} before start`).toBe(true);
          if (!AFTER_DUE[input.dueMeans].test(m.id)) expect(m.date <= input.due, `${m.id} ${m.date} after due ${input.due}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, isoFromDay, parseIsoDate } from "../../src/iso-date.ts";
import { planSchedule } from "../../src/schedule/planner.ts";
import type { Plan, PlanInput } from "../../src/schedule/types.ts";
import { envFor } from "./helpers.ts";

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const firstDay = parseIsoDate("2026-01-01") ?? 0;
const lastDay = parseIsoDate("2028-12-31") ?? 0;

const inputs: fc.Arbitrary<PlanInput> = fc
  .record({
    startDay: fc.integer({ min: firstDay, max: lastDay }),
    dueOffset: fc.integer({ min: 0, max: 90 }),
    dueMeans: fc.constantFrom("final" as const, "first_draft" as const),
    revisionRounds: fc.integer({ min: 0, max: 3 }),
    reviewDays: fc.integer({ min: 0, max: 5 }),
    effortTenths: fc.integer({ min: 5, max: 3000 }),
    hoursPerDay: fc.constantFrom(0.5, 1, 2, 3, 4, 6, 8, 10),
    draftShare: fc.option(fc.constantFrom(0.3, 0.5, 0.7, 0.9, 1), { nil: undefined }),
    workdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    calendar: fc.constantFrom("jp" as const, "none" as const),
    platform: fc.option(fc.constantFrom("coconala", "crowdworks", "lancers", "fiverr", "upwork", "direct"), { nil: undefined }),
    checkinEvery: fc.integer({ min: 1, max: 5 }),
  })
  .map((r) => ({
    start: isoFromDay(r.startDay),
    due: isoFromDay(r.startDay + r.dueOffset),
    dueMeans: r.dueMeans,
    revisionRounds: r.revisionRounds,
    reviewDays: r.reviewDays,
    effortHours: r.effortTenths / 10,
    hoursPerDay: r.hoursPerDay,
    workdays: r.workdays.map((d) => DAY_NAMES[d] ?? "mon").join(","),
    calendar: r.calendar,
    checkinEvery: r.checkinEvery,
    ...(r.draftShare !== undefined ? { draftShare: r.draftShare } : {}),
    ...(r.platform !== undefined ? { platform: r.platform } : {}),
  }));

const run = (input: PlanInput): Plan => planSchedule(input, envFor(input));

// Ids allowed after due. Platform windows run from the delivery or the request,
// not towards due; with due meaning the first draft, everything after it does too.
const AFTER_DUE: Record<PlanInput["dueMeans"], RegExp> = {
  final: /^(acceptance_end|first_reply_by)$/,
  first_draft: /^(acceptance_end|first_reply_by|revision_\d+_review|revision_\d+|final_delivery)$/,
};

describe("planner properties", () => {
  test("the generated inputs reach every verdict", () => {
    const seen = new Set(fc.sample(inputs, { numRuns: 300, seed: 1 }).map((input) => run(input).verdict));
    expect([...seen].sort()).toEqual(["late", "ok", "tight"]);
  });

  test("a late plan's earliest feasible due date fits, and the day before does not", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        if (plan.verdict !== "late") {
          expect(plan.earliestFeasibleDue).toBeUndefined();
          return;
        }
        const earliest = plan.earliestFeasibleDue ?? "";
        expect(earliest > input.due).toBe(true);
        expect(run({ ...input, due: earliest }).verdict).not.toBe("late");
        expect(run({ ...input, due: addDays(earliest, -1) }).verdict).toBe("late");
      }),
      { numRuns: 300 },
    );
  });

  test("a feasible plan keeps milestones in [start, due], except the documented ones", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        if (plan.verdict === "late") return;
        for (const m of plan.milestones) {
          expect(m.date >= input.start, `${m.id} ${m.date} before start ${input.start}`).toBe(true);
          if (!AFTER_DUE[input.dueMeans].test(m.id)) {
            expect(m.date <= input.due, `${m.id} ${m.date} after due ${input.due}`).toBe(true);
          }
        }
        for (const m of plan.milestones) {
          if (m.actor === "worker" && m.date <= input.due) expect(m.hoursBefore ?? 0).toBeGreaterThanOrEqual(m.effortBefore ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("milestones and check-ins are sorted, check-ins unique and within the job", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        const dates = plan.milestones.map((m) => m.date);
        expect(dates).toEqual([...dates].sort());
        expect(plan.checkins).toEqual([...new Set(plan.checkins)].sort());
        for (const d of plan.checkins) expect(d >= input.start && d <= plan.finalDate).toBe(true);
        expect(plan.bottleneck.slackRatio).toBeLessThanOrEqual(plan.slackRatio + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  test("more effort never improves the verdict", () => {
    const rank = { ok: 0, tight: 1, late: 2 } as const;
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 100 }), (input, extra) => {
        const before = run(input);
        const after = run({ ...input, effortHours: input.effortHours + extra });
        expect(rank[after.verdict]).toBeGreaterThanOrEqual(rank[before.verdict]);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, isoFromDay, parseIsoDate } from "../../src/iso-date.ts";
import { planSchedule } from "../../src/schedule/planner.ts";
import type { Plan, PlanInput, Stage } from "../../src/schedule/types.ts";
import { validatePlanInput } from "../../src/schedule/validate.ts";
import { envFor } from "./helpers.ts";

// Plans with stages, for any stage list a pack can declare: worker stages with shares or
// fixed hours, checks, client steps between them, the rounds after any stage.

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const firstDay = parseIsoDate("2026-01-01") ?? 0;
const lastDay = parseIsoDate("2028-12-31") ?? 0;

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant("work" as const),
    weight: fc.integer({ min: 1, max: 10 }),
    hours: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined, freq: 4 }),
    check: fc.option(fc.record({ days: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("client" as const), days: fc.integer({ min: 0, max: 6 }) }),
);

const inputs: fc.Arbitrary<PlanInput> = fc
  .record({
    startDay: fc.integer({ min: firstDay, max: lastDay }),
    dueOffset: fc.integer({ min: 0, max: 120 }),
    dueMeans: fc.constantFrom("final" as const, "first_draft" as const),
    revisionRounds: fc.integer({ min: 0, max: 3 }),
    reviewDays: fc.integer({ min: 0, max: 5 }),
    effortTenths: fc.integer({ min: 5, max: 2000 }),
    hoursPerDay: fc.constantFrom(1, 2, 3, 4, 6, 8),
    workdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    calendar: fc.constantFrom("jp" as const, "none" as const),
    platform: fc.option(fc.constantFrom("coconala", "lancers", "fiverr", "direct"), { nil: undefined }),
    steps: fc.array(stepArb, { minLength: 1, maxLength: 7 }),
    lastWeight: fc.integer({ min: 1, max: 10 }),
    unused: fc.integer({ min: 0, max: 5 }),
    revisionsAt: fc.nat(),
  })
  .map((r) => {
    // Shares are weights scaled below 1 (the rest goes to the rounds); the list always ends
    // with a worker stage, as validation requires.
    const steps = [...r.steps, { kind: "work" as const, weight: r.lastWeight, hours: undefined, check: undefined }];
    const totalWeight = steps.reduce((sum, s) => sum + (s.kind === "work" && s.hours === undefined ? s.weight : 0), 0) + r.unused;
    const effortHours = r.effortTenths / 10;
    const fixed = steps.reduce((sum, s) => sum + (s.kind === "work" ? (s.hours ?? 0) : 0), 0);
    const workIndexes = steps.flatMap((s, i) => (s.kind === "work" ? [i] : []));
    const revisionsAt = workIndexes[r.revisionsAt % workIndexes.length];
    const stages: Stage[] = steps.map((s, i) =>
      s.kind === "client"
        ? { actor: "client", id: `c${i}`, label: { ja: `資料${i}`, en: `Material ${i}` }, days: s.days }
        : {
            id: `s${i}`,
            label: { ja: `段階${i}`, en: `Stage ${i}` },
            // Fixed hours only where they fit in the effort, else a share.
            ...(s.hours !== undefined && fixed <= effortHours ? { hours: s.hours } : { share: s.weight / Math.max(totalWeight, 1) / 1.0001 }),
            ...(s.check ? { check: s.check.days === undefined ? {} : { days: s.check.days } } : {}),
            ...(i === revisionsAt ? { revisions: true } : {}),
          },
    );
    return {
      start: isoFromDay(r.startDay),
      due: isoFromDay(r.startDay + r.dueOffset),
      dueMeans: r.dueMeans,
      revisionRounds: r.revisionRounds,
      reviewDays: r.reviewDays,
      effortHours,
      hoursPerDay: r.hoursPerDay,
      workdays: r.workdays.map((d) => DAY_NAMES[d] ?? "mon").join(","),
      calendar: r.calendar,
      ...(r.platform ? { platform: r.platform } : {}),
      stages,
    } satisfies PlanInput;
  })
  .filter((input) => validatePlanInput(input, envFor(input)).length === 0);

const run = (input: PlanInput): Plan => planSchedule(input, envFor(input));
const RUNS = { numRuns: 200 };

describe("planner properties with stages", () => {
  test("the generated inputs reach every verdict", () => {
    const seen = new Set(fc.sample(inputs, { numRuns: 300, seed: 7 }).map((input) => run(input).verdict));
    expect([...seen].sort()).toEqual(["late", "ok", "tight"]);
  });

  test("every stage and client step has its dated, labelled milestone with its actor; ids are unique", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        const ids = plan.milestones.map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        const stages = input.stages ?? [];
        const last = stages[stages.length - 1];
        for (const s of stages) {
          const own = plan.milestones.filter((m) => m.stage === s.id);
          if (s.actor === "client") {
            expect(own.find((m) => m.id === `client_${s.id}`)).toMatchObject({ kind: "client_step", actor: "client", label: s.label });
            continue;
          }
          const end = own.find((m) => m.id === `stage_${s.id}` || m.id === "first_draft" || (s === last && m.id === "final_delivery"));
          expect(end?.actor, `${s.id} has no milestone`).toBe("worker");
          expect(plan.phases.some((p) => p.id === `work_${s.id}` && p.actor === "worker")).toBe(true);
          if (s.check && s !== last) expect(own.find((m) => m.id === `check_${s.id}`)).toMatchObject({ kind: "check", actor: "client" });
        }
        for (const m of plan.milestones) expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      RUNS,
    );
  });

  test("stages come in order, and each client step before the stage that needs it (unless late)", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        const work = plan.phases.filter((p) => p.kind === "work");
        for (let i = 1; i < work.length; i++) {
          expect((work[i]?.end ?? "") > (work[i - 1]?.end ?? ""), `${work[i]?.id} ends after ${work[i - 1]?.id}`).toBe(true);
        }
        if (plan.verdict === "late") return;
        for (let i = 1; i < work.length; i++) expect((work[i]?.start ?? "") > (work[i - 1]?.end ?? "")).toBe(true);
        const stages = input.stages ?? [];
        stages.forEach((s, i) => {
          if (s.actor !== "client") return;
          const needs = stages.slice(i + 1).find((x) => x.actor !== "client");
          const bar = plan.phases.find((p) => p.id === `work_${needs?.id}`);
          const step = plan.milestones.find((m) => m.id === `client_${s.id}`);
          expect(bar && step, `${s.id} and the stage after it`).toBeTruthy();
          // Due by the day before the stage starts; with no lead time before the first stage, on its first day.
          expect((step?.date ?? "") <= (bar?.start ?? ""), `${step?.id} ${step?.date} after ${bar?.id} starts ${bar?.start}`).toBe(true);
          if (s.days > 0) expect((step?.date ?? "") < (bar?.start ?? "")).toBe(true);
        });
      }),
      RUNS,
    );
  });

  test("capacity is respected before every worker milestone up to due, or the verdict is late", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        const short = plan.milestones.filter(
          (m) => m.actor === "worker" && m.date <= plan.due && (m.effortBefore ?? 0) > (m.hoursBefore ?? 0) + 1e-6 && m.id !== "hearing_done",
        );
        if (short.length > 0) expect(plan.verdict, `${short[0]?.id}: ${short[0]?.hoursBefore} h for ${short[0]?.effortBefore} h`).toBe("late");
        // All the effort is done by the final delivery.
        expect(plan.milestones.find((m) => m.id === "final_delivery")?.effortBefore).toBeCloseTo(input.effortHours, 4);
      }),
      RUNS,
    );
  });

  test("the deadline lands on or before due, and nothing before the start, unless the plan is late", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        if (plan.verdict === "late") return;
        const anchor = input.dueMeans === "final" ? plan.finalDate : plan.firstDraftDate;
        expect(anchor <= input.due).toBe(true);
        for (const m of plan.milestones) {
          if (m.actor !== "platform") expect(m.date >= input.start, `${m.id} ${m.date} before ${input.start}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("a late plan's earliest feasible due date fits, and the day before does not", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = run(input);
        if (plan.verdict !== "late") return;
        const earliest = plan.earliestFeasibleDue ?? "";
        expect(run({ ...input, due: earliest }).verdict).not.toBe("late");
        expect(run({ ...input, due: addDays(earliest, -1) }).verdict).toBe("late");
      }),
      { numRuns: 100 },
    );
  });
});

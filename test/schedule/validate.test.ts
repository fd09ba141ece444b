import { describe, expect, test } from "vitest";
import type { PlanInput } from "../../src/schedule/types.ts";
import { validatePlanInput } from "../../src/schedule/validate.ts";
import { envFor, input } from "./helpers.ts";

const problemsOf = (overrides: Partial<PlanInput> | Record<string, unknown>) => {
  const full = input(overrides as Partial<PlanInput>);
  return validatePlanInput(full, envFor(full.calendar === "jp" ? full : { calendar: "none" }));
};

describe("validatePlanInput", () => {
  test("accepts the default input", () => {
    expect(problemsOf({})).toEqual([]);
  });

  test.each<[Record<string, unknown>, string, string]>([
    [{ due: "2027-01-01" }, "due", "due_before_start"],
    [{ start: "2027-02-30" }, "start", "invalid_date"],
    [{ due: "next friday" }, "due", "invalid_date"],
    [{ requestedOn: "yesterday" }, "requestedOn", "invalid_date"],
    [{ hoursPerDay: 0 }, "hoursPerDay", "out_of_range"],
    [{ hoursPerDay: -2 }, "hoursPerDay", "out_of_range"],
    [{ hoursPerDay: 25 }, "hoursPerDay", "out_of_range"],
    [{ hoursPerDay: Number.NaN }, "hoursPerDay", "out_of_range"],
    [{ effortHours: 0 }, "effortHours", "out_of_range"],
    [{ revisionRounds: 1.5 }, "revisionRounds", "invalid_integer"],
    [{ revisionRounds: -1 }, "revisionRounds", "invalid_integer"],
    [{ reviewDays: 0.5 }, "reviewDays", "invalid_integer"],
    [{ checkinEvery: 0 }, "checkinEvery", "invalid_integer"],
    [{ draftShare: 0 }, "draftShare", "out_of_range"],
    [{ draftShare: 1.2 }, "draftShare", "out_of_range"],
    [{ workdays: "mon-funday" }, "workdays", "unknown_weekday"],
    [{ workdays: "" }, "workdays", "no_workdays"],
    [{ calendar: "us" }, "calendar", "invalid_choice"],
    [{ dueMeans: "soon" }, "dueMeans", "invalid_choice"],
    [{ platform: "etsy" }, "platform", "unknown_platform"],
    [{ calendar: "jp", start: "2051-01-06", due: "2051-01-20" }, "start", "outside_calendar"],
  ])("%j → %s: %s", (overrides, field, code) => {
    const problems = problemsOf(overrides);
    expect(problems).toContainEqual(expect.objectContaining({ field, code }));
    for (const p of problems) {
      // Both languages, each saying what to do.
      expect(p.message.ja).toMatch(/ください|です|ません/);
      expect(p.message.en).toMatch(/\b(Use|Give|must|Move|use)\b/);
    }
  });

  test("reports every problem at once", () => {
    const problems = problemsOf({ due: "2026-12-01", hoursPerDay: 0, revisionRounds: 0.5, workdays: "mo-fr", platform: "etsy" });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "due:due_before_start",
      "revisionRounds:invalid_integer",
      "hoursPerDay:out_of_range",
      "workdays:unknown_weekday",
      "workdays:unknown_weekday",
      "platform:unknown_platform",
    ]);
  });

  test("an unknown platform lists the known ones", () => {
    const [problem] = problemsOf({ platform: "etsy" });
    expect(problem?.message.en).toMatch(/coconala.*direct/);
  });
});

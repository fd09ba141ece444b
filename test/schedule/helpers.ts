import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { type HolidayCalendar, noneCalendar } from "../../src/schedule/calendar.ts";
import { jpCalendar } from "../../src/schedule/calendar-jp.ts";
import { planSchedule } from "../../src/schedule/planner.ts";
import { type PlatformProfile, validatePlatforms } from "../../src/schedule/platforms.ts";
import type { CalendarId, Plan, PlanInput } from "../../src/schedule/types.ts";
import type { PlanEnv } from "../../src/schedule/validate.ts";

export const platformsYaml = readFileSync(new URL("../../questionnaires/platforms.yaml", import.meta.url), "utf8");

function loadPlatforms(): PlatformProfile[] {
  const result = validatePlatforms(parse(platformsYaml));
  if (!result.ok) throw new Error(`platforms.yaml is invalid: ${JSON.stringify(result.problems)}`);
  return result.platforms;
}

export const platforms = loadPlatforms();

export const calendars: Record<CalendarId, HolidayCalendar> = { jp: jpCalendar, none: noneCalendar };

export function envFor(input: Pick<PlanInput, "calendar">): PlanEnv {
  return { calendar: calendars[input.calendar], platforms };
}

/** A Monday-to-Friday job without holidays or revisions; tests override what they study. */
export function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    start: "2027-01-04",
    due: "2027-01-15",
    dueMeans: "final",
    revisionRounds: 0,
    reviewDays: 3,
    effortHours: 20,
    hoursPerDay: 4,
    workdays: "mon-fri",
    calendar: "none",
    ...overrides,
  };
}

export function plan(overrides: Partial<PlanInput> = {}): Plan {
  const full = input(overrides);
  return planSchedule(full, envFor(full));
}

export const ids = (p: Plan) => p.milestones.map((m) => m.id);
export const dateOf = (p: Plan, id: string) => p.milestones.find((m) => m.id === id)?.date;

/** What a valid line of our Mermaid gantt output looks like. */
export const GANTT_LINE = [
  /^gantt$/,
  /^ {4}dateFormat YYYY-MM-DD$/,
  /^ {4}axisFormat %m\/%d$/,
  /^ {4}todayMarker off$/,
  /^ {4}title [^:#;]+$/,
  /^ {4}section [^:#;]+$/,
  /^ {4}[^:#;\s][^:#;]* :[a-z][a-z0-9_]*, \d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2}$/,
  /^ {4}[^:#;\s][^:#;]* :milestone, [a-z][a-z0-9_]*, \d{4}-\d{2}-\d{2}, 1d$/,
];

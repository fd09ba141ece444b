/**
 * What a fixed schedule value may be (a planner input), as zod schemas: pack validate checks
 * every fixed value, map value and default against them (pack-rules.ts), and the editors'
 * JSON Schema (schema.ts) says the same.
 */
import { z } from "zod";

/** The planner inputs a pack binds under `schedule:`. */
export const SCHEDULE_KEYS = [
  "start",
  "due",
  "due_means",
  "revisions",
  "review_days",
  "effort_hours",
  "draft_share",
  "hours_per_day",
  "workdays",
  "calendar",
  "checkin_every",
  "platform",
  "delivery_time",
  "payment",
] as const;

/**
 * The platform ids a pack may name (`schedule.platform`, `--platform`): the profiles of
 * questionnaires/platforms.yaml (test/pack/complete-checks.test.ts keeps the two equal).
 */
export const PLATFORM_IDS = ["coconala", "crowdworks", "lancers", "fiverr", "upwork", "skeb", "direct"] as const;

/**
 * A workday spec as the planner reads it (schedule/workdays.ts): days by English name or
 * abbreviation in any case, or by kanji (`月`, `月曜`, `月曜日`), in ranges (`mon-fri`,
 * `月〜金`) and lists (`mon,wed,fri`, `月、水、金`). Spelled out letter by letter in either
 * case, because JSON Schema patterns take no flags.
 */
export const WORKDAYS_RE: RegExp = (() => {
  const anyCase = (w: string) => [...w].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join("");
  const english = ["sun(?:day)?", "mon(?:day)?", "tue(?:s|sday)?", "wed(?:nesday)?", "thu(?:r|rs|rsday)?", "fri(?:day)?", "sat(?:urday)?"];
  const day = `(?:${english.map(anyCase).join("|")}|[日月火水木金土](?:曜日?)?)\\.?`;
  const item = `${day}(?:\\s*[-〜～–—]\\s*${day})?`;
  return new RegExp(`^\\s*${item}(?:[\\s,、，]+${item})*\\s*$`);
})();

/** The fixed value each schedule key takes (a planner input), as a zod schema. */
export function scheduleValues(): Record<(typeof SCHEDULE_KEYS)[number], z.ZodType> {
  const date = z.iso.date().describe("YYYY-MM-DD");
  return {
    start: date,
    due: date,
    due_means: z.enum(["final", "first_draft"]),
    revisions: z.int().min(0).max(50),
    review_days: z.int().min(0).max(365),
    effort_hours: z.number().gt(0).max(100_000),
    draft_share: z.number().gt(0).max(1),
    hours_per_day: z.number().gt(0).max(24),
    workdays: z.string().regex(WORKDAYS_RE).describe("mon-fri, mon,wed,fri, 月〜金…"),
    calendar: z.enum(["jp", "none"]),
    checkin_every: z.int().min(1).max(365),
    platform: z.enum(PLATFORM_IDS),
    payment: date,
    delivery_time: z
      .string()
      .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/)
      .describe("HH:MM, e.g. 18:00"),
  };
}

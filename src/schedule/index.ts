// The planner's public surface. Everything here is pure; the Japanese holiday
// table is deliberately not re-exported: import `./calendar-jp.ts` (lazily)
// only when a plan asks for calendar `jp`.

export { addDays, isIsoDate, weekdayOf } from "../iso-date.ts";
export { type HolidayCalendar, noneCalendar } from "./calendar.ts";
export { renderGantt, sanitizeGanttText } from "./gantt.ts";
export {
  dueMeansLabel,
  firstDraftStageOf,
  formatCompactDate,
  formatDate,
  type MilestoneTerms,
  milestoneLabel,
  phaseLabel,
  verdictLabel,
} from "./labels.ts";
export { DEFAULT_CHECKIN_EVERY, DEFAULT_DRAFT_SHARE, planSchedule, TIGHT_SLACK } from "./planner.ts";
export {
  type PlatformProblem,
  type PlatformProfile,
  type PlatformRule,
  type PlatformsFile,
  type PlatformsResult,
  validatePlatforms,
} from "./platforms.ts";
export { renderTimeline, type TimelineColorKind, type TimelineOptions } from "./timeline.ts";
export type * from "./types.ts";
export { type PlanEnv, validatePlanInput } from "./validate.ts";
export { parseWorkdays, type WorkdaysResult, weekdayName } from "./workdays.ts";

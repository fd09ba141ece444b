import { parseIsoDate } from "../iso-date.ts";
import type { HolidayCalendar } from "./calendar.ts";
import type { PlatformProfile } from "./platforms.ts";
import { stageProblems } from "./stage-rules.ts";
import type { Localized, PlanInput, PlanProblem } from "./types.ts";
import { parseWorkdays } from "./workdays.ts";

/** What the planner needs besides the input: nothing here is read from disk or the clock. */
export interface PlanEnv {
  /** The calendar named by `input.calendar`; `jpCalendar` or `noneCalendar`. */
  calendar: HolidayCalendar;
  /** Validated platform profiles (see validatePlatforms). */
  platforms: readonly PlatformProfile[];
}

type Field = PlanProblem["field"];

function problem(field: Field, code: string, ja: string, en: string): PlanProblem {
  return { field, code, message: { ja, en } };
}

function checkDate(problems: PlanProblem[], field: Field, value: unknown, label: Localized) {
  if (typeof value === "string" && parseIsoDate(value) !== undefined) return;
  problems.push(
    problem(
      field,
      "invalid_date",
      `${label.ja}「${String(value)}」は日付として読めません。YYYY-MM-DD 形式の実在する日付（例: 2027-01-15）を指定してください。`,
      `${label.en} "${String(value)}" is not a date. Give a real date as YYYY-MM-DD, e.g. 2027-01-15.`,
    ),
  );
}

function checkCount(problems: PlanProblem[], field: Field, value: unknown, min: number, max: number, label: Localized) {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return;
  problems.push(
    problem(
      field,
      "invalid_integer",
      `${label.ja}は ${min} 以上 ${max} 以下の整数で指定してください（指定値: ${String(value)}）。`,
      `${label.en} must be a whole number from ${min} to ${max} (got ${String(value)}).`,
    ),
  );
}

/**
 * The longest job the planner lays out, in calendar days (thirty years). Beyond it a date is
 * surely a typo (2062 for 2026), and the planner's day-by-day walks would run for ever.
 */
export const MAX_SPAN_DAYS = 30 * 366;

function checkPositive(problems: PlanProblem[], field: Field, value: unknown, max: number, label: Localized) {
  if (typeof value === "number" && Number.isFinite(value) && value > 0 && value <= max) return;
  problems.push(
    problem(
      field,
      "out_of_range",
      `${label.ja}は 0 より大きく ${max} 以下の数で指定してください（指定値: ${String(value)}）。`,
      `${label.en} must be a number above 0 and at most ${max} (got ${String(value)}).`,
    ),
  );
}

/**
 * Every problem with a plan input at once, each saying how to fix it. An empty
 * list means `planSchedule` can run; the caller decides how to report the rest.
 */
export function validatePlanInput(input: PlanInput, env: PlanEnv): PlanProblem[] {
  const problems: PlanProblem[] = [];
  checkDates(problems, input);
  checkWork(problems, input);
  checkCalendar(problems, input, env);
  problems.push(...stageProblems(input));
  checkPlatform(problems, input, env);
  return problems;
}

/** The dates, their order and span, and what "the deadline" means. */
function checkDates(problems: PlanProblem[], input: PlanInput): void {
  checkDate(problems, "start", input.start, { ja: "開始日", en: "Start date" });
  checkDate(problems, "due", input.due, { ja: "締切日", en: "Due date" });
  if (input.requestedOn !== undefined) {
    checkDate(problems, "requestedOn", input.requestedOn, { ja: "依頼日", en: "Request date" });
  }
  const start = parseIsoDate(String(input.start));
  const due = parseIsoDate(String(input.due));
  if (start !== undefined && due !== undefined && due < start) {
    problems.push(
      problem(
        "due",
        "due_before_start",
        `締切日 ${input.due} が開始日 ${input.start} より前です。締切日を開始日以降にするか、開始日を早めてください。`,
        `The due date ${input.due} is before the start date ${input.start}. Move the due date to the start date or later, or start earlier.`,
      ),
    );
  }

  if (input.dueMeans !== "final" && input.dueMeans !== "first_draft") {
    problems.push(
      problem(
        "dueMeans",
        "invalid_choice",
        `締切の意味「${String(input.dueMeans)}」は使えません。final（最終納品）か first_draft（初稿）を指定してください。`,
        `"${String(input.dueMeans)}" is not a deadline meaning. Use final (final delivery) or first_draft.`,
      ),
    );
  }

  if (start !== undefined && due !== undefined && due - start > MAX_SPAN_DAYS) {
    problems.push(
      problem(
        "due",
        "too_far",
        `締切日 ${input.due} が開始日 ${input.start} から30年以上先です。日付の誤りでないか確認してください。`,
        `The due date ${input.due} is more than thirty years after the start date ${input.start}: check the date for a typo.`,
      ),
    );
  }
}

/** Counts, hours and workdays: each in range, and the work possible in a lifetime. */
function checkWork(problems: PlanProblem[], input: PlanInput): void {
  checkCount(problems, "revisionRounds", input.revisionRounds, 0, 50, { ja: "修正回数", en: "Revision rounds" });
  checkCount(problems, "reviewDays", input.reviewDays, 0, 365, { ja: "確認日数", en: "Review days" });
  if (input.checkinEvery !== undefined) {
    checkCount(problems, "checkinEvery", input.checkinEvery, 1, 365, { ja: "定期連絡の間隔（稼働日）", en: "Check-in interval (workdays)" });
  }
  checkPositive(problems, "effortHours", input.effortHours, 100_000, { ja: "作業時間", en: "Effort hours" });
  checkPositive(problems, "hoursPerDay", input.hoursPerDay, 24, { ja: "1日の作業時間", en: "Hours per day" });
  if (input.draftShare !== undefined) {
    checkPositive(problems, "draftShare", input.draftShare, 1, { ja: "初稿までの作業割合", en: "Draft share" });
  }

  const workdays = parseWorkdays(input.workdays);
  if (!workdays.ok) problems.push(...workdays.problems);
  else if (problems.every((p) => p.field !== "effortHours" && p.field !== "hoursPerDay")) {
    // The calendar time the work alone needs, at this many workdays a week.
    const days = ((input.effortHours / input.hoursPerDay) * 7) / Math.max(1, workdays.days.length);
    if (days > MAX_SPAN_DAYS) {
      problems.push(
        problem(
          "effortHours",
          "too_much_work",
          `作業時間 ${input.effortHours} 時間を1日 ${input.hoursPerDay} 時間で進めると30年以上かかります。作業時間と1日の作業時間を確認してください。`,
          `${input.effortHours} hours of work at ${input.hoursPerDay} hours a day takes more than thirty years: check the effort and the hours per day.`,
        ),
      );
    }
  }
}

/** A known calendar, and dates inside its holiday data. */
function checkCalendar(problems: PlanProblem[], input: PlanInput, env: PlanEnv): void {
  if (input.calendar !== "jp" && input.calendar !== "none") {
    problems.push(
      problem(
        "calendar",
        "invalid_choice",
        `カレンダー「${String(input.calendar)}」は使えません。jp（日本の祝日を休む）か none（祝日なし）を指定してください。`,
        `Calendar "${String(input.calendar)}" is unknown. Use jp (Japanese public holidays off) or none.`,
      ),
    );
  } else if (env.calendar.coverage) {
    const { from, to } = env.calendar.coverage;
    for (const [field, value] of [
      ["start", input.start],
      ["due", input.due],
    ] as const) {
      if (typeof value === "string" && parseIsoDate(value) !== undefined && (value < from || value > to)) {
        problems.push(
          problem(
            field,
            "outside_calendar",
            `${value} は祝日データの範囲（${from}〜${to}）外です。範囲内の日付にするか、カレンダーを none にしてください。`,
            `${value} is outside the holiday data (${from} to ${to}). Use a date in that range or calendar none.`,
          ),
        );
      }
    }
  }
}

function checkPlatform(problems: PlanProblem[], input: PlanInput, env: PlanEnv): void {
  if (input.platform !== undefined && !env.platforms.some((p) => p.id === input.platform)) {
    const known = env.platforms.map((p) => p.id).join(", ");
    problems.push(
      problem(
        "platform",
        "unknown_platform",
        `プラットフォーム「${input.platform}」は登録されていません。次のいずれかを指定してください: ${known}`,
        `Platform "${input.platform}" is not known. Use one of: ${known}`,
      ),
    );
  }
}

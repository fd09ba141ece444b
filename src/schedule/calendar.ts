import { isoFromDay, weekdayOfDay } from "../iso-date.ts";
import type { CalendarId, IsoDate, Localized, Weekday } from "./types.ts";

/**
 * Public holidays as the planner sees them. The planner never imports a
 * holiday table itself: the caller passes one in, so `none` costs nothing at
 * startup and tests can use a made-up calendar.
 */
export interface HolidayCalendar {
  readonly id: CalendarId;
  /** The holiday's name on that date, or undefined on an ordinary day. */
  holiday(date: IsoDate): Localized | undefined;
  /** Dates the data is known for; outside it every day looks ordinary, so plans there are refused. */
  readonly coverage?: { readonly from: IsoDate; readonly to: IsoDate };
}

export const noneCalendar: HolidayCalendar = {
  id: "none",
  holiday: () => undefined,
};

/** Answers "can the worker work on this day number?" with the weekday set and holidays combined. */
export type WorkdayTest = (day: number) => boolean;

// One test per calendar and set of weekdays, shared by every plan and job of a run: an agenda
// of 500 jobs asks about the same few months of days tens of thousands of times. A calendar's
// answers never change (holiday() is a pure lookup), so neither do the cached ones.
const shared = new WeakMap<HolidayCalendar, Map<number, WorkdayTest>>();

export function workdayTest(workdays: ReadonlySet<Weekday>, calendar: HolidayCalendar): WorkdayTest {
  let key = 0;
  for (const d of workdays) key = Number.isInteger(d) && d >= 0 && d <= 6 && key >= 0 ? key | (1 << d) : -1;
  if (key < 0) return newWorkdayTest(new Set(workdays), calendar);
  let tests = shared.get(calendar);
  if (!tests) {
    tests = new Map();
    shared.set(calendar, tests);
  }
  let test = tests.get(key);
  if (!test) {
    test = newWorkdayTest(new Set(workdays), calendar);
    tests.set(key, test);
  }
  return test;
}

function newWorkdayTest(workdays: ReadonlySet<Weekday>, calendar: HolidayCalendar): WorkdayTest {
  const cache = new Map<number, boolean>();
  return (day) => {
    let result = cache.get(day);
    if (result === undefined) {
      result = workdays.has(weekdayOfDay(day)) && calendar.holiday(isoFromDay(day)) === undefined;
      cache.set(day, result);
    }
    return result;
  };
}

/** date → [Japanese name, English name]: the holiday table as the build stores it (scripts/gen-builtin.ts). */
export type CompactHolidays = Readonly<Record<IsoDate, readonly [string, string] | undefined>>;

/** The same calendar from the compact table the build derives from the library. */
export function jpCalendarFrom(compact: CompactHolidays): HolidayCalendar {
  const dates = Object.keys(compact).sort();
  const first = dates[0] ?? "1970-01-01";
  const last = dates[dates.length - 1] ?? "1970-12-31";
  return {
    id: "jp",
    holiday(date: IsoDate): Localized | undefined {
      const entry = Object.hasOwn(compact, date) ? compact[date] : undefined;
      if (!entry) return undefined;
      // The data names 振替休日 "<holiday> 振替休日" and 国民の休日 plainly "休日".
      const ja = entry[0] === "休日" ? "国民の休日" : entry[0];
      return { ja, en: entry[1] };
    },
    // The table lists whole years, so the covered range runs to each year's edge.
    coverage: { from: `${first.slice(0, 4)}-01-01`, to: `${last.slice(0, 4)}-12-31` },
  };
}

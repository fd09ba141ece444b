import { isoFromDay, weekdayOfDay } from "./dates.ts";
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

export function workdayTest(workdays: ReadonlySet<Weekday>, calendar: HolidayCalendar): WorkdayTest {
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

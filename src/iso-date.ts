/**
 * ISO calendar dates (`YYYY-MM-DD`): which strings are real dates, and day arithmetic. One
 * rule for packs, answers and the planner.
 */

/** A local calendar date, `YYYY-MM-DD`. Never a timestamp. */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, the numbering of `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

// Dates are calendar days, not instants. All arithmetic goes through whole day
// numbers (days since 1970-01-01) computed with Date.UTC, so neither the host
// time zone nor daylight saving can shift a date by one.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid ISO date, or undefined for anything else (2027-02-30 included). */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC silently rolls 02-30 over into March; reject instead.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === "string" && parseIsoDate(text) !== undefined;
}

/** Day number of an ISO date the caller has already validated. */
export function dayNumber(date: IsoDate): number {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`not an ISO date: ${date}`);
  return n;
}

export function isoFromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDay(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function weekdayOfDay(day: number): Weekday {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 positive.
  return ((((day + 4) % 7) + 7) % 7) as Weekday;
}

export function weekdayOf(date: IsoDate): Weekday {
  return weekdayOfDay(dayNumber(date));
}

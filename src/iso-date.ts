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
  // Hot in plans and agendas over hundreds of jobs: plain arithmetic, no Date objects.
  if (text.length !== 10 || text[4] !== "-" || text[7] !== "-") return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 of a proleptic Gregorian date and back (H. Hinnant's algorithms).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
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

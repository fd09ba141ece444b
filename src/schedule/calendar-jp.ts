import holidayJp from "@holiday-jp/holiday_jp";
import { type HolidayCalendar, jpCalendarFrom } from "./calendar.ts";
import type { IsoDate } from "./types.ts";

// Kept apart from calendar.ts so that only plans using the Japanese calendar
// pay for loading the holiday table (about 10 ms at startup). Callers that may
// not need it should `await import("./calendar-jp.ts")`.

interface HolidayEntry {
  name: string;
  name_en: string;
}

// The package types its table as one literal object type; indexing it with an
// arbitrary date string needs the looser record view.
const table = holidayJp.holidays as unknown as Readonly<Record<string, HolidayEntry | undefined>>;

export function compactHolidays(): Record<IsoDate, [string, string]> {
  const out: Record<IsoDate, [string, string]> = {};
  for (const [date, entry] of Object.entries(table)) if (entry) out[date] = [entry.name, entry.name_en];
  return out;
}

/** Japanese public holidays, 振替休日 and 国民の休日, from @holiday-jp/holiday_jp. */
export const jpCalendar: HolidayCalendar = jpCalendarFrom(compactHolidays());

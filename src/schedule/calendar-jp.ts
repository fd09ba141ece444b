import holidayJp from "@holiday-jp/holiday_jp";
import type { HolidayCalendar } from "./calendar.ts";
import type { IsoDate, Localized } from "./types.ts";

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

function coverage(): { from: IsoDate; to: IsoDate } {
  const dates = Object.keys(table).sort();
  const first = dates[0] ?? "1970-01-01";
  const last = dates[dates.length - 1] ?? "1970-12-31";
  // The table lists whole years, so the covered range runs to each year's edge.
  return { from: `${first.slice(0, 4)}-01-01`, to: `${last.slice(0, 4)}-12-31` };
}

/** Japanese public holidays, 振替休日 and 国民の休日, from @holiday-jp/holiday_jp. */
export const jpCalendar: HolidayCalendar = {
  id: "jp",
  holiday(date: IsoDate): Localized | undefined {
    const entry = table[date];
    if (!entry) return undefined;
    // The data names 振替休日 "<holiday> 振替休日" and 国民の休日 plainly "休日".
    const ja = entry.name === "休日" ? "国民の休日" : entry.name;
    return { ja, en: entry.name_en };
  },
  coverage: coverage(),
};

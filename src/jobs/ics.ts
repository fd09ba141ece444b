/**
 * The agenda as an RFC 5545 calendar: all-day events for dates, a timed event (in UTC) for
 * the first-reply deadline, VALARM reminders, and UIDs made of the file and the item, so
 * importing again updates events instead of adding copies. ical-generator writes the text
 * (line folding, escaping). Pure.
 */
import ical, { ICalAlarmType, type ICalEventData } from "ical-generator";
import { addDays } from "../iso-date.ts";
import type { DatedItem } from "./agenda.ts";

/** Seconds before the event's start; 0 = at its start. */
export type Alarms = number[];

/** The default reminders: the day before a delivery, at the start of a check-in day, 2 hours before a reply deadline. */
export function defaultAlarms(kind: DatedItem["kind"]): Alarms {
  if (kind === "delivery") return [86_400];
  if (kind === "checkin") return [0];
  if (kind === "first_reply") return [2 * 3_600];
  return [];
}

/** `1d,2h,30m`, `0` (at the start) or `none` → seconds before; undefined when a token is not one of these. */
export function parseAlarms(text: string): Alarms | undefined {
  const t = text.trim().toLowerCase();
  if (t === "none" || t === "") return [];
  const out: number[] = [];
  for (const token of t.split(",").map((s) => s.trim())) {
    const m = /^(\d{1,4})([dhm]?)$/.exec(token);
    if (!m) return undefined;
    const n = Number(m[1]);
    if (m[2] === "" && n !== 0) return undefined;
    out.push(n * (m[2] === "d" ? 86_400 : m[2] === "h" ? 3_600 : 60));
  }
  return [...new Set(out)].sort((a, b) => b - a);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable name for a file in UIDs. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(s)) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export interface CalendarOptions {
  /** Reminders for every event instead of the defaults. */
  alarms?: Alarms;
  /** DTSTAMP: when the calendar was written. */
  now: number;
  lang: "ja" | "en";
}

export function renderCalendar(items: readonly DatedItem[], o: CalendarOptions): string {
  const cal = ical({
    name: "kikitori",
    prodId: { company: "kikitori", product: "kikitori", language: o.lang === "ja" ? "JA" : "EN" },
  });
  for (const i of items) cal.createEvent(eventOf(i, o));
  const text = cal.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

function eventOf(i: DatedItem, o: CalendarOptions): ICalEventData {
  const lang = i.lang;
  const who = [i.job.client, i.job.job].filter(Boolean).join(" · ");
  const summary = who ? `${i.what[lang]} — ${who}` : i.what[lang];
  const description =
    lang === "ja" ? `次に実行するコマンド:\n${i.command}\n\nファイル: ${i.job.file}` : `Command to run next:\n${i.command}\n\nFile: ${i.job.file}`;
  const alarms = (o.alarms ?? defaultAlarms(i.kind)).map((seconds) => ({
    type: ICalAlarmType.display,
    triggerBefore: seconds,
    description: summary,
  }));
  const base = {
    id: `${i.key}-${shortHash(i.job.file)}@kikitori`,
    stamp: new Date(o.now),
    summary,
    description,
    alarms,
  };
  if (i.at !== undefined) {
    // The deadline is the moment the window closes: a half-hour ending then.
    return { ...base, start: new Date(i.at - 30 * 60_000), end: new Date(i.at) };
  }
  return { ...base, allDay: true, start: new Date(`${i.date}T00:00:00Z`), end: new Date(`${addDays(i.date, 1)}T00:00:00Z`) };
}

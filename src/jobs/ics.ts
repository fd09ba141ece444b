/**
 * The agenda as an RFC 5545 calendar: all-day events for dates, a timed event (in UTC) for
 * the first-reply deadline, VALARM reminders, and UIDs made of the file and the item, so
 * importing again updates events instead of adding copies. ical-generator writes the text
 * (line folding, escaping). Pure.
 */
import ical, { ICalAlarmType, type ICalCalendar, type ICalCalendarData, type ICalEventData } from "ical-generator";
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

/** The calendar as ical-generator builds it; its toString() is what renderCalendar writes. */
export function calendarOf(items: readonly DatedItem[], o: CalendarOptions): ICalCalendar {
  const cal = ical(calendarData(o));
  for (const i of items) cal.createEvent(eventOf(i, o));
  return cal;
}

function calendarData(o: CalendarOptions): ICalCalendarData {
  return { name: "kikitori", prodId: { company: "kikitori", product: "kikitori", language: o.lang === "ja" ? "JA" : "EN" } };
}

export function renderCalendar(items: readonly DatedItem[], o: CalendarOptions): string {
  const cal = calendarOf(items, o);
  // ical-generator folds the whole text with a new TextEncoder per character (1.3 s for 500
  // jobs): the events are folded here instead, the same way, and set between the calendar's
  // own lines, folded by the library from a calendar without events.
  const frame = ical(calendarData(o)).toString();
  const end = frame.lastIndexOf("END:VCALENDAR");
  const events = cal
    .events()
    .map((e) => e.toString())
    .join("");
  const text = `${frame.slice(0, end)}${foldLines(events)}${frame.slice(end)}`;
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/**
 * Lines longer than 74 octets of UTF-8 continued on the next line after a space, exactly as
 * ical-generator's foldLines (which it exports: the tests compare the two): a pair of
 * surrogates is one character, a lone one counts as U+FFFD.
 */
export function foldLines(text: string): string {
  return text.split("\r\n").map(foldLine).join("\r\n");
}

function foldLine(line: string): string {
  // 24 units take at most 72 octets.
  if (line.length <= 24) return line;
  let out = "";
  let from = 0;
  let octets = 0;
  for (let r = 0; r < line.length; r++) {
    const start = r;
    const u = line.charCodeAt(r);
    let n = u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
    if (u >= 0xd800 && u <= 0xdbff && r + 1 < line.length) {
      const next = line.charCodeAt(++r);
      n = next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + (next < 0x80 ? 1 : next < 0x800 ? 2 : 3);
    }
    octets += n;
    if (octets > 74) {
      out += `${line.slice(from, start)}\r\n `;
      from = start;
      octets = n;
    }
  }
  return out + line.slice(from);
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

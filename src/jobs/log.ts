/**
 * The job's `progress:` log read as facts: hours worked, how much of the job is done, the
 * messages sent and the deliveries made. Pure: today is passed in.
 */
import type { ProgressEntry, SentKind } from "../answers/types.ts";

export interface LogSummary {
  /** Entries on or before today, oldest first (entries of one day in the order written). */
  entries: ProgressEntry[];
  hours: number;
  /** Hours logged for today itself: today's capacity is what is left of the day. */
  hoursToday: number;
  /** The latest percent done, with its day; undefined when no entry gives one. */
  done?: { percent: number; date: string };
  /** Hours logged up to and including the entry that gave the latest percent. */
  hoursAtDone: number;
  /** The days messages went out, by kind. */
  sent: { date: string; kind: SentKind }[];
  /** Deliveries in order; `final` when it was the last one (done 100%). */
  deliveries: { date: string; final: boolean }[];
  /** The last day anything was logged. */
  lastDate?: string;
}

export function summarizeLog(progress: readonly ProgressEntry[] | undefined, today: string): LogSummary {
  const entries = (progress ?? [])
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.date <= today)
    .sort((a, b) => (a.e.date === b.e.date ? a.i - b.i : a.e.date < b.e.date ? -1 : 1))
    .map(({ e }) => e);
  let hours = 0;
  let hoursToday = 0;
  let hoursAtDone = 0;
  let done: LogSummary["done"];
  const sent: LogSummary["sent"] = [];
  const deliveries: LogSummary["deliveries"] = [];
  for (const e of entries) {
    hours += e.hours ?? 0;
    if (e.date === today) hoursToday += e.hours ?? 0;
    if (e.done !== undefined) {
      done = { percent: e.done, date: e.date };
      hoursAtDone = hours;
    }
    if (e.sent) sent.push({ date: e.date, kind: e.sent });
    if (e.sent === "delivery") deliveries.push({ date: e.date, final: (e.done ?? done?.percent ?? 0) >= 100 });
  }
  const last = entries[entries.length - 1];
  return {
    entries,
    hours: round(hours),
    hoursToday: round(hoursToday),
    ...(done ? { done } : {}),
    hoursAtDone: round(hoursAtDone),
    sent,
    deliveries,
    ...(last ? { lastDate: last.date } : {}),
  };
}

/** Hours are shown to people: no 2.9999999999999996. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * When a job's clock started: the order time (`meta.ordered`) as typed, and the platform's
 * first-reply window counted from it. Pure. (The day the plan starts on is `planAnchor` in
 * schedule/binding.ts, the one anchor every command uses.)
 */
import { parseTimestamp, type Timestamp, wallClock } from "../date-format.ts";
import type { PlatformProfile } from "../schedule/index.ts";

export interface FirstReply {
  /** The instant the window closes. */
  ms: number;
  /** Its date and time on the order's clock. */
  date: string;
  time: string;
  /** The window, in hours (Coconala: 48). */
  hours: number;
  platform: PlatformProfile;
}

/** The platform's first-reply window counted from the exact order time, when both are known. */
export function firstReplyOf(ordered: Timestamp | undefined, platform: PlatformProfile | undefined): FirstReply | undefined {
  const rule = platform?.rules.find((r) => r.kind === "first_reply" && r.from === "order" && r.days !== undefined);
  if (!ordered || !platform || rule?.days === undefined) return undefined;
  const ms = ordered.ms + rule.days * 86_400_000;
  return { ms, ...wallClock(ms, ordered.offset), hours: rule.days * 24, platform };
}

/** Whole hours left before `ms` (rounded down), or undefined once it has passed. */
export function hoursLeft(ms: number, now: number): number | undefined {
  return now >= ms ? undefined : Math.floor((ms - now) / 3_600_000);
}

/**
 * A typed order time → ISO date-time with offset. Accepts `2026-11-23T10:00+09:00`,
 * `2026-11-23 10:00` (read on the local clock, whose offset is `localOffset` minutes) and
 * `now`; a date alone is refused: a 48-hour window needs the hour.
 */
export function readOrderedText(text: string, now: Date, localOffset: number): { value: string } | { error: "date-only" | "unreadable" } {
  const t = text.normalize("NFKC").trim();
  if (/^(now|今|いま)$/i.test(t)) return { value: stamp(now.getTime(), localOffset) };
  const exact = parseTimestamp(t);
  if (exact) return { value: stamp(exact.ms, exact.offset) };
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const p = (i: number, n = 2) => String(m[i] ?? "0").padStart(n, "0");
    const local = parseTimestamp(`${m[1]}-${p(2)}-${p(3)}T${p(4)}:${p(5)}:${p(6)}Z`);
    if (local) return { value: stamp(local.ms - localOffset * 60_000, localOffset) };
  }
  if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(t)) return { error: "date-only" };
  return { error: "unreadable" };
}

/** `2026-11-23T10:00:00+09:00` for an instant on the clock of `offset`. */
export function stamp(ms: number, offset: number): string {
  const { date } = wallClock(ms, offset);
  const iso = new Date(ms + offset * 60_000).toISOString();
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${date}T${iso.slice(11, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

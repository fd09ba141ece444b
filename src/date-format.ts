/** Dates as text: formatted for people in the design's two forms, and the local clock's date and timestamp. */
import type { Lang } from "./i18n.ts";

const JA_DAYS = ["日", "月", "火", "水", "木", "金", "土"];
const EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(iso: string): { y: number; m: number; d: number; wd: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return { y, m: mo, d, wd: new Date(Date.UTC(y, mo - 1, d)).getUTCDay() };
}

/** ja `2026年12月11日(金)`, en `Fri, Dec 11, 2026`. */
export function formatDate(iso: string, lang: Lang): string {
  const p = parts(iso);
  if (!p) return iso;
  return lang === "ja" ? `${p.y}年${p.m}月${p.d}日(${JA_DAYS[p.wd]})` : `${EN_DAYS[p.wd]}, ${EN_MONTHS[p.m - 1]} ${p.d}, ${p.y}`;
}

/** ja `12月11日(金)`, en `Fri, Dec 11`: for tables within one year. */
export function formatShortDate(iso: string, lang: Lang): string {
  const p = parts(iso);
  if (!p) return iso;
  return lang === "ja" ? `${p.m}月${p.d}日(${JA_DAYS[p.wd]})` : `${EN_DAYS[p.wd]}, ${EN_MONTHS[p.m - 1]} ${p.d}`;
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localIsoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** The next Monday-to-Friday date after `iso`: when the client hears next without a plan. */
export function nextWeekday(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

/**
 * An instant as local time with its offset, `2026-11-23T10:00:00+09:00`: every timestamp
 * kikitori writes. `day` (KIKITORI_TODAY) replaces the date and keeps the time of day.
 */
export function localTimestamp(d: Date, day?: string): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const off = -d.getTimezoneOffset();
  const zone = `${off >= 0 ? "+" : "-"}${pad(off / 60)}:${pad(off % 60)}`;
  return `${day ?? localIsoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

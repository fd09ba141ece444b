/**
 * A log entry as typed on the command line (`kikitori log --hours 1h30m --done 40%
 * --date 12/1`), and the log as a table. Pure: today is passed in.
 */
import { MAX_ENTRY_HOURS } from "../answers/progress.ts";
import type { ProgressEntry } from "../answers/types.ts";
import type { Lang } from "../i18n.ts";
import { addDays, isIsoDate } from "../iso-date.ts";
import { narrow as displayWidth } from "../prompt/width.ts";
import { round } from "./log.ts";

/** `3`, `1.5`, `2h`, `90m`, `1h30m`, `1時間30分` → hours; undefined when not read or outside 0–24. */
export function readHours(text: string): number | undefined {
  const t = text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");
  let h: number | undefined;
  const m = /^(?:(\d+(?:\.\d+)?)(?:h|時間)?)$/.exec(t);
  const mins = /^(\d+)(?:m|min|分)$/.exec(t);
  const both = /^(\d+)(?:h|時間)(\d+)(?:m|min|分)?$/.exec(t);
  if (m) h = Number(m[1]);
  else if (mins) h = Number(mins[1]) / 60;
  else if (both) h = Number(both[1]) + Number(both[2]) / 60;
  if (h === undefined || !Number.isFinite(h) || h <= 0 || h > MAX_ENTRY_HOURS) return undefined;
  return round(h);
}

/** `40`, `40%`, `４０％` → 40; undefined outside 0–100. */
export function readPercent(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text.normalize("NFKC").trim());
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/**
 * The day of an entry: `2026-12-01`, `2026/12/1`, `12/1` or `12月1日` (the latest such day
 * on or before today: a log looks back), `today`/`今日`, `yesterday`/`昨日`.
 */
export function readLogDate(text: string, today: string): string | undefined {
  const t = text.normalize("NFKC").trim().toLowerCase();
  if (t === "today" || t === "今日") return today;
  if (t === "yesterday" || t === "昨日") return addDays(today, -1);
  const full = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(t);
  const short = /^(\d{1,2})[/月](\d{1,2})日?$/.exec(t);
  const iso = (y: string | number, m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  if (full?.[1] && full[2] && full[3]) {
    const date = iso(full[1], full[2], full[3]);
    return isIsoDate(date) ? date : undefined;
  }
  if (short?.[1] && short[2]) {
    const year = Number(today.slice(0, 4));
    for (const y of [year, year - 1]) {
      const date = iso(y, short[1], short[2]);
      if (isIsoDate(date) && date <= today) return date;
    }
  }
  return undefined;
}

/** The log as a table: one row per entry, then the totals line. */
export function renderLog(entries: readonly ProgressEntry[], lang: Lang, totals: string): string[] {
  const ja = lang === "ja";
  if (entries.length === 0)
    return [
      ja
        ? "まだ記録がありません。kikitori log <ファイル> --hours 2 --done 30 で記録できます。"
        : "Nothing logged yet: kikitori log <file> --hours 2 --done 30 adds an entry.",
    ];
  const head = ja ? ["日付", "時間", "進捗", "送信", "メモ"] : ["date", "hours", "done", "sent", "note"];
  const rows = entries.map((e) => [
    e.date,
    e.hours !== undefined ? String(e.hours) : "",
    e.done !== undefined ? `${e.done}%` : "",
    e.sent ?? "",
    (e.note ?? "").replace(/\s*\n\s*/g, " / "),
  ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - displayWidth(c));
        return i === 1 || i === 2 ? pad + c : i < cells.length - 1 ? c + pad : c;
      })
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line), totals];
}

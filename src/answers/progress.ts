/**
 * The after-the-hearing parts of an answers file, checked by hand (no zod: a render of a
 * file with a long log must not pay for it): `progress:` (the work log, `kikitori log`),
 * `history:` (changed answers, `kikitori set`) and `meta.ordered`. Every problem is
 * returned at once, each at its line.
 */
import { parseTimestamp } from "../date-format.ts";
import type { Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import { isIsoDate } from "../iso-date.ts";
import type { ParsedYaml } from "../yaml/parse.ts";
import { type AnswerValue, type HistoryEntry, type ProgressEntry, SENT_KINDS, type SentKind } from "./types.ts";

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Hours in one entry: one day's work. */
export const MAX_ENTRY_HOURS = 24;

interface Where {
  file: string;
  locate: ParsedYaml["locate"];
}

export function checkOrdered(value: string | undefined, w: Where): Problem[] {
  if (value === undefined || parseTimestamp(value)) return [];
  return [
    {
      file: w.file,
      ...w.locate(["meta", "ordered"]),
      path: "meta.ordered",
      message: msg(`meta.ordered「${value}」は日時として読めません`, `meta.ordered "${value}" is not a date and time with its offset`),
      fix: msg("例: 2026-11-23T10:00:00+09:00 (kikitori set <ファイル> meta.ordered=…)", "e.g. 2026-11-23T10:00:00+09:00 (kikitori set <file> meta.ordered=…)"),
    },
  ];
}

export function parseProgress(raw: unknown, w: Where): { entries: ProgressEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (raw === null || raw === undefined) return { entries: [], problems };
  const at = (path: (string | number)[], ja: string, en: string, fixJa: string, fixEn: string) =>
    problems.push({ file: w.file, ...w.locate(["progress", ...path]), path: `progress.${path.join(".")}`, message: msg(ja, en), fix: msg(fixJa, fixEn) });
  if (!Array.isArray(raw)) {
    at([], "progress: は記録のリストにしてください", "progress: must be a list of entries", "kikitori log で記録できます", "kikitori log adds entries");
    return { entries: [], problems };
  }
  const entries: ProgressEntry[] = [];
  raw.forEach((item, i) => {
    const before = problems.length;
    if (!isMap(item)) {
      at(
        [i],
        `progress の ${i + 1} 件目が { date: … } の形ではありません`,
        `progress entry ${i + 1} is not a { date: … } map`,
        "- { date: 2026-12-01, hours: 3, done: 40 }",
        "- { date: 2026-12-01, hours: 3, done: 40 }",
      );
      return;
    }
    const n = i + 1;
    for (const k of Object.keys(item)) {
      if (!["date", "hours", "done", "sent", "note"].includes(k))
        at(
          [i, k],
          `progress の ${n} 件目: 不明なキー ${k}`,
          `progress entry ${n}: unknown key ${k}`,
          "使えるキー: date, hours, done, sent, note",
          "keys: date, hours, done, sent, note",
        );
    }
    const { date, hours, done, sent, note } = item;
    if (typeof date !== "string" || !isIsoDate(date))
      at(
        [i, "date"],
        `progress の ${n} 件目: 日付 (date) がありません`,
        `progress entry ${n}: no valid date`,
        "date: 2026-12-01 の形にしてください",
        "write date: 2026-12-01",
      );
    if (hours !== undefined && hours !== null && (typeof hours !== "number" || !Number.isFinite(hours) || hours < 0 || hours > MAX_ENTRY_HOURS))
      at(
        [i, "hours"],
        `progress の ${n} 件目: hours は 0〜${MAX_ENTRY_HOURS} の数です`,
        `progress entry ${n}: hours must be a number from 0 to ${MAX_ENTRY_HOURS}`,
        "1日分の作業時間を書いてください",
        "write one day's hours",
      );
    if (done !== undefined && done !== null && (typeof done !== "number" || !Number.isFinite(done) || done < 0 || done > 100))
      at(
        [i, "done"],
        `progress の ${n} 件目: done は 0〜100 の数です`,
        `progress entry ${n}: done must be a number from 0 to 100`,
        "全体の何%が終わったかを書いてください",
        "write the percent of the whole job done",
      );
    if (sent !== undefined && sent !== null && !(SENT_KINDS as readonly unknown[]).includes(sent))
      at(
        [i, "sent"],
        `progress の ${n} 件目: sent「${String(sent)}」は使えません`,
        `progress entry ${n}: sent "${String(sent)}" is not a message kind`,
        `次のいずれか: ${SENT_KINDS.join(", ")}`,
        `use one of: ${SENT_KINDS.join(", ")}`,
      );
    if (note !== undefined && note !== null && typeof note !== "string" && typeof note !== "number")
      at([i, "note"], `progress の ${n} 件目: note は文字列です`, `progress entry ${n}: note must be text`, 'note: "…"', 'note: "…"');
    if (problems.length > before) return;
    entries.push({
      date: date as string,
      ...(typeof hours === "number" ? { hours } : {}),
      ...(typeof done === "number" ? { done } : {}),
      ...(typeof sent === "string" ? { sent: sent as SentKind } : {}),
      ...(typeof note === "string" || typeof note === "number" ? { note: String(note) } : {}),
    });
  });
  return { entries, problems };
}

export function parseHistory(raw: unknown, w: Where): { entries: HistoryEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (raw === null || raw === undefined) return { entries: [], problems };
  const at = (path: (string | number)[], ja: string, en: string) =>
    problems.push({
      file: w.file,
      ...w.locate(["history", ...path]),
      path: `history.${path.join(".")}`,
      message: msg(ja, en),
      fix: msg(
        "history: は kikitori set が書く記録です。- { at: 日時, key: id, from: 前, to: 後 }",
        "history: is written by kikitori set: - { at: time, key: id, from: old, to: new }",
      ),
    });
  if (!Array.isArray(raw)) {
    at([], "history: は変更記録のリストにしてください", "history: must be a list of changes");
    return { entries: [], problems };
  }
  const entries: HistoryEntry[] = [];
  raw.forEach((item, i) => {
    const n = i + 1;
    if (!isMap(item) || typeof item.key !== "string" || item.key === "" || typeof item.at !== "string" || !parseTimestamp(item.at)) {
      at([i], `history の ${n} 件目に日時 (at) か項目 (key) がありません`, `history entry ${n} has no valid at (time) or key`);
      return;
    }
    const extra = Object.keys(item).filter((k) => !["at", "key", "from", "to", "note"].includes(k));
    if (extra.length > 0 || (item.note !== undefined && item.note !== null && typeof item.note !== "string")) {
      at([i], `history の ${n} 件目に不明なキーか正しくない note があります`, `history entry ${n} has an unknown key or a note that is not text`);
      return;
    }
    entries.push({
      at: item.at,
      key: item.key,
      from: (item.from ?? null) as AnswerValue | null,
      to: (item.to ?? null) as AnswerValue | null,
      ...(typeof item.note === "string" && item.note ? { note: item.note } : {}),
    });
  });
  return { entries, problems };
}

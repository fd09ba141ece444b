/**
 * The agenda in a terminal: overdue first, then today, then each day ahead; two lines per
 * item (date, what, whose job; then the command), cut to fit 80 columns. Pure: colours
 * come in as functions.
 */
import { formatShortDate } from "../date-format.ts";
import type { Lang } from "../i18n.ts";
import { truncate } from "../prompt/screen.ts";
import { narrow as displayWidth } from "../prompt/width.ts";
import type { DatedItem } from "./agenda.ts";

export interface ViewStyle {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
}

export const WIDTH = 80;
const DATE_COL = 16;

/** A job as one short phrase: `山田様 · ロゴ制作 (yamada.answers.yaml)`. */
export function jobPhrase(j: DatedItem["job"]): string {
  const who = [j.client, j.job].filter(Boolean).join(" · ");
  return who ? `${who} (${j.file})` : j.file;
}

export function renderAgenda(items: readonly DatedItem[], o: { lang: Lang; today: string; style: ViewStyle; days: number }): string[] {
  const { lang, today, style: s } = o;
  const t = (ja: string, en: string) => (lang === "ja" ? ja : en);
  if (items.length === 0) {
    return [t(`今日から ${o.days} 日先までに予定はありません。`, `Nothing due from today to ${o.days} day${o.days === 1 ? "" : "s"} ahead.`)];
  }
  const lines: string[] = [];
  const overdue = items.filter((i) => i.overdue);
  const rest = items.filter((i) => !i.overdue);
  if (overdue.length > 0) {
    lines.push(s.red(s.bold(t(`期限切れ (${overdue.length})`, `Overdue (${overdue.length})`))));
    for (const i of overdue) lines.push(...itemLines(i, lang, s, true));
  }
  let day = "";
  for (const i of rest) {
    if (i.date !== day) {
      day = i.date;
      if (lines.length > 0) lines.push("");
      const when = formatShortDate(day, lang);
      lines.push(day === today ? s.yellow(s.bold(t(`今日 ${when}`, `Today · ${when}`))) : s.bold(when));
    }
    lines.push(...itemLines(i, lang, s, false));
  }
  return lines;
}

// A job's phrase is cut to the same few widths on every line of its items: cut each once.
const cuts = new Map<string, string>();
function cutTo(text: string, width: number): string {
  const key = `${width}\u0000${text}`;
  let out = cuts.get(key);
  if (out === undefined) {
    out = truncate(text, width);
    cuts.set(key, out);
  }
  return out;
}

function itemLines(i: DatedItem, lang: Lang, s: ViewStyle, overdue: boolean): string[] {
  const mark = overdue ? "!" : " ";
  const when = overdue ? formatShortDate(i.date, lang) : "";
  const dateCol = `${when}${i.time ? `${when ? " " : ""}${i.time}` : ""}`;
  const pad = " ".repeat(Math.max(1, DATE_COL - displayWidth(dateCol)));
  const head = `${mark} ${dateCol}${pad}`;
  const room = WIDTH - displayWidth(head);
  const what = cutTo(i.what[lang], room);
  const left = room - displayWidth(what) - 2;
  const who = left > 8 ? `  ${cutTo(jobPhrase(i.job), left)}` : "";
  const first = `${overdue ? s.red(head) : head}${overdue ? s.red(what) : what}${s.dim(who)}`;
  return [first, `${" ".repeat(2 + DATE_COL)}${s.dim(`→ ${i.command}`)}`];
}

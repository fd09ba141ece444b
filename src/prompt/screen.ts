/**
 * The text of the terminal hearing screens, apart from inquirer: header, question, help,
 * examples, key hints, choice rows. Pure (colours come in as functions), so the widgets in
 * inquirer.ts stay small and the layout can be tested without a terminal.
 */
import { stripVTControlCharacters } from "node:util";
import type { Reference } from "../answers/types.ts";
import type { Ask } from "../flow/prompter.ts";
import type { Lang } from "../i18n.ts";
import { L, progressLine, rangeHint } from "./labels.ts";
import { graphemes, type Measure, narrow, wrapText } from "./width.ts";

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
  error(s: string): string;
  ok(s: string): string;
  highlight(s: string): string;
}

/** Terminal rows the lines take once wrapped at `cols` columns. */
export function screenHeight(lines: readonly string[], cols: number, measure: Measure = narrow): number {
  return lines.reduce((n, l) => n + Math.max(1, Math.ceil(measure(stripVTControlCharacters(l)) / Math.max(1, cols))), 0);
}

/** Where a cut text ends: three dots, because "…" is one column in some terminals and two in others. */
const CUT = "...";

/** Cuts a one-line text to `width` columns, between graphemes, ending in ... when cut. */
export function truncate(s: string, width: number, measure: Measure = narrow): string {
  const one = s.includes("\n") ? s.replace(/(?<!\s)\s*\n\s*/g, " ") : s;
  if (measure(one) <= width) return one;
  let out = "";
  let w = 0;
  for (const g of graphemes(one)) {
    const cw = measure(g);
    if (w + cw > width - CUT.length) break;
    out += g;
    w += cw;
  }
  return `${out}${CUT}`;
}

/** `label - hint` cut to `width` columns, the hint styled after cutting (no escape code is cut). */
export function rowText(label: string, hint: string | undefined, width: number, style: (s: string) => string, sep = " - ", measure: Measure = narrow): string {
  const full = truncate(hint ? `${label}${sep}${hint}` : label, width, measure);
  if (!hint || full.length <= label.length) return full;
  return `${full.slice(0, label.length)}${style(full.slice(label.length))}`;
}

/** Lines of one style, wrapped first, so that no escape code is cut and the terminal wraps nothing itself. */
function wrapped(text: string, width: number, style: (s: string) => string, measure: Measure): string[] {
  return text.split("\n").flatMap((l) => wrapText(l, width, measure).map((r) => style(r)));
}

/**
 * Header and question block shown above every answer area, each line wrapped to `width`
 * columns by our own measure (inquirer would wrap by its own, which counts ambiguous
 * characters as one column even where the terminal shows two).
 */
export function renderHead(ask: Ask, s: Style, width: number, measure: Measure = narrow): string[] {
  const lang = ask.lang;
  const f = ask.frame;
  const lines = [s.bold(truncate(f.title, width, measure)), s.accent(truncate(progressLine(f, lang), width, measure))];
  if (f.intro && ask.kind !== "other" && ask.kind !== "note") lines.push(...wrapped(f.intro, width, s.dim, measure));
  lines.push("");
  const tags = [ask.required ? L.required[lang] : "", rangeHint(ask, lang)].filter(Boolean).join(lang === "ja" ? "、" : ", ");
  const question = `? ${ask.message}${tags ? ` (${tags})` : ""}`;
  const rows = wrapText(question, width, measure);
  if (rows.length === 1) lines.push(`${s.accent("?")} ${s.bold(ask.message)}${tags ? s.dim(` (${tags})`) : ""}`);
  else lines.push(...rows.map((r, i) => (i === 0 ? `${s.accent("?")} ${s.bold(r.slice(2))}` : s.bold(r))));
  const more = (text: string, style: (s: string) => string) => lines.push(...wrapped(`  ${text}`, width, style, measure));
  if (ask.help) more(`${L.why[lang]}: ${ask.help}`, s.dim);
  if (ask.examples.length > 0) more(`${L.examples[lang]}: ${ask.examples.join(" / ")}`, s.dim);
  const format = formatHint(ask, lang);
  if (format) more(format, s.dim);
  if (ask.pendingNow) more(`${L.pendingNow[lang]}${ask.pendingNow.note ? ` (${ask.pendingNow.note})` : ""}`, s.accent);
  if (ask.notice) more(ask.notice, s.error);
  return lines;
}

function formatHint(ask: Ask, lang: Lang): string {
  if (ask.type === "references") return L.refsFormat[lang];
  if (ask.type === "list") return L.listFormat[lang];
  if (ask.type === "date") return L.dateFormat[lang];
  return "";
}

export type Keys = [string, string][];

export function keyLine(keys: Keys, s: Style): string {
  return keys.map(([k, a]) => (k ? `${s.bold(k)} ${s.dim(a)}` : s.dim(a))).join(s.dim(" | "));
}

/** The keys of a question screen: always back, and "not decided yet" where allowed. */
export function questionKeys(ask: Ask, area: "line" | "lines" | "list" | "checkbox"): Keys {
  const lang = ask.lang;
  const keys: Keys = [];
  if (area === "list" || area === "checkbox") keys.push([L.upDown[lang], L.move[lang]]);
  if (area === "checkbox") keys.push(["Space", L.toggle[lang]]);
  if (area === "lines") keys.push(["Enter", L.newLine[lang]], ["", L.finishLines[lang]]);
  else keys.push(["Enter", L.confirm[lang]]);
  keys.push(["Esc", L.back[lang]]);
  if (ask.canPending) keys.push(["Ctrl-N", L.pending[lang]]);
  return keys;
}

export interface Row {
  label: string;
  hint?: string;
  value: unknown;
}

/** The rows of a one-choice question: select, confirm, or a short scale. */
export function choiceRows(ask: Ask): Row[] {
  const lang = ask.lang;
  let rows: Row[];
  if (ask.type === "confirm")
    rows = [
      { label: L.yes[lang], value: true },
      { label: L.no[lang], value: false },
    ];
  else if (ask.type === "scale" && ask.min !== undefined && ask.max !== undefined) {
    rows = [];
    for (let n = ask.min; n <= ask.max; n++) {
      const end = n === ask.min ? ask.minLabel : n === ask.max ? ask.maxLabel : undefined;
      rows.push({ label: String(n), ...(end ? { hint: end } : {}), value: n });
    }
  } else
    rows = (ask.choices ?? []).map((c) => ({
      label: c.other ? `${c.label} ${L.otherMark[lang]}` : c.label,
      ...(c.hint ? { hint: c.hint } : {}),
      value: c.value,
    }));
  if (!ask.required) rows.push({ label: L.skip[lang], value: null });
  return rows;
}

/** Whether a scale is short enough to pick from a list rather than type. */
export function scaleAsList(ask: Ask): boolean {
  return ask.type === "scale" && ask.min !== undefined && ask.max !== undefined && ask.max - ask.min <= 10;
}

/**
 * The starting row: the current answer, else the default; an optional question with neither
 * starts on its "leave empty" row, so Enter never records a choice by accident; else the first.
 */
export function initialRow(rows: Row[], ask: Ask): number {
  const i = rows.findIndex((r) => r.value === ask.initial);
  if (i >= 0) return i;
  const skip = rows.findIndex((r) => r.value === null);
  return ask.initial === undefined && !ask.pendingNow && skip >= 0 ? skip : 0;
}

/** Text typed on lines for paragraph, list and references questions. */
export function initialLines(ask: Ask): string[] {
  const v = ask.initial;
  if (v === undefined) return [];
  if (ask.type === "paragraph") return String(v).split("\n");
  if (!Array.isArray(v)) return [String(v)];
  return v.map((x) => (typeof x === "string" ? x : referenceLine(x as Reference)));
}

export function referenceLine(r: Reference): string {
  return [r.kind ?? "", r.source, r.note ?? ""].filter(Boolean).join(" ");
}

export function initialText(ask: Ask): string {
  const v = ask.initial;
  return v === undefined || typeof v === "object" ? "" : String(v);
}

/**
 * Long lists on a terminal: after 20 lines, one line says how many more there are. 10,000
 * unknown ids in an answers file printed 10,004 lines, pushing the one that mattered (what
 * to do) off the screen. `--json` output is never cut.
 */
import type { Lang, Msg } from "./i18n.ts";

export const LIST_MAX = 20;

/** The first LIST_MAX lines, then `… and N more` in the same indentation (with a hint, if given). */
export function capLines(lines: readonly string[], lang: Lang, hint?: Msg): string[] {
  if (lines.length <= LIST_MAX + 1) return [...lines];
  const n = lines.length - LIST_MAX;
  const indent = /^\s*/.exec(lines[LIST_MAX] ?? "")?.[0] ?? "";
  const more = lang === "ja" ? `… ほか ${n} 件` : `… and ${n} more`;
  return [...lines.slice(0, LIST_MAX), `${indent}${more}${hint ? (lang === "ja" ? ` (${hint.ja})` : ` (${hint.en})`) : ""}`];
}

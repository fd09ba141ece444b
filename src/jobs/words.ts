/** The words of status, agenda and calendar, in both languages, and the commands they suggest. */
import type { Lang, Msg } from "../i18n.ts";
import { milestoneLabel } from "../schedule/index.ts";
import type { MilestoneTerms } from "../schedule/labels.ts";
import type { MilestoneVerdict } from "./forecast.ts";

export const VERDICT: Record<MilestoneVerdict, Record<Lang, string>> = {
  done: { ja: "完了", en: "done" },
  "on-track": { ja: "順調", en: "on track" },
  "at-risk": { ja: "注意", en: "at risk" },
  late: { ja: "遅れ", en: "late" },
};

/** A milestone's name: the plan's own, else in the pack's words; a step nothing names is named by its id. */
export function stepLabel(m: { id: string; kind: string; round?: number; label?: Msg }, lang: Lang, terms: MilestoneTerms): string {
  if (m.label) return m.label[lang];
  const known = ["hearing", "first_draft", "review", "revision", "final_delivery", "acceptance_end", "first_reply"];
  if (!known.includes(m.kind)) return m.id.replaceAll("_", " ");
  return milestoneLabel(m as Parameters<typeof milestoneLabel>[0], lang, terms);
}

/** A shell word, quoted only when it needs it. */
export function shellWord(s: string): string {
  return /^[\p{L}\p{N}_./@:=+%,-]+$/u.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

/** `kikitori <args…>` with each argument quoted as the shell needs. */
export function command(...args: (string | number)[]): string {
  return ["kikitori", ...args.map((a) => shellWord(String(a)))].join(" ");
}

/** `kikitori message delay … --reason "…"`: the reason is the worker's to write. */
export function delayCommand(file: string, newDue: string): string {
  return `${command("message", "delay", file, "--new-due", newDue)} --reason "…"`;
}

/** The command that logs a day's work (the figures are the worker's to fill in). */
export function logCommand(file: string): string {
  return `${command("log", file)} --hours … --done …`;
}

export function hoursText(h: number, lang: Lang): string {
  const n = Math.round(h * 10) / 10;
  return lang === "ja" ? `${n} 時間` : `${n} h`;
}

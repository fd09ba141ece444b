import { addDays } from "../iso-date.ts";
import { dueMeansLabel, firstDraftStageOf, type MilestoneTerms, milestoneLabel, phaseLabel } from "./labels.ts";
import type { Lang, Plan } from "./types.ts";

// A Mermaid `gantt` block for briefs. Bars are the plan's phases, diamonds its milestones.
// Mermaid reads a task's end date as the start of that day, so a bar ends the day after
// the phase's last day, and a milestone is a one-day task: its diamond sits in the middle
// of its own day, inside the last day of the bar it ends.

/**
 * Words that Mermaid's gantt lexer reads as a statement when a line starts with them
 * (case-insensitively), whatever follows: a task named "Section 2" would open a section,
 * "%…" is a comment, "click…" expects a callback, a date starts a task without a name.
 */
const GANTT_KEYWORD =
  /^(?:acc(?:Title|Descr)|href|call|click|gantt|dateFormat|inclusiveEndDates|topAxis|axisFormat|tickInterval|includes|excludes|todayMarker|weekday|weekend|title|section|\d{4}-\d\d-\d\d)/i;

/**
 * Text for a task name: no `:` `;` `#` (task syntax and entities), no line breaks, `%` as
 * the full-width `％` (a `%` first or second on a line makes it a comment, `%%{` a
 * directive anywhere), and a name that starts with a keyword gets a zero-width space in
 * front, so Mermaid reads it as a name and shows it as written.
 */
export function sanitizeGanttText(text: string): string {
  const flat = sanitizeLine(text.replace(/[:#;]/g, " "));
  return GANTT_KEYWORD.test(flat) ? `\u200B${flat}` : flat;
}

/** A title or section name runs to the end of its line; only line breaks and `%` matter there. */
function sanitizeLine(text: string): string {
  return text
    .replace(/%/g, "％")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

const SECTIONS: Record<Lang, { work: string; client: string; milestones: string; title: (due: string, means: string) => string }> = {
  ja: {
    work: "制作",
    client: "クライアント確認",
    milestones: "マイルストーン",
    title: (due, means) => `制作スケジュール（締切 ${due}＝${means}）`,
  },
  en: {
    work: "Work",
    client: "Client review",
    milestones: "Milestones",
    title: (due, means) => `Schedule (due ${due}, ${means})`,
  },
};

/** The lines of a Mermaid gantt chart of the plan, without the ``` fence. */
export function renderGantt(plan: Plan, lang: Lang, terms: MilestoneTerms = {}): string[] {
  const words = SECTIONS[lang];
  const means = dueMeansLabel(plan.dueMeans, lang, terms, firstDraftStageOf(plan));
  const lines = [
    "gantt",
    "    dateFormat YYYY-MM-DD",
    "    axisFormat %m/%d",
    "    todayMarker off",
    `    title ${sanitizeLine(words.title(plan.due, means))}`,
  ];
  const bar = (name: string, id: string, start: string, end: string) => `    ${sanitizeGanttText(name)} :${id}, ${start}, ${addDays(end, 1)}`;

  const work = plan.phases.filter((p) => p.actor === "worker");
  if (work.length > 0) {
    lines.push(`    section ${sanitizeLine(words.work)}`);
    for (const p of work) lines.push(bar(phaseLabel(p, lang, terms), p.id, p.start, p.end));
  }
  const client = plan.phases.filter((p) => p.actor !== "worker");
  if (client.length > 0) {
    lines.push(`    section ${sanitizeLine(words.client)}`);
    for (const p of client) lines.push(bar(phaseLabel(p, lang, terms), p.id, p.start, p.end));
  }
  lines.push(`    section ${sanitizeLine(words.milestones)}`);
  for (const m of plan.milestones) {
    lines.push(`    ${sanitizeGanttText(milestoneLabel(m, lang, terms))} :milestone, ${m.id}, ${m.date}, 1d`);
  }
  return lines;
}

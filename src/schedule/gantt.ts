import { addDays } from "../iso-date.ts";
import { type MilestoneTerms, milestoneLabel, phaseLabel } from "./labels.ts";
import type { Lang, Plan } from "./types.ts";

// A Mermaid `gantt` block for briefs and messages. Bars are the plan's phases,
// diamonds its milestones. Mermaid reads a task's end date as the start of
// that day, so bars end the day after the phase's last day.

/** Mermaid splits task lines on `:` and `;`, and `#` starts an entity; none may appear in names. */
export function sanitizeGanttText(text: string): string {
  return text
    .replace(/[:#;]/g, " ")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

const SECTIONS: Record<Lang, { work: string; client: string; milestones: string; title: (plan: Plan) => string }> = {
  ja: {
    work: "制作",
    client: "クライアント確認",
    milestones: "マイルストーン",
    title: (plan) => `制作スケジュール（締切 ${plan.due}、${plan.dueMeans === "final" ? "最終納品" : "初稿"}）`,
  },
  en: {
    work: "Work",
    client: "Client review",
    milestones: "Milestones",
    title: (plan) => `Schedule (due ${plan.due}, ${plan.dueMeans === "final" ? "final delivery" : "first draft"})`,
  },
};

/** The lines of a Mermaid gantt chart of the plan, without the ``` fence. */
export function renderGantt(plan: Plan, lang: Lang, terms: MilestoneTerms = {}): string[] {
  const words = SECTIONS[lang];
  const lines = ["gantt", "    dateFormat YYYY-MM-DD", "    axisFormat %m/%d", "    todayMarker off", `    title ${sanitizeGanttText(words.title(plan))}`];
  const bar = (name: string, id: string, start: string, end: string) => `    ${sanitizeGanttText(name)} :${id}, ${start}, ${addDays(end, 1)}`;

  const work = plan.phases.filter((p) => p.actor === "worker");
  if (work.length > 0) {
    lines.push(`    section ${sanitizeGanttText(words.work)}`);
    for (const p of work) lines.push(bar(phaseLabel(p, lang, terms), p.id, p.start, p.end));
  }
  const client = plan.phases.filter((p) => p.actor !== "worker");
  if (client.length > 0) {
    lines.push(`    section ${sanitizeGanttText(words.client)}`);
    for (const p of client) lines.push(bar(phaseLabel(p, lang, terms), p.id, p.start, p.end));
  }
  lines.push(`    section ${sanitizeGanttText(words.milestones)}`);
  for (const m of plan.milestones) {
    lines.push(`    ${sanitizeGanttText(milestoneLabel(m, lang, terms))} :milestone, ${m.id}, ${m.date}, 0d`);
  }
  return lines;
}

/**
 * `kikitori agenda [DIR…] [--days N] [--json] [--check]`: what is overdue, due today and
 * coming up across every answers file under the folders. A broken file is one warning line.
 * `--check` prints only when something needs attention, and then exits 3 (for cron).
 */
import { UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { addDays } from "../../iso-date.ts";
import { agendaItems, agendaJson, compareItems, type DatedItem, needsAttention } from "../../jobs/agenda.ts";
import { renderAgenda } from "../../jobs/agenda-view.ts";
import { assessJob } from "../../jobs/state.ts";
import { type Ctx, clock } from "../context.ts";
import { findAnswersFiles, loadJobs, warnFailed } from "../jobs.ts";

export interface AgendaFlags {
  days?: string;
  json?: boolean;
  check?: boolean;
}

/** Exit code of `agenda --check` when something is overdue or due within 24 hours. */
export const NEEDS_ATTENTION = 3;

export async function runAgenda(ctx: Ctx, dirs: string[], flags: AgendaFlags): Promise<number> {
  const days = parseDays(flags.days);
  const loaded = await loadJobs(ctx, findAnswersFiles(ctx, dirs));
  warnFailed(ctx, loaded);
  const { today, now } = clock(ctx);
  const until = addDays(today, days);
  const items = loaded.jobs.flatMap((job) => agendaItems(assessJob(job, today), { today, now, until, mode: "agenda" })).sort(compareItems);
  const shown = flags.check ? items.filter((i) => needsAttention(i, { today, now })) : items;
  if (flags.check && shown.length === 0) return 0;
  if (flags.json) ctx.out.json(shown.map(agendaJson));
  else show(ctx, shown, today, days);
  return flags.check ? NEEDS_ATTENTION : 0;
}

function show(ctx: Ctx, items: DatedItem[], today: string, days: number): void {
  const c = ctx.out.color;
  const style = { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green };
  // Overdue first, then by day.
  const ordered = [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)];
  ctx.out.out(renderAgenda(ordered, { lang: ctx.lang, today, style, days }).join("\n"));
}

function parseDays(text: string | undefined): number {
  if (text === undefined) return 7;
  const n = Number(text.normalize("NFKC").trim());
  if (!/^\d+$/.test(text.normalize("NFKC").trim()) || n > 366) {
    throw new UsageError(msg(`--days は 0〜366 の整数にしてください (指定値: ${text})`, `--days takes a whole number from 0 to 366 (got ${text})`));
  }
  return n;
}

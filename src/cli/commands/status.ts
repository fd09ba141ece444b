/**
 * `kikitori status <answers…|DIR…> [--json]`: plan against actual for each job, the forecast
 * and verdict of every remaining milestone, and the next command to run.
 */
import { assessJob } from "../../jobs/state.ts";
import { renderStatus, statusJson } from "../../jobs/status.ts";
import { type Ctx, clock } from "../context.ts";
import { failureLines, findAnswersFiles, loadJobs } from "../jobs.ts";

export interface StatusFlags {
  json?: boolean;
}

export async function runStatus(ctx: Ctx, args: string[], flags: StatusFlags): Promise<number> {
  const loaded = await loadJobs(ctx, findAnswersFiles(ctx, args));
  const { today, now } = clock(ctx);
  const states = loaded.jobs.map((job) => assessJob(job, today));
  if (flags.json) ctx.out.json(states.map((s) => statusJson(s, now)));
  else {
    const c = ctx.out.color;
    const style = { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green };
    ctx.out.out(states.map((s) => renderStatus(s, { lang: ctx.lang, now, style }).join("\n")).join("\n\n"));
  }
  // Every file is reported; the exit code is that of the first that could not be read.
  for (const f of loaded.failed) {
    const [first = "", ...rest] = failureLines(f, ctx.lang);
    ctx.out.err(`${ctx.out.t("エラー", "error")}: ${first}${rest.map((l) => `\n${l}`).join("")}`);
  }
  return loaded.failed[0]?.error.exitCode ?? 0;
}

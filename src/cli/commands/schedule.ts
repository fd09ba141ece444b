/** `kikitori schedule`: the planner on its own, as a terminal timeline or JSON. */
import { UsageError } from "../../errors.ts";
import { presetAnswers } from "../../flow/preset.ts";
import { count, msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import type { Pack } from "../../pack/types.ts";
import { type PlanInput, planSchedule, renderTimeline, type Stage, type TimelineColorKind, validatePlanInput } from "../../schedule/index.ts";
import { bindStages } from "../../schedule/stage-binding.ts";
import { type Ctx, outputLang } from "../context.ts";
import { loadCalendar, readPlatforms } from "../planning.ts";

export interface ScheduleFlags {
  due?: string;
  effort?: string;
  hoursPerDay?: string;
  start?: string;
  dueMeans?: string;
  workdays?: string;
  calendar?: string;
  revisions?: string;
  reviewDays?: string;
  checkinEvery?: string;
  draftShare?: string;
  platform?: string;
  /** A pack whose stages (with its default answers) and words the plan takes. */
  pack?: string;
  json?: boolean;
}

/** The stages of a pack as its default answers shape them (which checks are on). */
function packStages(pack: Pack): Stage[] | undefined {
  const stages = pack.schedule?.stages;
  return stages ? bindStages(stages, presetAnswers(pack, [], { defaults: true }).answers) : undefined;
}

function number(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (v.trim() === "" || !Number.isFinite(n)) {
    throw new UsageError(msg(`${flag} には数値を指定してください (指定値: ${v})`, `${flag} takes a number (got ${v})`));
  }
  return n;
}

export async function runSchedule(ctx: Ctx, flags: ScheduleFlags): Promise<number> {
  const lang = outputLang(ctx);
  if (flags.calendar !== undefined && flags.calendar !== "jp" && flags.calendar !== "none") {
    throw new UsageError(
      msg(`--calendar には jp か none を指定してください (指定値: ${flags.calendar})`, `--calendar takes jp or none (got ${flags.calendar})`),
    );
  }
  if (flags.dueMeans !== undefined && flags.dueMeans !== "final" && flags.dueMeans !== "first_draft") {
    throw new UsageError(
      msg(
        `--due-means には final か first_draft を指定してください (指定値: ${flags.dueMeans})`,
        `--due-means takes final or first_draft (got ${flags.dueMeans})`,
      ),
    );
  }
  const calendarId = (flags.calendar ?? (lang === "ja" ? "jp" : "none")) as "jp" | "none";
  const pack = flags.pack ? findPack(flags.pack, ctx.lookup).pack : undefined;
  const stages = pack ? packStages(pack) : undefined;
  const draftShare = number("--draft-share", flags.draftShare);
  const checkinEvery = number("--checkin-every", flags.checkinEvery);
  const input: PlanInput = {
    start: flags.start ?? ctx.today(),
    due: flags.due ?? "",
    dueMeans: (flags.dueMeans ?? "final") as PlanInput["dueMeans"],
    revisionRounds: number("--revisions", flags.revisions) ?? 0,
    reviewDays: number("--review-days", flags.reviewDays) ?? 3,
    effortHours: number("--effort", flags.effort) ?? 0,
    hoursPerDay: number("--hours-per-day", flags.hoursPerDay) ?? 0,
    workdays: flags.workdays ?? "mon-fri",
    calendar: calendarId,
    ...(draftShare !== undefined ? { draftShare } : {}),
    ...(checkinEvery !== undefined ? { checkinEvery } : {}),
    ...(flags.platform ? { platform: flags.platform } : {}),
    ...(stages ? { stages } : {}),
  };
  const calendar = await loadCalendar(calendarId, ctx.root);
  const env = { calendar, platforms: readPlatforms(ctx.root) };
  const problems = validatePlanInput(input, env);
  if (problems.length > 0) {
    throw new UsageError(
      msg(`スケジュールの入力に ${problems.length} 件の問題があります`, `${count(problems.length, "problem")} with the schedule input`),
      problems.map((p) => p.message),
    );
  }
  const plan = planSchedule(input, env);
  if (flags.json) {
    ctx.out.json(plan);
    return 0;
  }
  const c = ctx.out.color;
  const paint: Record<TimelineColorKind, (s: string) => string> = {
    heading: c.bold,
    muted: c.dim,
    workday: (s) => s,
    offday: c.dim,
    holiday: c.red,
    review: c.cyan,
    checkin: c.blue,
    worker: c.green,
    client: c.magenta,
    platform: c.yellow,
    ok: c.green,
    tight: c.yellow,
    late: c.red.bold,
  };
  const terms = pack?.schedule?.terms ?? {};
  ctx.out.out(renderTimeline(plan, { lang, calendar, terms, color: (kind, text) => paint[kind](text) }).join("\n"));
  return 0;
}

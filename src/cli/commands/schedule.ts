/**
 * `kikitori schedule [answers]`: the planner on its own, as a terminal timeline or JSON. With
 * an answers file it plans from the file's pack and answers, anchored as `render` and every
 * `message` are (so the same hearing gives the same plan on any day); the flags override.
 */
import { DataError, UsageError } from "../../errors.ts";
import { count, msg } from "../../i18n.ts";
import { checkedAnswers } from "../../render/render.ts";
import { bindPlanInput } from "../../schedule/binding.ts";
import { type PlanInput, planSchedule, renderTimeline, type TimelineColorKind, validatePlanInput } from "../../schedule/index.ts";
import { packForAnswers, readAnswersArg } from "../answers-input.ts";
import { type Ctx, outputLang } from "../context.ts";
import { loadCalendar, readPlatforms } from "../planning.ts";
import { checkPlatformFlag } from "../platforms.ts";

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
  pack?: string;
  json?: boolean;
}

function number(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (v.trim() === "" || !Number.isFinite(n)) {
    throw new UsageError(msg(`${flag} には数値を指定してください (指定値: ${v})`, `${flag} takes a number (got ${v})`));
  }
  return n;
}

export async function runSchedule(ctx: Ctx, flags: ScheduleFlags, answersArg?: string): Promise<number> {
  const fromFile = answersArg === undefined ? undefined : await planFromFile(ctx, answersArg, flags);
  const lang = outputLang(ctx, fromFile?.lang);
  if (flags.platform !== undefined) checkPlatformFlag(ctx, flags.platform);
  if (!fromFile) requireFlags(flags);
  const input = planInput(ctx, flags, fromFile?.input, lang);
  const calendarId = input.calendar;
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
  ctx.out.out(renderTimeline(plan, { lang, calendar, color: (kind, text) => paint[kind](text) }).join("\n"));
  return 0;
}

/** Without an answers file the plan needs --due, --effort and --hours-per-day (exit 2). */
function requireFlags(flags: ScheduleFlags): void {
  const missing = (
    [
      ["--due", flags.due],
      ["--effort", flags.effort],
      ["--hours-per-day", flags.hoursPerDay],
    ] as const
  ).filter(([, v]) => v === undefined);
  if (missing.length === 0) return;
  const names = missing.map(([n]) => n).join(", ");
  throw new UsageError(msg(`${names} を指定してください (または回答ファイルを渡してください)`, `give ${names} (or an answers file to plan from)`), [
    msg("例: kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4", "e.g. kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4"),
  ]);
}

/** The planner's input: each flag given, else what the answers file says, else the planner's default. */
function planInput(ctx: Ctx, flags: ScheduleFlags, base: Partial<PlanInput> | undefined, lang: "ja" | "en"): PlanInput {
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
  const draftShare = number("--draft-share", flags.draftShare) ?? base?.draftShare;
  const checkinEvery = number("--checkin-every", flags.checkinEvery) ?? base?.checkinEvery;
  const platform = flags.platform ?? base?.platform;
  return {
    ...base,
    start: flags.start ?? base?.start ?? ctx.today(),
    due: flags.due ?? base?.due ?? "",
    dueMeans: (flags.dueMeans ?? base?.dueMeans ?? "final") as PlanInput["dueMeans"],
    revisionRounds: number("--revisions", flags.revisions) ?? base?.revisionRounds ?? 0,
    reviewDays: number("--review-days", flags.reviewDays) ?? base?.reviewDays ?? 3,
    effortHours: number("--effort", flags.effort) ?? base?.effortHours ?? 0,
    hoursPerDay: number("--hours-per-day", flags.hoursPerDay) ?? base?.hoursPerDay ?? 0,
    workdays: flags.workdays ?? base?.workdays ?? "mon-fri",
    calendar: (flags.calendar ?? base?.calendar ?? (lang === "ja" ? "jp" : "none")) as "jp" | "none",
    ...(draftShare !== undefined ? { draftShare } : {}),
    ...(checkinEvery !== undefined ? { checkinEvery } : {}),
    ...(platform ? { platform } : {}),
  };
}

/**
 * The plan input an answers file gives: its pack's binding read on its answers, anchored in
 * the file. An input neither the file nor a flag gives is reported (65) with its question.
 */
async function planFromFile(ctx: Ctx, arg: string, flags: ScheduleFlags): Promise<{ input: Partial<PlanInput>; lang?: "ja" | "en" }> {
  const read = await readAnswersArg(ctx, arg);
  const loaded = packForAnswers(ctx, read, flags.pack);
  const { answers } = checkedAnswers(loaded.pack, read);
  const bound = bindPlanInput(loaded.pack, answers, read.file.meta);
  if (!bound) {
    throw new DataError(msg(`パック ${loaded.pack.id} には納期の計画 (schedule:) がありません`, `pack ${loaded.pack.id} binds no deadline plan (schedule:)`), [
      { file: read.name, message: msg("--due, --effort, --hours-per-day で計画できます", "plan it with --due, --effort and --hours-per-day instead") },
    ]);
  }
  const flagOf: Record<string, [string, string | undefined]> = {
    start: ["--start", flags.start],
    due: ["--due", flags.due],
    effort_hours: ["--effort", flags.effort],
    hours_per_day: ["--hours-per-day", flags.hoursPerDay],
  };
  const unfilled = bound.missing.filter((m) => flagOf[m.key]?.[1] === undefined);
  if (unfilled.length > 0) {
    throw new DataError(
      msg(
        `${read.name}: 計画に必要な回答が ${unfilled.length} 件ありません`,
        `${read.name}: ${unfilled.length} answer${unfilled.length === 1 ? "" : "s"} the plan needs ${unfilled.length === 1 ? "is" : "are"} missing`,
      ),
      unfilled.map((m) => ({
        file: read.name,
        path: m.question ?? m.key,
        message: m.question
          ? msg(`${m.question}: 回答がありません (schedule.${m.key})`, `${m.question}: not answered (schedule.${m.key})`)
          : msg(`schedule.${m.key} の値がありません`, `schedule.${m.key} has no value`),
        fix: msg(`回答するか、${flagOf[m.key]?.[0] ?? "--" + m.key} で指定してください`, `answer it, or give ${flagOf[m.key]?.[0] ?? "--" + m.key}`),
      })),
    );
  }
  return { input: bound.known, ...(read.file.lang ? { lang: read.file.lang } : {}) };
}

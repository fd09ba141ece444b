/**
 * `kikitori log <answers> [--hours H] [--done P%] [--note T] [--date D] [--sent KIND]`:
 * appends one entry to the job's `progress:` log (the file is edited in place, comments
 * kept, written atomically); with no option, prints the log.
 */
import * as path from "node:path";
import { amendAnswersText } from "../../answers/amend.ts";
import { parseAnswersText, type ReadAnswers } from "../../answers/io.ts";
import { type ProgressEntry, SENT_KINDS, type SentKind } from "../../answers/types.ts";
import { formatShortDate } from "../../date-format.ts";
import { KikitoriError, UsageError } from "../../errors.ts";
import { LIMITS, readTextFile } from "../../files.ts";
import { type Lang, msg } from "../../i18n.ts";
import { readHours, readLogDate, readPercent, renderLog } from "../../jobs/entry.ts";
import { buildJob } from "../../jobs/job.ts";
import { assessJob, type JobState } from "../../jobs/state.ts";
import { hoursText, stepLabel, VERDICT } from "../../jobs/words.ts";
import { findPack } from "../../pack/lookup.ts";
import { writeFileAtomic } from "../../write-file.ts";
import type { Ctx } from "../context.ts";
import { planningEnv } from "../planning.ts";

export interface LogFlags {
  hours?: string;
  done?: string;
  note?: string;
  date?: string;
  sent?: string;
  json?: boolean;
}

export async function runLog(ctx: Ctx, fileArg: string, flags: LogFlags): Promise<number> {
  const file = path.resolve(ctx.io.cwd, fileArg);
  const today = ctx.today();
  const adding = flags.hours !== undefined || flags.done !== undefined || flags.note !== undefined || flags.sent !== undefined;
  const entry = adding ? entryOf(flags, today) : undefined;
  if (!adding && flags.date !== undefined) {
    throw new UsageError(
      msg(
        "--date だけでは記録できません: --hours, --done, --note, --sent のいずれかを付けてください",
        "--date alone logs nothing: add --hours, --done, --note or --sent",
      ),
    );
  }
  const text = readTextFile(file, LIMITS.answersBytes, fileArg);
  const read = parseAnswersText(text, fileArg);
  if (!entry) {
    const state = await stateOf(ctx, read, today);
    const entries = read.file.progress ?? [];
    if (flags.json) {
      ctx.out.json({
        file: fileArg,
        progress: entries,
        loggedHours: state?.log.hours ?? entries.reduce((h, e) => h + (e.hours ?? 0), 0),
        estimateHours: state?.forecast?.estimateHours ?? null,
        percentDone: state?.forecast?.percent ?? null,
      });
    } else ctx.out.out(renderLog(entries, ctx.lang, state ? summary(state, ctx.lang) : "").join("\n"));
    return 0;
  }
  const previous = [...(read.file.progress ?? [])].filter((e) => e.done !== undefined && e.date <= entry.date).pop();
  const updated = amendAnswersText(text, { progress: [entry], meta: { updated: ctx.now() } });
  // What is written must read back as a valid answers file with the entry in it.
  parseAnswersText(updated, fileArg);
  writeFileAtomic(file, updated, { force: true });
  const parts = [
    entry.date,
    entry.hours !== undefined ? hoursText(entry.hours, ctx.lang) : "",
    entry.done !== undefined ? `${entry.done}%` : "",
    entry.sent ? ctx.out.t(`送信: ${entry.sent}`, `sent: ${entry.sent}`) : "",
  ].filter(Boolean);
  ctx.out.info(ctx.out.t(`${fileArg} に記録しました: ${parts.join(" · ")}`, `logged in ${fileArg}: ${parts.join(" · ")}`));
  if (previous?.done !== undefined && entry.done !== undefined && entry.done < previous.done) {
    ctx.out.warn(
      ctx.out.t(
        `進捗が前回 (${previous.date}) の ${previous.done}% から下がっています。やり直しがあった場合はこのままで構いません`,
        `% done went down from ${previous.done}% (${previous.date}); fine if work had to be redone`,
      ),
    );
  }
  const state = await stateOf(ctx, parseAnswersText(updated, fileArg), today);
  if (state) ctx.out.info(summary(state, ctx.lang));
  return 0;
}

function entryOf(flags: LogFlags, today: string): ProgressEntry {
  const e: ProgressEntry = { date: today };
  if (flags.date !== undefined) {
    const d = readLogDate(flags.date, today);
    if (!d) {
      throw new UsageError(
        msg(
          `--date を日付として読めません: ${flags.date} (例: 2026-12-01, 12/1, yesterday)`,
          `--date is not a date: ${flags.date} (e.g. 2026-12-01, 12/1, yesterday)`,
        ),
      );
    }
    if (d > today) throw new UsageError(msg(`--date は今日 (${today}) 以前の日付にしてください`, `--date cannot be after today (${today}): log what was done`));
    e.date = d;
  }
  if (flags.hours !== undefined) {
    const h = readHours(flags.hours);
    if (h === undefined) {
      throw new UsageError(
        msg(
          `--hours は 0 より大きく 24 以下の時間です (例: 2, 1.5, 1h30m, 90m) (指定値: ${flags.hours})`,
          `--hours takes the day's hours, above 0 and at most 24 (e.g. 2, 1.5, 1h30m, 90m) (got ${flags.hours})`,
        ),
      );
    }
    e.hours = h;
  }
  if (flags.done !== undefined) {
    const p = readPercent(flags.done);
    if (p === undefined) {
      throw new UsageError(
        msg(
          `--done は全体の何%かを 0〜100 で指定します (例: 40, 40%) (指定値: ${flags.done})`,
          `--done takes the percent of the whole job done, 0 to 100 (e.g. 40 or 40%) (got ${flags.done})`,
        ),
      );
    }
    e.done = p;
  }
  if (flags.sent !== undefined) {
    if (!(SENT_KINDS as readonly string[]).includes(flags.sent)) {
      throw new UsageError(
        msg(`--sent は ${SENT_KINDS.join(", ")} のいずれかです (指定値: ${flags.sent})`, `--sent takes one of ${SENT_KINDS.join(", ")} (got ${flags.sent})`),
      );
    }
    e.sent = flags.sent as SentKind;
  }
  if (flags.note !== undefined) {
    const note = flags.note.trim();
    if (!note) throw new UsageError(msg("--note が空です", "--note is empty"));
    e.note = note;
  }
  return e;
}

/** The job as status sees it, for the summary line; undefined when its pack or plan is out of reach. */
async function stateOf(ctx: Ctx, read: ReadAnswers, today: string): Promise<JobState | undefined> {
  try {
    const pack = findPack(read.file.pack.id, ctx.lookup).pack;
    const planning = await planningEnv(ctx.root, pack.schedule !== undefined);
    return assessJob(buildJob({ file: read.name, data: read.file, pack, planning, uiLang: ctx.lang }), today);
  } catch (e) {
    if (e instanceof KikitoriError) return undefined;
    throw e;
  }
}

/** `14 h of 26 h · 40% done · next: First draft Fri, Dec 4, on track`. */
function summary(state: JobState, lang: Lang): string {
  const f = state.forecast;
  const ja = lang === "ja";
  if (!f) return ja ? `合計 ${hoursText(state.log.hours, "ja")}` : `total ${hoursText(state.log.hours, "en")}`;
  const parts = [
    ja
      ? `合計 ${hoursText(f.loggedHours, "ja")} / 見積 ${hoursText(f.estimateHours, "ja")}`
      : `${hoursText(f.loggedHours, "en")} of ${hoursText(f.estimateHours, "en")}`,
  ];
  if (f.percent !== undefined) parts.push(ja ? `進捗 ${f.percent}%` : `${f.percent}% done`);
  const next = f.milestones.find((m) => m.actor === "worker" && m.verdict !== "done");
  if (next?.verdict) {
    const label = stepLabel(next, lang, state.job.terms);
    const when = formatShortDate(next.date, lang);
    parts.push(ja ? `次: ${label} ${when} (${VERDICT[next.verdict].ja})` : `next: ${label} ${when}, ${VERDICT[next.verdict].en}`);
  }
  return parts.join(" · ");
}

/**
 * `kikitori message <confirm|progress|delay|delivery> <answers>`: follow-up messages from the
 * saved hearing and its plan, printed (or written with -o) ready to paste into the chat.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ReadAnswers } from "../../answers/io.ts";
import { NotFoundError, UsageError } from "../../errors.ts";
import { type Msg, msg } from "../../i18n.ts";
import { readDate } from "../../import/read-date.ts";
import { buildJob } from "../../jobs/job.ts";
import { summarizeLog } from "../../jobs/log.ts";
import { assessJob } from "../../jobs/state.ts";
import { buildDelayContext } from "../../messages/delay.ts";
import { buildDeliveryContext } from "../../messages/delivery.ts";
import { buildProgressContext, type FollowUpInput } from "../../messages/followup.ts";
import { buildTermsContext } from "../../messages/terms.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { checkedAnswers, renderAnswers, tidy } from "../../render/render.ts";
import type { PlanningEnv } from "../../render/schedule.ts";
import { templateStore } from "../../render/templates.ts";
import { packForAnswers, readAnswersArg } from "../answers-input.ts";
import { type Ctx, outputLang } from "../context.ts";
import { emitText } from "../emit.ts";
import { planningEnv } from "../planning.ts";

export const MESSAGE_KINDS = ["confirm", "progress", "delay", "delivery", "terms"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageFlags {
  pack?: string;
  output?: string;
  force?: boolean;
  percent?: string;
  done?: string[];
  next?: string[];
  newDue?: string;
  reason?: string;
  items?: string[];
  round?: string;
  final?: boolean;
  stage?: string;
  attach?: string;
}

/** Which flags belong to which kind: a flag given to the wrong kind is a mistake worth saying. */
const OWN: Record<string, [keyof MessageFlags, string][]> = {
  confirm: [["attach", "--attach"]],
  progress: [
    ["percent", "--percent"],
    ["done", "--done"],
    ["next", "--next"],
  ],
  delay: [
    ["newDue", "--new-due"],
    ["reason", "--reason"],
  ],
  delivery: [
    ["items", "--items"],
    ["round", "--round"],
    ["final", "--final"],
    ["stage", "--stage"],
  ],
};

export async function runMessage(ctx: Ctx, kind: string, answersArg: string, flags: MessageFlags): Promise<number> {
  if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(
      msg(
        `メッセージの種類は confirm, progress, delay, delivery, terms のいずれかです (指定値: ${kind})`,
        `the kind is one of confirm, progress, delay, delivery, terms (got ${kind})`,
      ),
    );
  }
  for (const [other, list] of Object.entries(OWN)) {
    if (other === kind) continue;
    for (const [key, name] of list) {
      if (flags[key] !== undefined)
        throw new UsageError(msg(`${name} は message ${other} 用のオプションです`, `${name} belongs to message ${other}, not ${kind}`));
    }
  }
  const read = await readAnswersArg(ctx, answersArg);
  const loaded = packForAnswers(ctx, read, flags.pack);
  const lang = outputLang(ctx, read.file.lang);
  const today = ctx.today();
  const store = templateStore(ctx.templatesDir);
  const planning = await planningEnv(ctx.root, loaded.pack.schedule !== undefined);
  let text: string;
  let warnings: Msg[] = [];
  if (kind === "confirm") {
    const rendered = renderAnswers(loaded, read, { lang, today, store, planning });
    text = flags.attach
      ? tidy(store.get("message-confirm", lang, loaded)({ ...rendered.context, attachment: attachment(ctx, flags.attach) }))
      : rendered.message;
  } else {
    const input: FollowUpInput = { pack: loaded.pack, file: read.file, answers: checkedAnswers(loaded.pack, read).answers, lang, today, planning };
    let context: object;
    if (kind === "progress") {
      // Without --percent, the figure the worker last logged (kikitori log --done).
      const logged = summarizeLog(read.file.progress, today).done?.percent;
      context = buildProgressContext(input, progressFlags(flags, logged));
    } else if (kind === "delay") {
      const r = buildDelayContext(input, delayFlags(flags, today, flags.newDue ? undefined : forecastNewDue(ctx, loaded, read, planning, today)));
      if (r.oldPlan && r.context.delay.newDue <= r.oldPlan.due) {
        throw new UsageError(
          msg(
            `--new-due (${r.context.delay.newDue}) は今の納期 ${r.oldPlan.due} より後の日付にしてください`,
            `--new-due (${r.context.delay.newDue}) must be later than the current due date, ${r.oldPlan.due}`,
          ),
        );
      }
      context = r.context;
      warnings = r.warnings;
    } else if (kind === "terms") {
      const r = buildTermsContext(input);
      context = r.context;
      warnings = r.warnings;
    } else {
      const r = buildDeliveryContext(input, deliveryFlags(flags));
      context = r.context;
      warnings = r.warnings;
    }
    text = tidy(store.get(`message-${kind as Exclude<MessageKind, "confirm">}`, lang, loaded)(context));
  }
  emitText(ctx, text, flags);
  for (const w of warnings) ctx.out.warn(w[ctx.lang]);
  return 0;
}

/** The name of the picture sent with the confirmation: it must exist, or the message would promise a file that is not there. */
function attachment(ctx: Ctx, file: string): string {
  if (!fs.existsSync(path.resolve(ctx.io.cwd, file))) {
    throw new NotFoundError(
      msg(
        `添付するファイル ${file} が見つかりません。先に kikitori timeline <回答ファイル> -o ${file} で作成してください`,
        `the attachment ${file} does not exist: make it first with kikitori timeline <answers> -o ${file}`,
      ),
    );
  }
  return path.basename(file);
}

function progressFlags(flags: MessageFlags, logged: number | undefined) {
  const done = (flags.done ?? []).map((s) => s.trim()).filter(Boolean);
  const next = (flags.next ?? []).map((s) => s.trim()).filter(Boolean);
  let percent: number | undefined = logged;
  if (flags.percent !== undefined) {
    percent = Number(flags.percent.replace(/%$/, ""));
    if (flags.percent.trim() === "" || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw new UsageError(
        msg(`--percent は 0〜100 の数にしてください (指定値: ${flags.percent})`, `--percent takes a number from 0 to 100 (got ${flags.percent})`),
      );
    }
  }
  if (percent === undefined && done.length === 0 && next.length === 0) {
    throw new UsageError(
      msg(
        "報告する内容を指定してください: --percent, --done, --next のいずれか (例: --percent 60 --done ラフ3案 --next 清書)。kikitori log --done で記録した進捗があれば、それを使います",
        'say what to report: --percent, --done or --next (e.g. --percent 60 --done "3 rough sketches" --next "clean line art"); a % done logged with kikitori log --done is used when there is one',
      ),
    );
  }
  return { ...(percent !== undefined ? { percent } : {}), done, next };
}

function delayFlags(flags: MessageFlags, today: string, forecast: string | undefined) {
  const newDue = flags.newDue ?? forecast;
  if (!newDue)
    throw new UsageError(
      msg(
        "--new-due で新しい納期を指定してください (例: --new-due 2026-12-18)。作業記録 (kikitori log) から納期に間に合わない見込みが出ているときは、その日付を使います",
        "give the new due date with --new-due (e.g. --new-due 2026-12-18); when the work log forecasts a miss, that date is used",
      ),
    );
  const reason = flags.reason?.trim();
  if (!reason)
    throw new UsageError(
      msg(
        "--reason で遅れる理由を書いてください。理由のないお詫びは誠実に伝わりません",
        "give the reason with --reason: an apology without one does not read as sincere",
      ),
    );
  const r = readDate(newDue, today);
  if (r.kind !== "value" || typeof r.value !== "string") {
    throw new UsageError(msg(`--new-due の日付を読めません: ${newDue} (例: 2026-12-18)`, `--new-due is not a date: ${newDue} (e.g. 2026-12-18)`));
  }
  if (r.value <= today) {
    throw new UsageError(msg(`--new-due は今日 (${today}) より後の日付にしてください`, `--new-due must be after today (${today})`));
  }
  return { newDue: r.value, reason };
}

/** The new due date the work log forecasts (kikitori status), said on stderr when it is used. */
function forecastNewDue(ctx: Ctx, loaded: LoadedPack, read: ReadAnswers, planning: PlanningEnv, today: string): string | undefined {
  if (!read.file.progress?.length) return undefined;
  const job = buildJob({ file: read.name, data: read.file, pack: loaded.pack, planning, uiLang: ctx.lang });
  const newDue = assessJob(job, today).forecast?.warn?.newDue;
  if (newDue) ctx.out.info(ctx.out.t(`作業記録からの見込みにより、新しい納期を ${newDue} としました`, `new due date ${newDue}, from the work log's forecast`));
  return newDue;
}

function deliveryFlags(flags: MessageFlags) {
  let round: number | undefined;
  if (flags.round !== undefined) {
    round = Number(flags.round);
    if (!/^\d+$/.test(flags.round.trim()) || !Number.isInteger(round)) {
      throw new UsageError(
        msg(
          `--round は 0 以上の整数にしてください (0 = 初稿) (指定値: ${flags.round})`,
          `--round takes a whole number, 0 for the first draft (got ${flags.round})`,
        ),
      );
    }
  }
  if (flags.stage !== undefined && (round !== undefined || flags.final)) {
    throw new UsageError(
      msg(
        "--stage は --round や --final と一緒には使えません (段階の納品か、修正回の納品かのどちらかです)",
        "--stage cannot go with --round or --final: a delivery is a stage's or a revision round's",
      ),
    );
  }
  const items = (flags.items ?? []).map((s) => s.trim()).filter(Boolean);
  return {
    items,
    ...(round !== undefined ? { round } : {}),
    ...(flags.final ? { final: true } : {}),
    ...(flags.stage !== undefined ? { stage: flags.stage.trim() } : {}),
  };
}

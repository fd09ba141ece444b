/**
 * `kikitori message <kind> <answers>`: follow-up messages from the saved hearing and its plan,
 * printed (or written with -o) ready to paste into the chat; `--json` gives the text with the
 * plan's verdict for scripts. The worker learns on stderr, never in the message, when the plan
 * is tight or late.
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
import { buildDeclineContext } from "../../messages/decline.ts";
import { buildDelayContext } from "../../messages/delay.ts";
import { buildDeliveryContext } from "../../messages/delivery.ts";
import { buildProgressContext, type FollowUpInput } from "../../messages/followup.ts";
import { buildTermsContext } from "../../messages/terms.ts";
import { buildThanksContext } from "../../messages/thanks.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { checkedAnswers, renderAnswers, tidy } from "../../render/render.ts";
import type { PlanningEnv } from "../../render/schedule.ts";
import { templateStore } from "../../render/templates.ts";
import { type VerdictEffect, verdictData } from "../../render/verdict.ts";
import type { Plan } from "../../schedule/index.ts";
import { packForAnswers, readAnswersArg } from "../answers-input.ts";
import { type Ctx, outputLang } from "../context.ts";
import { emitText } from "../emit.ts";
import { showVerdict } from "../outputs.ts";
import { planningEnv } from "../planning.ts";
import { voiceFor } from "../settings.ts";

export const MESSAGE_KINDS = ["confirm", "progress", "delay", "delivery", "decline", "thanks", "terms"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageFlags {
  pack?: string;
  output?: string;
  force?: boolean;
  from?: string;
  formal?: boolean;
  json?: boolean;
  percent?: string;
  done?: string[];
  next?: string[];
  newDue?: string;
  reason?: string;
  time?: string;
  items?: string[];
  round?: string;
  final?: boolean;
  request?: string;
  alternative?: string;
  stage?: string;
  attach?: string;
}

/** The flags of each kind (beyond the common ones): a flag given to a kind that has no use for it is a mistake worth saying. */
const KIND_FLAGS: Record<MessageKind, (keyof MessageFlags)[]> = {
  confirm: ["attach"],
  progress: ["percent", "done", "next"],
  delay: ["newDue", "reason", "round", "percent", "done", "time"],
  delivery: ["items", "round", "final", "stage"],
  decline: ["request", "reason", "alternative"],
  thanks: ["items"],
  terms: [],
};
const FLAG_NAMES: Partial<Record<keyof MessageFlags, string>> = {
  percent: "--percent",
  done: "--done",
  next: "--next",
  newDue: "--new-due",
  reason: "--reason",
  time: "--time",
  items: "--items",
  round: "--round",
  final: "--final",
  request: "--request",
  alternative: "--alternative",
  stage: "--stage",
  attach: "--attach",
};

export async function runMessage(ctx: Ctx, kindArg: string, answersArg: string, flags: MessageFlags): Promise<number> {
  if (!(MESSAGE_KINDS as readonly string[]).includes(kindArg)) {
    throw new UsageError(
      msg(
        `メッセージの種類は ${MESSAGE_KINDS.join(", ")} のいずれかです (指定値: ${kindArg})`,
        `the kind is one of ${MESSAGE_KINDS.join(", ")} (got ${kindArg})`,
      ),
    );
  }
  const kind = kindArg as MessageKind;
  refuseOtherKindsFlags(kind, flags);
  const read = await readAnswersArg(ctx, answersArg);
  const loaded = packForAnswers(ctx, read, flags.pack);
  const lang = outputLang(ctx, read.file.lang);
  const today = ctx.today();
  const store = templateStore(ctx.templatesDir);
  const planning = await planningEnv(ctx.root, loaded.pack.schedule !== undefined);
  const voice = voiceFor(ctx, lang, { ...(flags.from !== undefined ? { from: flags.from } : {}), ...(flags.formal ? { formal: true } : {}) });
  let text: string;
  let warnings: Msg[] = [];
  let plan: Plan | undefined;
  let effect: VerdictEffect = "none";
  if (kind === "confirm") {
    const r = renderAnswers(loaded, read, { lang, today, store, planning, voice });
    text = flags.attach ? tidy(store.get("message-confirm", lang, loaded)({ ...r.context, attachment: attachment(ctx, flags.attach) })) : r.message;
    plan = r.plan;
    effect = r.context.counter ? "counter" : "keeps";
  } else {
    const input: FollowUpInput = { pack: loaded.pack, file: read.file, answers: checkedAnswers(loaded.pack, read).answers, lang, today, planning, voice };
    let context: object;
    if (kind === "progress") {
      // Without --percent, the figure the worker last logged (kikitori log --done).
      const logged = summarizeLog(read.file.progress, today).done?.percent;
      const r = buildProgressContext(input, progressFlags(flags, logged));
      context = r;
      plan = (r.schedule as { plan?: Plan } | null)?.plan;
    } else if (kind === "delay") {
      const d = delayFlags(flags, today, flags.newDue ? undefined : forecastNewDue(ctx, loaded, read, planning, today));
      const r = buildDelayContext(input, d);
      if (r.mustFollow && d.newDue <= r.mustFollow) {
        throw new UsageError(
          msg(
            `--new-due (${d.newDue}) は今の納期 ${r.mustFollow} より後の日付にしてください`,
            `--new-due (${d.newDue}) must be later than the current due date, ${r.mustFollow}`,
          ),
        );
      }
      context = r.context;
      warnings = r.warnings;
      plan = r.newPlan;
      effect = "keeps";
    } else if (kind === "terms") {
      const r = buildTermsContext(input);
      context = r.context;
      warnings = r.warnings;
      effect = "keeps";
    } else if (kind === "delivery") {
      const r = buildDeliveryContext(input, deliveryFlags(flags));
      context = r.context;
      warnings = r.warnings;
      plan = r.plan;
    } else if (kind === "decline") {
      context = buildDeclineContext(input, declineFlags(flags));
    } else {
      context = buildThanksContext(input, { items: trimmed(flags.items) });
    }
    if (plan === undefined && kind !== "delay") plan = ((context as { schedule?: { plan?: Plan } | null }).schedule ?? undefined)?.plan;
    text = tidy(store.get(`message-${kind}`, lang, loaded)(context));
  }
  if (flags.json) {
    ctx.out.json({ kind, lang, verdict: plan ? verdictData(plan) : null, warnings: warnings.map((w) => w[ctx.lang]), text });
    if (flags.output && flags.output !== "-") emitText(ctx, text, flags, { inputs: [answersArg, loaded.file] });
  } else emitText(ctx, text, flags, { inputs: [answersArg, loaded.file] });
  showVerdict(ctx, read.name, plan, loaded.pack, effect);
  for (const w of warnings) ctx.out.warn(w[ctx.lang]);
  return 0;
}

/** A flag given to a kind that has no use for it is a mistake worth saying. */
function refuseOtherKindsFlags(kind: MessageKind, flags: MessageFlags): void {
  for (const [key, name] of Object.entries(FLAG_NAMES) as [keyof MessageFlags, string][]) {
    if (flags[key] === undefined || KIND_FLAGS[kind].includes(key)) continue;
    const owners = MESSAGE_KINDS.filter((k) => KIND_FLAGS[k].includes(key)).join(", ");
    throw new UsageError(msg(`${name} は message ${owners} 用のオプションです`, `${name} belongs to message ${owners}, not ${kind}`));
  }
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

const trimmed = (list: string[] | undefined) => (list ?? []).map((s) => s.trim()).filter(Boolean);

function parsePercent(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(/%$/, ""));
  if (v.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new UsageError(msg(`--percent は 0〜100 の数にしてください (指定値: ${v})`, `--percent takes a number from 0 to 100 (got ${v})`));
  }
  return n;
}

function progressFlags(flags: MessageFlags, logged: number | undefined) {
  const done = trimmed(flags.done);
  const next = trimmed(flags.next);
  const percent = parsePercent(flags.percent) ?? logged;
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
        "--reason で遅れる理由を、責任の所在がわかる一文で書いてください (例: 「私の見積もりが甘く、仕上げに想定以上の時間がかかっているためです」)",
        'give the reason with --reason, one sentence that takes responsibility (e.g. "I underestimated the finishing work, and it is taking longer than I planned")',
      ),
    );
  const r = readDate(newDue, today);
  if (r.kind !== "value" || typeof r.value !== "string") {
    throw new UsageError(msg(`--new-due の日付を読めません: ${newDue} (例: 2026-12-18)`, `--new-due is not a date: ${newDue} (e.g. 2026-12-18)`));
  }
  if (r.value <= today) {
    throw new UsageError(msg(`--new-due は今日 (${today}) より後の日付にしてください`, `--new-due must be after today (${today})`));
  }
  const time = flags.time?.trim();
  if (time !== undefined && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    throw new UsageError(
      msg(`--time は 18:00 のような時刻にしてください (指定値: ${flags.time})`, `--time takes a time of day like 18:00 (got ${flags.time})`),
    );
  }
  const round = parseRound(flags.round);
  const percent = parsePercent(flags.percent);
  return {
    newDue: r.value,
    reason,
    done: trimmed(flags.done),
    ...(time ? { time } : {}),
    ...(round !== undefined ? { round } : {}),
    ...(percent !== undefined ? { percent } : {}),
  };
}

function parseRound(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim())) {
    throw new UsageError(
      msg(`--round は 0 以上の整数にしてください (0 = 初稿) (指定値: ${v})`, `--round takes a whole number, 0 for the first draft (got ${v})`),
    );
  }
  return Number(v);
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
  const round = parseRound(flags.round);
  if (flags.stage !== undefined && (round !== undefined || flags.final)) {
    throw new UsageError(
      msg(
        "--stage は --round や --final と一緒には使えません (段階の納品か、修正回の納品かのどちらかです)",
        "--stage cannot go with --round or --final: a delivery is a stage's or a revision round's",
      ),
    );
  }
  return {
    items: trimmed(flags.items),
    ...(round !== undefined ? { round } : {}),
    ...(flags.final ? { final: true } : {}),
    ...(flags.stage !== undefined ? { stage: flags.stage.trim() } : {}),
  };
}

function declineFlags(flags: MessageFlags) {
  const pick = (v: string | undefined) => (v?.trim() ? { value: v.trim() } : undefined);
  const request = pick(flags.request);
  const reason = pick(flags.reason);
  const alternative = pick(flags.alternative);
  return {
    ...(request ? { request: request.value } : {}),
    ...(reason ? { reason: reason.value } : {}),
    ...(alternative ? { alternative: alternative.value } : {}),
  };
}

/**
 * `kikitori message <confirm|progress|delay|delivery> <answers>`: follow-up messages from the
 * saved hearing and its plan, printed (or written with -o) ready to paste into the chat.
 */
import { UsageError } from "../../errors.ts";
import { type Msg, msg } from "../../i18n.ts";
import { readDate } from "../../import/read-date.ts";
import { buildDelayContext } from "../../messages/delay.ts";
import { buildDeliveryContext } from "../../messages/delivery.ts";
import { buildProgressContext, type FollowUpInput } from "../../messages/followup.ts";
import { buildTermsContext } from "../../messages/terms.ts";
import { checkedAnswers, renderAnswers, tidy } from "../../render/render.ts";
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
}

/** Which flags belong to which kind: a flag given to the wrong kind is a mistake worth saying. */
const OWN: Record<string, [keyof MessageFlags, string][]> = {
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
    text = renderAnswers(loaded, read, { lang, today, store, planning }).message;
  } else {
    const input: FollowUpInput = { pack: loaded.pack, file: read.file, answers: checkedAnswers(loaded.pack, read).answers, lang, today, planning };
    let context: object;
    if (kind === "progress") {
      context = buildProgressContext(input, progressFlags(flags));
    } else if (kind === "delay") {
      const r = buildDelayContext(input, delayFlags(flags, today));
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
  emitText(ctx, text, flags, { inputs: [answersArg, loaded.file] });
  for (const w of warnings) ctx.out.warn(w[ctx.lang]);
  return 0;
}

function progressFlags(flags: MessageFlags) {
  const done = (flags.done ?? []).map((s) => s.trim()).filter(Boolean);
  const next = (flags.next ?? []).map((s) => s.trim()).filter(Boolean);
  let percent: number | undefined;
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
        "報告する内容を指定してください: --percent, --done, --next のいずれか (例: --percent 60 --done ラフ3案 --next 清書)",
        'say what to report: --percent, --done or --next (e.g. --percent 60 --done "3 rough sketches" --next "clean line art")',
      ),
    );
  }
  return { ...(percent !== undefined ? { percent } : {}), done, next };
}

function delayFlags(flags: MessageFlags, today: string) {
  if (!flags.newDue)
    throw new UsageError(
      msg("--new-due で新しい納期を指定してください (例: --new-due 2026-12-18)", "give the new due date with --new-due (e.g. --new-due 2026-12-18)"),
    );
  const reason = flags.reason?.trim();
  if (!reason)
    throw new UsageError(
      msg(
        "--reason で遅れる理由を書いてください。理由のないお詫びは誠実に伝わりません",
        "give the reason with --reason: an apology without one does not read as sincere",
      ),
    );
  const r = readDate(flags.newDue, today);
  if (r.kind !== "value" || typeof r.value !== "string") {
    throw new UsageError(msg(`--new-due の日付を読めません: ${flags.newDue} (例: 2026-12-18)`, `--new-due is not a date: ${flags.newDue} (e.g. 2026-12-18)`));
  }
  if (r.value <= today) {
    throw new UsageError(msg(`--new-due は今日 (${today}) より後の日付にしてください`, `--new-due must be after today (${today})`));
  }
  return { newDue: r.value, reason };
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
  const items = (flags.items ?? []).map((s) => s.trim()).filter(Boolean);
  return { items, ...(round !== undefined ? { round } : {}), ...(flags.final ? { final: true } : {}) };
}

/**
 * The order time (`meta.ordered`) at the edges that create answers files: `--ordered` read,
 * asked once after a hearing on a platform with a first-reply window (default: now), and
 * the hours left in that window said on stderr while it is open.
 */
import type { Answers, Meta } from "../answers/types.ts";
import { formatShortDate, parseTimestamp } from "../date-format.ts";
import { UsageError } from "../errors.ts";
import { msg } from "../i18n.ts";
import { firstReplyOf, readOrderedText, stamp } from "../jobs/anchor.ts";
import type { Pack } from "../pack/types.ts";
import { bindPlanInput } from "../schedule/binding.ts";
import type { PlatformProfile } from "../schedule/index.ts";
import { type Ctx, clock } from "./context.ts";
import { readPlatforms } from "./planning.ts";
import type { Session } from "./session.ts";

/** `--ordered` as an ISO date-time with offset; a usage error (2) when it cannot be read. */
export function orderedFlag(ctx: Ctx, text: string): string {
  const { now, offset } = clock(ctx);
  const r = readOrderedText(text, new Date(now), offset);
  if ("value" in r) return r.value;
  throw new UsageError(
    r.error === "date-only"
      ? msg(
          `--ordered に時刻がありません: ${text} (受付からの時間を数えるため、例: 2026-11-23T10:00 か "2026-11-23 10:00")`,
          `--ordered needs the time too: ${text} (windows count in hours; e.g. 2026-11-23T10:00 or "2026-11-23 10:00")`,
        )
      : msg(
          `--ordered を日時として読めません: ${text} (例: 2026-11-23T10:00+09:00、"2026-11-23 10:00"、now)`,
          `--ordered is not a date and time: ${text} (e.g. 2026-11-23T10:00+09:00, "2026-11-23 10:00" or now)`,
        ),
  );
}

/** The job's platform when it has a first-reply window counted from the order. */
export function replyWindowPlatform(ctx: Ctx, pack: Pack, answers: Answers, meta: Meta): PlatformProfile | undefined {
  const id = bindPlanInput(pack, answers, meta)?.input?.platform ?? meta.platform;
  const profile = readPlatforms(ctx.root).find((p) => p.id === id);
  return profile?.rules.some((r) => r.kind === "first_reply" && r.from === "order" && r.days !== undefined) ? profile : undefined;
}

/** Asks when the client ordered; Enter takes now. An interruption propagates (the caller says how to resume). */
export async function askOrdered(ctx: Ctx, session: Session, lang: "ja" | "en", platform: PlatformProfile): Promise<string | undefined> {
  const { now: ms, offset } = clock(ctx);
  const now = new Date(ms);
  const initial = stamp(ms, offset).slice(0, 16).replace("T", " ");
  const read = (raw: unknown) => (typeof raw === "string" && raw.trim() ? readOrderedText(raw, now, offset) : { value: stamp(ms, offset) });
  const hours = (platform.rules.find((r) => r.kind === "first_reply")?.days ?? 0) * 24;
  const reply = await session.prompter.ask({
    kind: "meta",
    id: "meta.ordered",
    type: "text",
    lang,
    frame: { title: platform.name[lang], section: 1, sections: 1, sectionTitle: lang === "ja" ? "案件について" : "About the job", question: 1, questions: 1 },
    message: lang === "ja" ? "ご注文 (購入) の日時は？" : "When did the client order?",
    help:
      lang === "ja"
        ? `${platform.name.ja}では、注文から ${hours} 時間以内に返信しないと取引がキャンセルされることがあります。その期限を計画に入れるためです。`
        : `On ${platform.name.en}, an order can be cancelled when the seller does not reply within ${hours} hours of it: the plan counts that window from this time.`,
    examples: ["2026-11-23 10:00", "2026-11-23T10:00+09:00"],
    required: false,
    canPending: false,
    initial,
    validate: (raw) => {
      const r = read(raw);
      if ("value" in r) return undefined;
      return lang === "ja" ? "日付と時刻を 2026-11-23 10:00 の形で入力してください" : "type the date and time as 2026-11-23 10:00";
    },
  });
  if (reply.type !== "answer") return undefined;
  const r = read(reply.value);
  return "value" in r ? r.value : undefined;
}

/** While the first-reply window is open: when it closes and how many hours are left, on stderr. */
export function noteFirstReply(ctx: Ctx, platform: PlatformProfile | undefined, ordered: string | undefined): void {
  const window = firstReplyOf(ordered ? parseTimestamp(ordered) : undefined, platform);
  const { now } = clock(ctx);
  if (!window || now >= window.ms) return;
  const left = Math.floor((window.ms - now) / 3_600_000);
  const when = `${formatShortDate(window.date, ctx.lang)} ${window.time}`;
  ctx.out.info(
    ctx.out.t(
      `初回返信の期限 (${window.platform.name.ja}): ${when} まで、あと ${left} 時間。返信したら kikitori log <ファイル> --sent confirm で記録できます`,
      `first reply due (${window.platform.name.en}) by ${when}: ${left} h left. Once you replied, record it with kikitori log <file> --sent confirm`,
    ),
  );
}

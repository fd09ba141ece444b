/** `message`: the client messages written from the saved hearing and its plan. */
import { msg } from "../../i18n.ts";
import type { MessageFlags } from "../commands/message.ts";
import { command } from "../spec.ts";
import { FORCE_ONE, FORMAL, FROM, helping, OUTPUT, PACK } from "./options.ts";

export const MESSAGE = command({
  name: "message",
  summary: msg(
    "保存したヒアリングと計画から、クライアントへのメッセージを作ります: confirm, progress, delay, delivery, decline, thanks, terms",
    "write a client message from the saved hearing and its plan: confirm, progress, delay, delivery, decline, thanks or terms (the written terms)",
  ),
  args: [
    {
      name: "<kind>",
      help: msg(
        "confirm (内容確認) | progress (進捗報告) | delay (遅延のご相談) | delivery (納品) | decline (お断り) | thanks (お礼) | terms (取引条件の明示)",
        "confirm | progress | delay | delivery | decline | thanks | terms",
      ),
    },
    { name: "<answers>", help: msg("回答ファイル (- で標準入力)", "answers file (- for stdin)") },
  ],
  options: [
    helping(PACK, "使うパック (省略時は回答ファイルの pack.id)", "pack to use (default: the file's pack.id)"),
    FROM,
    FORMAL,
    { flags: "--json", help: msg("本文と計画の判定を JSON で出力します", "print the text and the plan's verdict as JSON") },
    { flags: "--percent <n>", help: msg("progress, delay: 全体の進み具合 (0〜100)", "progress, delay: how far along the work is (0-100)") },
    {
      flags: "--done <text>",
      help: msg("progress, delay: 完了したこと (繰り返し指定可)", "progress, delay: what is done (repeatable)"),
      repeatable: true,
    },
    { flags: "--next <text>", help: msg("progress: 次に進めること (繰り返し指定可)", "progress: what comes next (repeatable)"), repeatable: true },
    {
      flags: "--new-due <date>",
      help: msg(
        "delay: 新しい納期 (2026-12-18、12月18日 など)。納期が初稿を指し、それが済んでいれば最終納品の日",
        "delay: the new due date (2026-12-18, Dec 18…); once a first-draft deadline is delivered, the final delivery's",
      ),
    },
    {
      flags: "--reason <text>",
      help: msg(
        "delay: 遅れる理由を、責任の所在がわかる一文で (例: 私の見積もりが甘く…) / decline: お断りする理由",
        'delay: why it is late, one sentence that takes responsibility ("I underestimated…") / decline: why you decline',
      ),
    },
    { flags: "--time <hh:mm>", help: msg("delay: 新しい日付の時刻 (例: 18:00)", "delay: the time of day of the new date (e.g. 18:00)") },
    {
      flags: "--items <text>",
      help: msg("delivery, thanks: お届けするもの・お届けしたもの (繰り返し指定可)", "delivery, thanks: what is (was) delivered (repeatable)"),
      repeatable: true,
    },
    {
      flags: "--round <n>",
      help: msg(
        "delivery: 何回目の修正の納品か / delay: 遅れる納品 (0 = 初稿。delay の既定は次に予定している納品)",
        "delivery: the revision round this delivery completes / delay: the delivery that is late (0 = first draft; delay's default: the next one due)",
      ),
    },
    {
      flags: "--final",
      help: msg("delivery: 最終納品として扱います (最後の回では付けてください)", "delivery: the final delivery (add it on the last round)"),
    },
    { flags: "--request <text>", help: msg("decline: お断りするご依頼の内容", "decline: what the client asked for") },
    {
      flags: "--alternative <text>",
      help: msg("decline: 代わりのご提案 (既定: 別途お見積もり、または完了後に承る)", "decline: what you offer instead (default: a separate quote, or later)"),
    },
    {
      flags: "--attach <file>",
      help: msg(
        "confirm: 添付するスケジュールの図 (kikitori timeline で作成) に触れます",
        "confirm: mention the schedule picture sent with it (made with kikitori timeline)",
      ),
    },
    {
      flags: "--stage <id>",
      help: msg("delivery: パックの段階の納品 (例: line_art)", "delivery: the result of one of the pack's stages (e.g. line_art)"),
    },
    OUTPUT,
    FORCE_ONE,
  ],
  examples: [
    msg(
      'kikitori message progress yamada.answers.yaml --percent 60 --done "ラフ3案" --next "清書"',
      'kikitori message progress smith.answers.yaml --percent 60 --done "3 rough sketches" --next "clean line art"',
    ),
    msg(
      'kikitori message delay yamada.answers.yaml --new-due 2026-12-18 --reason "私の作業見積もりが甘く、仕上げに想定以上の時間がかかっているためです"',
      'kikitori message delay smith.answers.yaml --new-due 2026-12-18 --reason "I underestimated the finishing work, and it is taking longer than I planned"',
    ),
    msg(
      'kikitori message delivery yamada.answers.yaml --round 2 --final --items "ロゴ一式 (AI, PNG, SVG)"',
      'kikitori message delivery smith.answers.yaml --round 2 --final --items "Logo set (AI, PNG, SVG)"',
    ),
    msg(
      'kikitori message decline yamada.answers.yaml --request "名刺のデザイン" --reason "今回のご依頼はロゴ制作のみのため"',
      'kikitori message decline smith.answers.yaml --request "a business card design" --reason "this order covers the logo only"',
    ),
  ],
  load: () => import("../commands/message.ts"),
  run: (m, ctx, [kind, answers], o: MessageFlags) => m.runMessage(ctx, kind ?? "", answers ?? "", o),
});

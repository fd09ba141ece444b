/** The hearing and its outputs: `start`, `resume`, `render`. */
import { msg } from "../../i18n.ts";
import type { MigrateFlags } from "../commands/migrate.ts";
import type { ResumeFlags } from "../commands/resume.ts";
import type { StartFlags } from "../commands/start.ts";
import { command } from "../spec.ts";
import { ACCESSIBLE, ANSWERS, CLIENT, FORCE, helping, JOB, ORDERED, PACK, PLATFORM } from "./options.ts";
import { RENDER } from "./render.ts";

export const HEARING = [
  command({
    name: "start",
    summary: msg(
      "ヒアリングを始めます (質問に答えると自動保存し、最後にブリーフとメッセージを作成)",
      "run a hearing: answers are saved as you go; the brief and the message are written at the end",
    ),
    args: [{ name: "[pack]", help: msg("パックの id かパス (省略時は一覧から選択)", "pack id or path (chosen from a list when omitted)") }],
    options: [
      {
        flags: "-o, --output <file>",
        help: msg("回答ファイル (省略時は <パック>-<日付>-<クライアント>.answers.yaml)", "answers file (default: <pack>-<date>-<client>.answers.yaml)"),
      },
      helping(CLIENT, "クライアント名 (指定すると質問しません)", "client name (not asked when given)"),
      helping(JOB, "案件名 (指定すると質問しません)", "job title (not asked when given)"),
      helping(PLATFORM, "プラットフォーム (指定すると質問しません)", "platform id (not asked when given)"),
      {
        flags: "--defaults",
        help: msg("質問せず、パックの既定値と --set の値で回答します", "no prompts: answer with the pack's defaults and the --set values"),
      },
      { flags: "--set <id=value>", help: msg("回答を指定します (繰り返し可)", "give an answer (repeatable)"), repeatable: true },
      helping(
        ACCESSIBLE,
        "番号付きの質問に1行ずつ答えます (スクリーンリーダー向け。ACCESSIBLE=1 でも同じ)",
        "plain numbered questions, one line per answer (for screen readers; as ACCESSIBLE=1)",
      ),
      ORDERED,
      FORCE,
    ],
    examples: [
      msg("kikitori start design-general --client 山田様 --platform coconala", 'kikitori start design-general --client "Jane Smith" --platform upwork'),
      msg(
        "kikitori start design-general --defaults --set due_date=2027-01-15 --set effort_hours=pending -o job.answers.yaml",
        "kikitori start design-general --defaults --set due_date=2027-01-15 --set effort_hours=pending -o job.answers.yaml",
      ),
    ],
    notes: msg(
      `操作: Esc 前の質問へ · Ctrl-N 未定 · Ctrl-C 中断 (回答は保存済み、kikitori resume で再開)
終了コード: 0 成功 · 2 端末がない/--set の形式誤り · 65 回答の誤り・必須の回答なし · 73 出力先が既にある · 130 中断 (SIGTERM は 143)`,
      `Keys: Esc back · Ctrl-N not decided yet · Ctrl-C stop (answers are saved; continue with kikitori resume)
Exit codes: 0 ok · 2 no terminal, malformed --set · 65 invalid or missing answers · 73 output exists · 130 interrupted (143 on SIGTERM)`,
    ),
    load: () => import("../commands/start.ts"),
    run: (m, ctx, [pack], o: StartFlags) => m.runStart(ctx, pack, o),
  }),

  command({
    name: "resume",
    summary: msg("中断したヒアリングを続きから再開します", "continue an interrupted hearing where it stopped"),
    args: [ANSWERS],
    options: [PACK, ACCESSIBLE, helping(FORCE, "既存のブリーフとメッセージを上書きします", "replace an existing brief and message")],
    examples: [msg("kikitori resume design-general-20261123-山田.answers.yaml", "kikitori resume design-general-20261123-jane-smith.answers.yaml")],
    load: () => import("../commands/resume.ts"),
    run: (m, ctx, [file], o: ResumeFlags) => m.runResume(ctx, file ?? "", o),
  }),

  RENDER,

  command({
    name: "migrate",
    summary: msg(
      "古い版のパックで作った回答を、新しい版に移します (合わない回答は migrated_from に保存し、元のファイルは .bak に残します)",
      "carry answers made with an older version of their pack to a newer one (what no longer fits is kept in migrated_from; the original stays as .bak)",
    ),
    args: [{ name: "<answers...>", help: msg("回答ファイル", "answers files") }],
    options: [
      {
        flags: "--to <version>",
        help: msg("移す先の版 (省略時は新しいヒアリングに使われる版)", "the version to carry them to (default: the one new hearings use)"),
      },
      { flags: "--dry-run", help: msg("何を移すかを表示するだけで、書き込みません", "show what would be carried, dropped and asked again; write nothing") },
    ],
    examples: [
      msg("kikitori migrate yamada.answers.yaml --dry-run", "kikitori migrate smith.answers.yaml --dry-run"),
      msg("kikitori migrate jobs/*.answers.yaml --to 2.0.0", "kikitori migrate jobs/*.answers.yaml --to 2.0.0"),
    ],
    notes: msg(
      "終了コード: 0 成功 · 65 回答ファイルの誤り · 66 ファイルや版が見つからない · 73 書き込めない",
      "Exit codes: 0 ok · 65 invalid answers file · 66 file or version not found · 73 cannot write",
    ),
    load: () => import("../commands/migrate.ts"),
    run: (m, ctx, files, o: MigrateFlags) => m.runMigrate(ctx, files, o),
  }),
];

/**
 * The command table: every command in the order of the help. To add a command, add its spec
 * to one of these lists and its module under commands/ (see docs/architecture.md).
 */
import { type Msg, msg } from "../../i18n.ts";
import { type Command, type CommandTable, command, type GroupSpec } from "../spec.ts";
import { CLIENT_COMMANDS } from "./client.ts";
import { GLOBAL_OPTIONS } from "./globals.ts";
import { HEARING } from "./hearing.ts";
import { JOB_COMMANDS } from "./jobs.ts";
import { PACK_COMMANDS, PACK_GROUP } from "./packs.ts";

/** The shell's side of the table: completion scripts, and the callback they run on Tab. */
const SHELL_COMMANDS = [
  command({
    name: "completion",
    summary: msg("シェルの補完スクリプトを出力します (bash, zsh, fish)", "print the shell completion script (bash, zsh, fish)"),
    args: [{ name: "<shell>", help: msg("bash | zsh | fish", "bash | zsh | fish"), complete: ["bash", "zsh", "fish"] }],
    examples: [
      msg(
        "kikitori completion bash > ~/.local/share/bash-completion/completions/kikitori",
        "kikitori completion bash > ~/.local/share/bash-completion/completions/kikitori",
      ),
      msg("kikitori completion zsh > ~/.zfunc/_kikitori", "kikitori completion zsh > ~/.zfunc/_kikitori"),
      msg("kikitori completion fish > ~/.config/fish/completions/kikitori.fish", "kikitori completion fish > ~/.config/fish/completions/kikitori.fish"),
    ],
    load: () => import("../commands/completion.ts"),
    run: (m, ctx, [shell]) => m.runCompletion(ctx, shell ?? ""),
  }),
  command({
    name: "__complete",
    summary: msg("補完候補 (シェルから呼ばれます)", "completion candidates (called by the shell)"),
    args: [{ name: "[words...]", help: msg("コマンドラインの語", "the words of the command line") }],
    hidden: true,
    load: () => import("../commands/completion.ts"),
    run: (m, ctx, words) => m.runComplete(ctx, words, TABLE),
  }),
];

export { GLOBAL_OPTIONS };

export const COMMANDS: readonly Command[] = [...HEARING, ...CLIENT_COMMANDS, ...JOB_COMMANDS, ...PACK_COMMANDS, ...SHELL_COMMANDS];
export const GROUPS: readonly GroupSpec[] = [PACK_GROUP];

export const ROOT = {
  summary: msg(
    "フリーランスのためのヒアリング・納期計画・クライアント向けメッセージ作成ツール",
    "Deep client hearings, deadline plans and client-ready messages for freelancers",
  ),
  version: msg("バージョンを表示します", "print the version"),
  help: msg("ヘルプを表示します", "show help"),
  /** The command line, then what it does. */
  examples: [
    ["kikitori start", msg("ヒアリングを始める (パックは一覧から選択)", "run a hearing (choose the pack from a list)")],
    ["kikitori render hearing.answers.yaml", msg("ブリーフとメッセージを作成", "write the brief and the message")],
    ["kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4", msg("納期の流れを計画", "plan the deadline flow")],
    ["kikitori timeline a.yaml -o plan.png", msg("クライアントに送るスケジュールの図", "the schedule as a picture for the client")],
    ["kikitori ask logo-design > ask.txt", msg("チャットに貼る質問票", "the questionnaire to paste into a chat")],
    ["kikitori form logo-design --platform coconala", msg("クライアントが回答するフォーム (HTMLファイル1つ)", "a form the client fills in (one HTML file)")],
    ["kikitori import logo-design reply.txt -o a.yaml", msg("クライアントの返信を回答ファイルに", "the client's reply back as answers")],
    ["kikitori message progress a.yaml --percent 60", msg("進捗報告のメッセージ", "a progress report")],
    ["kikitori agenda ~/jobs", msg("すべての案件の今日と今週の予定", "what is due across all your jobs")],
    ["kikitori pack list", msg("使えるパックの一覧", "the packs you can use")],
    ["kikitori pack validate my-pack.yaml", msg("パックを検査", "check a pack")],
    ["kikitori pack skeleton design-general > a.yaml", msg("回答ファイルの雛形", "an answers file to fill in")],
  ] as const satisfies readonly (readonly [string, Msg])[],
  helpCommand: msg("コマンドのヘルプを表示します", "show help for a command"),
  exitCodes: msg(
    "終了コード: 0 成功 · 1 内部エラー · 2 使い方の誤り · 65 パックや回答の誤り · 66 入力が見つからない · 73 出力できない · 74 標準出力に書けない · 130 中断",
    "Exit codes: 0 ok · 1 internal error · 2 usage · 65 invalid pack or answers · 66 input not found · 73 output cannot be written · 74 stdout cannot be written · 130 interrupted",
  ),
};

export const TABLE: CommandTable = {
  root: ROOT,
  globals: GLOBAL_OPTIONS,
  help: { name: "help", summary: ROOT.helpCommand, args: [{ name: "[command...]", help: msg("コマンド", "a command"), complete: "command" }] },
  commands: COMMANDS,
  groups: GROUPS,
};

/** The environment variables kikitori reads, for the man page (README, Environment, says more). */
export const ENVIRONMENT: readonly (readonly [string, Msg])[] = [
  ["KIKITORI_PATH", msg("追加のパックフォルダ (パスの区切りで複数、最初に探します)", "extra pack folders, searched first (a path list)")],
  [
    "XDG_DATA_HOME",
    msg(
      "ユーザーのパックフォルダの場所 ($XDG_DATA_HOME/kikitori/packs、絶対パスのみ)",
      "where the user pack folder is ($XDG_DATA_HOME/kikitori/packs; an absolute path)",
    ),
  ],
  ["LC_ALL, LC_MESSAGES, LANG", msg("ja で始まると日本語が既定になります", "a value starting with ja makes Japanese the default language")],
  ["NO_COLOR", msg("空でなければ色を付けません", "not empty: no colours")],
  ["FORCE_COLOR", msg("1, 2, 3 はパイプでも色付き、0 は端末でも色なし", "1, 2, 3: colour even in a pipe; 0: none even on a terminal")],
  [
    "KIKITORI_AMBIGUOUS",
    msg("wide: 幅が曖昧な文字 (… ※ ① ○) を全角として画面を組みます", "wide: lay out the screens with ambiguous-width characters (… ※ ① ○) as two columns"),
  ],
  ["KIKITORI_TODAY", msg("今日の日付 (YYYY-MM-DD、再現可能な出力のため)", "today's date, YYYY-MM-DD (for reproducible output)")],
  ["KIKITORI_NO_CACHE", msg("1 でコンパイル済みコードのキャッシュを使いません (--no-cache と同じ)", "1: do not use the compiled-code cache (as --no-cache)")],
  [
    "XDG_CACHE_HOME",
    msg("コードキャッシュの場所 ($XDG_CACHE_HOME/kikitori、絶対パスのみ)", "where the code cache is ($XDG_CACHE_HOME/kikitori; an absolute path)"),
  ],
  ["KIKITORI_DEBUG", msg("1 でスタックトレースを表示します", "1: print stack traces")],
  ["KIKITORI_JOBS", msg("64 件以上の render に使うスレッド数", "worker threads for a render batch of 64 files or more")],
  ["ACCESSIBLE", msg("1 で番号付きの質問に1行ずつ答えます (--accessible と同じ)", "1: plain numbered questions, line by line (as --accessible)")],
];

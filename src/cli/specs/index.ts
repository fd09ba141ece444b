/**
 * The command table: every command in the order of the help. To add a command, add its spec
 * to one of these lists and its module under commands/ (see docs/architecture.md).
 */
import { type Msg, msg } from "../../i18n.ts";
import type { Command, GroupSpec } from "../spec.ts";
import { CLIENT_COMMANDS } from "./client.ts";
import { HEARING } from "./hearing.ts";
import { PACK_COMMANDS, PACK_GROUP } from "./packs.ts";

export const COMMANDS: readonly Command[] = [...HEARING, ...CLIENT_COMMANDS, ...PACK_COMMANDS];
export const GROUPS: readonly GroupSpec[] = [PACK_GROUP];

export const ROOT = {
  summary: msg(
    "フリーランスのためのヒアリング・納期計画・クライアント向けメッセージ作成ツール",
    "Deep client hearings, deadline plans and client-ready messages for freelancers",
  ),
  version: msg("バージョンを表示します", "print the version"),
  help: msg("ヘルプを表示します", "show help"),
  lang: msg("表示と出力の言語 (ja | en)", "language of messages and output (ja | en)"),
  noColor: msg("色を付けません (NO_COLOR でも同じ)", "no colours (as does NO_COLOR)"),
  /** The command line, then what it does. */
  examples: [
    ["kikitori start", msg("ヒアリングを始める (パックは一覧から選択)", "run a hearing (choose the pack from a list)")],
    ["kikitori render hearing.answers.yaml", msg("ブリーフとメッセージを作成", "write the brief and the message")],
    ["kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4", msg("納期の流れを計画", "plan the deadline flow")],
    ["kikitori ask logo-design > ask.txt", msg("チャットに貼る質問票", "the questionnaire to paste into a chat")],
    ["kikitori form logo-design --platform coconala", msg("クライアントが回答するフォーム (HTMLファイル1つ)", "a form the client fills in (one HTML file)")],
    ["kikitori import logo-design reply.txt -o a.yaml", msg("クライアントの返信を回答ファイルに", "the client's reply back as answers")],
    ["kikitori message progress a.yaml --percent 60", msg("進捗報告のメッセージ", "a progress report")],
    ["kikitori pack list", msg("使えるパックの一覧", "the packs you can use")],
    ["kikitori pack validate my-pack.yaml", msg("パックを検査", "check a pack")],
    ["kikitori pack skeleton design-general > a.yaml", msg("回答ファイルの雛形", "an answers file to fill in")],
  ] as const satisfies readonly (readonly [string, Msg])[],
  exitCodes: msg(
    "終了コード: 0 成功 · 1 内部エラー · 2 使い方の誤り · 65 パックや回答の誤り · 66 入力が見つからない · 73 出力できない · 74 標準出力に書けない · 130 中断",
    "Exit codes: 0 ok · 1 internal error · 2 usage · 65 invalid pack or answers · 66 input not found · 73 output cannot be written · 74 stdout cannot be written · 130 interrupted",
  ),
};

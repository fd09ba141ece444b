/** Options and arguments several commands share, declared once. */
import { msg } from "../../i18n.ts";
import type { ArgSpec, OptionSpec } from "../spec.ts";

/** Pack sharing, behind its own import: it loads tar. */
export const packSharing = () => import("../commands/pack-share.ts");

/** A variant of a shared option with its own help line. */
export function helping(option: OptionSpec, ja: string, en: string): OptionSpec {
  return { ...option, help: msg(ja, en) };
}

export const FORCE: OptionSpec = { flags: "--force", help: msg("既存のファイルを上書きします", "replace existing files") };
export const FORCE_ONE = helping(FORCE, "既存のファイルを上書きします", "replace an existing file");
export const JSON_OUT: OptionSpec = { flags: "--json", help: msg("JSON で出力します", "print JSON") };
export const OUTPUT: OptionSpec = { flags: "-o, --output <file>", help: msg("標準出力ではなくファイルに書きます", "write to a file instead of stdout") };
export const YES: OptionSpec = {
  flags: "-y, --yes",
  help: msg("確認せずにインストールします (端末がないときは必須)", "do not ask (required without a terminal)"),
};
export const CLIENT: OptionSpec = { flags: "--client <name>", help: msg("クライアント名", "client name") };
export const JOB: OptionSpec = { flags: "--job <title>", help: msg("案件名", "job title") };
export const PLATFORM: OptionSpec = { flags: "--platform <id>", help: msg("プラットフォーム", "platform id") };
export const PACK: OptionSpec = {
  flags: "--pack <pack>",
  help: msg("使うパック (id かパス)。省略時は回答ファイルの pack.id から探します", "pack to use (id or path); default: found by the file's pack.id"),
};
export const ACCESSIBLE: OptionSpec = {
  flags: "--accessible",
  help: msg("番号付きの質問に1行ずつ答えます (ACCESSIBLE=1 でも同じ)", "plain numbered questions, one line per answer (as ACCESSIBLE=1)"),
};

export const ORDERED: OptionSpec = {
  flags: "--ordered <time>",
  help: msg(
    "ご注文の日時 (例: 2026-11-23T10:00+09:00、now)。初回返信の期限はここから数えます",
    "when the client ordered (e.g. 2026-11-23T10:00+09:00, now); first-reply windows count from it",
  ),
};
export const FROM: OptionSpec = {
  flags: "--from <name>",
  help: msg("結びに添える自分の名前 (既定: 設定ファイルの from)", "your name to sign with (default: from in the settings file)"),
};
export const FORMAL: OptionSpec = {
  flags: "--formal",
  help: msg("英語の宛名を改まった形にします (Dear Ms. Smith,)", "formal English greeting (Dear Ms. Smith,)"),
};

export const PACK_REF: ArgSpec = { name: "<pack>", help: msg("パックの id かパス", "pack id or path") };
export const ANSWERS: ArgSpec = { name: "<answers>", help: msg("回答ファイル", "answers file") };

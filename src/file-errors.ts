/**
 * File-system errors as the user's errors: one line naming the file, what happened and what
 * to do, with the documented exit code (73 for what kikitori writes, 66 for what it reads).
 * Without this a full disk, a read-only folder or a symbolic-link loop ended in "internal
 * error … please report it as a bug".
 */
import { KikitoriError, NotFoundError, OutputError } from "./errors.ts";
import { type Msg, msg } from "./i18n.ts";

type Reason = { why: Msg; fix: Msg };

const REASONS: Record<string, Reason> = {
  ENOSPC: {
    why: msg("ディスクの空きがありません", "no space left on the disk"),
    fix: msg("空きを作ってから再実行してください", "free some space, then try again"),
  },
  EDQUOT: {
    why: msg("ディスクの使用量の上限 (クォータ) に達しています", "over your disk quota"),
    fix: msg("不要なファイルを削除してから再実行してください", "delete files you no longer need, then try again"),
  },
  EACCES: {
    why: msg("権限がありません", "permission denied"),
    fix: msg("フォルダとファイルの権限を確認してください", "check the permissions of the file and its folder"),
  },
  EPERM: {
    why: msg("操作が許可されていません", "operation not permitted"),
    fix: msg("フォルダとファイルの権限を確認してください", "check the permissions of the file and its folder"),
  },
  EROFS: {
    why: msg("読み取り専用のファイルシステムです", "the file system is read-only"),
    fix: msg("書き込める場所を指定してください", "give a place that can be written"),
  },
  ENAMETOOLONG: { why: msg("名前が長すぎます", "the name is too long"), fix: msg("短い名前にしてください", "use a shorter name") },
  ELOOP: {
    why: msg("シンボリックリンクが循環しています", "a loop of symbolic links"),
    fix: msg("リンクの向き先を確認してください", "check where the links point"),
  },
  EISDIR: { why: msg("フォルダです", "it is a folder"), fix: msg("ファイルを指定してください", "give a file") },
  ENOTDIR: {
    why: msg("途中にフォルダではなくファイルがあります", "a file is in the way of its folder"),
    fix: msg("パスを確認してください", "check the path"),
  },
  ENOENT: { why: msg("フォルダがありません", "the folder does not exist"), fix: msg("パスを確認してください", "check the path") },
  EMFILE: {
    why: msg("開いているファイルが多すぎます", "too many files are open"),
    fix: msg("他のプログラムを閉じるか ulimit -n を増やしてから再実行してください", "close other programs or raise ulimit -n, then try again"),
  },
  ENFILE: {
    why: msg("システム全体で開いているファイルが多すぎます", "too many files are open on this system"),
    fix: msg("他のプログラムを閉じてから再実行してください", "close other programs, then try again"),
  },
  EIO: {
    why: msg("入出力エラーです (ディスクの故障か、ネットワークドライブの切断)", "an input/output error (a failing disk or a disconnected network drive)"),
    fix: msg("ディスクや接続を確認してください", "check the disk or the connection"),
  },
  EXDEV: {
    why: msg("別のディスクをまたいでいます", "it crosses to another disk"),
    fix: msg("同じディスク上の場所を指定してください", "give a place on the same disk"),
  },
  EBUSY: { why: msg("使用中です", "it is busy"), fix: msg("使っているプログラムを閉じてから再実行してください", "close the program using it, then try again") },
  ETXTBSY: {
    why: msg("使用中です", "it is busy"),
    fix: msg("使っているプログラムを閉じてから再実行してください", "close the program using it, then try again"),
  },
  ENXIO: { why: msg("通常のファイルではありません", "it is not a regular file"), fix: msg("ファイルを指定してください", "give a file") },
};

/** What a file-system error means and what to do about it, when kikitori knows. */
export function fileErrorReason(e: unknown): Reason | undefined {
  const code = errnoOf(e);
  return code ? REASONS[code] : undefined;
}

/** The errno code of a Node.js file-system error, if it is one. */
export function errnoOf(e: unknown): string | undefined {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * An output that could not be written, as an OutputError (73) naming `file`; errors that
 * are not file-system errors pass through unchanged.
 */
export function outputFileError(e: unknown, file: string): Error {
  if (e instanceof KikitoriError) return e;
  const code = errnoOf(e);
  const r = code ? REASONS[code] : undefined;
  if (!code) return e as Error;
  const why = r?.why ?? msg(`書き込みに失敗しました (${code})`, `the write failed (${code})`);
  const fix = r?.fix ?? msg("場所を変えて再実行してください", "try another place");
  return new OutputError(msg(`${file} に書き込めません: ${why.ja} — ${fix.ja}`, `${file} cannot be written: ${why.en} — ${fix.en}`));
}

/** An input that could not be read, as a NotFoundError (66) naming `file`. */
export function inputFileError(e: unknown, file: string): Error {
  if (e instanceof KikitoriError) return e;
  const code = errnoOf(e);
  if (!code) return e as Error;
  if (code === "ENOENT") return new NotFoundError(msg(`${file} が見つかりません。パスを確認してください`, `${file} not found: check the path`));
  const r = REASONS[code];
  const why = r?.why ?? msg(`読み込みに失敗しました (${code})`, `the read failed (${code})`);
  const fix = code === "ENOTDIR" ? msg("パスを確認してください", "check the path") : (r?.fix ?? msg("パスを確認してください", "check the path"));
  return new NotFoundError(msg(`${file} を読めません: ${why.ja} — ${fix.ja}`, `${file} cannot be read: ${why.en} — ${fix.en}`));
}

/** Standard output could not be written (the disk holding a redirected file is full…). Exit 74. */
export class StdoutError extends KikitoriError {
  readonly exitCode = 74;
}

export function stdoutError(e: unknown): StdoutError {
  const code = errnoOf(e);
  const r = code ? REASONS[code] : undefined;
  const why = r?.why ?? msg(`書き込みに失敗しました (${code ?? String(e)})`, `the write failed (${code ?? String(e)})`);
  const fix = r?.fix ?? msg("出力先を確認してください", "check where the output goes");
  return new StdoutError(msg(`標準出力に書き込めませんでした: ${why.ja} — ${fix.ja}`, `standard output could not be written: ${why.en} — ${fix.en}`));
}

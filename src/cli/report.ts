/** The only place that turns errors into messages and exit codes, and decides about stack traces. */
import { CancelledError, KikitoriError } from "../errors.ts";
import type { Lang } from "../i18n.ts";
import type { IO } from "./output.ts";

export function reportError(e: unknown, io: IO, lang: Lang): number {
  if (isEpipe(e)) return 0;
  if (e instanceof KikitoriError) {
    const speak = e.lang ?? lang;
    const prefix = e instanceof CancelledError ? "" : speak === "ja" ? "エラー: " : "error: ";
    const [first, ...rest] = e.lines(speak);
    io.stderr.write(`${prefix}${first}\n${rest.map((l) => `${l}\n`).join("")}`);
    if (io.env.KIKITORI_DEBUG === "1" && e.stack) io.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  io.stderr.write(
    lang === "ja"
      ? `内部エラー: ${err?.message ?? String(e)}\nKIKITORI_DEBUG=1 を付けて再実行すると詳細が表示されます。不具合として報告していただけると助かります。\n`
      : `internal error: ${err?.message ?? String(e)}\nRun again with KIKITORI_DEBUG=1 for details, and please report it as a bug.\n`,
  );
  if (io.env.KIKITORI_DEBUG === "1" && err?.stack) io.stderr.write(`${err.stack}\n`);
  return 1;
}

function isEpipe(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "EPIPE";
}

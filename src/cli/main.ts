/**
 * The only place that turns errors into exit codes and decides about stack traces.
 * `main(argv, io)` returns the exit code; bin/kikitori.cjs (through dist/boot.cjs and entry.ts) sets process.exitCode from it.
 */
import { CancelledError, KikitoriError } from "../errors.ts";
import type { Lang } from "../i18n.ts";
import { runPlainLine } from "./exec.ts";
import { uiLang, VERSION } from "./facts.ts";
import type { IO } from "./output.ts";
import { parsePlainLine } from "./plain-line.ts";
import { guardStdout } from "./stdout.ts";

export async function main(argv: string[], given: IO): Promise<number> {
  // Not a spread: cwd and stdin may be getters that only run when a command needs them.
  const io: IO = Object.create(given, { stdout: { value: guardStdout(given.stdout), enumerable: true } });
  const lang = uiLang(argv, io.env);
  try {
    // Scripts ask for the version often; answer without loading the command-line parser.
    if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    // A plain line runs without building commander's program (plain-line.ts).
    const line = parsePlainLine(argv);
    if (line) return await runPlainLine(line, argv, io, { lang });
    const { runProgram } = await import("./program.ts");
    return await runProgram(argv, io, { lang });
  } catch (e) {
    return reportError(e, io, lang);
  }
}

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

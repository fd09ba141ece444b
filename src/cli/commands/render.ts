/** `kikitori render <answers…>`: non-interactive, one or many files in one process. */
import * as path from "node:path";
import { parseAnswersBytes, type ReadAnswers, readAnswersFile } from "../../answers/io.ts";
import { CancelledError, KikitoriError, UsageError } from "../../errors.ts";
import { makeDir } from "../../files.ts";
import { msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { templateStore } from "../../render/templates.ts";
import type { Ctx } from "../context.ts";
import { outputFiles, renderFor, stemOf, writeOutputs } from "../outputs.ts";
import { readStdin } from "../stdin.ts";
import { warnVersion } from "../version-warning.ts";

export interface RenderFlags {
  pack?: string;
  out?: string;
  only?: "brief" | "message";
  stdout?: boolean;
  force?: boolean;
}

export async function runRender(ctx: Ctx, files: string[], flags: RenderFlags): Promise<number> {
  if (files.filter((f) => f === "-").length > 1) {
    throw new UsageError(msg("標準入力 (-) は1回だけ指定できます", "stdin (-) can be given only once"));
  }
  if (flags.out && !flags.stdout) {
    makeDir(path.resolve(ctx.io.cwd, flags.out), flags.out);
  }
  const store = templateStore(ctx.templatesDir);
  const packs = new Map<string, LoadedPack>();
  const explicit = flags.pack ? findPack(flags.pack, ctx.lookup) : undefined;
  const showProgress = files.length > 1 && ctx.io.stderr.isTTY === true && !flags.stdout;
  let firstFailure = 0;
  let done = 0;
  const signals = batchSignals(ctx, files.length);

  for (const file of files) {
    const signal = await signals.pending();
    if (signal) throw interruptedBatch(ctx, signal, done, files.length, showProgress);
    try {
      const read: ReadAnswers =
        file === "-" ? parseAnswersBytes(await readStdin(ctx.io.stdin), "<stdin>") : readAnswersFile(path.resolve(ctx.io.cwd, file), file);
      const display = read.name;
      let loaded = explicit;
      if (!loaded) {
        const id = read.file.pack.id;
        loaded = packs.get(id);
        if (!loaded) {
          loaded = findPack(id, ctx.lookup);
          packs.set(id, loaded);
        }
      }
      if (loaded.pack.version !== read.file.pack.version) warnVersion(ctx, display, read, loaded);
      const lang = ctx.langFlag ?? read.file.lang ?? ctx.lang;
      const result = await renderFor(ctx, loaded, read, lang, store);
      const files = outputFiles(
        flags.out ? path.resolve(ctx.io.cwd, flags.out) : file === "-" ? ctx.io.cwd : path.dirname(path.resolve(ctx.io.cwd, file)),
        file === "-" ? "stdin" : stemOf(file),
        flags.only,
      );
      if (flags.stdout) ctx.out.out(files.map((f) => result[f.kind]).join("\n"));
      else
        writeOutputs(
          ctx,
          files.map((f) => ({ file: f.file, text: result[f.kind] })),
          flags.force === true,
        );
      done++;
      if (showProgress) ctx.io.stderr.write(`\r${done}/${files.length}`);
    } catch (e) {
      if (!(e instanceof KikitoriError) || files.length === 1) throw e;
      // In a batch, one bad file does not stop the others; the first failure sets the exit code.
      const [first, ...rest] = e.lines(ctx.lang);
      ctx.out.err(`${ctx.out.t("エラー", "error")}: ${first}`);
      for (const l of rest) ctx.out.err(l);
      if (firstFailure === 0) firstFailure = e.exitCode;
    }
  }
  signals.close();
  if (showProgress) ctx.io.stderr.write("\n");
  return firstFailure;
}

/**
 * Ctrl-C or SIGTERM stops a batch between two answers files, never inside a write: every
 * output written is complete, both outputs of a file are there, and no temporary file is left.
 */
function batchSignals(ctx: Ctx, count: number): { pending(): Promise<NodeJS.Signals | undefined>; close(): void } {
  let caught: NodeJS.Signals | undefined;
  const close =
    count > 1
      ? ctx.io.onSignal?.((s) => {
          caught ??= s;
        })
      : undefined;
  return {
    async pending() {
      if (!close) return undefined;
      // Writes are synchronous: a signal's handler runs only when the event loop gets a turn.
      await new Promise((resolve) => setImmediate(resolve));
      if (caught) close();
      return caught;
    },
    close: () => close?.(),
  };
}

function interruptedBatch(ctx: Ctx, signal: NodeJS.Signals, done: number, total: number, progress: boolean): CancelledError {
  if (progress) ctx.io.stderr.write("\n");
  return new CancelledError(
    msg(
      `中断しました。${total} 件中 ${done} 件を書き出しました (書き出したファイルはすべて完全です)`,
      `Interrupted: ${done} of ${total} answers files rendered (every file written is complete)`,
    ),
    signal === "SIGTERM" ? 143 : 130,
  );
}

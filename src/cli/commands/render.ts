/** `kikitori render <answers…>`: non-interactive, one or many files in one process. */

import * as os from "node:os";
import * as path from "node:path";
import { KikitoriError, UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { makeDir } from "../../write-file.ts";
import type { Ctx } from "../context.ts";
import { fileRenderer, outputTargets, type RenderFlags, reportFailure } from "../file-renderer.ts";
import { batchSignals, interruptedBatch } from "../interrupt.ts";
import { refuseCollisions } from "../overlap.ts";
import { counter } from "../progress.ts";

export async function runRender(ctx: Ctx, files: string[], flags: RenderFlags): Promise<number> {
  if (flags.draft && flags.only === "message") {
    throw new UsageError(
      msg(
        "--draft で作るのはブリーフの下書きだけです (クライアント向けメッセージは完了したヒアリングから作ります)",
        "--draft writes a draft brief only: the client message is written from a finished hearing",
      ),
    );
  }
  if (files.filter((f) => f === "-").length > 1) {
    throw new UsageError(msg("標準入力 (-) は1回だけ指定できます", "stdin (-) can be given only once"));
  }
  if (!flags.stdout) {
    // Before anything is written: two inputs with one stem, or an output that is an input.
    refuseCollisions(ctx, files, (f) => outputTargets(ctx, flags, f).map((o) => o.file), [flags.pack]);
  }
  if (flags.out && !flags.stdout) {
    makeDir(path.resolve(ctx.io.cwd, flags.out), flags.out);
  }
  const jobs = files.length >= PARALLEL_MIN && !flags.stdout && !files.includes("-") ? batchJobs(ctx) : 1;
  if (jobs > 1) {
    const { renderInWorkers } = await import("../render-pool.ts");
    const code = await renderInWorkers(ctx, files, flags, jobs);
    if (code !== undefined) return code;
  }
  const renderer = fileRenderer(ctx, flags);
  const progress = counter(ctx.io.stderr, files.length, files.length > 1 && ctx.io.stderr.isTTY === true && !flags.stdout);
  let firstFailure = 0;
  let done = 0;
  const signals = batchSignals(ctx, files.length);
  for (const file of files) {
    const signal = await signals.pending();
    if (signal) {
      signals.close();
      progress.clear();
      throw interruptedBatch(ctx, signal, done, files.length, false);
    }
    progress.clear();
    try {
      await renderer(file);
    } catch (e) {
      if (!(e instanceof KikitoriError) || files.length === 1) throw e;
      // In a batch, one bad file does not stop the others; the first failure sets the exit code.
      reportFailure(ctx, e);
      if (firstFailure === 0) firstFailure = e.exitCode;
    }
    done++;
    progress.show(done);
  }
  signals.close();
  if (progress.shown()) ctx.io.stderr.write("\n");
  return firstFailure;
}

/** Batches smaller than this render in one thread: starting workers costs more than it saves. */
const PARALLEL_MIN = 64;

/** Worker threads for a large batch: KIKITORI_JOBS, else one per core (at most 8). */
function batchJobs(ctx: Ctx): number {
  const set = Number(ctx.io.env.KIKITORI_JOBS);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, 32);
  return Math.min(os.availableParallelism(), 8);
}

/**
 * A large `render` batch on every core: worker threads pull small runs of files, render and
 * write them exactly as the single-threaded path does (fileRenderer), and send back what each
 * file printed. The main thread prints that in file order, so the output of a batch is the
 * same whatever the number of workers, and the first failure in file order sets the exit code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { partialRun } from "../code-cache.ts";
import type { Ctx } from "./context.ts";
import type { RenderFlags } from "./file-renderer.ts";
import { batchSignals, interruptedBatch } from "./interrupt.ts";
import { counter } from "./progress.ts";

export interface WorkerInit {
  cwd: string;
  env: Record<string, string | undefined>;
  langFlag?: "ja" | "en";
  noColor: boolean;
  stderrTTY: boolean;
  flags: RenderFlags;
}

export interface FileResult {
  index: number;
  stdout: string;
  stderr: string;
  /** 0, or the exit code of the KikitoriError that refused the file. */
  code: number;
  /** An unexpected error: the batch stops and main reports it as an internal error. */
  crash?: string;
}

const RUN = 8;

function workerInit(ctx: Ctx, flags: RenderFlags): WorkerInit {
  return {
    cwd: ctx.io.cwd,
    // Every worker takes the same "today", even across midnight.
    env: { ...ctx.io.env, KIKITORI_TODAY: ctx.today() },
    ...(ctx.langFlag ? { langFlag: ctx.langFlag } : {}),
    noColor: ctx.out.errColor.level === 0,
    stderrTTY: ctx.io.stderr.isTTY === true,
    flags,
  };
}

/** undefined when the worker script is not there (running from source): render in one thread. */
export async function renderInWorkers(ctx: Ctx, files: string[], flags: RenderFlags, jobs: number): Promise<number | undefined> {
  const script = path.join(ctx.root, "dist", "render-worker.cjs");
  if (!fs.existsSync(script)) return undefined;
  // The workers compile the rendering: a cache this thread wrote would lack it.
  partialRun();
  const init = workerInit(ctx, flags);
  const results: (FileResult | undefined)[] = new Array(files.length);
  let next = 0;
  let printed = 0;
  let firstFailure = 0;
  let crash: string | undefined;
  let completed = 0;
  const progress = counter(ctx.io.stderr, files.length, ctx.io.stderr.isTTY === true);
  // On a signal no new run is handed out; the runs under way finish, so files stay whole.
  const signals = batchSignals(ctx, files.length);

  /** What a file printed, on a line of its own (the counter wiped first). */
  const emit = (r: FileResult | undefined) => {
    progress.clear();
    if (r?.stdout) ctx.io.stdout.write(r.stdout);
    if (r?.stderr) ctx.io.stderr.write(r.stderr);
  };
  const flush = () => {
    while (printed < files.length && results[printed]) {
      const r = results[printed] as FileResult;
      emit(r);
      if (r.code !== 0 && firstFailure === 0) firstFailure = r.code;
      results[printed] = undefined;
      printed++;
      progress.show(printed);
    }
  };

  await Promise.all(
    Array.from(
      { length: Math.min(jobs, Math.ceil(files.length / RUN)) },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script, { workerData: init });
          const feed = () => {
            if (crash || signals.caught() || next >= files.length) {
              void worker.terminate();
              return;
            }
            const run = files.slice(next, next + RUN).map((file, i) => ({ index: next + i, file }));
            next += run.length;
            worker.postMessage(run);
          };
          worker.on("message", (batch: FileResult[]) => {
            for (const r of batch) {
              if (r.crash) crash ??= r.crash;
              results[r.index] = r;
              completed++;
            }
            flush();
            feed();
          });
          worker.on("error", reject);
          worker.on("exit", () => resolve());
          feed();
        }),
    ),
  );
  signals.close();
  const signal = signals.caught();
  if (signal && !crash) {
    // Runs finish out of order: report what the finished ones printed, still in file order.
    for (let i = printed; i < files.length; i++) emit(results[i]);
    if (completed < files.length) throw interruptedBatch(ctx, signal, completed, files.length, false);
  }
  if (progress.shown()) ctx.io.stderr.write("\n");
  if (crash) throw new Error(crash);
  return firstFailure;
}

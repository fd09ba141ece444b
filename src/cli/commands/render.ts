/** `kikitori render <answers…>`: non-interactive, one or many files in one process. */
import * as os from "node:os";
import * as path from "node:path";
import { parseAnswersBytes, type ReadAnswers, readAnswersFile } from "../../answers/io.ts";
import { KikitoriError, UsageError } from "../../errors.ts";
import { makeDir } from "../../files.ts";
import { msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { templateStore } from "../../render/templates.ts";
import type { Ctx } from "../context.ts";
import { lockedNotice } from "../hearing-lock.ts";
import { batchSignals, interruptedBatch } from "../interrupt.ts";
import { outputFiles, renderFor, stemOf, writeOutputs } from "../outputs.ts";
import { refuseCollisions } from "../overlap.ts";
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
  if (!flags.stdout) {
    // Before anything is written: two inputs with one stem, or an output that is an input.
    refuseCollisions(ctx, files, (f) => outputFiles(outputDir(ctx, flags, f), f === "-" ? "stdin" : stemOf(f), flags.only).map((o) => o.file), [flags.pack]);
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
  const showProgress = files.length > 1 && ctx.io.stderr.isTTY === true && !flags.stdout;
  let firstFailure = 0;
  let done = 0;
  const signals = batchSignals(ctx, files.length);
  for (const file of files) {
    const signal = await signals.pending();
    if (signal) {
      signals.close();
      throw interruptedBatch(ctx, signal, done, files.length, showProgress);
    }
    try {
      await renderer(file);
    } catch (e) {
      if (!(e instanceof KikitoriError) || files.length === 1) throw e;
      // In a batch, one bad file does not stop the others; the first failure sets the exit code.
      reportFailure(ctx, e);
      if (firstFailure === 0) firstFailure = e.exitCode;
    }
    done++;
    if (showProgress) ctx.io.stderr.write(`\r${done}/${files.length}`);
  }
  signals.close();
  if (showProgress) ctx.io.stderr.write("\n");
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

export function reportFailure(ctx: Ctx, e: KikitoriError): void {
  const [first, ...rest] = e.lines(ctx.lang);
  ctx.out.err(`${ctx.out.t("エラー", "error")}: ${first}`);
  for (const l of rest) ctx.out.err(l);
}

/**
 * Renders one answers file and writes (or prints) its outputs. Packs and compiled templates
 * are kept across calls, so a batch loads each once. Throws a KikitoriError for a bad file.
 */
export function fileRenderer(ctx: Ctx, flags: RenderFlags): (file: string) => Promise<void> {
  const store = templateStore(ctx.templatesDir);
  const packs = new Map<string, LoadedPack>();
  let explicit: LoadedPack | undefined;
  return async (file) => {
    if (flags.pack) explicit ??= findPack(flags.pack, ctx.lookup);
    const notice = file === "-" ? undefined : lockedNotice(ctx, path.resolve(ctx.io.cwd, file));
    if (notice) ctx.out.warn(notice);
    const read: ReadAnswers =
      file === "-" ? parseAnswersBytes(await readStdin(ctx.io.stdin), "<stdin>") : readAnswersFile(path.resolve(ctx.io.cwd, file), file);
    let loaded = explicit;
    if (!loaded) {
      const id = read.file.pack.id;
      loaded = packs.get(id);
      if (!loaded) {
        loaded = findPack(id, ctx.lookup);
        packs.set(id, loaded);
      }
    }
    if (loaded.pack.version !== read.file.pack.version) warnVersion(ctx, read.name, read, loaded);
    const lang = ctx.langFlag ?? read.file.lang ?? ctx.lang;
    const result = await renderFor(ctx, loaded, read, lang, store);
    const targets = outputFiles(outputDir(ctx, flags, file), file === "-" ? "stdin" : stemOf(file), flags.only);
    if (flags.stdout) ctx.out.out(targets.map((f) => result[f.kind]).join("\n"));
    else
      writeOutputs(
        ctx,
        targets.map((f) => ({ file: f.file, text: result[f.kind] })),
        flags.force === true,
      );
  };
}

/** Where an answers file's outputs go: --out, else beside it (the working folder for stdin). */
function outputDir(ctx: Ctx, flags: RenderFlags, file: string): string {
  return flags.out ? path.resolve(ctx.io.cwd, flags.out) : file === "-" ? ctx.io.cwd : path.dirname(path.resolve(ctx.io.cwd, file));
}

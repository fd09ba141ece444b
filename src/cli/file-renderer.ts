/**
 * Rendering one answers file of a `render` run, the same in the command's own thread and in
 * the worker threads of a large batch (render-pool.ts, render-worker.ts).
 */
import * as path from "node:path";
import { parseAnswersBytes, type ReadAnswers, readAnswersFile } from "../answers/io.ts";
import { draftFile, outputFiles, stemOf } from "../answers/names.ts";
import type { KikitoriError } from "../errors.ts";
import { findPack } from "../pack/lookup.ts";
import type { LoadedPack } from "../pack/types.ts";
import { templateStore } from "../render/templates.ts";
import { type Ctx, outputLang } from "./context.ts";
import { lockedNotice } from "./hearing-lock.ts";
import { renderFor, writeOutputs } from "./outputs.ts";
import { readStdin } from "./stdin.ts";
import { warnVersion } from "./version-warning.ts";

export interface RenderFlags {
  pack?: string;
  out?: string;
  only?: "brief" | "message";
  stdout?: boolean;
  force?: boolean;
  /** A draft brief of a hearing that may be unfinished (`<stem>.brief.draft.md`). */
  draft?: boolean;
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
      file === "-" ? parseAnswersBytes(await readStdin(ctx.io.stdin, ctx.out), "<stdin>") : readAnswersFile(path.resolve(ctx.io.cwd, file), file);
    let loaded = explicit;
    if (!loaded) {
      // The version the file was made with, when it is installed (else the current one).
      const { id, version } = read.file.pack;
      loaded = packs.get(`${id}@${version}`);
      if (!loaded) {
        loaded = findPack(id, ctx.lookup, { version });
        packs.set(`${id}@${version}`, loaded);
      }
    }
    if (loaded.pack.version !== read.file.pack.version) warnVersion(ctx, read.name, read, loaded);
    const lang = outputLang(ctx, read.file.lang);
    const result = await renderFor(ctx, loaded, read, lang, store, flags.draft === true);
    const targets = outputTargets(ctx, flags, file);
    if (flags.stdout) ctx.out.out(targets.map((f) => result[f.kind]).join("\n"));
    else
      writeOutputs(
        ctx,
        targets.map((f) => ({ file: f.file, text: result[f.kind] })),
        flags.force === true,
      );
  };
}

/** The files an answers file renders to: beside it (the working folder for stdin), or in --out. */
export function outputTargets(ctx: Ctx, flags: RenderFlags, file: string): { kind: "brief" | "message"; file: string }[] {
  const dir = flags.out ? path.resolve(ctx.io.cwd, flags.out) : file === "-" ? ctx.io.cwd : path.dirname(path.resolve(ctx.io.cwd, file));
  const stem = file === "-" ? "stdin" : stemOf(file);
  // A draft is the worker's brief only: a client message is written from a finished hearing.
  return flags.draft ? [{ kind: "brief", file: draftFile(dir, stem) }] : outputFiles(dir, stem, flags.only);
}

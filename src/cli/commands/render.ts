/** `kikitori render <answers…>`: non-interactive, one or many files in one process. */
import * as path from "node:path";
import { parseAnswersBytes, type ReadAnswers, readAnswersFile } from "../../answers/io.ts";
import { KikitoriError, UsageError } from "../../errors.ts";
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

  for (const file of files) {
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
  if (showProgress) ctx.io.stderr.write("\n");
  return firstFailure;
}

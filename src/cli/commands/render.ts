/** `kikitori render <answers…>`: non-interactive, one or many files in one process. */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareAnswers } from "../../answers/compare.ts";
import { parseAnswersBytes, type ReadAnswers, readAnswersFile } from "../../answers/io.ts";
import { KikitoriError, OutputError, UsageError } from "../../errors.ts";
import { existsError, writeFileAtomic } from "../../files.ts";
import { msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { renderAnswers } from "../../render/render.ts";
import { templateStore } from "../../render/templates.ts";
import type { Ctx } from "../context.ts";
import { planningEnv } from "../planning.ts";
import { readStdin } from "../stdin.ts";

export interface RenderFlags {
  pack?: string;
  out?: string;
  only?: "brief" | "message";
  stdout?: boolean;
  force?: boolean;
}

/** The file name without .answers.yaml / .yaml / .yml / .json. */
export function stemOf(file: string): string {
  const base = path.basename(file);
  for (const ext of [".answers.yaml", ".answers.yml", ".yaml", ".yml", ".json"]) {
    if (base.toLowerCase().endsWith(ext) && base.length > ext.length) return base.slice(0, -ext.length);
  }
  return base;
}

export async function runRender(ctx: Ctx, files: string[], flags: RenderFlags): Promise<number> {
  if (files.filter((f) => f === "-").length > 1) {
    throw new UsageError(msg("標準入力 (-) は1回だけ指定できます", "stdin (-) can be given only once"));
  }
  if (flags.out && !flags.stdout) {
    try {
      fs.mkdirSync(path.resolve(ctx.io.cwd, flags.out), { recursive: true });
    } catch {
      throw new OutputError(msg(`出力先フォルダ ${flags.out} を作れません`, `output folder ${flags.out} cannot be created`));
    }
  }
  const store = templateStore(ctx.templatesDir);
  const packs = new Map<string, LoadedPack>();
  const explicit = flags.pack ? findPack(flags.pack, ctx.lookup) : undefined;
  const showProgress = files.length > 1 && ctx.io.stderr.isTTY === true && !flags.stdout;
  let firstFailure = 0;
  let done = 0;
  const today = ctx.today();

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
      const planning = await planningEnv(ctx.root, loaded.pack.schedule !== undefined);
      const result = renderAnswers(loaded, read, { lang, today, store, planning });
      for (const w of result.warnings) ctx.out.warn(formatWarn(w, ctx));
      const outputs: [string, string][] = [];
      if (flags.only !== "message") outputs.push(["brief", result.brief]);
      if (flags.only !== "brief") outputs.push(["message", result.message]);
      if (flags.stdout) {
        ctx.out.out(outputs.map(([, text]) => text).join("\n"));
      } else {
        const dir = flags.out ? path.resolve(ctx.io.cwd, flags.out) : file === "-" ? ctx.io.cwd : path.dirname(path.resolve(ctx.io.cwd, file));
        const stem = file === "-" ? "stdin" : stemOf(file);
        const targets = outputs.map(([kind, text]) => [path.join(dir, `${stem}.${kind}.md`), text] as const);
        // Refuse before writing anything, so a file never gets half of its outputs.
        if (!flags.force) {
          for (const [target] of targets) {
            if (fs.existsSync(target)) throw existsError(path.relative(ctx.io.cwd, target) || target);
          }
        }
        for (const [target, text] of targets) {
          writeFileAtomic(target, text, { force: flags.force === true });
          ctx.out.info(path.relative(ctx.io.cwd, target) || target);
        }
      }
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

function formatWarn(w: import("../../errors.ts").Problem, ctx: Ctx): string {
  const where = w.file ? `${w.file}${w.line ? `:${w.line}:${w.col ?? 1}` : ""}: ` : "";
  return `${where}${w.message[ctx.lang]}${w.fix ? ` — ${w.fix[ctx.lang]}` : ""}`;
}

/** Answers made with another version of the pack: say so, and list what no longer fits. */
export function warnVersion(ctx: Ctx, display: string, read: ReadAnswers, loaded: LoadedPack): void {
  const changes = compareAnswers(loaded.pack, read.file.answers);
  const head = ctx.out.t(
    `${display}: 回答は ${read.file.pack.id}@${read.file.pack.version} のものですが、パックは ${loaded.pack.version} です。現在のパックで検査します`,
    `${display}: answered with ${read.file.pack.id}@${read.file.pack.version}, the pack is now ${loaded.pack.version}; checking against the current pack`,
  );
  const mark = { removed: "-", changed: "~", missing: "+" } as const;
  // checkValue's reasons already start with the question id.
  const lines = changes.slice(0, 15).map((c) => `  ${mark[c.kind]} ${c.kind === "changed" ? "" : `${c.id}: `}${c.reason[ctx.lang]}`);
  if (changes.length > 15) lines.push(`  … +${changes.length - 15}`);
  const summary = changes.length
    ? ctx.out.t(`\n  変わった点 (${changes.length} 件):\n`, `\n  what changed for these answers (${changes.length}):\n`) + lines.join("\n")
    : ctx.out.t("\n  この回答に影響する変更はありません", "\n  no change affects these answers");
  ctx.out.warn(head + summary);
}

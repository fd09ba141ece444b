/**
 * Rendering an answers file and writing its brief and message: shared by `render` and by
 * the end of a hearing (`start`, `resume`), so both name, check and write files the same way.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ReadAnswers } from "../answers/io.ts";
import { outputFiles, stemOf } from "../answers/names.ts";
import { stripControls } from "../controls.ts";
import type { Problem } from "../errors.ts";
import type { Lang } from "../i18n.ts";
import { capLines } from "../listing.ts";
import type { LoadedPack, Pack } from "../pack/types.ts";
import { type Rendered, renderAnswers } from "../render/render.ts";
import type { TemplateStore } from "../render/templates.ts";
import { type VerdictEffect, verdictLine } from "../render/verdict.ts";
import type { Plan } from "../schedule/index.ts";
import { existsError, writeFileAtomic } from "../write-file.ts";
import type { Ctx } from "./context.ts";
import { planningEnv } from "./planning.ts";
import { voiceFor } from "./settings.ts";

/**
 * Renders one answers file (refusing invalid answers), with the deadline plan when the pack
 * binds one, and prints the template warnings.
 */
export async function renderFor(ctx: Ctx, loaded: LoadedPack, read: ReadAnswers, lang: Lang, store: TemplateStore, draft = false): Promise<Rendered> {
  const planning = await planningEnv(ctx.root, loaded.pack.schedule !== undefined);
  const result = renderAnswers(loaded, read, { lang, today: ctx.today(), store, planning, voice: voiceFor(ctx, lang), ...(draft ? { draft } : {}) });
  for (const w of capLines(
    result.warnings.map((w) => formatWarn(w, ctx)),
    ctx.lang,
  ))
    ctx.out.warn(w);
  showVerdict(ctx, read.name, result.plan, loaded.pack, result.context.counter ? "counter" : "keeps");
  return result;
}

/** One stderr line when the plan is not ok: the worker learns it before the client reads the message. */
export function showVerdict(ctx: Ctx, name: string, plan: Plan | undefined, pack: Pack, effect: VerdictEffect): void {
  const line = verdictLine(plan, pack.schedule?.terms, effect);
  if (line) ctx.out.warn(`${name}: ${line[ctx.lang]}`);
}

/**
 * The path as the user sees it: relative to the working folder when inside it, without
 * control sequences (a cloned project's file named with an OSC sequence set the terminal's title).
 */
export function shown(ctx: Ctx, file: string): string {
  return stripControls(path.relative(ctx.io.cwd, file) || file);
}

/** The first output that exists and may not be replaced, as an OutputError (73). */
export function refuseExisting(ctx: Ctx, files: readonly string[], force: boolean): void {
  if (force) return;
  for (const f of files) if (fs.existsSync(f)) throw existsError(shown(ctx, f));
}

/**
 * Writes the outputs atomically, printing each path. All are checked before any is
 * written, so an answers file never gets half of its outputs.
 */
export function writeOutputs(ctx: Ctx, outputs: readonly { file: string; text: string }[], force: boolean): void {
  refuseExisting(
    ctx,
    outputs.map((o) => o.file),
    force,
  );
  for (const o of outputs) {
    writeFileAtomic(o.file, o.text, { force });
    ctx.out.info(shown(ctx, o.file));
  }
}

/** Renders and writes both outputs next to the answers file; returns their paths. */
export async function writeRenderedNextTo(
  ctx: Ctx,
  loaded: LoadedPack,
  read: ReadAnswers,
  answersFile: string,
  lang: Lang,
  store: TemplateStore,
  force: boolean,
): Promise<string[]> {
  const result = await renderFor(ctx, loaded, read, lang, store);
  const files = outputFiles(path.dirname(answersFile), stemOf(answersFile));
  writeOutputs(
    ctx,
    files.map((f) => ({ file: f.file, text: result[f.kind] })),
    force,
  );
  return files.map((f) => f.file);
}

function formatWarn(w: Problem, ctx: Ctx): string {
  const where = w.file ? `${w.file}${w.line ? `:${w.line}:${w.col ?? 1}` : ""}: ` : "";
  return `${where}${w.message[ctx.lang]}${w.fix ? ` — ${w.fix[ctx.lang]}` : ""}`;
}

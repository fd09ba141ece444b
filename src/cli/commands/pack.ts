/** `kikitori pack list|show|validate|skeleton`. */

import * as path from "node:path";
import { renderSkeleton } from "../../answers/skeleton.ts";
import { stripControls } from "../../controls.ts";
import { DataError, formatProblem, KikitoriError, type Problem } from "../../errors.ts";
import { WORDS } from "../../i18n.ts";
import { capLines } from "../../listing.ts";
import { listPacks } from "../../pack/list.ts";
import { checkPackFile, readPackFile } from "../../pack/load.ts";
import { findPack, looksLikePath } from "../../pack/lookup.ts";
import type { PackSource } from "../../pack/types.ts";
import { type Ctx, outputLang } from "../context.ts";
import { shown } from "../outputs.ts";
import { checkPlatformFlag } from "../platforms.ts";

export async function runPackList(ctx: Ctx, flags: { json?: boolean }): Promise<number> {
  const { packs, problems } = listPacks(ctx.lookup, ctx.lang);
  for (const w of capLines(
    problems.map((p) => formatProblem({ ...p, severity: undefined }, ctx.lang)),
    ctx.lang,
  ))
    ctx.out.warn(w);
  if (flags.json) {
    ctx.out.json(packs);
    return 0;
  }
  const c = ctx.out.color;
  const label: Record<PackSource, [string, string]> = {
    path: ["パス指定", "path"],
    env: ["KIKITORI_PATH", "KIKITORI_PATH"],
    project: ["プロジェクト", "project"],
    user: ["ユーザー", "user"],
    npm: ["npm", "npm"],
    builtin: ["組み込み", "built-in"],
  };
  const rows = packs.map((p) => {
    const src = ctx.out.t(...label[p.source]);
    const shadow = p.shadows.length
      ? c.yellow(
          ctx.out.t(
            ` (${p.shadows.map((s) => `${label[s.source][0]}の ${p.id}@${s.version}`).join("、")} を隠しています)`,
            ` (shadows ${p.shadows.map((s) => `${label[s.source][1]} ${p.id}@${s.version}`).join(", ")})`,
          ),
        )
      : "";
    const older = p.versions.filter((v) => v !== p.version);
    const versions = older.length ? c.dim(ctx.out.t(` (ほかの版: ${older.join(", ")})`, ` (also ${older.join(", ")})`)) : "";
    return `${c.bold(p.id)}@${p.version}${versions}  ${p.title}  ${c.dim(`[${src}] ${shown(ctx, p.file)}`)}${shadow}`;
  });
  ctx.out.out(rows.length ? rows.join("\n") : ctx.out.t("パックが見つかりません", "no packs found"));
  return 0;
}

export async function runPackShow(ctx: Ctx, ref: string, flags: { json?: boolean }): Promise<number> {
  const loaded = findPack(ref, ctx.lookup);
  const { pack } = loaded;
  if (flags.json) {
    ctx.out.json(pack);
    return 0;
  }
  const lang = outputLang(ctx);
  const c = ctx.out.color;
  const lines = [`${c.bold(pack.title[lang])}  ${pack.id}@${pack.version}`, c.dim(shown(ctx, loaded.file))];
  if (pack.description) lines.push("", pack.description[lang]);
  let n = 0;
  for (const s of pack.sections) {
    lines.push("", c.bold(`## ${s.title[lang]}`) + c.dim(` (${s.id})`));
    for (const q of s.questions) {
      n++;
      const flagsText = [
        q.required ? WORDS.required[ctx.out.lang] : "",
        q.allow_pending ? WORDS.mayBePending[ctx.out.lang] : "",
        q.when ? ctx.out.t("条件付き", "conditional") : "",
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(`${String(n).padStart(3)}. ${q.message[lang]} ${c.dim(`[${q.id}: ${q.type}${flagsText ? `; ${flagsText}` : ""}]`)}`);
      for (const ch of q.choices ?? []) lines.push(`       - ${ch.label[lang]} ${c.dim(`(${ch.value})`)}`);
    }
  }
  ctx.out.out(lines.join("\n"));
  return 0;
}

export async function runPackValidate(ctx: Ctx, files: string[], flags: { json?: boolean }): Promise<number> {
  let code = 0;
  const results: {
    file: string;
    valid: boolean;
    id?: string;
    version?: string;
    problems: { line?: number; col?: number; severity: string; message: string; fix?: string }[];
  }[] = [];
  for (const file of files) {
    let problems: Problem[] = [];
    let valid = false;
    let id: string | undefined;
    let version: string | undefined;
    try {
      // Problems in the pack file carry the name typed; those in its templates, theirs beside it.
      const check = checkPackFile(path.resolve(ctx.io.cwd, file), "path", file);
      problems = check.problems;
      valid = Boolean(check.loaded);
      id = check.loaded?.pack.id;
      version = check.loaded?.pack.version;
    } catch (e) {
      if (!(e instanceof KikitoriError)) throw e;
      problems = e instanceof DataError ? e.problems : [{ file, message: e.text }];
      if (code === 0 || e.exitCode !== 65) code = e.exitCode;
    }
    if (!valid && code === 0) code = 65;
    results.push({
      file,
      valid,
      ...(id ? { id, version } : {}),
      problems: problems.map((p) => ({
        ...(p.line ? { line: p.line, col: p.col } : {}),
        severity: p.severity ?? "error",
        message: p.message[ctx.lang],
        ...(p.fix ? { fix: p.fix[ctx.lang] } : {}),
      })),
    });
    if (!flags.json) {
      const all = problems.map((p) => formatProblem(p, ctx.lang));
      for (const l of capLines(all, ctx.lang, { ja: "すべては --json で表示できます", en: "--json lists them all" })) ctx.out.err(l);
      const c = ctx.out.color;
      const name = stripControls(file);
      if (valid) ctx.out.out(`${c.green("✓")} ${name} (${id}@${version})`);
      else
        ctx.out.out(
          `${c.red("✗")} ${name}: ${ctx.out.t(`${problems.filter((p) => p.severity !== "warning").length} 件の問題`, `${problems.filter((p) => p.severity !== "warning").length} problem(s)`)}`,
        );
    }
  }
  if (flags.json) ctx.out.json(results);
  return code;
}

export async function runPackSkeleton(ctx: Ctx, ref: string, flags: { client?: string; platform?: string }): Promise<number> {
  if (flags.platform !== undefined) checkPlatformFlag(ctx, flags.platform);
  const loaded = looksLikePath(ref) ? readPackFile(path.resolve(ctx.io.cwd, ref)) : findPack(ref, ctx.lookup);
  ctx.out.out(renderSkeleton(loaded.pack, outputLang(ctx), { client: flags.client, platform: flags.platform, now: ctx.now() }));
  return 0;
}

/**
 * `kikitori migrate <answers…> [--to VERSION] [--dry-run]`: carries hearings made with one
 * version of a pack to another (the newest installed, or --to). Every answer that fits is
 * kept; the others are kept in the file's `migrated_from:` record, never lost; the original
 * file stays as `<file>.bak`; what must be asked again is listed, for `resume` to ask.
 */
import * as path from "node:path";
import { readAnswersFile, writeAnswersFile } from "../../answers/io.ts";
import { type Migration, migrateAnswers } from "../../answers/migrate.ts";
import { KikitoriError, NotFoundError, UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { keepBackup } from "../backup.ts";
import type { Ctx } from "../context.ts";
import { reportFailure } from "../file-renderer.ts";
import { shown } from "../outputs.ts";

export interface MigrateFlags {
  to?: string;
  dryRun?: boolean;
}

export async function runMigrate(ctx: Ctx, files: string[], flags: MigrateFlags): Promise<number> {
  if (files.includes("-")) {
    throw new UsageError(msg("migrate はファイルを書き換えるため、標準入力 (-) は使えません", "migrate rewrites files: stdin (-) cannot be migrated"));
  }
  let firstFailure = 0;
  for (const arg of files) {
    try {
      migrateOne(ctx, arg, flags);
    } catch (e) {
      if (!(e instanceof KikitoriError) || files.length === 1) throw e;
      // As in a render batch: a bad file is reported, the others are still migrated.
      reportFailure(ctx, e);
      if (firstFailure === 0) firstFailure = e.exitCode;
    }
  }
  return firstFailure;
}

function migrateOne(ctx: Ctx, arg: string, flags: MigrateFlags): void {
  const file = path.resolve(ctx.io.cwd, arg);
  const read = readAnswersFile(file, arg);
  const { id, version } = read.file.pack;
  const target = targetPack(ctx, id, flags.to);
  const to = target.pack.version;
  if (to === version) {
    ctx.out.out(ctx.out.t(`${arg}: すでに ${id}@${to} の回答です (移行は不要です)`, `${arg}: already answered with ${id}@${to} (nothing to migrate)`));
    return;
  }
  const m = migrateAnswers(read.file, target.pack, ctx.now());
  const lines = report(ctx, arg, id, m);
  if (flags.dryRun) {
    lines.push(ctx.out.t("  (--dry-run: 何も書き込んでいません)", "  (--dry-run: nothing was written)"));
    ctx.out.out(lines.join("\n"));
    return;
  }
  const backup = keepBackup(file);
  writeAnswersFile(file, m.file, target.pack, { force: true });
  lines.push(ctx.out.t(`  元のファイルは ${shown(ctx, backup)} に残しました`, `  the original is kept as ${shown(ctx, backup)}`));
  ctx.out.out(lines.join("\n"));
}

/** The version asked for with --to (exactly), else the one lookup uses for new hearings. */
function targetPack(ctx: Ctx, id: string, to: string | undefined): LoadedPack {
  const loaded = findPack(id, ctx.lookup, to === undefined ? {} : { version: to });
  if (to !== undefined && loaded.pack.version !== to) {
    throw new NotFoundError(
      msg(
        `${id}@${to} が見つかりません (見つかったのは ${loaded.pack.version})。kikitori pack list で版を確認してください`,
        `${id}@${to} is not installed (found ${loaded.pack.version}): see kikitori pack list for the versions`,
      ),
    );
  }
  return loaded;
}

function report(ctx: Ctx, arg: string, id: string, m: Migration): string[] {
  const t = ctx.out.t.bind(ctx.out);
  const lang = ctx.lang;
  const lines = [
    `${arg}: ${id} ${m.from} → ${m.to}`,
    t(`  そのまま移した回答: ${m.carried.length} 件`, `  carried: ${m.carried.length} answer${m.carried.length === 1 ? "" : "s"}`),
  ];
  const asked = new Set(m.askAgain.map((a) => a.id));
  for (const d of m.dropped) {
    const mark = d.reason === "changed" ? "~" : "-";
    const tail = asked.has(d.id)
      ? t("migrated_from に保存、もう一度質問します", "kept in migrated_from; asked again")
      : t("migrated_from に保存", "kept in migrated_from");
    lines.push(`  ${mark} ${d.why[lang]} (${tail})`);
  }
  for (const a of m.askAgain) if (a.reason === "required") lines.push(`  + ${a.why[lang]} (${t("もう一度質問します", "asked again")})`);
  if (m.file.status === "in-progress") {
    lines.push(t(`  状態: in-progress。続きは kikitori resume ${arg} で入力できます`, `  status: in-progress; continue with: kikitori resume ${arg}`));
  }
  return lines;
}

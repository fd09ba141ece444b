/**
 * `kikitori resume <answers>`: continues a hearing at its first unanswered question (a
 * complete one opens on the review screen). Answers that no longer fit the pack (it changed
 * since, or the file was edited) are listed, kept in a backup copy, and asked again.
 */

import * as fs from "node:fs";
import * as path from "node:path";
import { AnswersStore } from "../../answers/autosave.ts";
import { readAnswersFile } from "../../answers/io.ts";
import { outputFiles, stemOf } from "../../answers/names.ts";
import { validateAnswers } from "../../answers/validate.ts";
import { formatProblem, NotFoundError, UsageError } from "../../errors.ts";
import { META_KEYS } from "../../flow/steps.ts";
import { count, msg } from "../../i18n.ts";
import { capLines } from "../../listing.ts";
import { findPack } from "../../pack/lookup.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { keepBackup } from "../backup.ts";
import { conductHearing } from "../conduct-hearing.ts";
import { type Ctx, outputLang, speakFileLang } from "../context.ts";
import { HearingLock } from "../hearing-lock.ts";
import { shown } from "../outputs.ts";
import { accessibleFromEnv, openSession, requireTerminal } from "../session.ts";
import { warnVersion } from "../version-warning.ts";

export interface ResumeFlags {
  pack?: string;
  force?: boolean;
  accessible?: boolean;
}

export async function runResume(ctx: Ctx, fileArg: string, flags: ResumeFlags): Promise<number> {
  const accessible = flags.accessible === true || accessibleFromEnv(ctx.io.env);
  requireTerminal(ctx, accessible, "resume");
  const file = path.resolve(ctx.io.cwd, fileArg);
  const read = readAnswersFile(file, fileArg);
  speakFileLang(ctx, read.file.lang);
  const { pack: ref } = read.file;
  const loaded = packFor(ctx, ref, flags.pack);
  if (loaded.pack.id !== ref.id) {
    throw new UsageError(
      msg(
        `${fileArg} はパック ${ref.id} の回答ですが、--pack は ${loaded.pack.id} です`,
        `${fileArg} holds answers to pack ${ref.id}, but --pack is ${loaded.pack.id}`,
      ),
    );
  }
  if (loaded.pack.version !== ref.version) warnVersion(ctx, fileArg, read, loaded, true);
  const checked = validateAnswers(loaded.pack, read.file.answers, { file: fileArg, locate: read.locate, source: read.source, requireComplete: false });
  const errors = checked.problems.filter((p) => p.severity !== "warning");
  // The review opens either way; only writing the brief and message over old ones needs --force.
  const existing = outputFiles(path.dirname(file), stemOf(file)).filter((f) => fs.existsSync(f.file));
  if (existing.length > 0 && !flags.force) {
    const names = existing.map((f) => shown(ctx, f.file)).join(", ");
    ctx.out.warn(
      ctx.out.t(
        `${names} は既にあります。回答は保存しますが、ブリーフとメッセージを作り直すには --force を付けてください`,
        `${names} already exist${existing.length === 1 ? "s" : ""}: the answers will be saved, but the brief and message are replaced only with --force`,
      ),
    );
  }
  if (errors.length > 0) keepOriginal(ctx, file, errors);
  const lang = outputLang(ctx, read.file.lang);
  const complete = read.file.status === "complete";
  const lastMigration = read.file.migrated_from?.at(-1);
  const askAgain = lastMigration && lastMigration.to === loaded.pack.version ? lastMigration.ask_again : undefined;
  if (complete) ctx.out.info(ctx.out.t("このヒアリングは完了済みです。確認画面を開きます", "This hearing is complete: opening the review screen"));
  const session = await openSession(ctx, accessible);
  const lock = new HearingLock(ctx, `kikitori resume ${fileArg}`);
  try {
    // Before the first question: a second hearing on this file is refused, naming the first.
    lock.hold(file);
    const resumeFlags = [...(flags.pack ? ["--pack", flags.pack] : []), ...(flags.accessible ? ["--accessible"] : [])];
    return await conductHearing(ctx, session, {
      loaded,
      lang,
      answers: checked.answers,
      meta: read.file.meta,
      // Stopped during the job details (no answer yet): ask the ones still missing.
      askMeta: Object.keys(checked.answers).length === 0 ? META_KEYS.filter((k) => read.file.meta[k] === undefined) : [],
      start: complete ? "review" : "fill",
      // Just migrated: ask what the migration listed, not every optional question left empty.
      ...(!complete && askAgain ? { askOnly: askAgain } : {}),
      store: new AnswersStore({
        pack: loaded.pack,
        lang,
        file,
        cwd: ctx.io.cwd,
        today: ctx.today(),
        force: true,
        ...(read.file.meta.created ? { created: read.file.meta.created } : {}),
        keep: {
          ...(read.file.migrated_from ? { migrated_from: read.file.migrated_from } : {}),
          ...(read.file.progress ? { progress: read.file.progress } : {}),
          ...(read.file.history ? { history: read.file.history } : {}),
        },
        now: ctx.now,
      }),
      force: flags.force === true,
      resumeFlags,
      lock,
    });
  } finally {
    lock.free();
    session.close();
  }
}

function packFor(ctx: Ctx, { id, version }: { id: string; version: string }, explicit: string | undefined): LoadedPack {
  if (explicit) return findPack(explicit, ctx.lookup);
  try {
    return findPack(id, ctx.lookup, { version });
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    throw new NotFoundError(
      msg(
        `パック「${id}」が見つかりません。パックのファイルを --pack で指定してください (kikitori pack list で一覧を確認できます)`,
        `pack "${id}" not found: give its file with --pack (kikitori pack list shows the packs available)`,
      ),
    );
  }
}

/** Lists the answers that will be asked again and keeps the file as it was in a backup. */
function keepOriginal(ctx: Ctx, file: string, errors: Parameters<typeof formatProblem>[0][]): void {
  ctx.out.warn(
    ctx.out.t(
      `${errors.length} 件の回答が現在のパックに合わないため、もう一度質問します:`,
      `${count(errors.length, "answer")} no longer fit${errors.length === 1 ? "s" : ""} the pack and will be asked again:`,
    ),
  );
  for (const l of capLines(
    errors.map((p) => `  ${formatProblem(p, ctx.lang)}`),
    ctx.lang,
  ))
    ctx.out.err(l);
  const backup = keepBackup(file);
  ctx.out.info(ctx.out.t(`元のファイルを ${shown(ctx, backup)} に保存しました`, `the original file is kept as ${shown(ctx, backup)}`));
}

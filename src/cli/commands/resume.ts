/**
 * `kikitori resume <answers>`: continues a hearing at its first unanswered question (a
 * complete one opens on the review screen). Answers that no longer fit the pack (it changed
 * since, or the file was edited) are listed, kept in a backup copy, and asked again.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readAnswersFile } from "../../answers/io.ts";
import { validateAnswers } from "../../answers/validate.ts";
import { formatProblem, NotFoundError, UsageError } from "../../errors.ts";
import { writeFileAtomic } from "../../files.ts";
import { META_KEYS } from "../../flow/steps.ts";
import { msg } from "../../i18n.ts";
import { capLines } from "../../listing.ts";
import { findPack } from "../../pack/lookup.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { AnswersStore } from "../answers-store.ts";
import type { Ctx } from "../context.ts";
import { conductHearing } from "../hearing.ts";
import { HearingLock } from "../hearing-lock.ts";
import { outputFiles, refuseExisting, shown, stemOf } from "../outputs.ts";
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
  const { pack: ref } = read.file;
  const loaded = packFor(ctx, ref.id, flags.pack);
  if (loaded.pack.id !== ref.id) {
    throw new UsageError(
      msg(
        `${fileArg} はパック ${ref.id} の回答ですが、--pack は ${loaded.pack.id} です`,
        `${fileArg} holds answers to pack ${ref.id}, but --pack is ${loaded.pack.id}`,
      ),
    );
  }
  if (loaded.pack.version !== ref.version) warnVersion(ctx, fileArg, read, loaded, true);
  const checked = validateAnswers(loaded.pack, read.file.answers, { file: fileArg, locate: read.locate, requireComplete: false });
  const errors = checked.problems.filter((p) => p.severity !== "warning");
  refuseExisting(
    ctx,
    outputFiles(path.dirname(file), stemOf(file)).map((f) => f.file),
    flags.force === true,
  );
  if (errors.length > 0) keepOriginal(ctx, file, errors);
  const lang = ctx.langFlag ?? read.file.lang ?? ctx.lang;
  const complete = read.file.status === "complete";
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
      store: new AnswersStore({
        pack: loaded.pack,
        lang,
        file,
        cwd: ctx.io.cwd,
        today: ctx.today(),
        force: true,
        ...(read.file.meta.created ? { created: read.file.meta.created } : {}),
        now: ctx.io.now,
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

function packFor(ctx: Ctx, id: string, explicit: string | undefined): LoadedPack {
  if (explicit) return findPack(explicit, ctx.lookup);
  try {
    return findPack(id, ctx.lookup);
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
      `${errors.length} answer${errors.length === 1 ? "" : "s"} no longer fit${errors.length === 1 ? "s" : ""} the pack and will be asked again:`,
    ),
  );
  for (const l of capLines(
    errors.map((p) => `  ${formatProblem(p, ctx.lang)}`),
    ctx.lang,
  ))
    ctx.out.err(l);
  const text = fs.readFileSync(file, "utf8");
  for (let n = 1; n < 100; n++) {
    const backup = `${file}.bak${n === 1 ? "" : `-${n}`}`;
    if (fs.existsSync(backup)) continue;
    writeFileAtomic(backup, text, { mode: 0o600 });
    ctx.out.info(ctx.out.t(`元のファイルを ${shown(ctx, backup)} に保存しました`, `the original file is kept as ${shown(ctx, backup)}`));
    return;
  }
}

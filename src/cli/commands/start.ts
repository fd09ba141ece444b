/**
 * `kikitori start [pack]`: a hearing in the terminal (or line by line with --accessible),
 * and `start <pack> --defaults [--set id=value …]`: the same answers without prompts.
 */

import * as fs from "node:fs";
import * as path from "node:path";
import { AnswersStore } from "../../answers/autosave.ts";
import { type SetArg, splitSetArg } from "../../answers/coerce.ts";
import { outputFiles, stemOf } from "../../answers/names.ts";
import type { Meta } from "../../answers/types.ts";
import { DataError, NotFoundError, OutputError, UsageError } from "../../errors.ts";
import { missingProblems, missingRequired, presetAnswers } from "../../flow/preset.ts";
import { Interrupted } from "../../flow/prompter.ts";
import { META_KEYS, platformQuestion, syncPlatform } from "../../flow/steps.ts";
import { count, type Lang, msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import type { LoadedPack } from "../../pack/types.ts";
import { templateStore } from "../../render/templates.ts";
import { conductHearing, interrupted } from "../conduct-hearing.ts";
import { type Ctx, outputLang } from "../context.ts";
import { HearingLock, lockedError, lockOwner } from "../hearing-lock.ts";
import { noteFirstReply, orderedFlag, replyWindowPlatform } from "../ordered.ts";
import { refuseExisting, shown, writeRenderedNextTo } from "../outputs.ts";
import { refuseInputAsOutput } from "../overlap.ts";
import { checkPlatformFlag } from "../platforms.ts";
import { accessibleFromEnv, openSession, requireTerminal } from "../session.ts";

export interface StartFlags {
  output?: string;
  client?: string;
  platform?: string;
  job?: string;
  defaults?: boolean;
  set?: string[];
  force?: boolean;
  accessible?: boolean;
  ordered?: string;
}

export async function runStart(ctx: Ctx, ref: string | undefined, flags: StartFlags): Promise<number> {
  const sets = parseSets(flags.set ?? []);
  if (flags.platform !== undefined) checkPlatformFlag(ctx, flags.platform);
  if (flags.ordered !== undefined) flags = { ...flags, ordered: orderedFlag(ctx, flags.ordered) };
  const lang = outputLang(ctx);
  const output = flags.output ? path.resolve(ctx.io.cwd, flags.output) : undefined;
  if (output) refuseInputAsOutput(ctx, output, [ref]);
  if (flags.defaults) {
    if (!ref)
      throw new UsageError(
        msg("--defaults にはパックの指定が必要です: kikitori start <パック> --defaults", "--defaults needs a pack: kikitori start <pack> --defaults"),
      );
    return runDefaults(ctx, findPack(ref, ctx.lookup), sets, output, flags);
  }
  const accessible = flags.accessible === true || accessibleFromEnv(ctx.io.env);
  requireTerminal(ctx, accessible, "start");
  if (output) checkOutput(ctx, output, flags.force === true);
  let loaded = ref ? findPack(ref, ctx.lookup) : undefined;
  // Checked before the first prompt, so a bad --set fails at once.
  let preset = loaded ? checkedPreset(ctx, loaded, withPlatform(loaded, sets, flags), false) : undefined;
  const session = await openSession(ctx, accessible);
  const resumeFlags = accessible && flags.accessible ? ["--accessible"] : [];
  const lock = new HearingLock(ctx, ["kikitori start", ref].filter(Boolean).join(" "));
  try {
    // Before the first question: a file another hearing has open is refused at once.
    if (output) lock.hold(output);
    if (!loaded) {
      const { listPacks } = await import("../../pack/list.ts");
      const packs = listPacks(ctx.lookup, lang).packs;
      if (packs.length === 0) {
        throw new NotFoundError(
          msg(
            "使えるパックがありません。KIKITORI_PATH か ./questionnaires/ に置いてください",
            "no packs found: put one in ./questionnaires/ or a folder of KIKITORI_PATH",
          ),
        );
      }
      try {
        loaded = findPack(await session.prompter.choosePack(lang, packs), ctx.lookup);
      } catch (e) {
        throw e instanceof Interrupted ? interrupted(ctx, session, undefined, []) : e;
      }
    }
    preset ??= checkedPreset(ctx, loaded, withPlatform(loaded, sets, flags), false);
    if (loaded.source === "path") resumeFlags.push("--pack", path.relative(ctx.io.cwd, loaded.file) || loaded.file);
    const meta = metaFromFlags(flags);
    const store = newStore(ctx, loaded, lang, output, flags);
    return await conductHearing(ctx, session, {
      loaded,
      lang,
      answers: preset,
      meta,
      askMeta: META_KEYS.filter((k) => meta[k] === undefined),
      start: "walk",
      given: withPlatform(loaded, sets, flags).map((s) => s.id),
      store,
      force: flags.force === true,
      resumeFlags,
      lock,
    });
  } finally {
    lock.free();
    session.close();
  }
}

/** `--defaults`: the pack's defaults and the --set values, checked together, no prompts. */
async function runDefaults(ctx: Ctx, loaded: LoadedPack, sets: SetArg[], output: string | undefined, flags: StartFlags): Promise<number> {
  const lang = outputLang(ctx);
  const answers = checkedPreset(ctx, loaded, withPlatform(loaded, sets, flags), true);
  if (output) checkOutput(ctx, output, flags.force === true);
  // Not over a file a hearing has open (--force would replace it under that hearing). Not a
  // hearing itself: parallel scripts writing one file each leave one whole file, as before.
  const owner = output ? lockOwner(output) : undefined;
  if (output && owner) throw lockedError(ctx, output, owner);
  const store = newStore(ctx, loaded, lang, output, flags);
  const meta = syncPlatform(loaded.pack, answers, metaFromFlags(flags));
  // Without prompts the order time defaults to now on a platform that counts from it.
  const platform = replyWindowPlatform(ctx, loaded.pack, answers, meta);
  if (platform && !meta.ordered) meta.ordered = ctx.now();
  const doc = store.save({ answers, meta }, "complete");
  const file = store.file ?? "";
  ctx.out.info(ctx.out.t(`回答: ${shown(ctx, file)}`, `answers: ${shown(ctx, file)}`));
  await writeRenderedNextTo(
    ctx,
    loaded,
    { file: doc, name: shown(ctx, file), locate: () => undefined },
    file,
    lang,
    templateStore(ctx.templatesDir),
    flags.force === true,
  );
  noteFirstReply(ctx, platform, doc.meta.ordered);
  return 0;
}

/**
 * --set values checked against the pack (every problem at once, exit 65). With `complete`,
 * the pack's defaults fill the rest and each required answer still missing is a problem.
 */
function checkedPreset(ctx: Ctx, loaded: LoadedPack, sets: SetArg[], complete: boolean) {
  const preset = presetAnswers(loaded.pack, sets, { defaults: complete });
  for (const id of preset.ignored) {
    ctx.out.warn(
      ctx.out.t(`--set ${id}: この質問は条件に当てはまらないため無視しました`, `--set ${id}: ignored, the question does not apply (its condition is false)`),
    );
  }
  // A question given a wrong value is reported once, for its value, not also as missing.
  const refused = new Set(preset.problems.map((p) => p.path));
  const missing = complete ? missingProblems(missingRequired(loaded.pack, preset.answers).filter((q) => !refused.has(q.id))) : [];
  const problems = [...preset.problems, ...missing];
  if (problems.length > 0) {
    const n = problems.length;
    const title =
      preset.problems.length === 0
        ? msg(`必須の回答が ${n} 件ありません`, `${n} required answer${n === 1 ? " is" : "s are"} missing`)
        : msg(`指定した回答に ${n} 件の問題があります`, `${count(n, "problem")} with the answers given`);
    throw new DataError(title, problems);
  }
  return preset.answers;
}

/** `--set id=value` flags; one without `=` is a usage error (2), before anything is read. */
export function parseSets(args: readonly string[]): SetArg[] {
  return args.map((a) => {
    const s = splitSetArg(a);
    if (!s) throw new UsageError(msg(`--set「${a}」は id=値 の形で指定してください`, `--set "${a}" must be id=value`));
    return s;
  });
}

/**
 * A pack that asks the platform itself (its schedule reads it from a question) gets
 * --platform as the answer to that question, when it is one of the choices and no --set
 * already answers it.
 */
function withPlatform(loaded: LoadedPack, sets: SetArg[], flags: StartFlags): SetArg[] {
  const q = platformQuestion(loaded.pack);
  const p = flags.platform?.trim();
  if (!q || !p || sets.some((s) => s.id === q.id) || !q.choices?.some((c) => c.value === p)) return sets;
  return [...sets, { id: q.id, text: p }];
}

function metaFromFlags(flags: StartFlags): Meta {
  const meta: Meta = {};
  if (flags.client?.trim()) meta.client = flags.client.trim();
  if (flags.job?.trim()) meta.job = flags.job.trim();
  if (flags.platform?.trim()) meta.platform = flags.platform.trim();
  if (flags.ordered) meta.ordered = flags.ordered;
  return meta;
}

/** Refuses at once (73) what would fail at the end: an existing file, a missing folder. */
function checkOutput(ctx: Ctx, file: string, force: boolean): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    throw new OutputError(
      msg(`${shown(ctx, file)} に書き込めません: フォルダがありません`, `${shown(ctx, file)} cannot be written: the folder does not exist`),
    );
  }
  refuseExisting(ctx, [file, ...outputFiles(dir, stemOf(file)).map((f) => f.file)], force);
}

/** Where the hearing's answers are saved: -o, else a new default name in the working folder. */
function newStore(ctx: Ctx, loaded: LoadedPack, lang: Lang, output: string | undefined, flags: StartFlags): AnswersStore {
  return new AnswersStore({
    pack: loaded.pack,
    lang,
    ...(output ? { file: output } : {}),
    cwd: ctx.io.cwd,
    today: ctx.today(),
    force: flags.force === true,
    now: ctx.now,
  });
}

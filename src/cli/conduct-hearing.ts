/**
 * Running a hearing to its end for `start` and `resume`: the flow with autosave after every
 * answer, then `status: complete`, the brief and the message next to the answers file. An
 * interruption becomes a CancelledError (130, or 143 for SIGTERM) that says how to resume.
 */

import type { AnswersStore } from "../answers/autosave.ts";
import type { Answers, Meta } from "../answers/types.ts";
import { CancelledError, OutputError } from "../errors.ts";
import { runHearing } from "../flow/hearing.ts";
import { Interrupted } from "../flow/prompter.ts";
import type { MetaKey } from "../flow/steps.ts";
import { type Lang, msg } from "../i18n.ts";
import type { LoadedPack } from "../pack/types.ts";
import { templateStore } from "../render/templates.ts";
import { Autosave } from "./autosave.ts";
import type { Ctx } from "./context.ts";
import type { HearingLock } from "./hearing-lock.ts";
import { askOrdered, noteFirstReply, replyWindowPlatform } from "./ordered.ts";
import { shown, writeRenderedNextTo } from "./outputs.ts";
import { platformChoices } from "./platforms.ts";
import type { Session } from "./session.ts";

export interface Conduct {
  loaded: LoadedPack;
  lang: Lang;
  answers: Answers;
  meta: Meta;
  askMeta: readonly MetaKey[];
  start: "walk" | "fill" | "review";
  /** Question ids answered on the command line (not asked in the walk). */
  given?: readonly string[];
  /** fill: only these questions (after migrate). */
  askOnly?: readonly string[];
  store: AnswersStore;
  /** Replace existing brief and message files at the end. */
  force: boolean;
  /** Flags `resume` needs again (`--pack FILE`, `--accessible`). */
  resumeFlags: string[];
  /** Held on the answers file while the hearing runs (taken at the first save when the name is chosen then). */
  lock: HearingLock;
}

export async function conductHearing(ctx: Ctx, session: Session, o: Conduct): Promise<number> {
  const autosave = new Autosave(ctx, o.store, o.loaded.pack, o.lang, o.lock);
  const stopped = (e: unknown) => (e instanceof Interrupted ? interruptedWith(ctx, session, autosave, o) : e);
  let state: Awaited<ReturnType<typeof runHearing>>;
  try {
    state = await runHearing(
      {
        pack: o.loaded.pack,
        lang: o.lang,
        answers: o.answers,
        meta: o.meta,
        askMeta: o.askMeta,
        platforms: platformChoices(ctx.root),
        start: o.start,
        ...(o.given ? { given: o.given } : {}),
        ...(o.askOnly ? { askOnly: o.askOnly } : {}),
        save: async (s) => {
          await autosave.save(s, "in-progress", session.prompter);
        },
      },
      session.prompter,
    );
    // On a platform that cancels unanswered orders, when the order came in (Enter: now).
    if (!state.meta.ordered) {
      const platform = replyWindowPlatform(ctx, o.loaded.pack, state.answers, state.meta);
      const ordered = platform ? await askOrdered(ctx, session, o.lang, platform) : undefined;
      if (ordered) state = { ...state, meta: { ...state.meta, ordered } };
    }
  } catch (e) {
    throw stopped(e);
  }
  let doc: Awaited<ReturnType<Autosave["save"]>>;
  try {
    // Never undefined: a hearing cannot finish without its file ("carry on" is not offered).
    doc = await autosave.save(state, "complete", session.prompter);
  } catch (e) {
    throw stopped(e);
  }
  if (!doc) throw stopped(new Interrupted("aborted"));
  const file = o.store.file ?? "";
  ctx.out.info(ctx.out.t(`ヒアリングが完了しました。回答: ${shown(ctx, file)}`, `Hearing complete. Answers: ${shown(ctx, file)}`));
  try {
    await writeRenderedNextTo(
      ctx,
      o.loaded,
      { file: doc, name: shown(ctx, file), locate: () => undefined },
      file,
      o.lang,
      templateStore(ctx.templatesDir),
      o.force,
    );
  } catch (e) {
    if (!(e instanceof OutputError) || o.force) throw e;
    // The answers are saved; say how to write the outputs that were kept.
    const name = shown(ctx, file);
    throw new OutputError(e.text, [
      msg(
        `回答は ${name} に保存しました。ブリーフとメッセージを作り直すには: kikitori render ${quote(name)} --force`,
        `The answers are saved in ${name}. To write the brief and message over the old ones: kikitori render ${quote(name)} --force`,
      ),
    ]);
  }
  noteFirstReply(ctx, replyWindowPlatform(ctx, o.loaded.pack, doc.answers, doc.meta), doc.meta.ordered);
  return 0;
}

/** An interruption while answers were unsaved (autosave failed): they are kept somewhere first. */
function interruptedWith(ctx: Ctx, session: Session, autosave: Autosave, o: Conduct): CancelledError {
  // Saved means saved: a new hearing stopped before its first answer wrote nothing, even with -o.
  if (!autosave.pending) return interrupted(ctx, session, o.store.last || o.start !== "walk" ? o.store.file : undefined, o.resumeFlags, o.store.file);
  const file = autosave.rescue();
  if (file) return interrupted(ctx, session, file, o.resumeFlags);
  return new CancelledError(
    msg("中断しました。回答は上に表示してあります", "Interrupted. The answers are printed above"),
    session.signal() === "SIGTERM" ? 143 : 130,
  );
}

/** The error for an interrupted hearing: what was kept, and the command that continues it. */
export function interrupted(ctx: Ctx, session: Session, file: string | undefined, resumeFlags: readonly string[], unwritten?: string): CancelledError {
  const code = session.signal() === "SIGTERM" ? 143 : 130;
  if (!file) {
    const not = unwritten ? shown(ctx, unwritten) : undefined;
    return new CancelledError(
      msg(
        `中断しました。まだ回答がないため、何も保存していません${not ? ` (${not} は作成していません)` : ""}`,
        `Interrupted before the first answer: nothing was saved${not ? ` (${not} was not created)` : ""}`,
      ),
      code,
    );
  }
  const name = shown(ctx, file);
  const cmd = ["kikitori", "resume", quote(name), ...resumeFlags.map(quote)].join(" ");
  return new CancelledError(
    msg(
      `中断しました。ここまでの回答は ${name} に保存してあります。続きは次のコマンドで再開できます: ${cmd}`,
      `Interrupted. The answers so far are saved in ${name}. Continue with: ${cmd}`,
    ),
    code,
  );
}

/** Quotes a shell word only when it needs it. */
function quote(s: string): string {
  return /^[\p{L}\p{N}_./@:=+-]+$/u.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

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
import type { Ctx } from "./context.ts";
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
}

export async function conductHearing(ctx: Ctx, session: Session, o: Conduct): Promise<number> {
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
        save: (s) => {
          o.store.save(s, "in-progress");
        },
      },
      session.prompter,
    );
  } catch (e) {
    throw e instanceof Interrupted ? interrupted(ctx, session, o.store.file, o.resumeFlags) : e;
  }
  const doc = o.store.save(state, "complete");
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
  return 0;
}

/** The error for an interrupted hearing: what was kept, and the command that continues it. */
export function interrupted(ctx: Ctx, session: Session, file: string | undefined, resumeFlags: readonly string[]): CancelledError {
  const code = session.signal() === "SIGTERM" ? 143 : 130;
  if (!file) {
    return new CancelledError(msg("中断しました。まだ回答がないため、何も保存していません", "Interrupted before the first answer: nothing was saved"), code);
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

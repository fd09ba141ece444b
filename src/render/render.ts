/**
 * One answers file → its brief and confirmation message. Validates the answers against the
 * pack first: nothing is rendered from answers that are not valid.
 */

import type { ReadAnswers } from "../answers/io.ts";
import type { Answers, AnswersFile } from "../answers/types.ts";
import { validateAnswers } from "../answers/validate.ts";
import { runChecks } from "../checks/evaluate.ts";
import { DataError, type Problem } from "../errors.ts";
import { count, type Lang, msg } from "../i18n.ts";
import type { LoadedPack, Pack } from "../pack/types.ts";
import type { Plan } from "../schedule/index.ts";
import { buildContext, type RenderContext, type Voice } from "./context.ts";
import { nextContactOf, type PlanningEnv, type PlanOutcome, planFromAnswers, platformOf, scheduleView } from "./schedule.ts";
import type { TemplateStore } from "./templates.ts";

export interface RenderOptions {
  lang: Lang;
  today: string;
  store: TemplateStore;
  /** Platforms and calendars for the deadline flow; without it no plan is made. */
  planning?: PlanningEnv;
  /** Who signs the messages and how formally. */
  voice?: Voice;
  /** `render --draft`: required answers may be missing; the brief says it is a draft. */
  draft?: boolean;
}

export interface Rendered {
  brief: string;
  message: string;
  context: RenderContext;
  plan?: Plan;
  warnings: Problem[];
}

/**
 * The answers of a file, valid against the pack, or a DataError (65) listing every problem.
 * A draft may lack required answers (everything else must still be right).
 */
export function checkedAnswers(pack: Pack, read: ReadAnswers, opts: { draft?: boolean } = {}): { answers: Answers; warnings: Problem[] } {
  const { answers, problems } = validateAnswers(pack, read.file.answers, {
    file: read.name,
    locate: read.locate,
    source: read.source,
    requireComplete: opts.draft !== true,
  });
  const errors = problems.filter((p) => p.severity !== "warning");
  if (errors.length > 0) {
    // An unfinished hearing: say how to finish it, or how to see a draft meanwhile.
    const { id, version } = read.file.pack;
    const migrate: Problem[] =
      version !== pack.version
        ? [
            {
              message: msg(
                `回答は ${id}@${version} で作られましたが、その版はインストールされていません。kikitori migrate ${read.name} で回答を ${pack.version} に移せます (元のファイルは .bak に残ります)`,
                `the answers were made with ${id}@${version}, which is not installed: kikitori migrate ${read.name} carries them to ${pack.version} (keeping the original as .bak)`,
              ),
            },
          ]
        : [];
    const hint: Problem[] =
      read.file.status === "in-progress" && !opts.draft
        ? [
            {
              message: msg(
                `ヒアリングは途中です: kikitori resume ${read.name} で続けるか、kikitori render ${read.name} --draft で下書きのブリーフを作れます`,
                `the hearing is in progress: continue it with kikitori resume ${read.name}, or see a draft brief with kikitori render ${read.name} --draft`,
              ),
            },
          ]
        : [];
    throw new DataError(msg(`${read.name} の回答に ${errors.length} 件の問題があります`, `${read.name}: ${count(errors.length, "answer problem")}`), [
      ...errors,
      ...migrate,
      ...hint,
    ]);
  }
  return { answers, warnings: problems.filter((p) => p.severity === "warning") };
}

export function renderAnswers(loaded: LoadedPack, read: ReadAnswers, opts: RenderOptions): Rendered {
  const { answers, warnings } = checkedAnswers(loaded.pack, read, { draft: opts.draft === true });
  const context = buildRenderContext(loaded, read.file, answers, opts);
  const brief = opts.store.get("brief", opts.lang, loaded)(context);
  const message = opts.store.get("message-confirm", opts.lang, loaded)(context);
  const plan = (context.schedule as { plan?: Plan } | null)?.plan;
  return { brief: tidy(brief), message: tidy(message), context, ...(plan ? { plan } : {}), warnings };
}

/** The full render context of valid answers: answers, plan, next contact date. */
export function buildRenderContext(loaded: LoadedPack, file: AnswersFile, answers: Answers, opts: Omit<RenderOptions, "store">): RenderContext {
  const outcome = opts.planning ? planFromAnswers(loaded.pack, answers, file.meta, opts.planning) : undefined;
  return contextWithPlan(loaded.pack, file, answers, opts, outcome);
}

/** The render context for answers whose plan (if any) is already made: the schedule view and next contact from it. */
export function contextWithPlan(
  pack: Pack,
  file: AnswersFile,
  answers: Answers,
  opts: Omit<RenderOptions, "store">,
  outcome: PlanOutcome | undefined,
): RenderContext {
  const platformNames = Object.fromEntries((opts.planning?.platforms ?? []).map((p) => [p.id, p.name]));
  const view = opts.planning ? scheduleView(outcome, pack, opts.lang, opts.planning, opts.today) : null;
  const platformId = outcome?.plan?.platform ?? file.meta.platform;
  const platformChecks = opts.planning?.platforms.find((p) => p.id === platformId)?.checks;
  const checks = runChecks({ pack, answers, ...(outcome?.plan ? { plan: outcome.plan } : {}), ...(platformChecks ? { platformChecks } : {}) });
  return buildContext({
    pack,
    file,
    answers,
    lang: opts.lang,
    today: opts.today,
    nextContact: nextContactOf(outcome?.plan, opts.today),
    // A late plan's first draft is not a date to promise: proposals then name no date.
    firstDraft: outcome?.plan?.firstDraftDate,
    firstDraftFirm: outcome?.plan !== undefined && outcome.plan.verdict !== "late",
    restated: outcome?.plan ? restatedQuestions(pack) : new Set(),
    platformNames,
    platform: platformOf(outcome?.plan, file.meta.platform, opts.planning),
    ...(opts.voice ? { voice: opts.voice } : {}),
    schedule: view && outcome?.plan ? { ...view, plan: outcome.plan } : view,
    checks,
    ...(opts.draft ? { draft: true } : {}),
  });
}

/** The questions bound to the deadline and its meaning: the schedule section says them in a sentence. */
function restatedQuestions(pack: Pack): Set<string> {
  const out = new Set<string>();
  for (const key of ["due", "due_means"] as const) {
    const b = pack.schedule?.[key];
    if (typeof b === "object" && b !== null) out.add(b.question);
  }
  return out;
}

/** Collapses runs of blank lines that conditional template blocks leave behind. */
export function tidy(s: string): string {
  return `${s.replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

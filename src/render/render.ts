/**
 * One answers file → its brief and confirmation message. Validates the answers against the
 * pack first: nothing is rendered from answers that are not valid.
 */

import type { ReadAnswers } from "../answers/io.ts";
import { validateAnswers } from "../answers/validate.ts";
import { DataError } from "../errors.ts";
import type { Lang, Msg } from "../i18n.ts";
import { msg } from "../i18n.ts";
import type { LoadedPack } from "../pack/types.ts";
import { buildContext, type RenderContext } from "./context.ts";
import type { TemplateStore } from "./templates.ts";

export interface RenderOptions {
  lang: Lang;
  today: string;
  store: TemplateStore;
  platformNames?: Record<string, Msg>;
  /** Extra context (the schedule plan) computed by the caller from the answers. */
  extend?: (ctx: RenderContext) => void;
  nextContact: (today: string) => string;
}

export interface Rendered {
  brief: string;
  message: string;
  context: RenderContext;
  warnings: import("../errors.ts").Problem[];
}

export function renderAnswers(loaded: LoadedPack, read: ReadAnswers, opts: RenderOptions): Rendered {
  const { answers, problems } = validateAnswers(loaded.pack, read.file.answers, { file: read.name, locate: read.locate });
  const errors = problems.filter((p) => p.severity !== "warning");
  if (errors.length > 0) {
    throw new DataError(
      msg(`${read.name} の回答に ${errors.length} 件の問題があります`, `${read.name}: ${errors.length} answer problem${errors.length === 1 ? "" : "s"}`),
      errors,
    );
  }
  const context = buildContext({
    pack: loaded.pack,
    file: read.file,
    answers,
    lang: opts.lang,
    today: opts.today,
    nextContact: opts.nextContact(opts.today),
    ...(opts.platformNames ? { platformNames: opts.platformNames } : {}),
  });
  opts.extend?.(context);
  const brief = opts.store.get("brief", opts.lang, loaded)(context);
  const message = opts.store.get("message-confirm", opts.lang, loaded)(context);
  return { brief: tidy(brief), message: tidy(message), context, warnings: problems.filter((p) => p.severity === "warning") };
}

/** Collapses runs of blank lines that conditional template blocks leave behind. */
export function tidy(s: string): string {
  return `${s.replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

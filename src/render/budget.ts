/**
 * A budget for one render of a template. Templates are the only loops a pack can write:
 * seven nested `{{#each}}` over forty sections is 40⁷ iterations, a render that never ends.
 * Every `each` (also the implicit one of `{{#list}}…{{/list}}` over an array) counts its
 * iterations and the text they produce against the budget of the render, and past it the
 * render stops with the template's line (exit 65).
 */
import type Handlebars from "handlebars";

export const TEMPLATE_LIMITS = {
  /** Loop iterations per render: a 2 MiB answers file holds at most ~500,000 list items. */
  iterations: 1_000_000,
  /** Characters produced inside loops per render (nested loops count their text at each level). */
  chars: 128 * 1024 * 1024,
};

export interface TemplateBudget {
  iterations: number;
  chars: number;
}

export function newBudget(): TemplateBudget {
  return { ...TEMPLATE_LIMITS };
}

/** Where a render went over its budget, and which part of it. */
export class TemplateBudgetError extends Error {
  constructor(
    readonly what: "iterations" | "chars",
    readonly line: number | undefined,
    readonly col: number | undefined,
  ) {
    super(`template render over budget (${what})`);
  }
}

type Loc = { start?: { line?: number; column?: number } } | undefined;
type Instance = { helpers: Record<string, Handlebars.HelperDelegate>; registerHelper(name: string, fn: Handlebars.HelperDelegate): void };

/**
 * Makes the instance's `each` count against the budget the render put in its data
 * (`data.kikitoriBudget`, see engine.ts). blockHelperMissing calls `helpers.each` too.
 */
export function limitLoops(hb: Instance): void {
  const each = hb.helpers.each;
  if (!each) return;
  hb.registerHelper("each", function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const budget = (options?.data as { kikitoriBudget?: TemplateBudget } | undefined)?.kikitoriBudget;
    if (!budget) return each.call(this, context, options);
    const fn = options.fn;
    const loc = (options as { loc?: Loc }).loc;
    const over = (what: "iterations" | "chars") => new TemplateBudgetError(what, loc?.start?.line, (loc?.start?.column ?? 0) + 1);
    const counted = Object.assign(function (this: unknown, ...args: Parameters<Handlebars.TemplateDelegate>) {
      if (--budget.iterations < 0) throw over("iterations");
      const out = fn.apply(this, args);
      budget.chars -= out.length;
      if (budget.chars < 0) throw over("chars");
      return out;
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
}

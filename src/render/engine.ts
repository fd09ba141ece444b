/**
 * The project's own Handlebars instance: strict (a misspelt field is an error, not a blank),
 * no HTML escaping (the output is Markdown), and only the helpers below. Never the global
 * instance, so nothing a template registers leaks into another render.
 */
import type Handlebars from "handlebars";
import HandlebarsRuntime from "handlebars/runtime";
import { formatDate, formatShortDate } from "../date-format.ts";
import { DataError } from "../errors.ts";
import { isLang, msg } from "../i18n.ts";
import { requireLibrary } from "../libraries.ts";
import { checkTemplateSource, type TemplateHelper } from "../pack/template-guard.ts";
import { limitLoops, newBudget, TEMPLATE_LIMITS, TemplateBudgetError } from "./budget.ts";
import { escapeBlock, escapeCell, escapeInline, escapeLine, linkOrText, plainLine, quoteBlock } from "./markdown.ts";

export type TemplateFn = (context: object) => string;

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const langOf = (options: Handlebars.HelperOptions) => {
  const l = (options.data as { root?: { lang?: unknown } } | undefined)?.root?.lang;
  return isLang(l) ? l : "en";
};

/**
 * The helpers templates may use; pack templates may use these and no others. The names are
 * declared in pack/template-guard.ts (which checks pack templates): the type keeps both lists equal.
 */
export const HELPERS: Record<TemplateHelper, Handlebars.HelperDelegate> = {
  md: (v: unknown) => escapeInline(str(v)),
  line: (v: unknown) => escapeLine(str(v)),
  plain: (v: unknown) => plainLine(str(v)),
  block: (v: unknown) => escapeBlock(str(v)),
  quote: (v: unknown) => quoteBlock(str(v)),
  cell: (v: unknown) => escapeCell(str(v)),
  link: (v: unknown) => linkOrText(str(v)),
  date: (v: unknown, options: Handlebars.HelperOptions) => formatDate(str(v), langOf(options)),
  shortdate: (v: unknown, options: Handlebars.HelperOptions) => formatShortDate(str(v), langOf(options)),
  eq: (a: unknown, b: unknown) => a === b,
  inc: (n: unknown) => Number(n) + 1,
};

let instance: typeof Handlebars | undefined;
let runtimeInstance: typeof HandlebarsRuntime | undefined;

/**
 * The full Handlebars (with its compiler), for templates that packs bring. Loaded on first
 * use: built-in templates are precompiled and need only the runtime.
 */
export function handlebars(): typeof Handlebars {
  if (!instance) {
    const full = requireLibrary("handlebars") as typeof Handlebars;
    instance = full.create();
    for (const [name, fn] of Object.entries(HELPERS)) instance.registerHelper(name, fn);
    // `log` writes to the console (our stdout): no template needs it.
    instance.unregisterHelper("log");
    limitLoops(instance);
  }
  return instance;
}

/** The runtime-only Handlebars that runs the build's precompiled templates. */
function runtime(): typeof HandlebarsRuntime {
  if (!runtimeInstance) {
    runtimeInstance = HandlebarsRuntime.create();
    for (const [name, fn] of Object.entries(HELPERS)) runtimeInstance.registerHelper(name, fn);
    runtimeInstance.unregisterHelper("log");
    limitLoops(runtimeInstance);
  }
  return runtimeInstance;
}

/**
 * A template a pack brought: checked on its parsed form (template-guard.ts) before it is
 * compiled, even though packs are checked when they load, because the file could have
 * changed since.
 */
export function compileUntrustedTemplate(source: string, name: string): TemplateFn {
  const issues = checkTemplateSource(source);
  if (issues.length > 0) {
    throw new DataError(
      msg(`テンプレート ${name} は使えません`, `template ${name} is refused`),
      issues.map((i) => ({ file: name, line: i.line, col: i.col, message: i.message, fix: i.fix })),
    );
  }
  return compileTemplate(source, name);
}

export function compileTemplate(source: string, name: string): TemplateFn {
  const hb = handlebars();
  let fn: Handlebars.TemplateDelegate;
  try {
    // Parse now so syntax errors surface here, with the template's name, not mid-render.
    hb.parse(source);
    fn = hb.compile(source, { strict: true, noEscape: true, knownHelpersOnly: false });
  } catch (e) {
    throw new DataError(msg(`テンプレート ${name} を読み込めません`, `template ${name} cannot be compiled`), [
      {
        file: name,
        message: msg(String((e as Error).message).split("\n")[0] ?? "", String((e as Error).message).split("\n")[0] ?? ""),
        fix: msg("Handlebars の構文を直してください", "fix the Handlebars syntax"),
      },
    ]);
  }
  return guarded(fn, name);
}

/** A template the build precompiled (see scripts/gen-builtin.ts). */
export function templateFromSpec(spec: object, name: string): TemplateFn {
  return guarded(runtime().template(spec as Parameters<typeof HandlebarsRuntime.template>[0]), name);
}

function guarded(fn: Handlebars.TemplateDelegate, name: string): TemplateFn {
  return (context: object) => {
    try {
      return fn(context, {
        data: { kikitoriBudget: newBudget() },
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
    } catch (e) {
      if (e instanceof TemplateBudgetError) throw overBudget(e, name);
      // Text past the longest string V8 can hold (`{{x}}` written ten thousand times).
      if (e instanceof RangeError) throw overBudget(new TemplateBudgetError("chars", undefined, undefined), name);
      // Handlebars names the context object it looked in: "[object Object]" helps nobody.
      const why = (String((e as Error).message).split("\n")[0] ?? "").replace(" in [object Object]", "");
      throw new DataError(msg(`テンプレート ${name} を描画できません`, `template ${name} failed to render`), [
        {
          file: name,
          message: msg(why, why),
          fix: msg("テンプレートが使う項目名を確認してください (README の「テンプレート」)", "check the fields the template uses (README, Templates)"),
        },
      ]);
    }
  };
}

function overBudget(e: TemplateBudgetError, name: string): DataError {
  const n = e.what === "iterations" ? String(TEMPLATE_LIMITS.iterations) : `${TEMPLATE_LIMITS.chars / 1024 / 1024} MiB`;
  return new DataError(msg(`テンプレート ${name} の処理が多すぎるため止めました`, `template ${name} was stopped: it does too much work`), [
    {
      file: name,
      ...(e.line !== undefined ? { line: e.line, col: e.col ?? 1 } : {}),
      message:
        e.what === "iterations"
          ? msg(`この {{#each}} の繰り返しが1回の描画で ${n} 回を超えました`, `this {{#each}} ran more than ${n} times in one render`)
          : msg(`出力が1回の描画で ${n} を超えました`, `it wrote more than ${n} in one render`),
      fix: msg("{{#each}} の入れ子や同じ項目の繰り返しを減らしてください", "nest fewer {{#each}} blocks and repeat fewer fields"),
    },
  ]);
}

import { stripControls } from "../controls.ts";
import type { Lang } from "../i18n.ts";
import type { PackInput, QuestionInput } from "./schema.ts";
import { normalizeStages } from "./stages.ts";
import type { Pack, Question, TermKey, Text } from "./types.ts";

/** Schedule keys the planner reads as whole numbers. */
const COUNT_KEYS = ["revisions", "review_days", "checkin_every"] as const;

/**
 * The pack as the rest of kikitori sees it. Every string a pack can show (texts, defaults,
 * schedule values, inline templates) is stripped of terminal control sequences here, once,
 * so prompts, `pack show`, `ask` and renders never pass a hostile pack's escapes to a terminal.
 */
export function normalizePack(input: PackInput): Pack {
  const first = input.languages[0] ?? "ja";
  const clean = stripControls;
  const text = (t: string | Record<string, string>): Text => {
    if (typeof t === "string") return { ja: clean(t), en: clean(t) };
    const pick = (l: Lang) => clean(t[l] ?? t[first] ?? Object.values(t)[0] ?? "");
    return { ja: pick("ja"), en: pick("en") };
  };
  // Schedule bindings, defaults and templates are small trees of plain data.
  const deep = <T>(v: T): T =>
    (typeof v === "string"
      ? clean(v)
      : Array.isArray(v)
        ? v.map(deep)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]))
          : v) as T;
  const opt = (t: string | Record<string, string> | undefined) => (t === undefined ? undefined : text(t));
  // The planner counts revision rounds, review days and check-in days in whole numbers:
  // the questions it reads them from (without a map) take whole numbers, on every path.
  const counts = new Set(COUNT_KEYS.map((k) => input.schedule?.[k]).flatMap((b) => (b && typeof b === "object" && !b.map ? [b.question] : [])));
  const question = (q: QuestionInput): Question =>
    strip({
      id: q.id,
      type: q.type,
      message: text(q.message),
      label: opt(q.label),
      help: opt(q.help),
      choices: q.choices?.map((c) =>
        strip({ value: c.value, label: text(c.label), hint: opt(c.hint), other: c.other || undefined, statement: opt(c.statement) }),
      ),
      examples: q.examples?.map(text),
      default: deep(q.default),
      required: q.required ?? false,
      allow_pending: q.allow_pending ?? false,
      when: q.when,
      validate: q.type === "number" && counts.has(q.id) ? { ...q.validate, integer: true } : q.validate,
      unit: opt(q.unit),
      summary: q.summary || undefined,
      audience: q.audience,
      propose: q.propose,
      money: q.money || undefined,
      tags: q.tags,
      min: q.min,
      max: q.max,
      min_label: opt(q.min_label),
      max_label: opt(q.max_label),
    });
  return strip({
    kikitori: 1 as const,
    id: input.id,
    version: input.version,
    title: text(input.title),
    description: opt(input.description),
    languages: input.languages,
    sections: input.sections.map((s) => strip({ id: s.id, title: text(s.title), intro: opt(s.intro), questions: s.questions.map(question) })),
    schedule: input.schedule ? normalizeSchedule(deep(input.schedule), text) : undefined,
    templates: deep(input.templates),
    checks: input.checks?.map((c) => strip({ id: c.id, when: c.when, message: text(c.message), source: c.source })),
    written_terms: input.written_terms,
    goal: ids(input.goal),
    scope: ids(input.scope),
    currency: input.currency,
    salutation: input.salutation,
  });
}

function ids(v: string | string[] | undefined): string[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

/** Drops undefined properties so JSON and YAML output carry only what is set. */
function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function normalizeSchedule(schedule: NonNullable<PackInput["schedule"]>, text: (t: string | Record<string, string>) => Text): Pack["schedule"] {
  const { terms, stages, ...bindings } = schedule;
  const staged = stages ? { stages: normalizeStages(stages, text) } : {};
  if (!terms) return { ...(bindings as Pack["schedule"]), ...staged };
  const out: Partial<Record<TermKey, Text>> = {};
  for (const [k, v] of Object.entries(terms)) if (v !== undefined) out[k as keyof typeof out] = text(v);
  return { ...(bindings as Pack["schedule"]), terms: out, ...staged };
}

/**
 * The shape of a check ("check before you start"): a condition over the answers and the
 * plan, and the sentence to show when it holds. Packs declare checks under `checks:`, the
 * platform profiles per platform. The condition is the pack's `when` (same forms, same
 * meaning) plus what a veteran compares that a question's `when` never needs: a pending
 * answer, a number's size, dates against each other or against the plan, and a question
 * found by its category tag rather than its id (so one platform rule fits every pack).
 */
import { z } from "zod";
import { QUESTION_TAGS } from "./tags.ts";

type Scalar = string | number | boolean;
type Subject = { question: string } | { tag: string };
type Test =
  | { equals: Scalar }
  | { in: Scalar[] }
  | { includes: Scalar }
  | { answered: boolean }
  | { pending: boolean }
  | { at_least: number }
  | { at_most: number };

export type CheckCondition =
  | (Subject & Test)
  | { date: string; after: string; days?: number }
  | { date: string; before: string; days?: number }
  | { all: CheckCondition[] }
  | { any: CheckCondition[] }
  | { not: CheckCondition };

/**
 * A date in a check: a question id (`payment_date`), the first answered date question with a
 * tag (`tag.acceptance`), or a date of the plan (`plan.final_delivery`, `plan.acceptance_end`,
 * `plan.start`, `plan.due`, any milestone id).
 */
const DATE_REF_RE = /^(?:plan\.[a-z0-9_]+|tag\.[a-z0-9_]+|[a-z0-9_]+)$/;
const CHECK_ID_RE = /^[a-z0-9_]+$/;

/** Keys a check may hold, for "did you mean" suggestions on a typo. */
export const CHECK_KEYS = ["checks", "tag", "tags", "pending", "at_least", "at_most", "date", "after", "before", "days", "source", "written_terms"] as const;

function build<T extends z.ZodType>(text: T) {
  const scalar = z.union([z.string(), z.number(), z.boolean()]);
  const question = z.string().regex(/^[a-z0-9_]+$/);
  const tag = tagSchema();
  const tests = [
    { equals: scalar },
    { in: z.array(scalar).min(1) },
    { includes: scalar },
    { answered: z.boolean() },
    { pending: z.boolean().describe('true: the answer is "not decided yet".') },
    { at_least: z.number() },
    { at_most: z.number() },
  ];
  const ref = z.string().regex(DATE_REF_RE);
  const days = z.int().min(0).max(3650).optional().describe("Calendar days added to the date compared with.");
  const condition: z.ZodType<CheckCondition> = z
    .union([
      ...tests.map((t) => z.strictObject({ question, ...t })),
      ...tests.map((t) => z.strictObject({ tag, ...t })),
      z.strictObject({ date: ref, after: ref, days }).describe("true when the first date is later than the second (plus days)."),
      z.strictObject({ date: ref, before: ref, days }).describe("true when the first date is earlier than the second (plus days)."),
      z.strictObject({
        get all() {
          return z.array(condition).min(1);
        },
      }),
      z.strictObject({
        get any() {
          return z.array(condition).min(1);
        },
      }),
      z.strictObject({
        get not() {
          return condition;
        },
      }),
    ] as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
    .meta({
      id: "check_condition",
      description: "A `when` condition, plus pending, at_least/at_most, tag: and date comparisons.",
    }) as z.ZodType<CheckCondition>;
  const check = z.strictObject({
    id: z.string().regex(CHECK_ID_RE),
    when: condition,
    message: text.describe("What is wrong and what to do about it, in the worker's words."),
    source: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("The law or platform page the check rests on."),
  });
  return { condition, check };
}

let tagEnum: z.ZodType<string> | undefined;

/** A category tag of the documented vocabulary (one definition, shared by questions and checks). */
export function tagSchema(): z.ZodType<string> {
  tagEnum ??= z.enum(QUESTION_TAGS as [string, ...string[]]).meta({ id: "tag", description: "A category tag (see README, Category tags)." });
  return tagEnum;
}

const built = new Map<z.ZodType, unknown>();

/** The check schemas with the given localized-text schema (packs and platforms differ there); built once per text schema. */
export function checkSchemas<T extends z.ZodType>(text: T): ReturnType<typeof build<T>> {
  let b = built.get(text) as ReturnType<typeof build<T>> | undefined;
  if (!b) {
    b = build(text);
    built.set(text, b);
  }
  return b;
}

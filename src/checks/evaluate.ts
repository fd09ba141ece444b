/**
 * "Check before you start": the pack's checks and the job's platform checks, evaluated over
 * the answers that apply and the plan. Pure: the caller passes valid answers, the plan (when
 * one was made) and the platform profile.
 *
 * A condition never fires on missing data: a date that is not answered, a plan that was not
 * made, a pending answer tested for a value — all make the test false. Only `answered:
 * false` and `pending: true` look for what is missing.
 */

import { evaluate, visibleQuestions } from "../answers/conditions.ts";
import { type Answers, type AnswerValue, get, isPending } from "../answers/types.ts";
import type { Msg } from "../i18n.ts";
import type { CheckCondition } from "../pack/check-schema.ts";
import type { Pack, PackCheck, Question } from "../pack/types.ts";
import type { Plan } from "../schedule/index.ts";

export interface CheckRule {
  id: string;
  when: CheckCondition;
  message: Msg;
  source?: string;
  /** Platform checks say whether the rule they rest on was read on the platform's own pages. */
  verified?: boolean;
}

export interface CheckInput {
  pack: Pack;
  /** Valid answers (validated and normalized by the caller). */
  answers: Answers;
  plan?: Plan;
  /** The checks of the job's platform profile, if it has any. */
  platformChecks?: CheckRule[];
}

export interface FiredCheck {
  id: string;
  origin: "pack" | "platform";
  message: Msg;
  source?: string;
  verified: boolean;
}

export interface CheckResult {
  fired: FiredCheck[];
  /** How many checks were evaluated (0: neither the pack nor the platform declares any). */
  evaluated: number;
}

export function runChecks(input: CheckInput): CheckResult {
  const scope = checkScope(input);
  const fired: FiredCheck[] = [];
  const rules: [CheckRule | PackCheck, "pack" | "platform"][] = [
    ...(input.pack.checks ?? []).map((c) => [c, "pack"] as [PackCheck, "pack"]),
    ...(input.platformChecks ?? []).map((c) => [c, "platform"] as [CheckRule, "platform"]),
  ];
  for (const [rule, origin] of rules) {
    if (!holds(rule.when, scope)) continue;
    fired.push({
      id: rule.id,
      origin,
      message: rule.message,
      ...(rule.source ? { source: rule.source } : {}),
      verified: "verified" in rule ? rule.verified !== false : true,
    });
  }
  return { fired, evaluated: rules.length };
}

interface Scope {
  /** Answers of the questions that apply, and nothing else. */
  answers: Answers;
  byTag: Map<string, Question[]>;
  plan?: Plan;
}

function checkScope(input: CheckInput): Scope {
  const visible = visibleQuestions(input.pack, input.answers);
  const answers: Answers = Object.create(null);
  const byTag = new Map<string, Question[]>();
  for (const q of visible) {
    const v = get(input.answers, q.id);
    if (v !== undefined) answers[q.id] = v;
    for (const t of q.tags ?? []) byTag.set(t, [...(byTag.get(t) ?? []), q]);
  }
  return { answers, byTag, ...(input.plan ? { plan: input.plan } : {}) };
}

function holds(c: CheckCondition, scope: Scope): boolean {
  if ("all" in c) return c.all.every((x) => holds(x, scope));
  if ("any" in c) return c.any.some((x) => holds(x, scope));
  if ("not" in c) return !holds(c.not, scope);
  if ("date" in c) {
    const a = dateOf(c.date, scope);
    const b = dateOf("after" in c ? c.after : c.before, scope);
    if (!a || !b) return false;
    const days = c.days ?? 0;
    // `after`: more than `days` days later; `before`: more than `days` days earlier.
    return "after" in c ? dayNumber(a) > dayNumber(b) + days : dayNumber(a) < dayNumber(b) - days;
  }
  if ("tag" in c) {
    const ids = (scope.byTag.get(c.tag) ?? []).map((q) => q.id);
    // Unanswered means none of them is answered; every other test passes on any one of them.
    if ("answered" in c && !c.answered) return ids.every((id) => !holds({ question: id, answered: true }, scope));
    const { tag: _, ...test } = c;
    return ids.some((id) => holds({ question: id, ...test } as CheckCondition, scope));
  }
  const v = get(scope.answers, c.question);
  if ("pending" in c) return isPending(v) === c.pending;
  if ("at_least" in c) return typeof v === "number" && v >= c.at_least;
  if ("at_most" in c) return typeof v === "number" && v <= c.at_most;
  // The forms a pack's `when` has: the same evaluation, so both mean the same.
  return evaluate(c, scope.answers);
}

/** A question's date answer, the first answered date of a tag, or a date of the plan. */
function dateOf(ref: string, scope: Scope): string | undefined {
  if (ref.startsWith("plan.")) {
    const plan = scope.plan;
    if (!plan) return undefined;
    const id = ref.slice(5);
    if (id === "start") return plan.start;
    if (id === "due") return plan.due;
    if (id === "first_draft") return plan.firstDraftDate;
    if (id === "final_delivery") return plan.finalDate;
    return plan.milestones.find((m) => m.id === id)?.date;
  }
  if (ref.startsWith("tag.")) {
    for (const q of scope.byTag.get(ref.slice(4)) ?? []) {
      const d = isoDate(get(scope.answers, q.id));
      if (q.type === "date" && d) return d;
    }
    return undefined;
  }
  return isoDate(get(scope.answers, ref));
}

function isoDate(v: AnswerValue | undefined): string | undefined {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

/**
 * `when` conditions: data evaluated against the answers given so far. A pending or missing
 * answer satisfies nothing but `answered: false`.
 */

import { allQuestions, type Condition, otherKey, type Pack, type Question } from "../pack/types.ts";
import { type Answers, get, isPending } from "./types.ts";

export function evaluate(cond: Condition, answers: Answers): boolean {
  if ("all" in cond) return cond.all.every((c) => evaluate(c, answers));
  if ("any" in cond) return cond.any.some((c) => evaluate(c, answers));
  if ("not" in cond) return !evaluate(cond.not, answers);
  const v = get(answers, cond.question);
  const answered = v !== undefined && !isPending(v) && v !== "" && !(Array.isArray(v) && v.length === 0);
  if ("answered" in cond) return cond.answered === answered;
  if (!answered) return false;
  if ("equals" in cond) return v === cond.equals;
  if ("in" in cond) return !Array.isArray(v) && cond.in.some((x) => x === v);
  if ("includes" in cond) {
    return Array.isArray(v) ? (v as unknown[]).some((x) => x === cond.includes) : v === cond.includes;
  }
  return false;
}

/**
 * The questions that apply given these answers, in pack order. Conditions only name earlier
 * questions, so one pass settles them; an answer to a hidden question does not count.
 */
export function visibleQuestions(pack: Pack, answers: Answers): Question[] {
  const effective: Answers = Object.create(null);
  const out: Question[] = [];
  for (const q of allQuestions(pack)) {
    if (q.when && !evaluate(q.when, effective)) continue;
    out.push(q);
    const v = get(answers, q.id);
    if (v !== undefined) effective[q.id] = v;
  }
  return out;
}

/** The answers without those of hidden questions (what is saved and rendered). */
export function pruneAnswers(pack: Pack, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of visibleQuestions(pack, answers)) {
    const v = get(answers, q.id);
    if (v === undefined) continue;
    out[q.id] = v;
    const ok = otherKey(q.id);
    const other = get(answers, ok);
    if (other !== undefined && chosenOther(q, v)) out[ok] = other;
  }
  return out;
}

/** Whether the answer picks the question's `other: true` choice. */
export function chosenOther(q: Question, v: unknown): boolean {
  const other = q.choices?.find((c) => c.other);
  if (!other) return false;
  return Array.isArray(v) ? v.includes(other.value) : v === other.value;
}

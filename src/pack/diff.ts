/**
 * What changed between two versions of a pack, question by question. Pure: used when a pack
 * is installed over another version, and (with answers/compare.ts) when answers made with
 * one version meet another.
 */
import { allQuestions, type Pack, type Question } from "./types.ts";

export type QuestionAspect = "type" | "choices" | "required" | "allow_pending" | "when" | "validate" | "range" | "message";

export interface PackChange {
  id: string;
  kind: "added" | "removed" | "changed";
  /** For `changed`: what differs. */
  aspects: QuestionAspect[];
}

/** Changes from `before` to `after`: after's questions in order, then the removed ones. */
export function comparePacks(before: Pack, after: Pack): PackChange[] {
  const old = new Map(allQuestions(before).map((q) => [q.id, q]));
  const now = new Map(allQuestions(after).map((q) => [q.id, q]));
  const out: PackChange[] = [];
  for (const q of now.values()) {
    const p = old.get(q.id);
    if (!p) out.push({ id: q.id, kind: "added", aspects: [] });
    else {
      const aspects = questionAspects(p, q);
      if (aspects.length > 0) out.push({ id: q.id, kind: "changed", aspects });
    }
  }
  for (const id of old.keys()) if (!now.has(id)) out.push({ id, kind: "removed", aspects: [] });
  return out;
}

function questionAspects(a: Question, b: Question): QuestionAspect[] {
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  const values = (q: Question) => (q.choices ?? []).map((c) => c.value);
  const aspects: QuestionAspect[] = [];
  if (a.type !== b.type) aspects.push("type");
  if (!same(values(a), values(b))) aspects.push("choices");
  if (a.required !== b.required) aspects.push("required");
  if (a.allow_pending !== b.allow_pending) aspects.push("allow_pending");
  if (!same(a.when, b.when)) aspects.push("when");
  if (!same(a.validate, b.validate)) aspects.push("validate");
  if (a.min !== b.min || a.max !== b.max) aspects.push("range");
  if (!same(a.message, b.message)) aspects.push("message");
  return aspects;
}

/** One line per change, for a terminal: `+ id`, `- id`, `~ id (type, choices)`. */
export function describePackChanges(changes: PackChange[], max = 12): string[] {
  const lines = changes
    .slice(0, max)
    .map((c) => (c.kind === "added" ? `+ ${c.id}` : c.kind === "removed" ? `- ${c.id}` : `~ ${c.id} (${c.aspects.join(", ")})`));
  if (changes.length > max) lines.push(`… +${changes.length - max}`);
  return lines;
}

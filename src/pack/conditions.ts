/** What a `when` condition says about the pack itself, before any answer is given. */
import type { Condition } from "./types.ts";

/** Question ids a condition names, in order of appearance. */
export function conditionRefs(cond: Condition): string[] {
  if ("all" in cond) return cond.all.flatMap(conditionRefs);
  if ("any" in cond) return cond.any.flatMap(conditionRefs);
  if ("not" in cond) return conditionRefs(cond.not);
  return [cond.question];
}

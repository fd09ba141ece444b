/**
 * The first round of a hearing put to a client (`ask --first`, `form --first`): the questions
 * that must be settled before work can start, so the first message is short. Pure.
 *
 * A question is in the round when it is required or marked `summary: true`; when there are
 * more than `max`, those that are both come first, then the required ones, then the summary
 * ones, each group in pack order. A conditional question is kept only when every question its
 * `when` names is in the round too (else the client could not tell whether it applies). The
 * round keeps the pack's numbering, so `import` reads a first-round reply without being told.
 */
import { conditionRefs } from "../pack/conditions.ts";
import type { Pack } from "../pack/types.ts";
import { type NumberedQuestion, numberQuestions } from "./numbering.ts";

export const FIRST_ROUND_MAX = 12;

export function firstRound(pack: Pack, max = FIRST_ROUND_MAX): NumberedQuestion[] {
  const numbered = numberQuestions(pack);
  const rank = (x: NumberedQuestion) => (x.question.required && x.question.summary ? 0 : x.question.required ? 1 : 2);
  const queue = numbered.filter((x) => x.question.required || x.question.summary === true).sort((a, b) => rank(a) - rank(b) || a.n - b.n);
  const chosen = new Set<string>();
  const refused = new Set<string>();
  const applies = (x: NumberedQuestion) => !x.question.when || conditionRefs(x.question.when).every((id) => chosen.has(id));
  // Fill in rank order, then drop conditional questions whose trigger did not make it and
  // fill their places, until nothing changes (each pass refuses at least one more question).
  for (;;) {
    for (const x of queue) if (chosen.size < max && !refused.has(x.question.id)) chosen.add(x.question.id);
    const orphans = queue.filter((x) => chosen.has(x.question.id) && !applies(x));
    if (orphans.length === 0) break;
    for (const x of orphans) {
      chosen.delete(x.question.id);
      refused.add(x.question.id);
    }
  }
  return numbered.filter((x) => chosen.has(x.question.id));
}

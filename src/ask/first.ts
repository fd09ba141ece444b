/**
 * The first round of a hearing put to a client (`ask --first`, `form --first`): the questions
 * that must be settled before work can start, so the first message is short. Pure.
 *
 * The required and summary questions that apply whatever the client answers (no condition),
 * in pack order; when there are more than FIRST_ROUND, the summary ones first (required and
 * summary, then summary, then required). The round keeps the whole questionnaire's numbers,
 * so `import` reads a first-round reply without being told.
 */
import type { Pack, Question } from "../pack/types.ts";
import { type NumberedQuestion, numberQuestions } from "./numbering.ts";

/** At most this many questions in a first round: enough to start, few enough to answer at once. */
export const FIRST_ROUND = 12;

export function firstRound(pack: Pack): NumberedQuestion[] {
  const candidates = numberQuestions(pack).filter((x) => !x.question.when && (x.question.required || x.question.summary));
  if (candidates.length <= FIRST_ROUND) return candidates;
  const rank = (q: Question) => (q.summary && q.required ? 0 : q.summary ? 1 : 2);
  const keep = new Set([...candidates].sort((a, b) => rank(a.question) - rank(b.question) || a.n - b.n).slice(0, FIRST_ROUND));
  return candidates.filter((x) => keep.has(x));
}

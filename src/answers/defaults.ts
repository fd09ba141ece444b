/**
 * The pack's defaults: what a question is answered with when nobody gives it a value. The
 * same for the hearing (shown as the starting answer), `start --defaults` and `import`.
 */
import { allQuestions, type Pack } from "../pack/types.ts";
import { checkValue } from "./check-value.ts";
import { evaluate } from "./conditions.ts";
import { type Answers, get } from "./types.ts";

/**
 * The pack's defaults for the questions that apply and have no answer, in pack order (a
 * default can make a later question apply). `skip` holds ids cleared on purpose (`--set id=`).
 */
export function withDefaults(pack: Pack, answers: Answers, skip: ReadonlySet<string> = new Set()): Answers {
  const out: Answers = { ...answers };
  // Only answers of questions that apply count for later conditions, as in visibleQuestions.
  const effective: Answers = {};
  for (const q of allQuestions(pack)) {
    if (q.when && !evaluate(q.when, effective)) continue;
    if (get(out, q.id) === undefined && q.default !== undefined && !skip.has(q.id)) {
      const c = checkValue(q, q.default);
      if ("value" in c) out[q.id] = c.value;
    }
    const v = get(out, q.id);
    if (v !== undefined) effective[q.id] = v;
  }
  return out;
}

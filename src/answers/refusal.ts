/**
 * Why a typed answer is refused, in the person's language: the words the interactive hearing
 * and the client's HTML form both show under a question, from the same rules (checkValue).
 */
import { type Lang, msg } from "../i18n.ts";
import type { Question } from "../pack/types.ts";
import { checkValue } from "./check-value.ts";

export const REFUSAL = {
  required: msg("この質問は回答が必要です", "This question needs an answer"),
  requiredPending: msg("この質問は回答が必要です (未定にもできます)", 'This question needs an answer (or mark it "not decided yet")'),
  otherAsk: msg("「その他」の内容を教えてください", 'Please describe "other"'),
};

/**
 * The refusal of a value already read by the question's type (`undefined` when nothing was
 * given), or undefined when it is fine. checkValue speaks of answers files: its messages
 * start with the id (redundant next to the question on screen) and some fixes are file
 * examples (`id: 3`), left out here.
 */
export function refusal(q: Question, value: unknown, lang: Lang): string | undefined {
  if (value === undefined) return q.required ? (q.allow_pending ? REFUSAL.requiredPending : REFUSAL.required)[lang] : undefined;
  const checked = checkValue(q, value);
  if ("value" in checked) return undefined;
  const prefix = `${q.id}: `;
  const text = checked.error[lang].replace(prefix, "");
  const fix = checked.fix[lang];
  return fix.startsWith(prefix) ? text : `${text} — ${fix}`;
}

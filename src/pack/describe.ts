/** `when` conditions in words, for skeleton comments and the client questionnaire. */
import { type Lang, WORDS } from "../i18n.ts";
import type { Condition, Pack, Question } from "./types.ts";
import { allQuestions } from "./types.ts";

/** How to call a question in the sentence (its text, or "Q3"). */
export type NameQuestion = (q: Question) => string;

export function describeCondition(cond: Condition, pack: Pack, lang: Lang, name: NameQuestion): string {
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const ja = lang === "ja";
  const walk = (c: Condition): string => {
    if ("all" in c) return c.all.map(walk).join(ja ? " かつ " : " and ");
    if ("any" in c) return c.any.map(walk).join(ja ? " または " : " or ");
    if ("not" in c) return ja ? `「${walk(c.not)}」ではない` : `not (${walk(c.not)})`;
    const q = byId.get(c.question);
    const who = q ? name(q) : c.question;
    const label = (v: unknown) => {
      // A yes/no question has no choices: `equals: true` reads "Yes", not "true".
      if (q?.type === "confirm" && typeof v === "boolean") return (v ? WORDS.yes : WORDS.no)[lang];
      const choice = q?.choices?.find((x) => x.value === String(v));
      return choice ? choice.label[lang] : String(v);
    };
    if ("answered" in c) return ja ? `${who}に${c.answered ? "回答あり" : "回答なし"}` : `${who} is ${c.answered ? "answered" : "not answered"}`;
    if ("equals" in c) return ja ? `${who}が「${label(c.equals)}」` : `${who} is "${label(c.equals)}"`;
    if ("in" in c) {
      const list = c.in.map((v) => (ja ? `「${label(v)}」` : `"${label(v)}"`)).join(ja ? "・" : ", ");
      return ja ? `${who}が${list}のいずれか` : `${who} is one of ${list}`;
    }
    return ja ? `${who}に「${label(c.includes)}」を含む` : `${who} includes "${label(c.includes)}"`;
  };
  return walk(cond);
}

/**
 * A described condition as a Japanese "in the case that" clause: a verb or adjective ending
 * takes 場合 directly (`…を含む場合`, `…ではない場合`), anything else の場合 (`…が「X」の場合`).
 */
export function conditionCase(condition: string): string {
  return /[むい]$/u.test(condition) ? `${condition}場合` : `${condition}の場合`;
}

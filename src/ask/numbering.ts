/**
 * The client-facing numbering of a pack, shared by `ask` (which prints it) and `import`
 * (which reads a reply written in it): the two must never disagree, so both call this.
 *
 * Every question gets a number 1…N across sections in pack order, conditional ones included:
 * a question keeps its number whether or not it applies, so the numbers in a reply do not
 * shift with the client's earlier answers (a reply may simply skip a question that does not
 * apply). Questions with choices get their choices numbered 1…k beneath them; a yes/no
 * question is offered as the two choices 1 = yes, 2 = no. Questions for the worker
 * (`audience: worker`: effort, availability) are never put to the client and get no number;
 * the worker answers them with `resume`. Nor are the worker's offer (`audience: terms`: the
 * fee, the revision rounds, payment dates): `ask` states those for the client to agree to.
 */
import { type Lang, WORDS } from "../i18n.ts";
import { type Choice, isTermsQuestion, isWorkerQuestion, type Pack, type Question, type Section, type Text } from "../pack/types.ts";

export interface NumberedOption {
  /** 1-based number shown beneath the question. */
  n: number;
  label: Text;
  hint?: Text;
  /** The value stored: a choice value, or true/false for a yes/no question. */
  value: string | boolean;
  /** Picking it asks for free text (`other: true`). */
  other: boolean;
}

export interface NumberedQuestion {
  n: number;
  question: Question;
  section: Section;
  /** 0-based index of the section, for grouping. */
  sectionIndex: number;
  options: NumberedOption[];
}

export function numberQuestions(pack: Pack): NumberedQuestion[] {
  const out: NumberedQuestion[] = [];
  pack.sections.forEach((section, sectionIndex) => {
    for (const question of section.questions) {
      if (isWorkerQuestion(question) || isTermsQuestion(question)) continue;
      out.push({ n: out.length + 1, question, section, sectionIndex, options: numberedOptions(question) });
    }
  });
  return out;
}

export function numberedOptions(q: Question): NumberedOption[] {
  if (q.type === "confirm") {
    return [
      { n: 1, label: WORDS.yes, value: true, other: false },
      { n: 2, label: WORDS.no, value: false, other: false },
    ];
  }
  if (q.type !== "select" && q.type !== "multiselect") return [];
  return (q.choices ?? []).map((c: Choice, i) => ({
    n: i + 1,
    label: c.label,
    ...(c.hint ? { hint: c.hint } : {}),
    value: c.value,
    other: c.other === true,
  }));
}

/** How a question is called in a condition or a report: `質問3` / `Q3`. */
export function questionRef(n: number, lang: Lang): string {
  return lang === "ja" ? `質問${n}` : `Q${n}`;
}

/**
 * How a condition names a question: by its number, or (a question without one, for the
 * worker) by its text in quotes.
 */
export function conditionName(numbered: NumberedQuestion[], lang: Lang): (q: Question) => string {
  const numberOf = new Map(numbered.map((x) => [x.question.id, x.n]));
  return (q) => {
    const n = numberOf.get(q.id);
    if (n !== undefined) return questionRef(n, lang);
    const text = (q.label ?? q.message)[lang];
    return lang === "ja" ? `「${text}」` : `"${text}"`;
  };
}

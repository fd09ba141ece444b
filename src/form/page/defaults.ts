/**
 * The pack defaults a page of the form starts from, as the hearing offers them: read as the
 * question's control would give them (an empty default selection is no answer) and checked.
 */
import { checkValue } from "../../answers/check-value.ts";
import type { AnswerValue } from "../../answers/types.ts";
import type { Question } from "../../pack/types.ts";
import type { FormSection } from "../model.ts";
import { readInput } from "../normalize.ts";

/** Each question of the section with a default and nothing given yet (`given`), with its checked default. */
export function sectionDefaults(section: FormSection, questions: ReadonlyMap<string, Question>, given: (id: string) => boolean): [string, AnswerValue][] {
  const out: [string, AnswerValue][] = [];
  for (const fq of section.questions) {
    const q = questions.get(fq.id);
    if (!q || fq.default === undefined || given(fq.id)) continue;
    const v = readInput(q, fq.default);
    const checked = v === undefined ? undefined : checkValue(q, v);
    if (checked && "value" in checked) out.push([fq.id, checked.value]);
  }
  return out;
}

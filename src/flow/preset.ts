/**
 * Answers given up front: `--set id=value` read by each question's type, and the pack's
 * defaults for what is left (`start --defaults`). Every problem is returned at once: unknown
 * ids, values of the wrong type, and each required question still without an answer.
 */

import type { SetArg } from "../answers/coerce.ts";
import { visibleQuestions } from "../answers/conditions.ts";
import { withDefaults } from "../answers/defaults.ts";
import { parseSetValue } from "../answers/set-value.ts";
import { type Answers, get } from "../answers/types.ts";
import { validateAnswers } from "../answers/validate.ts";
import type { Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import { allQuestions, otherChoice, otherKey, type Pack, type Question } from "../pack/types.ts";
import { suggest } from "../yaml/issues.ts";

const WHERE = "--set";

export { withDefaults };

export interface Preset {
  answers: Answers;
  problems: Problem[];
  /** Ids given with --set whose question does not apply (its `when` is false). */
  ignored: string[];
}

/** With `defaults`, the pack's defaults fill the questions left without a value. */
export function presetAnswers(pack: Pack, sets: readonly SetArg[], opts: { defaults: boolean }): Preset {
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const others = new Map(allQuestions(pack).flatMap((q) => (otherChoice(q) ? [[otherKey(q.id), q] as const] : [])));
  const raw: Answers = {};
  const cleared = new Set<string>();
  const problems: Problem[] = [];
  for (const { id, text } of sets) {
    const q = byId.get(id);
    if (!q) {
      if (others.has(id)) {
        raw[id] = text;
        continue;
      }
      const guess = suggest(id, [...byId.keys()]);
      problems.push({
        file: WHERE,
        path: id,
        message: msg(`${id}: このパックにない質問 id です`, `${id}: no question of this pack has this id`),
        fix: guess
          ? msg(`「${guess}」の誤りではありませんか`, `did you mean "${guess}"?`)
          : msg(`kikitori pack show ${pack.id} で質問 id を確認してください`, `kikitori pack show ${pack.id} lists the question ids`),
      });
      continue;
    }
    const parsed = parseSetValue(q, text);
    if ("error" in parsed) problems.push({ file: WHERE, path: id, message: parsed.error });
    else if (parsed.value === undefined) cleared.add(id);
    else raw[id] = parsed.value as Answers[string];
  }
  const checked = validateAnswers(pack, opts.defaults ? withDefaults(pack, raw, cleared) : raw, { file: WHERE, requireComplete: false });
  problems.push(...checked.problems.filter((p) => p.severity !== "warning"));
  const ignored = Object.keys(raw).filter((id) => byId.has(id) && get(checked.answers, id) === undefined && !problems.some((p) => p.path === id));
  return { answers: checked.answers, problems, ignored };
}

/** Required questions that apply and still have no answer. */
export function missingRequired(pack: Pack, answers: Answers): Question[] {
  return visibleQuestions(pack, answers).filter((q) => q.required && get(answers, q.id) === undefined);
}

/** One problem per missing answer, telling how to give it on the command line. */
export function missingProblems(questions: readonly Question[]): Problem[] {
  return questions.map((q) => {
    const values = q.choices?.map((c) => c.value).join(", ");
    return {
      file: WHERE,
      path: q.id,
      message: msg(`${q.id}: 必須の質問に回答がありません (${q.message.ja})`, `${q.id}: required, no answer (${q.message.en})`),
      fix: msg(
        `--set ${q.id}=… を付けてください${values ? ` (選択肢: ${values})` : ""}${q.allow_pending ? ` (未定なら --set ${q.id}=pending)` : ""}`,
        `add --set ${q.id}=…${values ? ` (one of: ${values})` : ""}${q.allow_pending ? ` (or --set ${q.id}=pending if not decided yet)` : ""}`,
      ),
    };
  });
}

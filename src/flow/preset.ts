/**
 * Answers given up front: `--set id=value` read by each question's type, and the pack's
 * defaults for what is left (`start --defaults`). Every problem is returned at once: unknown
 * ids, values of the wrong type, and each required question still without an answer.
 */

import { checkValue } from "../answers/check-value.ts";
import { parseSetValue, type SetArg } from "../answers/coerce.ts";
import { evaluate, visibleQuestions } from "../answers/conditions.ts";
import { type Answers, get } from "../answers/types.ts";
import { validateAnswers } from "../answers/validate.ts";
import type { Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import { allQuestions, otherChoice, otherKey, type Pack, type Question } from "../pack/types.ts";
import { suggest } from "../yaml/issues.ts";

const WHERE = "--set";

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

/**
 * Answers made with one version of a pack, against another version: which answered questions
 * are gone, which answers no longer fit, which required questions are now unanswered. Pure.
 */

import { type Msg, msg } from "../i18n.ts";
import { PatternMeter } from "../pack/pattern.ts";
import { allQuestions, otherChoice, otherKey, type Pack } from "../pack/types.ts";
import { checkValue } from "./check-value.ts";
import { pruneAnswers, visibleQuestions } from "./conditions.ts";
import type { Answers } from "./types.ts";

export interface AnswerChange {
  id: string;
  kind: "removed" | "changed" | "missing";
  reason: Msg;
}

export function compareAnswers(pack: Pack, answers: Answers): AnswerChange[] {
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const otherKeys = new Set(
    allQuestions(pack)
      .filter((q) => otherChoice(q))
      .map((q) => otherKey(q.id)),
  );
  const out: AnswerChange[] = [];
  const fitting: Answers = {};
  const meter = new PatternMeter();
  for (const [id, value] of Object.entries(answers)) {
    if (value === null || value === undefined) continue;
    const q = byId.get(id);
    if (!q) {
      if (!otherKeys.has(id)) out.push({ id, kind: "removed", reason: msg("この版のパックにはない質問です", "no longer asked by this version") });
      continue;
    }
    const r = checkValue(q, value, meter);
    if ("error" in r) out.push({ id, kind: "changed", reason: r.error });
    else fitting[id] = r.value;
  }
  const visible = pruneAnswers(pack, fitting);
  for (const q of visibleQuestions(pack, visible)) {
    if (q.required && visible[q.id] === undefined && !out.some((c) => c.id === q.id)) {
      out.push({ id: q.id, kind: "missing", reason: msg(`必須の質問に回答がありません (${q.message.ja})`, `required, and not answered (${q.message.en})`) });
    }
  }
  return out;
}

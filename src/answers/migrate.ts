/**
 * Answers made with one version of a pack, carried to another: every answer that still fits
 * is kept; an answer that does not (its question is gone, no longer applies, or its value no
 * longer fits) is never lost but kept in a `migrated_from:` record in the file; what must be
 * asked again is listed, and the hearing is in progress again while a required question that
 * applies has no answer. Pure: the time of the migration is passed in.
 */
import { type Msg, msg } from "../i18n.ts";
import { PatternMeter } from "../pack/pattern.ts";
import { allQuestions, otherChoice, otherKey, type Pack } from "../pack/types.ts";
import { checkValue } from "./check-value.ts";
import { pruneAnswers, visibleQuestions } from "./conditions.ts";
import type { Answers, AnswersFile, AnswerValue, MigrationRecord } from "./types.ts";

export interface MigrationDrop {
  id: string;
  value: AnswerValue;
  /** removed: the pack no longer asks it; changed: the value no longer fits; hidden: it no longer applies. */
  reason: "removed" | "changed" | "hidden";
  why: Msg;
}

export interface Migration {
  /** The answers file as it is after the migration. */
  file: AnswersFile;
  from: string;
  to: string;
  carried: string[];
  dropped: MigrationDrop[];
  /** Questions to ask again: answers that no longer fit, and required questions without an answer. */
  askAgain: { id: string; reason: "changed" | "required"; why: Msg }[];
}

export function migrateAnswers(file: AnswersFile, to: Pack, at: string): Migration {
  const byId = new Map(allQuestions(to).map((q) => [q.id, q]));
  const otherKeys = new Set(
    allQuestions(to)
      .filter((q) => otherChoice(q))
      .map((q) => otherKey(q.id)),
  );
  const fitting: Answers = {};
  const dropped: MigrationDrop[] = [];
  const meter = new PatternMeter();
  for (const [id, value] of Object.entries(file.answers)) {
    if (value === null || value === undefined) continue;
    const q = byId.get(id);
    if (q) {
      const r = checkValue(q, value, meter);
      if ("value" in r) fitting[id] = r.value;
      else dropped.push({ id, value, reason: "changed", why: r.error });
    } else if (otherKeys.has(id) && (typeof value === "string" || typeof value === "number")) {
      fitting[id] = String(value);
    } else {
      dropped.push({ id, value, reason: "removed", why: msg(`${id}: この版のパックにはない質問です`, `${id}: no longer asked by this version`) });
    }
  }
  const answers = pruneAnswers(to, fitting);
  for (const [id, value] of Object.entries(fitting)) {
    if (Object.hasOwn(answers, id)) continue;
    dropped.push({
      id,
      value,
      reason: "hidden",
      why: msg(`${id}: ほかの回答により、この版では聞かない質問です`, `${id}: given the other answers, this version does not ask it`),
    });
  }
  const visible = visibleQuestions(to, answers);
  const shown = new Set(visible.map((q) => q.id));
  const askAgain: Migration["askAgain"] = [];
  for (const d of dropped) if (d.reason === "changed" && shown.has(d.id)) askAgain.push({ id: d.id, reason: "changed", why: d.why });
  for (const q of visible) {
    if (!q.required || answers[q.id] !== undefined || askAgain.some((a) => a.id === q.id)) continue;
    askAgain.push({
      id: q.id,
      reason: "required",
      why: msg(`${q.id}: 必須の質問に回答がありません (${q.message.ja})`, `${q.id}: required, not answered (${q.message.en})`),
    });
  }
  const missingRequired = visible.some((q) => q.required && answers[q.id] === undefined);
  const record: MigrationRecord = {
    version: file.pack.version,
    to: to.version,
    at,
    ...(dropped.length ? { dropped: dropped.map(({ id, value, reason }) => ({ id, value, reason })) } : {}),
    ...(askAgain.length ? { ask_again: askAgain.map((a) => a.id) } : {}),
  };
  return {
    file: {
      ...file,
      pack: { id: file.pack.id, version: to.version },
      status: missingRequired ? "in-progress" : file.status,
      answers,
      migrated_from: [...(file.migrated_from ?? []), record],
    },
    from: file.pack.version,
    to: to.version,
    carried: Object.keys(answers),
    dropped,
    askAgain,
  };
}

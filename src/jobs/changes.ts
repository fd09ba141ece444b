/**
 * Changing agreed answers after the hearing (`kikitori set`): the new values read and checked
 * as `start --set` reads them, the whole file validated again, and one `history:` entry per
 * value that really changed (answers a change hides included). Pure: the time is passed in.
 */
import { isDeepStrictEqual } from "node:util";
import { parseSetValue, type SetArg } from "../answers/coerce.ts";
import type { AnswersFile, AnswerValue, HistoryEntry, Meta } from "../answers/types.ts";
import { validateAnswers } from "../answers/validate.ts";
import type { Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import { allQuestions, otherChoice, otherKey, type Pack } from "../pack/types.ts";
import { suggest } from "../yaml/issues.ts";
import { readOrderedText } from "./anchor.ts";

export const SETTABLE_META = ["client", "job", "platform", "ordered"] as const;
type SettableMeta = (typeof SETTABLE_META)[number];

export interface ChangeSet {
  answers: Record<string, AnswerValue | undefined>;
  meta: Partial<Record<SettableMeta, string | undefined>>;
  history: HistoryEntry[];
  problems: Problem[];
}

export interface ChangeOptions {
  file: string;
  /** When the change is made, ISO date-time with offset. */
  at: string;
  note?: string;
  now: Date;
  localOffset: number;
}

/** What `sets` change in `data`; `problems` lists every value refused. */
export function planChanges(pack: Pack, data: AnswersFile, sets: readonly SetArg[], o: ChangeOptions): ChangeSet {
  const problems: Problem[] = [];
  const where = (key: string) => ({ file: o.file, path: key });
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const others = new Set(allQuestions(pack).flatMap((q) => (otherChoice(q) ? [otherKey(q.id)] : [])));
  const raw = { ...data.answers };
  const meta: ChangeSet["meta"] = {};
  for (const { id, text } of sets) {
    if (id.startsWith("meta.")) {
      const key = id.slice(5);
      if (!(SETTABLE_META as readonly string[]).includes(key)) {
        problems.push({
          ...where(id),
          message: msg(`${id}: 変更できる項目ではありません`, `${id} cannot be set`),
          fix: msg(`変更できるのは ${SETTABLE_META.map((k) => `meta.${k}`).join(", ")} です`, `use one of ${SETTABLE_META.map((k) => `meta.${k}`).join(", ")}`),
        });
        continue;
      }
      const value = text.trim();
      if (key !== "ordered" || value === "") {
        meta[key as SettableMeta] = value === "" ? undefined : value;
        continue;
      }
      const r = readOrderedText(value, o.now, o.localOffset);
      if ("value" in r) meta.ordered = r.value;
      else
        problems.push({
          ...where(id),
          message:
            r.error === "date-only"
              ? msg(`${id}: 日付だけでは受付からの時間を数えられません`, `${id}: a date alone cannot start a window counted in hours`)
              : msg(`${id}: 「${value}」を日時として読めません`, `${id}: "${value}" is not a date and time`),
          fix: msg("例: 2026-11-23T10:00+09:00、2026-11-23 10:00、now", "e.g. 2026-11-23T10:00+09:00, 2026-11-23 10:00 or now"),
        });
      continue;
    }
    const q = byId.get(id);
    if (!q) {
      if (others.has(id)) {
        if (text.trim() === "") delete raw[id];
        else raw[id] = text;
        continue;
      }
      const guess = suggest(id, [...byId.keys()]);
      problems.push({
        ...where(id),
        message: msg(`${id}: このパックにない質問 id です`, `${id}: no question of this pack has this id`),
        fix: guess
          ? msg(`「${guess}」の誤りではありませんか`, `did you mean "${guess}"?`)
          : msg(`kikitori pack show ${pack.id} で質問 id を確認してください`, `kikitori pack show ${pack.id} lists the question ids`),
      });
      continue;
    }
    const parsed = parseSetValue(q, text);
    if ("error" in parsed) problems.push({ ...where(id), message: parsed.error });
    else if (parsed.value === undefined) delete raw[id];
    else raw[id] = parsed.value as AnswerValue;
  }
  const before = validateAnswers(pack, data.answers, { file: o.file, requireComplete: false }).answers;
  const checked = validateAnswers(pack, raw, { file: o.file, requireComplete: data.status === "complete" });
  problems.push(...checked.problems.filter((p) => p.severity !== "warning"));
  const answers: ChangeSet["answers"] = {};
  const history: HistoryEntry[] = [];
  const entry = (key: string, from: AnswerValue | null, to: AnswerValue | null) =>
    history.push({ at: o.at, key, from, to, ...(o.note ? { note: o.note } : {}) });
  const keys = new Set([...Object.keys(before), ...Object.keys(checked.answers), ...Object.keys(data.answers)]);
  for (const key of keys) {
    const old = Object.hasOwn(before, key) ? before[key] : undefined;
    const now = Object.hasOwn(checked.answers, key) ? checked.answers[key] : undefined;
    const written = Object.hasOwn(data.answers, key) ? data.answers[key] : undefined;
    // Only what really changes is written: other answers keep the form the file has them in.
    if (isDeepStrictEqual(old, now)) continue;
    answers[key] = now;
    entry(key, old ?? (written as AnswerValue | undefined) ?? null, now ?? null);
  }
  for (const [key, value] of Object.entries(meta) as [SettableMeta, string | undefined][]) {
    const old = (data.meta as Meta)[key];
    if (old === value) delete meta[key];
    else entry(`meta.${key}`, old ?? null, value ?? null);
  }
  return { answers, meta, history, problems };
}

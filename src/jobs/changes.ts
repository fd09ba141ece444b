/**
 * Changing agreed answers after the hearing (`kikitori set`): the new values read and checked
 * as `start --set` reads them, the whole file validated again, and one `history:` entry per
 * value that really changed (answers a change hides included). Pure: the time is passed in.
 */
import { isDeepStrictEqual } from "node:util";
import type { SetArg } from "../answers/coerce.ts";
import { parseSetValue } from "../answers/set-value.ts";
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
  const raw = { ...data.answers };
  const meta: ChangeSet["meta"] = {};
  for (const set of sets) {
    const r = set.id.startsWith("meta.") ? readMetaSet(set, o) : readAnswerSet(pack, set);
    if ("problem" in r) problems.push({ file: o.file, path: set.id, ...r.problem });
    else if (!("answer" in r)) meta[r.meta] = r.value;
    else if (r.answer === undefined) delete raw[set.id];
    else raw[set.id] = r.answer;
  }
  const before = validateAnswers(pack, data.answers, { file: o.file, requireComplete: false }).answers;
  const checked = validateAnswers(pack, raw, { file: o.file, requireComplete: data.status === "complete" });
  problems.push(...checked.problems.filter((p) => p.severity !== "warning"));
  const answers: ChangeSet["answers"] = {};
  const history: HistoryEntry[] = [];
  const entry = (key: string, from: AnswerValue | null, to: AnswerValue | null) =>
    history.push({ at: o.at, key, from, to, ...(o.note ? { note: o.note } : {}) });
  for (const key of new Set([...Object.keys(before), ...Object.keys(checked.answers), ...Object.keys(data.answers)])) {
    const old = Object.hasOwn(before, key) ? before[key] : undefined;
    const now = Object.hasOwn(checked.answers, key) ? checked.answers[key] : undefined;
    // Only what really changes is written: other answers keep the form the file has them in.
    if (isDeepStrictEqual(old, now)) continue;
    answers[key] = now;
    const written = Object.hasOwn(data.answers, key) ? data.answers[key] : undefined;
    entry(key, old ?? (written as AnswerValue | undefined) ?? null, now ?? null);
  }
  for (const [key, value] of Object.entries(meta) as [SettableMeta, string | undefined][]) {
    const old = (data.meta as Meta)[key];
    if (old === value) delete meta[key];
    else entry(`meta.${key}`, old ?? null, value ?? null);
  }
  return { answers, meta, history, problems };
}

type Refused = { problem: Pick<Problem, "message" | "fix"> };

/** `meta.key=value`: one of the job details, or the order time (read with its offset). */
function readMetaSet({ id, text }: SetArg, o: ChangeOptions): { meta: SettableMeta; value: string | undefined } | Refused {
  const key = id.slice(5);
  const names = SETTABLE_META.map((k) => `meta.${k}`).join(", ");
  if (!(SETTABLE_META as readonly string[]).includes(key)) {
    return {
      problem: { message: msg(`${id}: 変更できる項目ではありません`, `${id} cannot be set`), fix: msg(`変更できるのは ${names} です`, `use one of ${names}`) },
    };
  }
  const value = text.trim();
  if (key !== "ordered" || value === "") return { meta: key as SettableMeta, value: value === "" ? undefined : value };
  const r = readOrderedText(value, o.now, o.localOffset);
  if ("value" in r) return { meta: "ordered", value: r.value };
  return {
    problem: {
      message:
        r.error === "date-only"
          ? msg(`${id}: 日付だけでは受付からの時間を数えられません`, `${id}: a date alone cannot start a window counted in hours`)
          : msg(`${id}: 「${value}」を日時として読めません`, `${id}: "${value}" is not a date and time`),
      fix: msg("例: 2026-11-23T10:00+09:00、2026-11-23 10:00、now", "e.g. 2026-11-23T10:00+09:00, 2026-11-23 10:00 or now"),
    },
  };
}

/** `id=value` read by the question's type, as `start --set` reads it; undefined clears the answer. */
function readAnswerSet(pack: Pack, { id, text }: SetArg): { answer: AnswerValue | undefined } | Refused {
  const q = allQuestions(pack).find((x) => x.id === id);
  if (q) {
    const parsed = parseSetValue(q, text);
    if ("error" in parsed) return { problem: { message: parsed.error } };
    return { answer: parsed.value as AnswerValue | undefined };
  }
  if (allQuestions(pack).some((x) => otherChoice(x) && otherKey(x.id) === id)) return { answer: text.trim() === "" ? undefined : text };
  const guess = suggest(
    id,
    allQuestions(pack).map((x) => x.id),
  );
  return {
    problem: {
      message: msg(`${id}: このパックにない質問 id です`, `${id}: no question of this pack has this id`),
      fix: guess
        ? msg(`「${guess}」の誤りではありませんか`, `did you mean "${guess}"?`)
        : msg(`kikitori pack show ${pack.id} で質問 id を確認してください`, `kikitori pack show ${pack.id} lists the question ids`),
    },
  };
}

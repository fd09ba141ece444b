/**
 * A client's reply → validated answers, plus the report the worker reads: what could not be
 * read (by question number), what was read with a judgment, what was answered but does not
 * apply, and which required questions are still open. Pure: today is passed in.
 */
import type { Answers, Status } from "../answers/types.ts";
import { checkValue, validateAnswers } from "../answers/validate.ts";
import { chosenOther, visibleQuestions } from "../flow/conditions.ts";
import { describeCondition } from "../flow/describe.ts";
import { conditionName, numberQuestions } from "../flow/numbering.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";
import { PatternMeter } from "../pack/pattern.ts";
import { allQuestions, otherKey, type Pack, type Question } from "../pack/types.ts";
import { choiceEcho, sectionLines } from "./echo.ts";
import { splitReply } from "./parse.ts";
import { isMultiline, type ReadEnv, readAnswer } from "./values.ts";

export interface ImportNote {
  n: number;
  id: string;
  question: Question;
  /** Why it is listed. */
  why: Msg;
  /** The client's text for that number. */
  text: string;
}

export interface ImportResult {
  answers: Answers;
  status: Status;
  /** How many numbered answers the reply held. */
  found: number;
  /** Answers that could not be read: left unanswered. */
  unreadable: ImportNote[];
  /** Answers read with a judgment the worker should check. */
  remarks: ImportNote[];
  /** Answers to questions that do not apply given the other answers: not stored. */
  skipped: ImportNote[];
  /**
   * Required questions that apply and have no answer (unreadable ones excluded), with their
   * number; the worker's own questions have none (ask never puts them to the client).
   */
  missing: { n?: number; question: Question }[];
}

export function importReply(pack: Pack, reply: string, env: ReadEnv): ImportResult {
  const numbered = numberQuestions(pack);
  const byN = new Map(numbered.map((x) => [x.n, x]));
  const items = splitReply(reply, numbered.length, {
    multiline: (n) => {
      const q = byN.get(n)?.question;
      return q ? isMultiline(q) : true;
    },
    echoesChoice: (n, line) => choiceEcho(byN.get(n)?.options ?? [], line) !== undefined,
  });
  const readEnv: ReadEnv = { ...env, boilerplate: env.boilerplate ?? sectionLines(pack) };
  const raw: Answers = {};
  const unreadable: ImportNote[] = [];
  const remarks: ImportNote[] = [];
  const textOf = new Map<string, string>();
  const meter = new PatternMeter();
  for (const item of items) {
    const x = byN.get(item.n);
    if (!x) continue;
    const q = x.question;
    const note = (why: Msg): ImportNote => ({ n: x.n, id: q.id, question: q, why, text: item.text });
    textOf.set(q.id, item.text);
    const r = readAnswer(q, item.text, readEnv);
    if (r.kind === "blank") continue;
    if (r.kind === "unreadable") {
      unreadable.push(note(r.why));
      continue;
    }
    if (r.kind === "pending") {
      if (q.allow_pending) raw[q.id] = r.note ? { pending: true, note: r.note } : { pending: true };
      else if (q.required)
        unreadable.push(note(msg("この質問は「未定」にはできません。回答をお願いしてください", 'this question cannot stay "not decided": ask for an answer')));
      else remarks.push(note(msg("「未定」のため未回答にしました", 'left unanswered: "not decided yet"')));
      continue;
    }
    const checked = checkValue(q, r.value, meter);
    if ("error" in checked) {
      const strip = (s: string) => s.replace(`${q.id}: `, "");
      unreadable.push(note(msg(`${strip(checked.error.ja)} (${checked.fix.ja})`, `${strip(checked.error.en)} (${checked.fix.en})`)));
      continue;
    }
    raw[q.id] = checked.value;
    if (r.other !== undefined && chosenOther(q, checked.value)) raw[otherKey(q.id)] = r.other;
    for (const remark of r.remarks) remarks.push(note(remark));
  }

  const { answers, problems } = validateAnswers(pack, raw, { requireComplete: true, meter });
  const visible = new Set(visibleQuestions(pack, answers).map((q) => q.id));
  const numberOf = new Map(numbered.map((x) => [x.question.id, x.n]));
  const [nameJa, nameEn] = [conditionName(numbered, "ja"), conditionName(numbered, "en")];
  const onlyIf = (q: Question) =>
    q.when
      ? msg(
          `${describeCondition(q.when, pack, "ja", nameJa)}の場合だけの質問のため保存していません`,
          `not stored: asked only if ${describeCondition(q.when, pack, "en", nameEn)}`,
        )
      : msg("保存していません", "not stored");
  const skipped: ImportNote[] = [];
  for (const x of numbered) {
    const q = x.question;
    if (visible.has(q.id) || !textOf.has(q.id)) continue;
    if (Object.hasOwn(raw, q.id) || unreadable.some((u) => u.id === q.id))
      skipped.push({ n: x.n, id: q.id, question: q, why: onlyIf(q), text: textOf.get(q.id) ?? "" });
  }
  // Only what applies matters: an unreadable answer to a question that does not apply is moot.
  const stillUnreadable = unreadable.filter((u) => visible.has(u.id));
  const keptRemarks = remarks.filter((r) => visible.has(r.id));
  for (const p of problems) {
    const x = p.severity === "warning" && p.path ? byN.get(numberOf.get(p.path) ?? 0) : undefined;
    if (x) keptRemarks.push({ n: x.n, id: x.question.id, question: x.question, why: p.message, text: textOf.get(x.question.id) ?? "" });
  }
  const unreadableIds = new Set(stillUnreadable.map((u) => u.id));
  const missing = allQuestions(pack)
    .filter((q) => q.required && visible.has(q.id) && answers[q.id] === undefined && !unreadableIds.has(q.id))
    .map((question) => {
      const n = numberOf.get(question.id);
      return n === undefined ? { question } : { n, question };
    });
  return {
    answers,
    status: missing.length > 0 || stillUnreadable.length > 0 ? "in-progress" : "complete",
    found: items.length,
    unreadable: stillUnreadable,
    remarks: keptRemarks.sort((a, b) => a.n - b.n),
    skipped,
    missing,
  };
}

/** The reply's language: Japanese when it has kana or kanji. */
export function detectLang(reply: string): Lang {
  return /[\u3040-\u30ff\u4e00-\u9fff]/u.test(reply) ? "ja" : "en";
}

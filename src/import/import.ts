/**
 * A client's reply → validated answers, plus the report the worker reads: what could not be
 * read (by question number), what was read with a judgment, what was answered but does not
 * apply, and which required questions are still open. Pure: today is passed in.
 */

import { checkValue } from "../answers/check-value.ts";
import { chosenOther, visibleQuestions } from "../answers/conditions.ts";
import { withDefaults } from "../answers/defaults.ts";
import { type Answers, isPending, type Status } from "../answers/types.ts";
import { validateAnswers } from "../answers/validate.ts";
import { conditionName, type NumberedQuestion, numberQuestions } from "../ask/numbering.ts";
import { DataError } from "../errors.ts";
import type { ReplyQuestion } from "../form/reply.ts";
import { decodeReplyValue, findSignature, splitFormReply } from "../form/reply-read.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";
import { conditionCase, describeCondition } from "../pack/describe.ts";
import { PatternMeter } from "../pack/pattern.ts";
import { allQuestions, otherKey, type Pack, type Question } from "../pack/types.ts";
import { choiceEcho, sectionLines } from "./echo.ts";
import { type FormCheck, formCheck, replyQuestions } from "./form.ts";
import { type ReplyItem, splitReply } from "./parse.ts";
import type { Reading } from "./reading.ts";
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
  /**
   * Questions the reply left out that got the pack's default, as the hearing and `--defaults`
   * give it (number absent for the worker's own questions); none for a form's reply.
   */
  defaulted: { n?: number; question: Question }[];
  /** A reply written by the client's HTML form: whether its answers arrived as the form wrote them. */
  form?: FormCheck;
}

export function importReply(pack: Pack, reply: string, env: ReadEnv): ImportResult {
  const numbered = numberQuestions(pack);
  const byN = new Map(numbered.map((x) => [x.n, x]));
  const signature = findSignature(reply);
  if (signature && signature.packId !== pack.id) throw otherPackError(signature.packId, pack.id);
  // The form's reply is read exactly as the form wrote it; an item changed by hand is read
  // like any reply.
  const items = signature
    ? splitFormReply(reply, signature, numbered.length)
    : splitReply(reply, numbered.length, {
        multiline: (n) => {
          const q = byN.get(n)?.question;
          return q ? isMultiline(q) : true;
        },
        echoesChoice: (n, line) => choiceEcho(byN.get(n)?.options ?? [], line) !== undefined,
      });
  const readEnv: ReadEnv = { ...env, boilerplate: env.boilerplate ?? sectionLines(pack) };
  // One budget of pattern work for the whole reply (see pack/pattern.ts).
  const meter = new PatternMeter();
  const { raw, unreadable, remarks, textOf } = readItems(items, byN, readEnv, meter, signature ? replyQuestions(pack, signature.lang) : undefined);

  // What the reply does not mention takes the pack's default, as in the hearing; an answer
  // the client gave (even "none", or one that could not be read) is never replaced by it.
  // Not for the client's form: it showed its questions with their defaults already (one
  // missing from its reply was cleared by the client), and its reply comes back exactly as
  // the form wrote it, checksum included; the worker's own questions wait for resume.
  const filled = signature ? raw : withDefaults(pack, raw, new Set(textOf.keys()));
  const { answers, problems } = validateAnswers(pack, filled, { requireComplete: true, meter });
  const visible = new Set(visibleQuestions(pack, answers).map((q) => q.id));
  const numberOf = new Map(numbered.map((x) => [x.question.id, x.n]));
  const [nameJa, nameEn] = [conditionName(numbered, "ja"), conditionName(numbered, "en")];
  const onlyIf = (q: Question) =>
    q.when
      ? msg(
          `${conditionCase(describeCondition(q.when, pack, "ja", nameJa))}だけの質問のため、保存していません`,
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
  const missing = missingRequired(pack, answers, new Set(stillUnreadable.map((u) => u.id)));
  const defaulted = allQuestions(pack)
    .filter((q) => !Object.hasOwn(raw, q.id) && Object.hasOwn(filled, q.id) && answers[q.id] !== undefined)
    .map((question) => {
      const n = numberOf.get(question.id);
      return n === undefined ? { question } : { n, question };
    });
  return {
    answers,
    defaulted,
    status: missing.length > 0 || stillUnreadable.length > 0 ? "in-progress" : "complete",
    found: items.length,
    unreadable: stillUnreadable,
    remarks: keptRemarks.sort((a, b) => a.n - b.n),
    skipped,
    missing,
    ...(signature ? { form: formCheck(signature, answers) } : {}),
  };
}

/** Required questions that apply and have no answer (those in `unreadable` aside), with their client number. */
export function missingRequired(pack: Pack, answers: Answers, unreadable: Set<string> = new Set()): ImportResult["missing"] {
  const visible = new Set(visibleQuestions(pack, answers).map((q) => q.id));
  const numberOf = new Map(numberQuestions(pack).map((x) => [x.question.id, x.n]));
  return allQuestions(pack)
    .filter((q) => q.required && visible.has(q.id) && answers[q.id] === undefined && !unreadable.has(q.id))
    .map((question) => {
      const n = numberOf.get(question.id);
      return n === undefined ? { question } : { n, question };
    });
}

/** A form's reply or file for another pack: read with this one, every number would be wrong. */
export function otherPackError(formPack: string, pack: string): DataError {
  return new DataError(
    msg(`この回答は ${formPack} のフォームで書かれています (指定のパック: ${pack})`, `this reply comes from the form of ${formPack}, not ${pack}`),
    [
      {
        message: msg("回答の番号はパックごとに違うため、このパックでは読めません", "question numbers differ between packs, so it cannot be read with this one"),
        fix: msg(`kikitori import ${formPack} … で取り込んでください`, `import it with kikitori import ${formPack} …`),
      },
    ],
  );
}

/** An item of a form's reply as the form wrote it, or undefined when it was changed (then it is read like any reply). */
function readExactly(rq: ReplyQuestion | undefined, text: string): Reading | undefined {
  const exact = rq ? decodeReplyValue(rq, text) : undefined;
  if (!exact) return undefined;
  // Answered with nothing: blank, so the pack's default is not filled in.
  if ("none" in exact) return { kind: "blank" };
  if (isPending(exact.value)) return { kind: "pending", ...(exact.value.note ? { note: exact.value.note } : {}) };
  return { kind: "value", value: exact.value, ...(exact.other !== undefined ? { other: exact.other } : {}), remarks: [] };
}

/** Each numbered item read by its question's type and checked; what cannot be stored is noted, not guessed. */
function readItems(items: ReplyItem[], byN: Map<number, NumberedQuestion>, readEnv: ReadEnv, meter: PatternMeter, form?: Map<number, ReplyQuestion>) {
  const raw: Answers = {};
  const unreadable: ImportNote[] = [];
  const remarks: ImportNote[] = [];
  const textOf = new Map<string, string>();
  for (const item of items) {
    const x = byN.get(item.n);
    if (!x) continue;
    const q = x.question;
    const note = (why: Msg): ImportNote => ({ n: x.n, id: q.id, question: q, why, text: item.text });
    textOf.set(q.id, item.text);
    const r = readExactly(form?.get(x.n), item.text) ?? readAnswer(q, item.text, readEnv);
    if (r.kind === "blank") continue;
    if (r.kind === "unreadable") {
      unreadable.push(note(r.why));
      continue;
    }
    if (r.kind === "pending") {
      if (q.allow_pending) raw[q.id] = r.note ? { pending: true, note: r.note } : { pending: true };
      else if (q.required)
        unreadable.push(
          note(
            msg(
              "この質問は「未定」にはできません。クライアントに回答を確認してください",
              'this question cannot stay "not decided": ask the client for an answer',
            ),
          ),
        );
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
  return { raw, unreadable, remarks, textOf };
}

/** The reply's language: Japanese when it has kana or kanji. */
export function detectLang(reply: string): Lang {
  return /[\u3040-\u30ff\u4e00-\u9fff]/u.test(reply) ? "ja" : "en";
}

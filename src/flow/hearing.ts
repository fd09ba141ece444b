/**
 * The hearing engine: which question comes next, back, "other" and "not decided yet"
 * follow-ups, the review screen. Pure apart from the Prompter it drives and the `save`
 * callback it calls after every change (the caller writes the answers file there).
 *
 * Two ways of moving forward:
 * - walk (a new hearing): every question in order, each showing its current answer, so
 *   going back and forward again steps through the questions one by one;
 * - fill (resume, and edits from the review screen): only the questions not settled yet
 *   (unanswered, or newly shown by a changed answer), then the review screen.
 */
import { coerceText } from "../answers/coerce.ts";
import { chosenOther, pruneAnswers } from "../answers/conditions.ts";
import { refusal as answerRefusal, REFUSAL } from "../answers/refusal.ts";
import { type Answers, get, isPending, type Meta } from "../answers/types.ts";
import { checkValue } from "../answers/validate.ts";
import type { Lang } from "../i18n.ts";
import { msg } from "../i18n.ts";
import { otherKey, type Pack } from "../pack/types.ts";
import type { Ask, Prompter, Review } from "./prompter.ts";
import {
  frameOf,
  META_KEYS,
  META_SECTION,
  type MetaKey,
  metaId,
  metaQuestion,
  type PlatformChoice,
  platformQuestion,
  questionAnswerText,
  type Step,
  stepsFor,
  syncPlatform,
} from "./steps.ts";

export interface HearingState {
  answers: Answers;
  meta: Meta;
}

export interface HearingOptions {
  pack: Pack;
  lang: Lang;
  answers: Answers;
  meta: Meta;
  /** Job details to ask (those not given by flags or the answers file). */
  askMeta: readonly MetaKey[];
  platforms: readonly PlatformChoice[];
  /** walk: a new hearing; fill: resume at the first unanswered question; review: open the review screen. */
  start: "walk" | "fill" | "review";
  /** Questions answered on the command line: the walk passes them by (review can change them). */
  given?: readonly string[];
  /** Called after every change, with the answers pruned of hidden questions. */
  save(state: HearingState): void | Promise<void>;
}

const T = {
  first: msg("これが最初の質問です", "This is the first question"),
  required: REFUSAL.required,
  noPending: msg("この質問は「未定」にできません", 'This question cannot be "not decided yet"'),
  missing: msg("完了する前にこの質問に答えてください", "Answer this question before finishing"),
  otherAsk: REFUSAL.otherAsk,
  noteAsk: msg("未定のメモ (何を確認するか等)", "a note on what is still open"),
};

type StepResult = { type: "back" } | { type: "answer"; value: unknown; other?: string };

export async function runHearing(opts: HearingOptions, prompter: Prompter): Promise<HearingState> {
  const { pack, lang } = opts;
  let answers = pruneAnswers(pack, opts.answers);
  let meta: Meta = syncPlatform(pack, answers, { ...opts.meta });
  const given = new Set(opts.given ?? []);
  // A pack with a platform question of its own asks it there, not among the job details.
  const metaKeys = platformQuestion(pack) ? META_KEYS.filter((k) => k !== "platform") : META_KEYS;
  const metaInList = new Set<MetaKey>(opts.askMeta.filter((k) => metaKeys.includes(k)));
  const steps = () =>
    stepsFor(
      pack,
      answers,
      META_KEYS.filter((k) => metaInList.has(k)),
      opts.platforms,
    );
  const settled = new Set<string>(opts.start === "walk" ? [] : Object.keys(answers));
  let mode: "walk" | "fill" = opts.start === "walk" ? "walk" : "fill";
  let cursor: string | null =
    opts.start === "review" ? null : ((mode === "walk" ? steps().find((s) => !given.has(s.id)) : steps().find((s) => !settled.has(s.id)))?.id ?? null);
  let editOrigin: string | undefined;
  let notice: string | undefined;

  for (;;) {
    const list = steps();
    if (cursor === null) {
      const r = await prompter.review(reviewOf(opts, metaKeys, answers, meta, notice));
      notice = undefined;
      if (r.type === "finish") {
        const missing = list.find((s) => !s.meta && s.question.required && get(answers, s.id) === undefined);
        if (!missing) return { answers, meta };
        cursor = missing.id;
        mode = "fill";
        notice = T.missing[lang];
        continue;
      }
      const key = META_KEYS.find((k) => metaId(k) === r.id);
      if (key) metaInList.add(key);
      if (!steps().some((s) => s.id === r.id)) continue;
      cursor = editOrigin = r.id;
      mode = "fill";
      continue;
    }
    const step = list.find((s) => s.id === cursor);
    if (!step) {
      // The question was hidden by a changed answer: carry on with what is left.
      cursor = list.find((s) => !settled.has(s.id))?.id ?? null;
      continue;
    }
    const out = await askStep(step, list, notice);
    notice = undefined;
    if (out.type === "back") {
      const i = list.indexOf(step);
      if (editOrigin === step.id) {
        cursor = null;
        editOrigin = undefined;
      } else if (i <= 0) notice = T.first[lang];
      else cursor = list[i - 1]?.id ?? null;
      continue;
    }
    apply(step, out);
    settled.add(step.id);
    const now = steps();
    for (const id of settled) if (!now.some((s) => s.id === id)) settled.delete(id);
    await opts.save({ answers, meta: { ...meta } });
    const after = now.slice(now.findIndex((s) => s.id === step.id) + 1);
    cursor = (mode === "walk" ? after.find((s) => !given.has(s.id)) : after.find((s) => !settled.has(s.id)))?.id ?? null;
    if (cursor === null) editOrigin = undefined;
  }

  function apply(step: Step, out: Extract<StepResult, { type: "answer" }>): void {
    if (step.meta) {
      const key = step.meta;
      if (out.value === undefined) delete meta[key];
      else meta[key] = out.other ?? String(out.value);
      return;
    }
    const next: Answers = { ...answers };
    delete next[otherKey(step.id)];
    if (out.value === undefined) delete next[step.id];
    else next[step.id] = out.value as Answers[string];
    if (out.other !== undefined) next[otherKey(step.id)] = out.other;
    // Changing an answer may hide later questions: their answers go (and are not saved).
    answers = pruneAnswers(pack, next);
    meta = syncPlatform(pack, answers, meta);
  }

  async function askStep(step: Step, list: Step[], firstNotice: string | undefined): Promise<StepResult> {
    const q = step.question;
    let note = firstNotice;
    for (;;) {
      const reply = await prompter.ask(askOf(step, list, note));
      note = undefined;
      if (reply.type === "back") return reply;
      if (reply.type === "pending") {
        if (!q.allow_pending) {
          note = T.noPending[lang];
          continue;
        }
        const current = get(answers, step.id);
        const r = await prompter.ask(followUp(step, list, "note", isPending(current) ? current.note : undefined));
        if (r.type === "back") continue;
        const text = r.type === "answer" && typeof r.value === "string" ? r.value.trim() : "";
        return { type: "answer", value: text ? { pending: true, note: text } : { pending: true } };
      }
      const error = refusal(step, reply.value);
      if (error) {
        note = error;
        continue;
      }
      if (isEmpty(reply.value)) return { type: "answer", value: undefined };
      const checked = checkValue(q, typed(step, reply.value));
      if (!("value" in checked)) continue;
      if (!chosenOther(q, checked.value)) return { type: "answer", value: checked.value };
      const before = step.meta ? undefined : get(answers, otherKey(step.id));
      const r = await prompter.ask(followUp(step, list, "other", typeof before === "string" ? before : undefined));
      if (r.type !== "answer" || typeof r.value !== "string" || !r.value.trim()) continue;
      return { type: "answer", value: checked.value, other: r.value.trim() };
    }
  }

  /** Why a reply is refused, in the person's language; undefined when it is fine. */
  function refusal(step: Step, raw: unknown): string | undefined {
    return answerRefusal(step.question, isEmpty(raw) ? undefined : typed(step, raw), lang);
  }

  function askOf(step: Step, list: Step[], notice: string | undefined): Ask {
    const q = step.question;
    const current = step.meta ? meta[step.meta] : get(answers, step.id);
    let initial = current !== undefined && !isPending(current) ? current : q.default;
    // A platform that is not one of the choices was typed as "other".
    if (step.meta === "platform" && typeof current === "string" && !q.choices?.some((c) => c.value === current)) initial = "other";
    return {
      kind: step.meta ? "meta" : "question",
      id: step.id,
      type: q.type,
      lang,
      frame: frameFor(step, list),
      message: q.message[lang],
      ...(q.help ? { help: q.help[lang] } : {}),
      examples: (q.examples ?? []).map((e) => e[lang]),
      ...(q.choices
        ? {
            choices: q.choices.map((c) => ({
              value: c.value,
              label: c.label[lang],
              ...(c.hint ? { hint: c.hint[lang] } : {}),
              ...(c.other ? { other: true } : {}),
            })),
          }
        : {}),
      ...(q.unit ? { unit: q.unit[lang] } : {}),
      ...(q.type === "scale" ? { min: q.min, max: q.max } : q.type === "number" ? { min: q.validate?.min, max: q.validate?.max } : {}),
      ...(q.min_label ? { minLabel: q.min_label[lang] } : {}),
      ...(q.max_label ? { maxLabel: q.max_label[lang] } : {}),
      required: q.required,
      canPending: q.allow_pending,
      ...(initial !== undefined ? { initial } : {}),
      ...(isPending(current) ? { pendingNow: current.note ? { note: current.note } : {} } : {}),
      ...(notice ? { notice } : {}),
      validate: (raw) => refusal(step, raw),
    };
  }

  function followUp(step: Step, list: Step[], kind: "other" | "note", initial: string | undefined): Ask {
    const q = step.question;
    return {
      kind,
      id: kind === "other" ? otherKey(q.id) : `${q.id}.note`,
      type: "text",
      lang,
      frame: frameFor(step, list),
      message: `${q.message[lang]} — ${(kind === "other" ? T.otherAsk : T.noteAsk)[lang]}`,
      examples: [],
      required: kind === "other",
      canPending: false,
      ...(initial !== undefined ? { initial } : {}),
      validate: (raw) => (kind === "other" && isEmpty(raw) ? T.required[lang] : undefined),
    };
  }

  function frameFor(step: Step, list: Step[]) {
    return frameOf(pack, list, step, lang);
  }
}

/** Text typed for a number, date, confirm or choice is read by the question's type first. */
function typed(step: Step, raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const q = step.question;
  return q.type === "text" || q.type === "paragraph" ? raw.trim() : coerceText(q, raw);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

function reviewOf(opts: HearingOptions, metaKeys: readonly MetaKey[], answers: Answers, meta: Meta, notice: string | undefined): Review {
  const { pack, lang } = opts;
  const steps = stepsFor(pack, answers, metaKeys, opts.platforms);
  const metaItems = metaKeys.map((k) => {
    const q = metaQuestion(k, opts.platforms);
    const v = meta[k];
    const known = k === "platform" && v !== undefined ? q.choices?.find((c) => c.value === v) : undefined;
    return { id: metaId(k), label: q.message[lang], text: known ? known.label[lang] : (v ?? ""), pending: false, required: false };
  });
  const sections = pack.sections
    .map((s, i) => ({
      title: s.title[lang],
      items: steps
        .filter((st) => st.section === i)
        .map((st) => {
          const v = get(answers, st.id);
          return {
            id: st.id,
            label: st.question.message[lang],
            text: questionAnswerText(st.question, answers, lang),
            pending: isPending(v),
            required: st.question.required,
          };
        }),
    }))
    .filter((s) => s.items.length > 0);
  return { lang, title: pack.title[lang], sections: [{ title: META_SECTION[lang], items: metaItems }, ...sections], ...(notice ? { notice } : {}) };
}

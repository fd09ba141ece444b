/**
 * What the hearing shows: the question screen, the follow-ups for "other" and "not decided
 * yet", and the review screen, built from the pack and the answers so far. Pure.
 */
import { REFUSAL } from "../answers/refusal.ts";
import { type Answers, get, isPending, type Meta } from "../answers/types.ts";
import { type Lang, msg } from "../i18n.ts";
import { otherKey, type Pack } from "../pack/types.ts";
import { unitName } from "../units.ts";
import type { Ask, Review } from "./prompter.ts";
import { frameOf, META_SECTION, type MetaKey, metaId, metaQuestion, type PlatformChoice, questionAnswerText, type Step, stepsFor } from "./steps.ts";

/** What a screen is built from. */
export interface View {
  pack: Pack;
  lang: Lang;
  answers: Answers;
  meta: Meta;
}

/** What the hearing says on its screens besides the pack's own words. */
export const SAY = {
  first: msg("これが最初の質問です", "This is the first question"),
  required: REFUSAL.required,
  noPending: msg("この質問は「未定」にできません", 'This question cannot be "not decided yet"'),
  missing: msg("完了する前にこの質問に答えてください", "Answer this question before finishing"),
  otherAsk: REFUSAL.otherAsk,
  noteAsk: msg("未定のメモ (何を確認するか等)", "a note on what is still open"),
};

/** The screen of one question, with its current answer (or the default) to start from. */
export function askScreen(view: View, step: Step, list: Step[], notice: string | undefined, validate: Ask["validate"]): Ask {
  const { pack, lang, answers, meta } = view;
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
    frame: frameOf(pack, list, step, lang),
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
    // Shown alone, beside the range: the plural form (`1–10 figures`, not `figure|figures`).
    ...(q.unit ? { unit: unitName(q.unit[lang]) } : {}),
    ...(q.type === "scale" ? { min: q.min, max: q.max } : q.type === "number" ? { min: q.validate?.min, max: q.validate?.max } : {}),
    ...(q.min_label ? { minLabel: q.min_label[lang] } : {}),
    ...(q.max_label ? { maxLabel: q.max_label[lang] } : {}),
    required: q.required,
    canPending: q.allow_pending,
    ...(initial !== undefined ? { initial } : {}),
    ...(isPending(current) ? { pendingNow: current.note ? { note: current.note } : {} } : {}),
    ...(notice ? { notice } : {}),
    validate,
  };
}

/** The follow-up of a question: the text of an "other" choice, or the note of "not decided yet". */
export function followUpScreen(view: View, step: Step, list: Step[], kind: "other" | "note", initial: string | undefined): Ask {
  const { pack, lang } = view;
  const q = step.question;
  return {
    kind,
    id: kind === "other" ? otherKey(q.id) : `${q.id}.note`,
    type: "text",
    lang,
    frame: frameOf(pack, list, step, lang),
    message: `${q.message[lang]} — ${(kind === "other" ? SAY.otherAsk : SAY.noteAsk)[lang]}`,
    examples: [],
    required: kind === "other",
    canPending: false,
    ...(initial !== undefined ? { initial } : {}),
    validate: (raw) => (kind === "other" && isEmpty(raw) ? SAY.required[lang] : undefined),
  };
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

/** The review screen: the job details, then every question that applies with its answer. */
export function reviewScreen(view: View, platforms: readonly PlatformChoice[], metaKeys: readonly MetaKey[], notice: string | undefined): Review {
  const { pack, lang, answers, meta } = view;
  const steps = stepsFor(pack, answers, metaKeys, platforms);
  const metaItems = metaKeys.map((k) => {
    const q = metaQuestion(k, platforms);
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

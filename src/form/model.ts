/**
 * What a client's form holds: the pack's client questions in one language with their `ask`
 * numbers, the job, and the form's words. The command builds it (build-model.ts) and embeds
 * it as JSON; the page turns it back into a Pack so that the shared condition and validation
 * code runs on it unchanged. Page-safe: no Node APIs.
 */
import type { Lang } from "../i18n.ts";
import type { Condition, Pack, QuestionRules, QuestionType, Scalar, Text } from "../pack/types.ts";
import type { ReplyQuestion } from "./reply.ts";
import type { FormStrings } from "./strings.ts";

export interface FormChoice {
  value: string;
  label: string;
  hint?: string;
  other?: true;
}

export interface FormQuestion {
  id: string;
  /** The question's number in the `ask` numbering (what a reply is read by). */
  n: number;
  type: QuestionType;
  text: string;
  help?: string;
  examples?: string[];
  /** The limits of the answer: `1〜10の数字`, `200文字以内`, `複数選択可・2つまで`. */
  hint?: string;
  choices?: FormChoice[];
  required: boolean;
  allowPending: boolean;
  when?: Condition;
  validate?: QuestionRules;
  /** The unit as the pack writes it (`hour|hours`). */
  unit?: string;
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  default?: Scalar | string[];
}

export interface FormSection {
  id: string;
  title: string;
  intro?: string;
  questions: FormQuestion[];
}

export interface FormModel {
  format: 1;
  lang: Lang;
  /** Tells two forms of one pack apart in the browser's storage. */
  formId: string;
  pack: { id: string; version: string; title: string; description?: string };
  meta: {
    client?: string;
    /** How the client is named on the form: `山田 様`, `For Jane Smith`. */
    clientLabel?: string;
    job?: string;
    platform?: string;
    platformName?: string;
    offPlatform?: boolean;
  };
  /** Sections with at least one client question. */
  sections: FormSection[];
  /** How many questions the full client questionnaire has (more than shown with --first). */
  total: number;
  first: boolean;
  /** How many questions of the pack are the worker's own or the worker's offer (`audience: terms`): never in the form, so its file stays in-progress. */
  workerQuestions: number;
  /** The downloaded answers file's name. */
  download: string;
  strings: FormStrings;
}

export function formQuestions(model: FormModel): FormQuestion[] {
  return model.sections.flatMap((s) => s.questions);
}

/** The model as a Pack, every text in the form's language, for the shared code. */
export function packFromModel(model: FormModel): Pack {
  const t = (s: string): Text => ({ ja: s, en: s });
  return {
    kikitori: 1,
    id: model.pack.id,
    version: model.pack.version,
    title: t(model.pack.title),
    languages: [model.lang],
    sections: model.sections.map((s) => ({
      id: s.id,
      title: t(s.title),
      questions: s.questions.map((q) => ({
        id: q.id,
        type: q.type,
        message: t(q.text),
        required: q.required,
        allow_pending: q.allowPending,
        ...(q.choices ? { choices: q.choices.map((c) => ({ value: c.value, label: t(c.label), ...(c.other ? { other: true } : {}) })) } : {}),
        ...(q.when ? { when: q.when } : {}),
        ...(q.validate ? { validate: q.validate } : {}),
        ...(q.unit !== undefined ? { unit: t(q.unit) } : {}),
        ...(q.min !== undefined ? { min: q.min } : {}),
        ...(q.max !== undefined ? { max: q.max } : {}),
      })),
    })),
  };
}

/** The form's questions as the reply writer and reader need them. */
export function replyQuestionsOf(model: FormModel): ReplyQuestion[] {
  return formQuestions(model).map((q) => ({
    id: q.id,
    n: q.n,
    type: q.type,
    allowPending: q.allowPending,
    choices: (q.choices ?? []).map((c) => ({ value: c.value, label: c.label, ...(c.other ? { other: true } : {}) })),
    ...(q.unit !== undefined ? { unit: q.unit } : {}),
    ...(q.default !== undefined ? { hasDefault: true } : {}),
  }));
}

/**
 * A pack → the client's form (model.ts): the questions `ask` would put to the client (all of
 * them, or the first round), numbered as `ask` numbers them, in one language. Pure.
 */

import { firstRound } from "../ask/first.ts";
import { pickHint } from "../ask/hints.ts";
import { type NumberedQuestion, numberQuestions } from "../ask/numbering.ts";
import { type Lang, msg } from "../i18n.ts";
import { allQuestions, isTermsQuestion, isWorkerQuestion, type Pack, type Question } from "../pack/types.ts";
import { fill } from "./fill.ts";
import type { FormModel, FormQuestion, FormSection } from "./model.ts";
import { formStrings } from "./strings.ts";

/** A name that already ends in an honorific keeps it (山田様, 株式会社X 御中). */
const HONORIFIC = /(様|さま|御中|殿|さん|先生)$/u;

export interface FormOptions {
  lang: Lang;
  /** The first round only (`--first`). */
  first: boolean;
  formId: string;
  /** The downloaded answers file's name. */
  download: string;
  client?: string | undefined;
  job?: string | undefined;
  platform?: { id: string; name: string; offPlatform: boolean } | undefined;
}

export function buildFormModel(pack: Pack, opts: FormOptions): FormModel {
  const { lang } = opts;
  const all = numberQuestions(pack);
  const shown = opts.first ? firstRound(pack) : all;
  const sections: FormSection[] = [];
  for (const [i, s] of pack.sections.entries()) {
    const questions = shown.filter((x) => x.sectionIndex === i).map((x) => formQuestion(x, lang));
    if (questions.length === 0) continue;
    sections.push({ id: s.id, title: s.title[lang], ...(s.intro ? { intro: s.intro[lang] } : {}), questions });
  }
  const client = opts.client?.trim();
  const job = opts.job?.trim();
  return {
    format: 1,
    lang,
    formId: opts.formId,
    pack: { id: pack.id, version: pack.version, title: pack.title[lang], ...(pack.description ? { description: pack.description[lang] } : {}) },
    meta: {
      ...(client ? { client, clientLabel: lang === "ja" && HONORIFIC.test(client) ? client : fill(formStrings(lang).forClient, { client }) } : {}),
      ...(job ? { job } : {}),
      ...(opts.platform ? { platform: opts.platform.id, platformName: opts.platform.name, offPlatform: opts.platform.offPlatform } : {}),
    },
    sections,
    total: all.length,
    first: opts.first,
    workerQuestions: allQuestions(pack).filter((q) => isWorkerQuestion(q) || isTermsQuestion(q)).length,
    download: opts.download,
    strings: formStrings(lang),
  };
}

function formQuestion(x: NumberedQuestion, lang: Lang): FormQuestion {
  const q: Question = x.question;
  const hint = formHint(q, lang);
  return {
    id: q.id,
    n: x.n,
    type: q.type,
    text: q.message[lang],
    ...(q.help ? { help: q.help[lang] } : {}),
    ...(q.examples?.length ? { examples: q.examples.map((e) => e[lang]) } : {}),
    ...(hint ? { hint } : {}),
    ...(q.choices
      ? {
          choices: q.choices.map((c) => ({
            value: c.value,
            label: c.label[lang],
            ...(c.hint ? { hint: c.hint[lang] } : {}),
            ...(c.other ? { other: true as const } : {}),
          })),
        }
      : {}),
    required: q.required,
    allowPending: q.allow_pending,
    ...(q.when ? { when: q.when } : {}),
    ...(q.validate ? { validate: q.validate } : {}),
    ...(q.unit ? { unit: q.unit[lang] } : {}),
    ...(q.type === "scale" ? { min: q.min ?? 1, max: q.max ?? 5 } : {}),
    ...(q.min_label ? { minLabel: q.min_label[lang] } : {}),
    ...(q.max_label ? { maxLabel: q.max_label[lang] } : {}),
    ...(q.default !== undefined ? { default: q.default } : {}),
  };
}

const HINTS = {
  range: msg("{min}〜{max}の数字", "A number from {min} to {max}"),
  atLeast: msg("{min}以上の数字", "A number of at least {min}"),
  atMost: msg("{max}以下の数字", "A number up to {max}"),
  lengthRange: msg("{min}〜{max}文字", "{min} to {max} characters"),
  lengthMin: msg("{min}文字以上", "At least {min} characters"),
  lengthMax: msg("{max}文字以内", "Up to {max} characters"),
  itemsRange: msg("{min}〜{max}個", "{min} to {max} items"),
  itemsMin: msg("{min}個以上", "At least {min} items"),
  itemsMax: msg("{max}個まで", "Up to {max} items"),
};

/**
 * What the form says under a question about its limits (the controls show the rest): the
 * range of a number, the length of a text, how many items; a multiselect's as `ask` says it.
 */
function formHint(q: Question, lang: Lang): string {
  const r = q.validate ?? {};
  const pick = (both: keyof typeof HINTS, lo: keyof typeof HINTS, hi: keyof typeof HINTS, min: number | undefined, max: number | undefined) => {
    const key = min !== undefined && max !== undefined ? both : min !== undefined ? lo : max !== undefined ? hi : undefined;
    return key ? fill(HINTS[key][lang], { min: min ?? "", max: max ?? "" }) : "";
  };
  switch (q.type) {
    case "number":
      return pick("range", "atLeast", "atMost", r.min, r.max);
    case "text":
    case "paragraph":
      return pick("lengthRange", "lengthMin", "lengthMax", r.min_length || undefined, r.max_length);
    case "list":
    case "references":
      return pick("itemsRange", "itemsMin", "itemsMax", r.min_items || undefined, r.max_items);
    case "multiselect":
      return pickHint(q, lang);
    default:
      return "";
  }
}

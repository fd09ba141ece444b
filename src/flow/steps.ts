/**
 * The steps of a hearing: the job details the worker is asked (client, job title,
 * platform → the answers file's `meta`) then the pack's questions whose `when` holds, and
 * where each one stands (section k/n, question i/m). Pure: computed again after every answer,
 * so conditional questions appear and disappear as answers change.
 */

import { chosenOther, visibleQuestions } from "../answers/conditions.ts";
import { type Answers, type AnswerValue, get, isPending, type Meta } from "../answers/types.ts";
import { type Lang, type Msg, msg, WORDS } from "../i18n.ts";
import { allQuestions, otherKey, type Pack, type Question } from "../pack/types.ts";
import { numberWithUnit } from "../units.ts";
import type { Frame } from "./prompter.ts";

export type MetaKey = "client" | "job" | "platform";
export const META_KEYS: readonly MetaKey[] = ["client", "job", "platform"];

export interface PlatformChoice {
  id: string;
  name: Msg;
}

export interface Step {
  /** A question id, or `meta.<key>` for a job detail. */
  id: string;
  question: Question;
  meta?: MetaKey;
  /** Index in the pack's sections; -1 for the job details. */
  section: number;
}

export const META_SECTION = msg("案件について", "About the job");

export function metaId(key: MetaKey): string {
  return `meta.${key}`;
}

/** The job details as questions, so they are asked and checked like any other. */
export function metaQuestion(key: MetaKey, platforms: readonly PlatformChoice[]): Question {
  const base = { id: key, required: false, allow_pending: false } as const;
  if (key === "client")
    return {
      ...base,
      type: "text",
      message: msg("クライアントのお名前は？", "The client's name?"),
      help: msg("ブリーフの宛名とメッセージの呼びかけに使います", "Used to address the brief and the messages"),
      examples: [msg("山田 花子", "Jane Smith")],
      validate: { max_length: 100 },
    };
  if (key === "job")
    return {
      ...base,
      type: "text",
      message: msg("案件名は？", "The job title?"),
      help: msg("ブリーフの見出しに使います", "Used as the brief's heading"),
      examples: [msg("カフェのSNSアイコン制作", "Social media icon for a cafe")],
      validate: { max_length: 200 },
    };
  return {
    ...base,
    type: "select",
    message: msg("どのプラットフォームの案件ですか？", "Which platform is the job on?"),
    help: msg(
      "返信期限や承認期限など、プラットフォームごとの決まりを計画に入れるためです",
      "So the plan can include the platform's reply and approval windows",
    ),
    choices: [...platforms.map((p) => ({ value: p.id, label: p.name })), { value: "other", label: msg("その他", "Other"), other: true }],
  };
}

/** The steps that apply now, in order. */
export function stepsFor(pack: Pack, answers: Answers, metaKeys: readonly MetaKey[], platforms: readonly PlatformChoice[]): Step[] {
  const sectionOf = new Map<string, number>();
  pack.sections.forEach((s, i) => {
    for (const q of s.questions) sectionOf.set(q.id, i);
  });
  return [
    ...META_KEYS.filter((k) => metaKeys.includes(k)).map((k) => ({ id: metaId(k), question: metaQuestion(k, platforms), meta: k, section: -1 })),
    ...visibleQuestions(pack, answers).map((q) => ({ id: q.id, question: q, section: sectionOf.get(q.id) ?? 0 })),
  ];
}

/** Section k/n and question i/m of a step among the steps that apply now. */
export function frameOf(pack: Pack, steps: readonly Step[], step: Step, lang: Lang): Frame {
  const sections = [...new Set(steps.map((s) => s.section))];
  const inSection = steps.filter((s) => s.section === step.section);
  const index = inSection.indexOf(step);
  const section = step.section >= 0 ? pack.sections[step.section] : undefined;
  const intro = index === 0 ? section?.intro?.[lang] : undefined;
  return {
    title: pack.title[lang],
    section: sections.indexOf(step.section) + 1,
    sections: sections.length,
    sectionTitle: section ? section.title[lang] : META_SECTION[lang],
    ...(intro ? { intro } : {}),
    question: index + 1,
    questions: inSection.length,
  };
}

/** An answer in one line, with labels rather than stored values. */
export function answerText(q: Question, v: AnswerValue | undefined, lang: Lang, other?: AnswerValue): string {
  if (v === undefined) return "";
  if (isPending(v)) return `${WORDS.pending[lang]}${v.note ? ` (${v.note})` : ""}`;
  const sep = lang === "ja" ? "、" : ", ";
  const label = (x: string) => {
    const c = q.choices?.find((ch) => ch.value === x);
    if (!c) return x;
    return c.other && typeof other === "string" && other ? `${c.label[lang]}: ${other}` : c.label[lang];
  };
  switch (q.type) {
    case "select":
      return label(String(v));
    case "multiselect":
      return Array.isArray(v) ? v.map((x) => label(String(x))).join(sep) : String(v);
    case "confirm":
      return (v === true ? WORDS.yes : WORDS.no)[lang];
    case "number":
      return typeof v === "number" ? numberWithUnit(v, q.unit, lang) : String(v);
    case "scale":
      return q.max !== undefined ? `${v} / ${q.max}` : String(v);
    case "list":
      return Array.isArray(v) ? v.map(String).join(" / ") : String(v);
    case "references":
      return Array.isArray(v) ? v.map((r) => (typeof r === "string" ? r : `${r.kind === "avoid" ? "✗ " : ""}${r.source}`)).join(" / ") : String(v);
    case "paragraph": {
      const lines = String(v).split("\n");
      return lines.length > 1 ? `${lines[0]} …` : String(v);
    }
    default:
      return String(v);
  }
}

/** A pack question's answer in one line, with the text of its "other" choice. */
export function questionAnswerText(q: Question, answers: Answers, lang: Lang): string {
  const v = get(answers, q.id);
  return answerText(q, v, lang, v !== undefined && chosenOther(q, v) ? get(answers, otherKey(q.id)) : undefined);
}

/**
 * The pack question the planner reads the platform from (`schedule: { platform: { question } }`).
 * Such a pack asks the platform itself, so the job details do not ask it a second time.
 */
export function platformQuestion(pack: Pack): Question | undefined {
  const b = pack.schedule?.platform;
  if (!b || typeof b !== "object") return undefined;
  return allQuestions(pack).find((q) => q.id === b.question);
}

/** `meta.platform` follows the answer to the pack's platform question, when it has one. */
export function syncPlatform(pack: Pack, answers: Answers, meta: Meta): Meta {
  const q = platformQuestion(pack);
  const v = q ? get(answers, q.id) : undefined;
  if (!q || typeof v !== "string") return meta;
  const other = chosenOther(q, v) ? get(answers, otherKey(q.id)) : undefined;
  return { ...meta, platform: typeof other === "string" && other ? other : v };
}

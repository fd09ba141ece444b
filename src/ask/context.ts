/**
 * What the `ask` template shows: the whole pack in the shared client numbering, with a hint
 * on how to answer each question and a short sample reply built from the pack itself. Pure.
 *
 * Strings in this context are already safe for the chosen format (Markdown-escaped for `md`,
 * folded onto one line for `text`), so templates insert them as they are.
 */

import { type Lang, WORDS } from "../i18n.ts";
import { conditionCase, describeCondition } from "../pack/describe.ts";
import type { Pack, Question } from "../pack/types.ts";
import { escapeInline } from "../render/markdown.ts";
import { unitName } from "../units.ts";
import { conditionName, type NumberedQuestion, numberQuestions } from "./numbering.ts";

export type AskFormat = "text" | "md";

export interface AskOption {
  n: number;
  label: string;
  hint: string;
  other: boolean;
}

export interface AskQuestion {
  n: number;
  id: string;
  type: Question["type"];
  text: string;
  help: string;
  required: boolean;
  pendingOk: boolean;
  /** How to answer this type, a sentence of its own (`1〜5の数字でお答えください…`), or empty. */
  hint: string;
  /** For a multiselect: `複数選択可` / `pick any that apply`. */
  pick: string;
  /** `質問2が「その他」` / `Q2 is "Other"`: when the question applies, or empty. */
  condition: string;
  /** The same as a phrase: `質問2が「その他」の場合のみ` / `only if Q2 is "Other"`. */
  onlyIf: string;
  example: string;
  multiple: boolean;
  options: AskOption[];
}

export interface AskSection {
  title: string;
  intro: string;
  questions: AskQuestion[];
}

export interface AskContext {
  lang: Lang;
  format: AskFormat;
  md: boolean;
  salutation: string;
  client: string;
  job: string;
  pack: { id: string; version: string; title: string };
  count: number;
  sections: AskSection[];
  /**
   * A few reply lines in the numbering, for "reply like this". Templates print them behind a
   * label (`（例）1. …`) so that a message pasted back whole is not read as answers.
   */
  sample: string[];
  /** Whether any question is conditional (to explain "(only if …)"). */
  hasConditions: boolean;
  /** Whether any question has choices (to explain answering by number). */
  hasChoices: boolean;
}

export interface AskOptions {
  lang: Lang;
  format: AskFormat;
  client?: string | undefined;
  job?: string | undefined;
}

export function buildAskContext(pack: Pack, opts: AskOptions): AskContext {
  const { lang, format } = opts;
  const safe = (s: string) => (format === "md" ? escapeInline(s.replace(/(?<!\s)\s*\n\s*/g, " ")) : s.replace(/(?<!\s)\s*\n\s*/g, " "));
  const numbered = numberQuestions(pack);
  const name = conditionName(numbered, lang);
  const sections: AskSection[] = pack.sections.map((s) => ({ title: safe(s.title[lang]), intro: safe(s.intro?.[lang] ?? ""), questions: [] }));
  for (const x of numbered) {
    const q = x.question;
    const condition = q.when ? describeCondition(q.when, pack, lang, name) : "";
    sections[x.sectionIndex]?.questions.push({
      n: x.n,
      id: q.id,
      type: q.type,
      text: safe(q.message[lang]),
      help: safe(q.help?.[lang] ?? ""),
      required: q.required,
      pendingOk: q.allow_pending,
      hint: safe(answerHint(q, lang)),
      pick: safe(pickHint(q, lang)),
      condition: safe(condition),
      onlyIf: safe(condition ? onlyIf(condition, lang) : ""),
      example: safe(q.examples?.[0]?.[lang] ?? ""),
      multiple: q.type === "multiselect",
      options: x.options.map((o) => ({ n: o.n, label: safe(o.label[lang]), hint: safe(o.hint?.[lang] ?? ""), other: o.other })),
    });
  }
  const client = opts.client?.trim() ?? "";
  return {
    lang,
    format,
    md: format === "md",
    salutation: safe(salutation(client, lang)),
    client: safe(client),
    job: safe(opts.job?.trim() ?? ""),
    pack: { id: pack.id, version: pack.version, title: safe(pack.title[lang]) },
    count: numbered.length,
    sections,
    sample: sampleReply(numbered, lang).map(safe),
    hasConditions: numbered.some((x) => x.question.when),
    hasChoices: numbered.some((x) => x.options.length > 0),
  };
}

/** `…を含む` → `…を含む場合のみ`, `…が「X」` → `…が「X」の場合のみ`. */
function onlyIf(condition: string, lang: Lang): string {
  if (lang === "en") return `only if ${condition}`;
  return `${conditionCase(condition)}のみ`;
}

const HONORIFIC = /(様|さま|御中|殿|さん|先生)$/;

function salutation(client: string, lang: Lang): string {
  if (lang === "ja") return client ? (HONORIFIC.test(client) ? client : `${client} 様`) : "ご担当者様";
  return client ? `Dear ${client},` : "Hello,";
}

/** `複数選択可・2つまで` / `pick up to 2`, for a multiselect. */
export function pickHint(q: Question, lang: Lang): string {
  if (q.type !== "multiselect") return "";
  const max = q.validate?.max_items;
  // The question may say it already: "（複数可）", "choose all that apply", "3つまで".
  const text = q.message[lang];
  const saysMany = /複数|all that apply|any that apply|choose all|pick all|select all/iu.test(text);
  const saysMax = max !== undefined && new RegExp(`${max}\\s*(?:つ|個|点|件)?まで|up to ${max}`, "iu").test(text);
  if (saysMax || (saysMany && max === undefined)) return "";
  if (lang === "ja") return max ? `複数選択可・${max}つまで` : "複数選択可";
  return max ? `pick up to ${max}` : "pick any that apply";
}

/** How to answer a question of this type, as a sentence of its own, or empty. */
export function answerHint(q: Question, lang: Lang): string {
  const ja = lang === "ja";
  // `round|rounds`: the plural reads right in "in rounds".
  const unit = q.unit ? unitName(q.unit[lang]) : "";
  switch (q.type) {
    case "scale": {
      const lo = q.min ?? 1;
      const hi = q.max ?? 5;
      const ends = [q.min_label ? `${lo}${ja ? "＝" : " = "}${q.min_label[lang]}` : "", q.max_label ? `${hi}${ja ? "＝" : " = "}${q.max_label[lang]}` : ""]
        .filter(Boolean)
        .join(ja ? "、" : ", ");
      if (ja) return `${lo}〜${hi}の数字でお答えください${ends ? `（${ends}）` : ""}`;
      return `Answer with a number from ${lo} to ${hi}${ends ? ` (${ends})` : ""}.`;
    }
    case "number":
      if (ja) return `数字でお答えください${unit ? `（単位: ${unit}）` : ""}`;
      return `Answer with a number${unit ? `, in ${unit}` : ""}.`;
    case "date":
      return ja ? "日付でお答えください（例: 4月30日、2027/4/30）" : "Answer with a date, e.g. Apr 30, 2027.";
    case "list":
      return ja ? "いくつでも、1行に1つずつお書きください" : "List as many as you like, one per line.";
    case "references":
      return ja
        ? "URL や画像のファイル名を1行に1つずつお書きください。「参考にしたい」「避けたい」の別も添えていただけると助かります"
        : "Links or image file names, one per line; please say whether you like each one or want to avoid it.";
    default:
      return "";
  }
}

/**
 * Up to four reply lines showing each way of answering the pack offers (a choice number,
 * several numbers, free text, "not decided"), taken from its own unconditional questions.
 */
function sampleReply(numbered: NumberedQuestion[], lang: Lang): string[] {
  const ja = lang === "ja";
  const picked = new Map<number, string>();
  const kinds = new Set<string>();
  const take = (kind: string, x: NumberedQuestion, answer: string) => {
    if (kinds.has(kind) || picked.has(x.n) || picked.size >= 4) return;
    kinds.add(kind);
    picked.set(x.n, answer);
  };
  for (const x of numbered) {
    const q = x.question;
    if (q.when) continue;
    const n = x.options.length;
    if (q.type === "select" && n >= 2) {
      const o = x.options.find((o) => !o.other && o.n === 2) ?? x.options.find((o) => !o.other);
      if (o) take("choice", x, String(o.n));
    } else if (q.type === "multiselect" && n >= 2) {
      const plain = x.options.filter((o) => !o.other);
      const max = q.validate?.max_items ?? plain.length;
      const count = Math.max(q.validate?.min_items ?? 1, Math.min(2, max));
      if (count > plain.length || count > max) continue;
      // "1、3" rather than "1、2", so it cannot be misread as a range.
      const nums = count === 2 && plain.length >= 3 ? [plain[0]?.n ?? 1, plain[2]?.n ?? 3] : plain.slice(0, count).map((o) => o.n);
      if (nums.length > 0) take("multi", x, nums.join(ja ? "、" : ", "));
    } else if ((q.type === "text" || q.type === "paragraph") && q.examples?.[0] && !q.validate?.pattern) {
      const ex = q.examples[0][lang].split("\n")[0] ?? "";
      if (ex && fitsLength(q, ex)) take("free", x, ex);
    }
    if (q.allow_pending && !picked.has(x.n)) take("pending", x, WORDS.pending[lang]);
  }
  return [...picked.entries()].sort((a, b) => a[0] - b[0]).map(([n, a]) => `${n}. ${a}`);
}

function fitsLength(q: Question, s: string): boolean {
  const r = q.validate ?? {};
  return (r.min_length === undefined || s.length >= r.min_length) && (r.max_length === undefined || s.length <= r.max_length);
}

/**
 * The reply the client's form writes ("copy my answers") and reads back exactly: the `ask`
 * numbering a person can read in a chat box, which `import` also reads without the form, plus
 * a closing line with the pack and a checksum of the answers. Pure and page-safe: the form
 * bundles this module, `import` uses it to read a form's reply.
 *
 * ```
 * 「ロゴ制作ヒアリング」の回答をお送りします。
 *
 * 1. カフェ山田
 * 3. 2) 落ち着いた
 * 4. 1) SNS
 *    3) その他（看板）
 * 7. 未定（来週決めます）
 * 8. なし
 * 9. 一行目
 *    二行目
 *
 * （kikitori フォーム logo-design@1.0.0・確認コード 3f9a12bc）
 * ```
 * An item starts at a line `N. ` in the first column; the lines under it are indented by
 * three spaces, so nothing a client wrote can start another item. Choices are written as
 * `number) label`, "other" with its text in brackets, lists and references one per line
 * behind `・`. A question with a pack default that the client left without an answer (cleared
 * the default, or picked nothing) is written as `なし` / `None`: left out, `import` would fill
 * in the default. A free text that would read as "not decided yet" (or as that `なし` where
 * the question has a default, or starts with `\`) is written behind a `\`.
 */
import { type Answers, type AnswerValue, isPending, type Reference } from "../answers/types.ts";
import { type Lang, unitForm, WORDS } from "../i18n.ts";
import type { QuestionType } from "../pack/types.ts";

export interface ReplyChoice {
  value: string;
  label: string;
  other?: boolean;
}

/** What writing and reading a reply needs of a question, in the reply's language. */
export interface ReplyQuestion {
  id: string;
  n: number;
  type: QuestionType;
  allowPending: boolean;
  choices: ReplyChoice[];
  unit?: string;
  /** The pack gives it a default: left without an answer, it is written as "none" rather than left out. */
  hasDefault?: boolean;
}

export interface ReplyInput {
  lang: Lang;
  title: string;
  packId: string;
  version: string;
  /** The form's questions that apply, in pack order. */
  questions: ReplyQuestion[];
  /** Valid answers of the questions that apply (what `import` should store); an empty list counts as no answer. */
  answers: Answers;
}

export const INDENT = "   ";
export const PENDING_WORD = { ja: "未定", en: "Not decided yet" } as const;
/** A question with a default the client left without an answer: `import` reads it as answered with nothing. */
export const NONE_WORD = { ja: "なし", en: "None" } as const;
export const KIND_TAG = {
  ja: { like: "［参考にしたい］", avoid: "［避けたい］" },
  en: { like: "[like] ", avoid: "[avoid] " },
} as const;
export const NOTE_LINE = { ja: "  メモ：", en: "  Note: " } as const;
export const BULLET = "・";
/** A number as JavaScript writes it (String(n)). */
export const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;

/** Labels and notes on one line, without the outer spaces a chat box would drop anyway. */
export const oneLine = (s: string) => s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();

export function renderFormReply(input: ReplyInput): string {
  const { lang } = input;
  const answers = withoutEmptyLists(input.answers);
  const title = oneLine(input.title);
  const lines = [lang === "ja" ? `「${title}」の回答をお送りします。` : `My answers to “${title}”:`, ""];
  for (const q of input.questions) {
    const v = answers[q.id];
    if (v === undefined) {
      if (q.hasDefault) lines.push(`${q.n}. ${NONE_WORD[lang]}`);
      continue;
    }
    const other = answers[`${q.id}_other`];
    const [first = "", ...rest] = valueLines(q, v, typeof other === "string" ? other : undefined, lang);
    lines.push(`${q.n}. ${first}`.trimEnd(), ...rest.map((l) => (l === "" ? "" : INDENT + l)));
  }
  lines.push("", signatureLine(lang, input.packId, input.version, answersChecksum(input.packId, input.version, answers)));
  return `${lines.join("\n")}\n`;
}

/** An empty selection or list is no answer, as the form reads its controls (normalize.ts readInput). */
function withoutEmptyLists(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
}

/** The closing line that marks a form's reply: its pack and the checksum of its answers. */
export function signatureLine(lang: Lang, packId: string, version: string, checksum: string): string {
  return lang === "ja" ? `（kikitori フォーム ${packId}@${version}・確認コード ${checksum}）` : `(kikitori form ${packId}@${version} · check ${checksum})`;
}

function valueLines(q: ReplyQuestion, v: AnswerValue, other: string | undefined, lang: Lang): string[] {
  if (isPending(v)) {
    const note = v.note ? oneLine(v.note) : "";
    return [note ? (lang === "ja" ? `${PENDING_WORD.ja}（${note}）` : `${PENDING_WORD.en} (${note})`) : PENDING_WORD[lang]];
  }
  switch (q.type) {
    case "select":
      return [choiceLine(q, String(v), other, lang)];
    case "multiselect":
      return (v as string[]).map((c) => choiceLine(q, c, other, lang));
    case "confirm":
      return [v === true ? WORDS.yes[lang] : WORDS.no[lang]];
    case "number": {
      const n = v as number;
      const unit = q.unit ? oneLine(unitForm(q.unit, n)) : "";
      return [`${String(n)}${unit ? (lang === "ja" ? unit : ` ${unit}`) : ""}`];
    }
    case "scale":
      return [String(v)];
    case "date":
      return [String(v)];
    case "text":
      return [escapeText(q, String(v))];
    case "paragraph": {
      const [first = "", ...rest] = String(v).split("\n");
      return [escapeText(q, first), ...rest];
    }
    case "list":
      return (v as string[]).map((s) => BULLET + s);
    case "references":
      return (v as Reference[]).flatMap((r) => [
        `${BULLET}${r.kind ? KIND_TAG[lang][r.kind] : ""}${r.source}`,
        ...(r.note ? [`${NOTE_LINE[lang]}${oneLine(r.note)}`] : []),
      ]);
  }
}

function choiceLine(q: ReplyQuestion, value: string, other: string | undefined, lang: Lang): string {
  const i = q.choices.findIndex((c) => c.value === value);
  const c = q.choices[i];
  if (!c) return value;
  const text = c.other && other !== undefined ? (lang === "ja" ? `（${oneLine(other)}）` : ` (${oneLine(other)})`) : "";
  return `${i + 1}) ${oneLine(c.label)}${text}`.trimEnd();
}

export function readPending(line: string): { pending: true; note?: string } | undefined {
  if (line === PENDING_WORD.ja || line === PENDING_WORD.en) return { pending: true };
  const m = /^未定（(.*)）$/su.exec(line) ?? /^Not decided yet \((.*)\)$/su.exec(line);
  return m?.[1] ? { pending: true, note: m[1] } : undefined;
}

/** Whether a line is the word a form's reply writes for "answered with nothing". */
export function isNoneWord(line: string): boolean {
  return line === NONE_WORD.ja || line === NONE_WORD.en;
}

/**
 * A free text that would read as "not decided yet" (or as "none", where the question has a
 * default), or that starts with the escape itself, goes behind a `\`.
 */
function escapeText(q: ReplyQuestion, s: string): string {
  return s.startsWith("\\") || readPending(s) || (q.hasDefault && isNoneWord(s)) ? `\\${s}` : s;
}

/**
 * A short checksum of a hearing's answers: FNV-1a over the pack id, version and the answers
 * as canonical JSON (keys sorted), 8 hex digits. It tells a form's reply that arrived as the
 * form wrote it from one changed on the way; it is not a signature against forgery.
 */
export function answersChecksum(packId: string, version: string, answers: Answers): string {
  const text = `${packId}@${version}\n${canonicalJson(answers)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

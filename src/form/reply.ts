/**
 * The reply the client's form writes ("copy my answers") and reads back exactly: the `ask`
 * numbering a person can read in a chat box, which `import` also reads without the form, plus
 * a closing line with the pack and a checksum of the answers. Pure and page-safe: the form
 * bundles this module, `import` uses it to read a form's reply.
 *
 * ```
 * 「ロゴ制作ヒアリング」への回答です。
 *
 * 1. カフェ山田
 * 3. 2) 落ち着いた
 * 4. 1) SNS
 *    3) その他（看板）
 * 7. 未定（来週決めます）
 * 9. 一行目
 *    二行目
 *
 * （kikitori フォーム logo-design@1.0.0・確認コード 3f9a12bc）
 * ```
 * An item starts at a line `N. ` in the first column; the lines under it are indented by
 * three spaces, so nothing a client wrote can start another item. Choices are written as
 * `number) label`, "other" with its text in brackets, lists and references one per line
 * behind `・`. A free text that would read as "not decided yet" (or starts with `\`) is
 * written behind a `\`.
 */
import { type Answers, type AnswerValue, isPending, type Reference } from "../answers/types.ts";
import { YES_NO } from "../ask/numbering.ts";
import type { Lang } from "../i18n.ts";
import type { QuestionType } from "../pack/types.ts";
import { unitForm } from "../render/context.ts";

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
}

export interface ReplyInput {
  lang: Lang;
  title: string;
  packId: string;
  version: string;
  /** In pack order. */
  questions: ReplyQuestion[];
  /** Valid answers of the questions that apply (what `import` should store). */
  answers: Answers;
}

const INDENT = "   ";
const PENDING_WORD = { ja: "未定", en: "Not decided yet" } as const;
const KIND_TAG = {
  ja: { like: "［参考にしたい］", avoid: "［避けたい］" },
  en: { like: "[like] ", avoid: "[avoid] " },
} as const;
const NOTE_LINE = { ja: "  メモ：", en: "  Note: " } as const;
const BULLET = "・";
/** A number as JavaScript writes it (String(n)). */
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;

/** Labels and notes on one line, without the outer spaces a chat box would drop anyway. */
const oneLine = (s: string) => s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();

export function renderFormReply(input: ReplyInput): string {
  const { lang } = input;
  const title = oneLine(input.title);
  const lines = [lang === "ja" ? `「${title}」への回答です。` : `My answers to “${title}”:`, ""];
  for (const q of input.questions) {
    const v = input.answers[q.id];
    if (v === undefined) continue;
    const other = input.answers[`${q.id}_other`];
    const [first = "", ...rest] = valueLines(q, v, typeof other === "string" ? other : undefined, lang);
    lines.push(`${q.n}. ${first}`.trimEnd(), ...rest.map((l) => (l === "" ? "" : INDENT + l)));
  }
  lines.push("", signatureLine(lang, input.packId, input.version, answersChecksum(input.packId, input.version, input.answers)));
  return `${lines.join("\n")}\n`;
}

/** The closing line that marks a form's reply: its pack and the checksum of its answers. */
export function signatureLine(lang: Lang, packId: string, version: string, checksum: string): string {
  return lang === "ja" ? `（kikitori フォーム ${packId}@${version}・確認コード ${checksum}）` : `(kikitori form ${packId}@${version} · check ${checksum})`;
}

export interface FormSignature {
  packId: string;
  version: string;
  checksum: string;
  lang: Lang;
  /** 0-based index of the line that holds it. */
  line: number;
}

const SIGNATURE =
  /kikitori\s*(フォーム|form)\s+([a-z0-9]+(?:-[a-z0-9]+)*)@([0-9A-Za-z.+-]+?)\s*[・·･,]?\s*(?:確認コード|check)\s*[:：]?\s*([0-9a-f]{8})(?![0-9a-f])/iu;

/** The last signature line in a text (a reply, or a downloaded answers file's comment). */
export function findSignature(text: string): FormSignature | undefined {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = SIGNATURE.exec(lines[i] ?? "");
    if (m?.[2] && m[3] && m[4]) return { packId: m[2], version: m[3], checksum: m[4].toLowerCase(), lang: m[1] === "フォーム" ? "ja" : "en", line: i };
  }
  return undefined;
}

export interface FormItem {
  n: number;
  /** The answer's lines, indentation removed, joined by newlines. */
  text: string;
  /** 1-based line of the item's number. */
  line: number;
}

/**
 * The items of a form's reply, above its signature: a line `N. ` in the first column starts
 * item N (numbers ascending, at most `count`); every other line belongs to the item above it.
 */
export function splitFormReply(text: string, signature: FormSignature, count: number): FormItem[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").slice(0, signature.line);
  const items: { n: number; line: number; lines: string[] }[] = [];
  lines.forEach((raw, i) => {
    const m = /^(\d{1,4})\.(?: (.*))?$/su.exec(raw);
    const last = items[items.length - 1];
    const n = m ? Number(m[1]) : 0;
    if (m && n >= 1 && n <= count && (!last || n > last.n)) items.push({ n, line: i + 1, lines: [m[2] ?? ""] });
    else last?.lines.push(raw.startsWith(INDENT) ? raw.slice(INDENT.length) : raw);
  });
  return items.map((it) => {
    const ls = [...it.lines];
    while (ls.length > 1 && (ls[ls.length - 1] ?? "").trim() === "") ls.pop();
    return { n: it.n, line: it.line, text: ls.join("\n") };
  });
}

export interface Decoded {
  value: AnswerValue;
  other?: string;
}

/** An item of a form's reply read back exactly, or undefined when it is not as the form wrote it. */
export function decodeReplyValue(q: ReplyQuestion, text: string): Decoded | undefined {
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  const single = lines.length === 1;
  const freeText = q.type === "text" || q.type === "paragraph";
  if (!(freeText && first.startsWith("\\")) && q.allowPending && single) {
    const pending = readPending(first);
    if (pending) return { value: pending };
  }
  switch (q.type) {
    case "text":
      return single ? { value: unescapeText(first) } : undefined;
    case "paragraph":
      return { value: [unescapeText(first), ...lines.slice(1)].join("\n") };
    case "select":
      return single ? readChoice(q, first) : undefined;
    case "multiselect": {
      const values: string[] = [];
      let other: string | undefined;
      for (const line of lines) {
        const c = readChoice(q, line);
        if (!c || typeof c.value !== "string") return undefined;
        values.push(c.value);
        if (c.other !== undefined) other = c.other;
      }
      return other === undefined ? { value: values } : { value: values, other };
    }
    case "confirm": {
      if (!single) return undefined;
      if (first === YES_NO[0].ja || first === YES_NO[0].en) return { value: true };
      if (first === YES_NO[1].ja || first === YES_NO[1].en) return { value: false };
      return undefined;
    }
    case "number":
    case "scale": {
      if (!single) return undefined;
      // The number, then its unit in the form that fits it (`3回`, `3 rounds`, `1 round`).
      const unit = q.type === "number" && q.unit ? q.unit : "";
      const forms = unit ? [...new Set(unit.split("|").map(oneLine))] : [""];
      for (const u of forms) {
        for (const tail of u ? [u, ` ${u}`] : [""]) {
          const head = first.slice(0, first.length - tail.length);
          if (!first.endsWith(tail) || !NUMBER.test(head)) continue;
          const n = Number(head);
          if (!u || oneLine(unitForm(unit, n)) === u) return { value: n };
        }
      }
      return undefined;
    }
    case "date":
      return single && /^\d{4}-\d{2}-\d{2}$/.test(first) ? { value: first } : undefined;
    case "list":
      return lines.every((l) => l.startsWith(BULLET)) ? { value: lines.map((l) => l.slice(BULLET.length)) } : undefined;
    case "references":
      return readReferences(lines);
  }
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
      return [v === true ? YES_NO[0][lang] : YES_NO[1][lang]];
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
      return [escapeText(String(v))];
    case "paragraph": {
      const [first = "", ...rest] = String(v).split("\n");
      return [escapeText(first), ...rest];
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

function readChoice(q: ReplyQuestion, line: string): Decoded | undefined {
  const m = /^(\d+)\)/.exec(line);
  const c = m ? q.choices[Number(m[1]) - 1] : undefined;
  if (!m || !c) return undefined;
  const head = `${m[1]}) ${oneLine(c.label)}`.trimEnd();
  if (!line.startsWith(head)) return undefined;
  const rest = line.slice(head.length);
  if (rest === "") return { value: c.value };
  const text = /^（(.*)）$/su.exec(rest) ?? /^ \((.*)\)$/su.exec(rest);
  return c.other && text ? { value: c.value, other: text[1] ?? "" } : undefined;
}

function readPending(line: string): { pending: true; note?: string } | undefined {
  if (line === PENDING_WORD.ja || line === PENDING_WORD.en) return { pending: true };
  const m = /^未定（(.*)）$/su.exec(line) ?? /^Not decided yet \((.*)\)$/su.exec(line);
  return m?.[1] ? { pending: true, note: m[1] } : undefined;
}

function readReferences(lines: string[]): Decoded | undefined {
  const refs: Reference[] = [];
  for (const line of lines) {
    const last = refs[refs.length - 1];
    const note = [NOTE_LINE.ja, NOTE_LINE.en].find((p) => line.startsWith(p));
    if (note && last && last.note === undefined) {
      last.note = line.slice(note.length);
      continue;
    }
    if (!line.startsWith(BULLET)) return undefined;
    let rest = line.slice(BULLET.length);
    let kind: Reference["kind"];
    for (const tags of [KIND_TAG.ja, KIND_TAG.en]) {
      for (const k of ["like", "avoid"] as const) {
        if (kind === undefined && rest.startsWith(tags[k])) {
          kind = k;
          rest = rest.slice(tags[k].length);
        }
      }
    }
    if (rest === "") return undefined;
    refs.push({ source: rest, ...(kind ? { kind } : {}) });
  }
  // Keys in the order checkValue writes them: source, note, kind.
  return { value: refs.map((r) => ({ source: r.source, ...(r.note ? { note: r.note } : {}), ...(r.kind ? { kind: r.kind } : {}) })) };
}

/** A free text that would read as "not decided yet", or that starts with the escape itself, goes behind a `\`. */
function escapeText(s: string): string {
  return s.startsWith("\\") || readPending(s) ? `\\${s}` : s;
}

function unescapeText(s: string): string {
  return s.startsWith("\\") ? s.slice(1) : s;
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

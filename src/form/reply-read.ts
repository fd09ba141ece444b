/**
 * Reading back a reply the client's form wrote (reply.ts says how it is written): its
 * signature line, its items, and each item's value exactly as the form stored it. What is not
 * as the form wrote it (changed by hand on the way) is left to the ordinary reply reader.
 * Pure and page-safe.
 */
import type { AnswerValue, Reference } from "../answers/types.ts";
import { type Lang, unitForm, WORDS } from "../i18n.ts";
import { BULLET, INDENT, isNoneWord, KIND_TAG, NOTE_LINE, NUMBER, oneLine, type ReplyQuestion, readPending } from "./reply.ts";

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

/** The client left a question with a default without an answer: stored as none, not as the default. */
export interface DecodedNone {
  none: true;
}

/** An item of a form's reply read back exactly, or undefined when it is not as the form wrote it. */
export function decodeReplyValue(q: ReplyQuestion, text: string): Decoded | DecodedNone | undefined {
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  const single = lines.length === 1;
  const freeText = q.type === "text" || q.type === "paragraph";
  if (!(freeText && first.startsWith("\\")) && single) {
    const pending = q.allowPending ? readPending(first) : undefined;
    if (pending) return { value: pending };
    if (q.hasDefault && isNoneWord(first)) return { none: true };
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
      if (first === WORDS.yes.ja || first === WORDS.yes.en) return { value: true };
      if (first === WORDS.no.ja || first === WORDS.no.en) return { value: false };
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

function unescapeText(s: string): string {
  return s.startsWith("\\") ? s.slice(1) : s;
}

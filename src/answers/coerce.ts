/**
 * Typed text → an answer value, read by the question's type. Shared by `start --set`, the
 * interactive prompts, the accessible line mode and answers files (through checkValue), so
 * every path accepts the same forms and reports the same errors.
 */
import type { Question } from "../pack/types.ts";
import type { Reference } from "./types.ts";
import { isPendingWord, yesNoWord } from "./words.ts";

/** Japanese input methods often type full-width digits and separators: read them as ASCII. */
export function normalizeTyped(s: string): string {
  return s.normalize("NFKC").trim();
}

export { isPendingWord };

/** `yes`/`はい`/`true` → true, `no`/`いいえ`/`false` → false, anything else undefined. */
export const parseYesNo = yesNoWord;

/**
 * Typed input → an answer value, read by the question's type: the one tolerance of every
 * path where a person types a value for one question (the prompts, the accessible mode,
 * `--set`, an answers file). Replies in prose are read by import/ instead, more leniently.
 *
 * | type | read | refused (for checkValue to explain) |
 * | number, scale | `3`, `-2.5`, `50,000`, full-width `５０，０００`, the question's own unit after it (`3本`, `2 figures`) | ranges, words, other units (`約3`, `3〜5`, `$150`) |
 * | date | `2027-01-05`, `2027/1/5`, `2027.1.5`, `2027年1月5日`, full-width | a date without its year (`1/5`, `1月5日`), month names |
 * | confirm | `true`/`false`, `yes`/`no`, `y`/`n`, `はい`/`いいえ` and the words of words.ts | anything else |
 * | select, multiselect | a choice's value, or its label (Japanese exactly, English in any case) | other text |
 * | text, paragraph, list | the text as written | — |
 *
 * Text that does not parse is returned unchanged, so checkValue refuses it with its reason.
 */
export function readTyped(q: Question, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value;
  switch (q.type) {
    case "number":
    case "scale": {
      const t = withoutUnit(q, normalizeTyped(text)).replace(/(?<=\d)[,_\s](?=\d)/g, "");
      return /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(t) ? Number(t) : text;
    }
    case "date": {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(normalizeTyped(text));
      return m ? `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}` : text;
    }
    case "confirm":
      return parseYesNo(text) ?? text;
    case "select":
    case "multiselect": {
      const t = normalizeTyped(text);
      const byValue = q.choices?.find((c) => c.value === t);
      if (byValue) return byValue.value;
      const low = t.toLowerCase();
      return q.choices?.find((c) => c.label.ja === t || c.label.en.toLowerCase() === low)?.value ?? t;
    }
    default:
      return text;
  }
}

/** Typed text for one value (or one item of a list): readTyped of a string. */
export function coerceText(q: Question, text: string): unknown {
  return readTyped(q, text);
}

/** A number typed with the question's own unit after it: `3本`, `2 figures`, `1 figure`. */
function withoutUnit(q: Question, t: string): string {
  if (!q.unit) return t;
  const forms = [q.unit.ja, q.unit.en]
    .flatMap((u) => u.split("|"))
    .map((u) => normalizeTyped(u))
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const low = t.toLowerCase();
  const unit = forms.find((u) => low.endsWith(u.toLowerCase()) && /\d\s*$/.test(t.slice(0, t.length - u.length)));
  return unit ? t.slice(0, t.length - unit.length).trim() : t;
}

/** A word that says a reference is liked or to be avoided, at the start of a line (`like:`, `避けたい`). */
export const REFERENCE_KIND = /^(like|avoid|ng|参考|好き|避けたい)(?:[:：]|\s+|$)\s*/iu;

/** `like` → like, `avoid`/`ng`/`避けたい` → avoid. */
export function referenceKind(word: string): Reference["kind"] {
  const w = word.toLowerCase();
  return w === "like" || w === "参考" || w === "好き" ? "like" : "avoid";
}

/**
 * One reference typed on a line: `[like|avoid] source [note…]` (the kind word may end in a
 * colon). The source is the first word (a URL or a file path without spaces); the rest is the
 * note. The same reading for the prompts, `--set` and a plain string in an answers file.
 */
export function parseReferenceLine(line: string): Reference | undefined {
  let rest = line.trim();
  const k = REFERENCE_KIND.exec(rest);
  const kind = k?.[1] ? referenceKind(k[1]) : undefined;
  if (k) rest = rest.slice(k[0].length);
  const words = rest.split(/\s+/).filter(Boolean);
  const source = words.shift();
  if (!source) return undefined;
  const note = words.join(" ");
  return { source, ...(note ? { note } : {}), ...(kind ? { kind } : {}) };
}

export interface SetArg {
  id: string;
  text: string;
}

/** Splits `id=value` (the value may contain `=`); undefined when there is no `=` or no id. */
export function splitSetArg(arg: string): SetArg | undefined {
  const i = arg.indexOf("=");
  if (i <= 0) return undefined;
  return { id: arg.slice(0, i).trim(), text: arg.slice(i + 1) };
}

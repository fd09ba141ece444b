/**
 * Text folding for reading replies: the client types on a phone, in a chat box, in either
 * language, with full-width or half-width characters. What is compared is folded; what is
 * stored is always the client's own text.
 */

/** NFKC (full-width digits and letters to ASCII), lower case. */
export function nfkc(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

/** For comparing labels: NFKC, lower case, without spaces, quotes, brackets and punctuation. */
export function fold(s: string): string {
  // Labels and short pieces of a reply are folded again and again (once per option per
  // piece): remember the short ones.
  if (s.length > 64) return foldNow(s);
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= 10_000) folded.clear();
    f = foldNow(s);
    folded.set(s, f);
  }
  return f;
}

const folded = new Map<string, string>();

function foldNow(s: string): string {
  return nfkc(s).replace(/[\s"'`「」『』【】［］[\]()（）〈〉《》.,。、・:：;；!！?？~〜\-–—_*\\]/gu, "");
}

/** Polite endings that add nothing to an answer: `2でお願いします`, `はいです。`, `Calm, please`. */
const POLITE_TAIL =
  /(?<!\s)\s*(?:で(?:お願い|御願い)(?:いた|致)?し?ます|で(?:お願い)?します|でお願い|が(?:いい|良い|よい)(?:です)?|を希望(?:します)?|希望です|でございます|です|please|,\s*please|thanks?(?: you)?)\s*(?:[。．.!！]+\s*)?$/iu;

export function stripPoliteTail(s: string): string {
  let out = s.trim();
  for (let i = 0; i < 3; i++) {
    const next = out
      .replace(POLITE_TAIL, "")
      .replace(/(?<![。．.!！])[。．.!！]+$/u, "")
      .trim();
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Surrounding brackets and separators around a remark: `（水彩風）` → `水彩風`, `: 水彩風` → `水彩風`. */
export function unwrap(s: string): string {
  let out = s
    .trim()
    .replace(/^[\s:：\-–—=＝→⇒>＞、,，?？)）\]】]+/u, "")
    .trim();
  const pairs: [string, string][] = [
    ["(", ")"],
    ["（", "）"],
    ["「", "」"],
    ["『", "』"],
    ["[", "]"],
    ["【", "】"],
    ['"', '"'],
    ["“", "”"],
  ];
  for (const [open, close] of pairs) {
    if (out.startsWith(open) && out.endsWith(close) && out.length >= open.length + close.length) {
      out = out.slice(open.length, out.length - close.length).trim();
      break;
    }
  }
  return out;
}

/** Whether the text is only a number (ASCII or full-width) and nothing else. */
export function asInteger(s: string): number | undefined {
  const t = nfkc(s).trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : undefined;
}

/**
 * The shortest prefix of `text` whose folded form equals `target` (already folded), so the
 * rest can be kept verbatim. undefined if `text` does not start with it.
 */
export function cutFoldedPrefix(text: string, target: string): { rest: string } | undefined {
  if (!target) return undefined;
  // fold() maps each character on its own, except where NFKC joins a character with the
  // marks after it (ｶﾞ → ガ): fold a cluster at a time. Folding every prefix anew was
  // quadratic when spaces or punctuation (which fold to nothing) ran long before the end.
  let acc = "";
  let start = 0;
  for (let i = 0; i < text.length; ) {
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    if (i < text.length && JOINS_PREVIOUS.test(String.fromCodePoint(text.codePointAt(i) ?? 0))) continue;
    acc += fold(text.slice(start, i));
    start = i;
    if (acc === target) return { rest: text.slice(i) };
    // Folding more text only appends: once off the target, it never comes back.
    if (!target.startsWith(acc)) return undefined;
  }
  return undefined;
}

/** Characters NFKC may join to the one before: combining marks, half-width (semi-)voiced marks, Hangul jamo. */
const JOINS_PREVIOUS = /^[\p{M}\uff9e\uff9f\u1160-\u11ff]/u;

/**
 * Where a multiple-choice answer separates its picks: `1, 3` `1、3` `1・3` `1と3` `1 3`
 * `Calm and Luxurious`, one per line. A scanner rather than one regular expression: the
 * expression (whitespace around a separator, `と` and a space only between digits) took
 * cubic time on a long run of spaces, and a reply is untrusted text. Pure.
 *
 * The result is what `text.split(SEP)` gave with the expression (kept in the tests as the
 * reference): the pieces and the separators between them, alternating, the separators
 * with their surrounding whitespace.
 */

const SEPARATOR_CHARS = new Set([..."，、;；/／・,&＆"]);
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /[0-9０-９]/u.test(c);

/** Pieces and separators alternating, starting and ending with a piece (like split with a capture). */
export function splitChoices(text: string): string[] {
  const out: string[] = [];
  let pieceStart = 0;
  let p = 0;
  const spaceEnd = (i: number) => {
    let j = i;
    while (j < text.length && isSpace(text[j])) j++;
    return j;
  };
  const andAt = (i: number) => text.startsWith("and", i) && isSpace(text[i + 3]);
  while (p < text.length) {
    const c = text[p];
    let end = -1;
    if (isSpace(c)) {
      const r = spaceEnd(p);
      const next = text[r];
      if (next !== undefined && SEPARATOR_CHARS.has(next)) end = spaceEnd(r + 1);
      else if (text[r - 1] === "\n") end = r;
      else if (andAt(r)) end = spaceEnd(r + 3);
      else if (text.slice(p, r).includes("\n")) end = r;
      else if (isDigit(text[p - 1]) && next === "と" && isDigit(text[spaceEnd(r + 1)])) end = spaceEnd(r + 1);
      else if (isDigit(text[p - 1]) && isDigit(next)) end = r;
      if (end < 0) {
        // No separator starts anywhere in this run of spaces: go past all of it at once.
        p = r;
        continue;
      }
    } else if (c !== undefined && SEPARATOR_CHARS.has(c)) {
      end = spaceEnd(p + 1);
    } else if (c === "と" && isDigit(text[p - 1]) && isDigit(text[spaceEnd(p + 1)])) {
      end = spaceEnd(p + 1);
    }
    if (end < 0) {
      p++;
      continue;
    }
    out.push(text.slice(pieceStart, p), text.slice(p, end));
    pieceStart = end;
    p = end;
  }
  out.push(text.slice(pieceStart));
  return out;
}

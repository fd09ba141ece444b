/**
 * How many terminal columns text takes, by East Asian Width (string-width): wide and
 * full-width characters take two, combining marks (a decomposed ガ pasted from macOS) none,
 * an emoji or a ZWJ sequence two. "Ambiguous" characters (… — · ○ ※ ① é) are one column in
 * most terminals and two in terminals set up for East Asian text: KIKITORI_AMBIGUOUS=wide
 * says which. The screens use no ambiguous decoration of their own, so this matters only for
 * the text of packs and answers.
 */
import stringWidth from "string-width";

/** Columns of a string (escape codes take none). */
export type Measure = (text: string) => number;

export const narrow: Measure = (text) => stringWidth(text);
export const wide: Measure = (text) => stringWidth(text, { ambiguousIsNarrow: false });

/** KIKITORI_AMBIGUOUS=wide measures ambiguous characters as two columns. */
export function measureFromEnv(env: Record<string, string | undefined>): Measure {
  return (env.KIKITORI_AMBIGUOUS ?? "").trim().toLowerCase() === "wide" ? wide : narrow;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** What a person sees as one character: a letter with its marks, a flag, an emoji sequence. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Text cut into rows of at most `width` columns, between graphemes (a wide character never
 * straddles the edge); English breaks at the last space of a row when there is one.
 */
export function wrapText(text: string, width: number, measure: Measure = narrow): string[] {
  const rows: string[] = [];
  let row = "";
  let used = 0;
  for (const g of graphemes(text)) {
    const w = measure(g);
    if (row !== "" && used + w > width) {
      // Inside an English word, the word moves to the next row whole (if the row keeps something).
      const space = g === " " || !/[\x21-\x7e]$/.test(row) ? -1 : row.lastIndexOf(" ");
      const cut = space > 0 ? space : row.length;
      rows.push(row.slice(0, cut).trimEnd());
      row = row.slice(cut).trimStart();
      used = measure(row);
      if (g === " " && row === "") continue;
    }
    row += g;
    used += w;
  }
  rows.push(row);
  return rows;
}

/**
 * How many terminal columns text takes, by East Asian Width (string-width): wide and
 * full-width characters take two, combining marks (a decomposed ガ pasted from macOS) none,
 * an emoji or a ZWJ sequence two. "Ambiguous" characters (… — · ○ ※ ① é) are one column in
 * most terminals and two in terminals set up for East Asian text: KIKITORI_AMBIGUOUS=wide
 * says which. The screens use no ambiguous decoration of their own, so this matters only for
 * the text of packs and answers.
 */
import { createRequire } from "node:module";
import { eastAsianWidth } from "get-east-asian-width";
import type stringWidthOf from "string-width";
import { allLone, isLoneUnit } from "../lone-units.ts";

declare const KIKITORI_BUNDLE: boolean | undefined;

/** Columns of a string (escape codes take none). */
export type Measure = (text: string) => number;

export const narrow: Measure = (text) => loneWidth(text, false) ?? stringWidth()(text);
export const wide: Measure = (text) => loneWidth(text, true) ?? stringWidth()(text, { ambiguousIsNarrow: false });

let loaded: typeof stringWidthOf | undefined;

/**
 * string-width, loaded on first use: loading it makes an Intl.Segmenter and compiles an
 * \p{RGI_Emoji} expression (~30 ms), which text of lone units never needs. In the bundle,
 * esbuild turns this require() into a lazy start of the bundled module; from source it
 * loads node_modules' copy.
 */
function stringWidth(): typeof stringWidthOf {
  if (!loaded) {
    const module = typeof KIKITORI_BUNDLE === "undefined" ? createRequire(import.meta.url)("string-width") : require("string-width");
    loaded = (module as { default: typeof stringWidthOf }).default;
  }
  return loaded;
}

// string-width segments and tests every grapheme against several Unicode regular
// expressions (~3 µs a grapheme: an agenda of 500 jobs spent 200 ms there). A text of lone units (src/lone-units.ts) is a row of one-unit graphemes,
// and string-width adds up the widths of graphemes one by one; for a lone unit that width is
// its East Asian Width, except tab and newline, which take none (test/prompt/screen.test.ts
// checks every lone unit against string-width, in both modes).
const AMBIGUOUS_WIDE = { ambiguousAsWide: true };
const AMBIGUOUS_NARROW = { ambiguousAsWide: false };

function loneWidth(text: string, ambiguousWide: boolean): number | undefined {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit <= 0x7e) width++;
    else if (!isLoneUnit(unit)) return undefined;
    else if (unit !== 0x09 && unit !== 0x0a) width += eastAsianWidth(unit, ambiguousWide ? AMBIGUOUS_WIDE : AMBIGUOUS_NARROW);
  }
  return width;
}

/** KIKITORI_AMBIGUOUS=wide measures ambiguous characters as two columns. */
export function measureFromEnv(env: Record<string, string | undefined>): Measure {
  return (env.KIKITORI_AMBIGUOUS ?? "").trim().toLowerCase() === "wide" ? wide : narrow;
}

let segmenter: Intl.Segmenter | undefined;

/** What a person sees as one character: a letter with its marks, a flag, an emoji sequence. */
export function graphemes(text: string): string[] {
  if (allLone(text)) return text.split("");
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
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

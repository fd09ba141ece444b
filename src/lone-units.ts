/**
 * Characters that are always a grapheme cluster of their own: a text made only of them has
 * as many graphemes as UTF-16 units, so counting or cutting it needs no Intl.Segmenter
 * (whose first use costs ~7 ms and ~2.6 MB). Each range below holds only code points whose
 * Grapheme_Cluster_Break is Other, Control or LF (never Extend, SpacingMark, Prepend, ZWJ,
 * Regional_Indicator, a Hangul L/V/T/LV/LVT, CR or a surrogate): between two such
 * characters Unicode's rules always break (UAX #29, GB4/GB5 and GB999). test/ground/
 * lone-units.test.ts checks every unit of every range against the segmenter.
 */

// [first, last] pairs, sorted. Left out on purpose: CR (CR LF is one cluster), the other
// controls and U+00AD (format), the combining kana marks U+3099–U+309A, U+302A–U+302F,
// halfwidth U+FF9E–U+FF9F, and Hangul syllables (an LV syllable joins a following T).
const RANGES = [
  0x09, 0x0a, 0x20, 0x7e, 0xa0, 0xac, 0xae, 0xff, 0x2010, 0x2027, 0x2030, 0x205e, 0x2190, 0x21ff, 0x2460, 0x25ff, 0x3000, 0x3029, 0x3030, 0x303f, 0x3041,
  0x3096, 0x309b, 0x30ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xff01, 0xff9d, 0xffe0, 0xffe6, 0xffe8, 0xffee,
];

/** Whether the UTF-16 unit is a character that is always a grapheme cluster of its own. */
export function isLoneUnit(unit: number): boolean {
  // Printable ASCII first: most text is.
  if (unit >= 0x20 && unit <= 0x7e) return true;
  for (let i = 0; i < RANGES.length; i += 2) {
    if (unit < (RANGES[i] as number)) return false;
    if (unit <= (RANGES[i + 1] as number)) return true;
  }
  return false;
}

/** Whether every unit of the text is a lone character (then its graphemes are its units). */
export function allLone(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isLoneUnit(text.charCodeAt(i))) return false;
  return true;
}

/** The ranges as [first, last] pairs, for the tests that prove them. */
export function loneRanges(): [number, number][] {
  return Array.from({ length: RANGES.length / 2 }, (_, i) => [RANGES[2 * i] as number, RANGES[2 * i + 1] as number]);
}

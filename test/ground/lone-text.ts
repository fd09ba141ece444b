/** Text for the properties of the lone-unit fast paths: lone ranges mixed with everything that joins. */
import fc from "fast-check";
import { loneRanges } from "../../src/lone-units.ts";

/** Characters of every kind the segmenter joins, for mixing into lone text. */
export const JOINERS = [
  "\r",
  "\u0301", // combining acute (Extend)
  "\u3099", // combining voiced mark (Extend)
  "\u302a", // ideographic tone mark (Extend)
  "\uff9e", // halfwidth voiced mark (Extend)
  "\u200d", // ZWJ
  "\ufe0f", // variation selector 16
  "\u0903", // Devanagari visarga (SpacingMark)
  "\u0600", // Arabic number sign (Prepend)
  "\u1100", // Hangul L
  "\u1161", // Hangul V
  "\u11a8", // Hangul T
  "가", // Hangul LV
  "각", // Hangul LVT
  "🇯",
  "🇵",
  "👍",
  "🏽",
  "\u20e3", // keycap
  "\ud800", // lone high surrogate
  "\udc00", // lone low surrogate
  "\u00ad", // soft hyphen (Control)
  "\u001b", // escape (ANSI sequences)
];

const loneUnit = fc.oneof(
  fc.constantFrom(...loneRanges()).chain(([a, b]) => fc.integer({ min: a, max: b }).map((u) => String.fromCharCode(u))),
  fc.constantFrom("a", " ", "\n", "\t", "カ", "山", "ﾊ", "·", "—", "…", "※", "①", "○"),
);
const anyUnit = fc.oneof(
  { arbitrary: loneUnit, weight: 6 },
  fc.constantFrom(...JOINERS),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);

/** Text of lone units only (half the time), or lone units with joiners and anything else mixed in. */
export const mixedText = fc.oneof(fc.string({ unit: loneUnit, maxLength: 40 }), fc.string({ unit: anyUnit, maxLength: 40 }));

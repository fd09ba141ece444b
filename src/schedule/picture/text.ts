// Text in the picture: escaped for XML, measured and wrapped without a font at hand. The
// widths are Noto Sans CJK JP's (what the PNG is drawn with, measured with resvg), with a
// little to spare so a line that fits here fits in the other fonts of the stack too.

/** Text safe inside an SVG element or attribute: markup characters escaped, characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

// Advance widths of ASCII 0x20–0x7E in hundredths of an em (space measured alone).
const ASCII = {
  regular: [
    23, 32, 47, 56, 56, 92, 68, 28, 34, 34, 47, 56, 28, 35, 28, 39, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 28, 28, 56, 56, 56, 47, 95, 60, 66, 61, 69, 59, 55,
    69, 73, 29, 49, 65, 54, 81, 72, 74, 63, 74, 64, 58, 60, 72, 58, 88, 57, 53, 59, 34, 39, 34, 56, 56, 61, 56, 62, 49, 62, 55, 32, 56, 61, 28, 28, 55, 28, 93,
    61, 61, 62, 62, 39, 47, 36, 61, 52, 80, 50, 52, 48, 34, 27, 34, 56,
  ],
  bold: [
    23, 37, 57, 59, 59, 96, 74, 33, 38, 38, 51, 59, 33, 37, 33, 39, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 33, 33, 59, 59, 59, 51, 101, 64, 68, 62, 71, 61, 58,
    72, 76, 33, 53, 69, 58, 85, 75, 77, 67, 77, 68, 61, 62, 75, 63, 91, 63, 58, 60, 38, 39, 38, 59, 57, 63, 59, 64, 50, 64, 58, 36, 60, 64, 30, 31, 60, 32, 96,
    64, 63, 64, 64, 44, 49, 40, 64, 58, 86, 56, 57, 51, 38, 30, 38, 59,
  ],
};

/** Width of one character in em. */
function charWidth(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return (ASCII[bold ? "bold" : "regular"][code - 0x20] ?? 56) / 100;
  return WIDE.test(ch) ? 1 : 0.62;
}

/** Width of a line of text at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch, bold);
  return em * size * 1.03;
}

// A line never starts with closing punctuation (禁則): it stays with the character before.
const NO_START = /^[、。，．）」』】〉》！？ー・：；,.)\]!?:;]/u;

/**
 * Break units: a short bracketed part kept whole (「（1回目）」 moves to the next line as
 * one), a word of Latin text (with its space), or one CJK character.
 */
function units(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/（[^（）]{1,8}）|「[^「」]{1,8}」|[\u0021-\u007E\u00A0-\u024F]+ ?| |[^\s]/gu)) {
    const u = m[0];
    if (out.length > 0 && NO_START.test(u)) out[out.length - 1] += u;
    else out.push(u);
  }
  return out;
}

/** The text in lines of at most `width` px, at most `maxLines` of them (the last cut with …). */
export function wrapText(text: string, width: number, size: number, maxLines = 3, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const u of units(text.replace(/\s+/g, " ").trim())) {
    if (line !== "" && textWidth((line + u).trimEnd(), size, bold) > width) {
      lines.push(line.trimEnd());
      line = u.trimStart();
    } else line += u;
    // A single word wider than the line is cut where it overflows.
    while (textWidth(line.trimEnd(), size, bold) > width && [...line].length > 1) {
      const chars = [...line];
      let cut = chars.length - 1;
      while (cut > 1 && textWidth(chars.slice(0, cut).join(""), size, bold) > width) cut--;
      lines.push(chars.slice(0, cut).join(""));
      line = chars.slice(cut).join("");
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? "";
  while (last.length > 0 && textWidth(`${last}…`, size, bold) > width) last = [...last].slice(0, -1).join("");
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

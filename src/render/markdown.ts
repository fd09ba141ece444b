/**
 * Markdown-aware escaping: only what CommonMark, or GitHub-flavoured Markdown (the viewers
 * people use: GitHub, VS Code, Obsidian, marked), would read as markup is escaped, so plain
 * words (and all Japanese text) stay readable in the raw .md file. Every expression here runs
 * in linear time on any text (answers are untrusted).
 */

import { stripControls } from "../controls.ts";

const INLINE = /[\\`*_[\]<>|~]/g;
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
// A trailing run of # would be read as the closing sequence of a heading and dropped.
const CLOSING_HASHES = /(?<!#)#+(?=[ \t]*$)/;
/**
 * What GFM turns into a link with no markup around it: a URL (http://, https://, ftp://), a
 * www. address, an e-mail address. A backslash before its `:`, `.` or `@` (a CommonMark escape,
 * shown as the bare character) keeps it plain text. Viewers differ on where such a link may
 * start (marked starts one inside a word), so these escape wherever one could start; each
 * looks at one character on either side, and so stays linear.
 */
const URL_SCHEME = /(https?|ftp):(?=\/\/)/gi;
const WWW = /(www)\./gi;
const EMAIL_AT = /(?<=\S)@/g;
/**
 * Text without terminal control sequences or control characters (in a terminal, with
 * `render --stdout` or `cat brief.md`, a pasted escape sequence could rewrite the screen),
 * every line break (CR LF, lone CR) as one line feed.
 */
export function cleanText(s: string): string {
  return stripControls(s.replace(/\r\n?/g, "\n"));
}

/**
 * What escapeInline may change: a line break or control character, a character INLINE,
 * ENTITY, CLOSING_HASHES or EMAIL_AT looks for, `://`, `www.`. Most answers hold none, and
 * one test is cheaper than the eight replacements.
 */
const SOMETHING_TO_ESCAPE = /[\n\\`*_[\]<>|~&#@\x00-\x08\x0b-\x1f\x7f-\u009f\u202a-\u202e\u2066-\u2069]|:\/\/|www\./i;

/** One line of text, safe anywhere inline (also in table cells); line breaks become spaces. */
export function escapeInline(s: string): string {
  if (!SOMETHING_TO_ESCAPE.test(s)) return s;
  return cleanText(s)
    .replace(/(?<![ \t])[ \t]*\n[ \t]*|\n[ \t]*/g, " ")
    .replace(INLINE, "\\$&")
    .replace(ENTITY, "\\&")
    .replace(CLOSING_HASHES, "\\$&")
    .replace(URL_SCHEME, "$1\\:")
    .replace(WWW, "$1\\.")
    .replace(EMAIL_AT, "\\@");
}

/** A line that may start a block: also neutralize headings, lists, quotes and rules. */
export function escapeLine(s: string): string {
  let out = escapeInline(s.replace(/\t/g, "    ").trimEnd());
  const lead = /^ */.exec(out)?.[0] ?? "";
  let body = out.slice(lead.length);
  if (/^[#+=-]/.test(body)) body = `\\${body}`;
  else body = body.replace(/^(\d{1,9})([.)])/, "$1\\$2");
  // Leading spaces would be dropped or start a code block; keep them visible as NBSPs.
  out = "\u00a0".repeat(lead.length) + body;
  return out;
}

/** Several lines as one paragraph with hard line breaks; blank lines are kept as breaks too. */
export function escapeBlock(s: string): string {
  const lines = cleanText(s).split("\n").map(escapeLine);
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => (l === "" ? "\u00a0" : l)).join("\\\n");
}

/** A multi-line answer as a blockquote, each line escaped. */
export function quoteBlock(s: string): string {
  const lines = cleanText(s).split("\n").map(escapeLine);
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => (l === "" ? ">" : `> ${l}`)).join("\n");
}

/** A single-line table cell: pipes escaped, line breaks folded. */
export function escapeCell(s: string): string {
  return escapeInline(cleanText(s).replace(/(?<!\s)\s*\n\s*/g, " "));
}

/** A URL as an autolink when it is one, else escaped text. */
export function linkOrText(source: string): string {
  const s = cleanText(source);
  if (/^https?:\/\/[^\s<>]+$/i.test(s)) return `<${s}>`;
  // Not a link: it may start a list item's line, so neutralize line-start markup too.
  return escapeLine(s);
}

/** Text for a plain-text message (a platform chat): one line, no control characters. */
export function plainLine(s: string): string {
  return cleanText(s).replace(/(?<!\s)\s*\n\s*/g, " / ");
}

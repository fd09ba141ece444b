/**
 * Markdown-aware escaping: only what CommonMark would read as markup is escaped, so plain
 * words (and all Japanese text) stay readable in the raw .md file.
 */

const INLINE = /[\\`*_[\]<>|~]/g;
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

/** One line of text, safe anywhere inline (also in table cells). */
export function escapeInline(s: string): string {
  return s.replace(INLINE, "\\$&").replace(ENTITY, "\\&");
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
  const lines = s.replace(/\r\n?/g, "\n").split("\n").map(escapeLine);
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => (l === "" ? "\u00a0" : l)).join("\\\n");
}

/** A multi-line answer as a blockquote, each line escaped. */
export function quoteBlock(s: string): string {
  const lines = s.replace(/\r\n?/g, "\n").split("\n").map(escapeLine);
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => (l === "" ? ">" : `> ${l}`)).join("\n");
}

/** A single-line table cell: pipes escaped, line breaks folded. */
export function escapeCell(s: string): string {
  return escapeInline(s.replace(/\s*\r?\n\s*/g, " "));
}

/** A URL as an autolink when it is one, else escaped text. */
export function linkOrText(source: string): string {
  if (/^https?:\/\/[^\s<>]+$/i.test(source)) return `<${source}>`;
  return escapeInline(source);
}

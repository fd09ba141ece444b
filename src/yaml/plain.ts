/**
 * A fast reader for the YAML that kikitori itself writes: answers files with their logs, the
 * agenda's slices of them, settings. Block maps and lists (lists of scalars, of one-line flow
 * maps, of block maps as in `- source: …` / `  note: …`), one-line flow maps and lists, plain
 * and quoted scalars on one line, literal block scalars `|` and `|-` (multi-line answers),
 * comments. Scalars resolve as YAML 1.2's core schema does (what parse.ts reads with), so a
 * text this reads gives exactly what the `yaml` library gives — a differential property test
 * holds it to that (test/yaml/plain-diff.test.ts). Anything else — tabs, other block scalars,
 * multi-line plain or quoted scalars, anchors, aliases, tags, directives, documents, complex
 * or duplicate keys, `__proto__`, deep nesting — is not read: the caller hands the text to the
 * `yaml` library, which also reports its errors. Several times faster than the library, and
 * it needs no library at all: a render of a well-formed answers file never loads `yaml`.
 */
import { decline, inlineValue, MAX_NESTING, NOT_PLAIN, plainKey, quoted, type Read, type Src, trimSpaces } from "./scalars.ts";

/** Structural lines indented further are left to the full parser (its nesting pre-scan counts indentation). */
const MAX_INDENT = 100;
/** The library refuses implicit keys longer than 1024 characters. */
const MAX_KEY = 512;
// Characters YAML does not allow, or treats in ways this reader does not follow: control
// characters, a carriage return not followed by a line feed, a byte order mark, NEL, the
// Unicode line and paragraph separators, and non-characters.
const OUTSIDE = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;

export interface PlainYaml {
  data: unknown;
  /** The text as written of a plain scalar read as a number or boolean (ParsedYaml.source). */
  source(path: readonly (string | number)[]): string | undefined;
}

/** The data of a text in the plain subset (with where its numbers came from), or undefined for any other text. */
export function readPlainYaml(text: string): PlainYaml | undefined {
  if (OUTSIDE.test(text)) return undefined;
  const lines = (text.includes("\r") ? text.replaceAll("\r\n", "\n") : text).split("\n");
  const s: State = { lines, i: 0, depth: 0 };
  try {
    const first = nextContent(s);
    if (first < 0) return { data: null, source: () => undefined };
    if (indentOf(lines[first] as string) !== 0) return undefined;
    const r = startsSeq(lines[first] as string) ? blockSeq(s, 0) : blockMap(s, 0);
    if (nextContent(s) >= 0) return undefined;
    return { data: r.value, source: (path) => sourceAt(r.src, path) };
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}

/** The data of a plain YAML text whose top level is a map, or undefined when the text is not in the plain subset. */
export function parsePlainYaml(text: string): Record<string, unknown> | undefined {
  const r = readPlainYaml(text);
  const data = r?.data;
  return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** The way parse.ts finds a node: a map's key as a string, a list's item by number. */
function sourceAt(src: Src, path: readonly (string | number)[]): string | undefined {
  let at = src;
  for (const seg of path) {
    if (at instanceof Map) at = at.get(String(seg));
    else if (Array.isArray(at)) at = at[Number(seg)];
    else return undefined;
  }
  return typeof at === "string" ? at : undefined;
}

interface State {
  lines: string[];
  /** The next line to read. */
  i: number;
  depth: number;
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0x20) n++;
  return n;
}

function startsSeq(text: string): boolean {
  return text.charCodeAt(0) === 0x2d && (text.length === 1 || text.charCodeAt(1) === 0x20);
}

/** The index of the next line that is neither blank nor a comment (s.i moves there), or -1. */
function nextContent(s: State): number {
  const { lines } = s;
  for (; s.i < lines.length; s.i++) {
    const line = lines[s.i] as string;
    const n = indentOf(line);
    if (n === line.length) continue;
    if (line.includes("\t") || n > MAX_INDENT) decline();
    if (line.charCodeAt(n) === 0x23) continue;
    // A document marker or a directive at the margin.
    if (n === 0 && (line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))) decline();
    return s.i;
  }
  return -1;
}

function nest(s: State): void {
  if (++s.depth > MAX_NESTING) decline();
}

function blockMap(s: State, indent: number): Read {
  nest(s);
  const obj: Record<string, unknown> = {};
  const keys = new Map<string, Src>();
  for (let at = nextContent(s); at >= 0; at = nextContent(s)) {
    const line = s.lines[at] as string;
    const n = indentOf(line);
    if (n < indent) break;
    if (n > indent) decline();
    const text = line.slice(n);
    const k = readKey(text);
    if (k === undefined || Object.hasOwn(obj, k.key)) return decline();
    s.i = at + 1;
    const v = valueAfterKey(s, text.slice(k.end), indent);
    obj[k.key] = v.value;
    if (v.src !== undefined) keys.set(k.key, v.src);
  }
  s.depth--;
  return { value: obj, src: keys };
}

function blockSeq(s: State, indent: number): Read {
  nest(s);
  const arr: unknown[] = [];
  const items: Src[] = [];
  for (let at = nextContent(s); at >= 0; at = nextContent(s)) {
    const line = s.lines[at] as string;
    const n = indentOf(line);
    if (n < indent) break;
    if (n > indent) decline();
    if (!startsSeq(line.slice(n))) break;
    const v = seqItem(s, at, indent);
    arr.push(v.value);
    items.push(v.src);
  }
  s.depth--;
  return { value: arr, src: items };
}

/** One `- …` item of a list at `indent`, starting on line `at`. */
function seqItem(s: State, at: number, indent: number): Read {
  const line = s.lines[at] as string;
  const after = indentOf(line.slice(indent + 1));
  const rest = line.slice(indent + 1 + after);
  if (after === 0 || rest === "" || rest.startsWith("#")) decline();
  const flowStart = rest.startsWith("{") || rest.startsWith("[");
  if (startsSeq(rest) || (!flowStart && readKey(rest) !== undefined)) {
    // A list or map starting on the item's line: the same text with the dash blanked out is
    // that collection at the column where it starts.
    s.lines[at] = `${line.slice(0, indent)} ${line.slice(indent + 1)}`;
    s.i = at;
    return startsSeq(rest) ? blockSeq(s, indent + 1 + after) : blockMap(s, indent + 1 + after);
  }
  s.i = at + 1;
  return valueAfter(s, rest, indent);
}

/** A plain or quoted key ending in `:` then a space or the line's end; undefined when the text is not a key. */
function readKey(text: string): { key: string; end: number } | undefined {
  const c = text.charCodeAt(0);
  if (c === 0x22 || c === 0x27) {
    let q: { value: string; next: number };
    try {
      q = quoted(text, 0);
    } catch {
      return undefined;
    }
    if (text[q.next] !== ":" || (q.next + 1 < text.length && text[q.next + 1] !== " ")) return undefined;
    if (q.next > MAX_KEY || q.value === "__proto__") decline();
    return { key: q.value, end: q.next + 1 };
  }
  let colon = text.indexOf(": ");
  if (colon < 0) colon = text.endsWith(":") ? text.length - 1 : -1;
  if (colon < 0) return undefined;
  const key = text.slice(0, colon);
  if (colon > MAX_KEY || !plainKey(key)) decline();
  return { key, end: colon + 1 };
}

/** The value after `key:` of a map at `indent`: on the line, a block scalar, or a block on the lines below. */
function valueAfterKey(s: State, rest: string, indent: number): Read {
  const text = trimSpaces(rest);
  if (text !== "" && !text.startsWith("#")) return valueAfter(s, rest, indent);
  const at = nextContent(s);
  if (at < 0) return { value: null, src: undefined };
  const line = s.lines[at] as string;
  const n = indentOf(line);
  // A list may sit at its key's own indentation (`progress:` then `- …`).
  if (n >= indent && startsSeq(line.slice(n))) return blockSeq(s, n);
  if (n > indent) return blockMap(s, n);
  return { value: null, src: undefined };
}

/** A value written on the line (after `key: ` or `- `) of a collection at `indent`. */
function valueAfter(s: State, rest: string, indent: number): Read {
  const text = trimSpaces(rest);
  if (text === "|" || text === "|-") return { value: literal(s, indent, text === "|"), src: undefined };
  return inlineValue(rest, s.depth);
}

/**
 * A literal block scalar whose lines start at s.i, inside a collection at `indent`: its
 * indentation is the first non-empty line's. `clip` keeps one final line break.
 */
function literal(s: State, indent: number, clip: boolean): string {
  const { lines } = s;
  const out: string[] = [];
  let m = -1;
  // The most spaces of a line of spaces only before the first line of text.
  let blank = 0;
  let i = s.i;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const n = indentOf(line);
    if (n === line.length) {
      // A line of spaces only is an empty line; one longer than the indentation is text (or
      // an error before the first line of text) by rules this reader leaves to the library.
      if (m < 0) blank = Math.max(blank, n);
      else if (n > m) decline();
      out.push("");
      continue;
    }
    if (m < 0) {
      if (n <= indent) break;
      m = n;
      if (blank > m) decline();
    } else if (n < m) break;
    out.push(line.slice(m));
  }
  if (m < 0 && blank > 0) decline();
  s.i = i;
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  if (out.length === 0) return "";
  return clip ? `${out.join("\n")}\n` : out.join("\n");
}

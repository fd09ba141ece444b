/**
 * The one-line pieces of the plain YAML subset (plain.ts): plain and quoted scalars and
 * one-line flow maps and lists. Plain scalars resolve as YAML 1.2's core schema does (what
 * parse.ts reads with). Anything this cannot read exactly as the `yaml` library would throws
 * NOT_PLAIN; the reader then hands the whole text to the library.
 */

export const NOT_PLAIN: unique symbol = Symbol("not plain");

/** Deeper nesting is left to the full parser, which checks it (parse.ts YAML_LIMITS). */
export const MAX_NESTING = 20;

/**
 * Where the numbers and booleans of a value were written: the text of a plain scalar read as a
 * number or boolean, a map of a map's keys, a list of a list's items; undefined for the rest.
 */
export type Src = string | Map<string, Src> | Src[] | undefined;

export interface Read {
  value: unknown;
  src: Src;
}

export function decline(): never {
  throw NOT_PLAIN;
}

/** A value on one line, maybe with a comment after it: a flow map or list, a quoted or a plain scalar. */
export function inlineValue(line: string, depth: number): Read {
  let i = 0;
  while (line.charCodeAt(i) === 0x20) i++;
  const c = line.charCodeAt(i);
  if (c === 0x7b || c === 0x5b) {
    const r = flow(line, i, depth);
    endOfLine(line, r.next);
    return r;
  }
  if (c === 0x22 || c === 0x27) {
    const r = quoted(line, i);
    endOfLine(line, r.next);
    return { value: r.value, src: undefined };
  }
  return plainRead(stripComment(line), false);
}

/** Nothing but spaces and a comment from `i` on. */
function endOfLine(line: string, i: number): void {
  let j = i;
  while (line.charCodeAt(j) === 0x20) j++;
  if (j < line.length && (j === i || line[j] !== "#")) decline();
}

interface Parsed extends Read {
  next: number;
}

const FLOW_KEY = /([A-Za-z0-9_][\w.-]*):(?= )/y;

function flow(text: string, start: number, depth: number): Parsed {
  if (depth >= MAX_NESTING) decline();
  const isMap = text[start] === "{";
  const close = isMap ? "}" : "]";
  const obj: Record<string, unknown> = {};
  const arr: unknown[] = [];
  const keys = new Map<string, Src>();
  const items: Src[] = [];
  const done = (next: number): Parsed => (isMap ? { value: obj, src: keys, next } : { value: arr, src: items, next });
  let i = skip(text, start + 1);
  if (text[i] === close) return done(i + 1);
  for (;;) {
    if (isMap) {
      FLOW_KEY.lastIndex = i;
      const m = FLOW_KEY.exec(text);
      const key = m?.[1];
      if (m === null || key === undefined || !plainKey(key) || Object.hasOwn(obj, key)) decline();
      const v = flowValue(text, skip(text, i + m[0].length), close, depth);
      obj[key] = v.value;
      if (v.src !== undefined) keys.set(key, v.src);
      i = v.next;
    } else {
      const v = flowValue(text, i, close, depth);
      arr.push(v.value);
      items.push(v.src);
      i = v.next;
    }
    i = skip(text, i);
    if (text[i] === ",") {
      i = skip(text, i + 1);
      if (text[i] === close) decline();
      continue;
    }
    if (text[i] === close) return done(i + 1);
    decline();
  }
}

function flowValue(text: string, i: number, close: string, depth: number): Parsed {
  const c = text[i];
  if (c === "{" || c === "[") return flow(text, i, depth + 1);
  if (c === '"' || c === "'") {
    const r = quoted(text, i);
    return { value: r.value, src: undefined, next: r.next };
  }
  let end = i;
  while (end < text.length && text[end] !== "," && text[end] !== close) end++;
  // An empty entry (`[a, , b]`) is an error to the library.
  if (end === i) decline();
  return { ...plainRead(text.slice(i, end), true), next: end };
}

const ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

/** A single- or double-quoted scalar closed on the same line. */
export function quoted(text: string, start: number): { value: string; next: number } {
  const q = text[start];
  let out = "";
  let from = start + 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === q) {
      if (q === "'" && text[i + 1] === "'") {
        out += text.slice(from, i + 1);
        from = ++i + 1;
        continue;
      }
      return { value: out + text.slice(from, i), next: i + 1 };
    }
    if (c !== "\\" || q === "'") continue;
    out += text.slice(from, i);
    const e = text[++i] as string;
    if (Object.hasOwn(ESCAPES, e)) out += ESCAPES[e];
    else {
      const size = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      const hex = text.slice(i + 1, i + 1 + size);
      if (size === 0 || hex.length !== size || !/^[0-9a-fA-F]+$/.test(hex)) decline();
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) decline();
      out += String.fromCodePoint(code);
      i += size;
    }
    from = i + 1;
  }
  return decline();
}

/** A plain scalar and, when it reads as a number or boolean, its text (ParsedYaml.source). */
function plainRead(raw: string, inFlow: boolean): Read {
  const s = trimSpaces(raw);
  const value = plainScalar(s, inFlow);
  return { value, src: typeof value === "number" || typeof value === "boolean" ? s : undefined };
}

const INDICATOR = /^[&*!|>%@`'"{}[\],#]|^[-?:](?: |$)/;
const NUMBER_START = /^[~nNtTfF0-9+.-]/;

/** A trimmed plain scalar on one line, resolved by the core schema; declines where YAML would read it otherwise. */
export function plainScalar(s: string, inFlow: boolean): unknown {
  if (s === "") return null;
  if (INDICATOR.test(s)) decline();
  // A tab anywhere (`a:\tb` is a nested mapping to YAML) is left to the full parser.
  if (s.includes("\t") || s.includes(": ") || s.endsWith(":") || s.includes(" #")) decline();
  if (inFlow && /[{}[\],]/.test(s)) decline();
  // Most scalars are words: only these first characters can start a null, a boolean or a number.
  if (!NUMBER_START.test(s)) return s;
  return coreScalar(s);
}

/** The core schema's tags in the library's order (yaml src/schema/core). */
function coreScalar(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.endsWith("n") || s.endsWith("N") ? Number.NaN : s.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number.parseFloat(s);
  return s;
}

/** The text before a ` #` comment, trimmed; declines if a quote makes that ambiguous. */
export function stripComment(text: string): string {
  const at = text.indexOf("#");
  if (at < 0) return trimSpaces(text);
  const real = text.search(/(?:^| )#/);
  if (real < 0) return trimSpaces(text);
  if (/["']/.test(text.slice(0, real))) decline();
  return trimSpaces(text.slice(0, real));
}

/** A key that reads as the same string (not `true`, `null`, `3`), and is neither `__proto__` nor a merge key. */
export function plainKey(key: string): boolean {
  return key !== "__proto__" && key !== "<<" && trimSpaces(key) === key && plainScalar(key, false) === key;
}

/**
 * Without the spaces at both ends. YAML's white space is the space and the tab (and this
 * reader declines tabs): String#trim would also take U+3000, U+00A0 and others, which are
 * text to YAML (a full-width space typed at the end of an answer is kept).
 */
export function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (s.charCodeAt(a) === 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) === 0x20) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Separation inside a flow collection: spaces and tabs alike (`[\t]` is an empty list). */
function skip(text: string, i: number): number {
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

/**
 * A fast reader for the plain subset of YAML that answers-file headers and logs are written
 * in: block maps, block lists of scalars or one-line flow maps, one-line flow maps and lists,
 * plain and quoted scalars on one line, comments. Scalars resolve as YAML 1.2's core schema
 * does (what parse.ts reads with), so a text this reads gives exactly what the `yaml`
 * library gives. Anything else — block scalars, multi-line scalars, anchors, aliases, tags,
 * directives, complex or duplicate keys, `__proto__` — returns undefined: the caller reads
 * the text with parse.ts, which also reports its errors. About ten times faster than the
 * general parser on such text, which is what lets the agenda read hundreds of files at once.
 */

const NO = Symbol("not plain");
type Value = unknown;

interface Line {
  indent: number;
  text: string;
}

/** The data of a plain YAML text, or undefined when the text is not in the plain subset. */
export function parsePlainYaml(text: string): Record<string, unknown> | undefined {
  const lines: Line[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const body = line.trimStart();
    if (body === "" || body.startsWith("#")) continue;
    const indent = line.length - body.length;
    if (line.slice(0, indent).includes("\t")) return undefined;
    lines.push({ indent, text: body });
  }
  if (lines.length === 0 || lines[0]?.indent !== 0) return undefined;
  const r = blockMap(lines, 0, 0);
  if (r === NO || r.next !== lines.length) return undefined;
  return r.value;
}

type Result<T> = { value: T; next: number } | typeof NO;

function blockMap(lines: Line[], start: number, indent: number): Result<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent) return NO;
    const m = /^([A-Za-z0-9_][\w.-]*):(?: +(.*))?$/.exec(line.text);
    if (!m?.[1]) return NO;
    const key = m[1];
    if (!plainKey(key) || Object.hasOwn(out, key)) return NO;
    const rest = stripComment(m[2] ?? "");
    i++;
    if (rest === NO) return NO;
    if (rest !== "") {
      const v = inline(rest);
      if (v === NO) return NO;
      out[key] = v;
      continue;
    }
    const next = lines[i];
    // A list may sit at its key's own indentation (`progress:` then `- …`).
    if (next && next.indent >= indent && next.text.startsWith("- ")) {
      const r = blockSeq(lines, i, next.indent);
      if (r === NO) return NO;
      out[key] = r.value;
      i = r.next;
    } else if (next && next.indent > indent) {
      const r = blockMap(lines, i, next.indent);
      if (r === NO) return NO;
      out[key] = r.value;
      i = r.next;
    } else out[key] = null;
  }
  return { value: out, next: i };
}

function blockSeq(lines: Line[], start: number, indent: number): Result<unknown[]> {
  const out: unknown[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.indent !== indent || !line.text.startsWith("- ")) break;
    const rest = stripComment(line.text.slice(2).trimStart());
    if (rest === NO || rest === "") return NO;
    const v = inline(rest);
    if (v === NO) return NO;
    out.push(v);
    i++;
  }
  const after = lines[i];
  if (after && after.indent > indent) return NO;
  return { value: out, next: i };
}

/** A value on one line: a flow map or list, a quoted or a plain scalar. */
function inline(text: string): Value | typeof NO {
  if (text.startsWith("{") || text.startsWith("[")) {
    const r = flow(text, 0);
    if (r === NO || text.slice(r.next).trim() !== "") return NO;
    return r.value;
  }
  if (text.startsWith('"') || text.startsWith("'")) {
    const r = quoted(text, 0);
    if (r === NO || text.slice(r.next).trim() !== "") return NO;
    return r.value;
  }
  return plainScalar(text, false);
}

const FLOW_KEY = /([A-Za-z0-9_][\w.-]*):(?= )/y;

function flow(text: string, start: number): Result<unknown> {
  const map = text[start] === "{";
  const close = map ? "}" : "]";
  const obj: Record<string, unknown> = {};
  const arr: unknown[] = [];
  let i = skip(text, start + 1);
  if (text[i] === close) return { value: map ? obj : arr, next: i + 1 };
  for (;;) {
    if (map) {
      FLOW_KEY.lastIndex = i;
      const m = FLOW_KEY.exec(text);
      if (!m?.[1] || !plainKey(m[1]) || Object.hasOwn(obj, m[1])) return NO;
      i = skip(text, i + m[0].length);
      const v = flowValue(text, i, close);
      if (v === NO) return NO;
      obj[m[1]] = v.value;
      i = v.next;
    } else {
      const v = flowValue(text, i, close);
      if (v === NO) return NO;
      arr.push(v.value);
      i = v.next;
    }
    i = skip(text, i);
    if (text[i] === ",") {
      i = skip(text, i + 1);
      if (text[i] === close) return NO;
      continue;
    }
    if (text[i] === close) return { value: map ? obj : arr, next: i + 1 };
    return NO;
  }
}

function flowValue(text: string, i: number, close: string): Result<unknown> {
  const c = text[i];
  if (c === "{" || c === "[") return flow(text, i);
  if (c === '"' || c === "'") return quoted(text, i);
  let end = i;
  while (end < text.length && text[end] !== "," && text[end] !== close) end++;
  const raw = text.slice(i, end).trimEnd();
  const v = plainScalar(raw, true);
  return v === NO ? NO : { value: v, next: end };
}

function quoted(text: string, start: number): Result<string> {
  const q = text[start];
  let out = "";
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (q === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") {
          out += "'";
          i++;
          continue;
        }
        return { value: out, next: i + 1 };
      }
      out += c;
      continue;
    }
    if (c === '"') return { value: out, next: i + 1 };
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = text[++i];
    const simple: Record<string, string> = {
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
    if (e !== undefined && Object.hasOwn(simple, e)) {
      out += simple[e];
      continue;
    }
    const size = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    const hex = text.slice(i + 1, i + 1 + size);
    if (size === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== size) return NO;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return NO;
    out += String.fromCodePoint(code);
    i += size;
  }
  return NO;
}

/** A plain scalar on one line, resolved by the core schema; NO where YAML would read it otherwise. */
function plainScalar(raw: string, inFlow: boolean): Value | typeof NO {
  const s = raw.trim();
  if (s === "") return null;
  // Indicators that start something other than a plain scalar.
  if (/^[&*!|>%@`'"{}[\],#]/.test(s) || /^[-?:](?:\s|$)/.test(s)) return NO;
  // A tab anywhere (`a:\tb` is a nested mapping to YAML) is left to the full parser.
  if (s.includes("\t") || s.includes(": ") || s.endsWith(":") || s.includes(" #")) return NO;
  if (inFlow && /[{}[\],]/.test(s)) return NO;
  // Most scalars are words: only these first characters can start a null, a boolean or a number.
  if (!/^[~nNtTfF0-9+.-]/.test(s)) return s;
  if (/^(?:~|null|Null|NULL)$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number.parseFloat(s);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return Number.NaN;
  return s;
}

/** The text before a ` #` comment; NO if a quote makes that ambiguous. */
function stripComment(text: string): string | typeof NO {
  const at = text.search(/(?:^|\s)#/);
  if (at < 0) return text.trimEnd();
  if (/["']/.test(text.slice(0, at))) return NO;
  return text.slice(0, at).trimEnd();
}

/** A key that reads as the same string (not `true`, `null`, `3`) and is not `__proto__`. */
function plainKey(key: string): boolean {
  return key !== "__proto__" && plainScalar(key, false) === key;
}

/** Separation inside a flow collection: spaces and tabs alike (`[\t]` is an empty list). */
function skip(text: string, i: number): number {
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

/**
 * `validate.pattern` of a pack, matched in linear time. Packs are shared, so a pattern is
 * untrusted: with JavaScript's backtracking engine `(a|aa)+$` or `^(\w|\d)+$` takes minutes
 * on a 35-character answer, and nothing can interrupt a running match. Patterns are written
 * as JavaScript regular expressions (Unicode mode) and run on RE2JS, a linear-time engine
 * (a port of RE2), after a translation that keeps JavaScript's meaning of `\s`, `.` and
 * `\u` escapes. What RE2 cannot do in linear time (look-around, back-references) is refused
 * when the pack loads.
 *
 * Linear is not yet fast: a pattern that defeats RE2's DFA runs on its NFA, at a cost of
 * (characters × program size). So a pattern's program is capped, and so is the work of one
 * answers file, reply or typed value: past the budget an answer is refused as too long to
 * check, never checked for seconds.
 */
import { createRequire } from "node:module";
import type { RE2JS as RE2JSClass } from "re2js";
import { type Msg, msg } from "../i18n.ts";

export const PATTERN_LIMITS = {
  /** Characters of a pattern. */
  chars: 200,
  /** RE2 program size (instructions): `^.{1,200}$` is 403. */
  program: 1000,
  /** Characters × program size checked per answers file, reply or typed answer (~0.5 s at worst). */
  work: 10_000_000,
};

/** The pattern work left for one answers file, reply or typed answer. */
export class PatternMeter {
  left = PATTERN_LIMITS.work;
}

type Compiled = { re: RE2JSClass; size: number };

let RE2JS: typeof RE2JSClass | undefined;
const cache = new Map<string, Compiled | Msg>();

function engine(): typeof RE2JSClass {
  // Loaded on first use: most packs have no pattern, and the engine is ~260 KB of code.
  RE2JS ??= (createRequire(import.meta.url)("re2js") as { RE2JS: typeof RE2JSClass }).RE2JS;
  return RE2JS;
}

/** Why a pack may not use this pattern (bilingual), or undefined when it may. */
export function patternProblem(pattern: string): Msg | undefined {
  const c = compiled(pattern);
  return "re" in c ? undefined : c;
}

/**
 * Whether `text` matches anywhere (as RegExp.test does), or "too-long" when checking it
 * would go past the meter's budget. A pattern the pack loader would refuse matches nothing.
 */
export function matchPattern(pattern: string, text: string, meter: PatternMeter = new PatternMeter()): boolean | "too-long" {
  const c = compiled(pattern);
  if (!("re" in c)) return false;
  const cost = (text.length + 1) * c.size;
  if (cost > meter.left) {
    meter.left = 0;
    return "too-long";
  }
  meter.left -= cost;
  return c.re.test(text);
}

function compiled(pattern: string): Compiled | Msg {
  let c = cache.get(pattern);
  if (c === undefined) {
    c = compile(pattern);
    if (cache.size > 500) cache.clear();
    cache.set(pattern, c);
  }
  return c;
}

function compile(pattern: string): Compiled | Msg {
  if (pattern.length > PATTERN_LIMITS.chars) {
    return msg(
      `pattern が長すぎます (${pattern.length} 文字、上限 ${PATTERN_LIMITS.chars} 文字)`,
      `the pattern is too long (${pattern.length} characters, the limit is ${PATTERN_LIMITS.chars})`,
    );
  }
  try {
    // The syntax is JavaScript's: check it as JavaScript first, for JavaScript's messages.
    new RegExp(pattern, "u");
  } catch (e) {
    const why = (e as Error).message;
    return msg(`pattern が正規表現として正しくありません: ${why}`, `the pattern is not a valid regular expression: ${why}`);
  }
  let re2: string;
  try {
    re2 = translatePattern(pattern);
  } catch (e) {
    if (e instanceof Unsupported) return e.why;
    throw e;
  }
  let re: RE2JSClass;
  try {
    re = engine().compile(re2);
  } catch (e) {
    const why = String((e as Error).message).replace(/^error parsing regexp: /, "");
    return msg(`この pattern は使えません: ${why}`, `this pattern is not supported: ${why}`);
  }
  const size = re.programSize();
  if (size > PATTERN_LIMITS.program) {
    return msg(
      `pattern が複雑すぎます (規模 ${size}、上限 ${PATTERN_LIMITS.program})。{1,200} のような大きな繰り返し回数を減らしてください`,
      `the pattern is too complex (size ${size}, the limit is ${PATTERN_LIMITS.program}): use smaller repeat counts than {1,200}`,
    );
  }
  return { re, size };
}

class Unsupported extends Error {
  constructor(readonly why: Msg) {
    super(why.en);
  }
}

const unsupported = (ja: string, en: string) => new Unsupported(msg(`pack の pattern では ${ja}は使えません`, `pack patterns cannot use ${en}`));

// JavaScript's \s: WhiteSpace and LineTerminator. \p{Z} holds U+0020, U+00A0, U+1680,
// U+2000-200A, U+2028, U+2029, U+202F, U+205F and U+3000.
const SPACE = "\\t\\n\\v\\f\\r\\x{feff}\\p{Z}";
// JavaScript's `.` in Unicode mode: any code point but the line terminators.
const DOT = "[^\\n\\r\\x{2028}\\x{2029}]";
const GENERAL_CATEGORY: Record<string, string> = {
  Letter: "L",
  Cased_Letter: "L",
  Uppercase_Letter: "Lu",
  Lowercase_Letter: "Ll",
  Titlecase_Letter: "Lt",
  Modifier_Letter: "Lm",
  Other_Letter: "Lo",
  Mark: "M",
  Number: "N",
  Decimal_Number: "Nd",
  digit: "Nd",
  Letter_Number: "Nl",
  Other_Number: "No",
  Punctuation: "P",
  punct: "P",
  Symbol: "S",
  Math_Symbol: "Sm",
  Currency_Symbol: "Sc",
  Separator: "Z",
  Space_Separator: "Zs",
  Other: "C",
  Control: "Cc",
  Format: "Cf",
};

/**
 * A JavaScript pattern (already known to be valid in Unicode mode) in RE2's syntax, with
 * JavaScript's meaning. Throws Unsupported for what RE2 cannot run in linear time.
 */
export function translatePattern(js: string): string {
  let out = "";
  let inClass = false;
  let classStart = false;
  for (let i = 0; i < js.length; ) {
    const c = js[i] as string;
    if (c === "\\") {
      const { text, next } = translateEscape(js, i, inClass);
      out += text;
      i = next;
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === "]") {
        // `[]` matches nothing and `[^]` anything in JavaScript; RE2 has no empty class.
        if (classStart) out = out.endsWith("[^") ? `${out.slice(0, -2)}[\\x{0}-\\x{10ffff}]` : `${out.slice(0, -1)}[^\\x{0}-\\x{10ffff}]`;
        else out += "]";
        inClass = false;
      } else if (c === "[") {
        out += "\\["; // literal in a JavaScript class; RE2 could read `[:alpha:]`
      } else {
        out += c;
      }
      classStart = false;
      i += c.length;
      continue;
    }
    if (c === "[") {
      inClass = true;
      classStart = true;
      if (js[i + 1] === "^") {
        out += "[^";
        i += 2;
      } else {
        out += "[";
        i += 1;
      }
      continue;
    }
    if (c === ".") {
      out += DOT;
      i++;
      continue;
    }
    if (c === "(" && js[i + 1] === "?") {
      const head = js.slice(i, i + 4);
      if (head.startsWith("(?=") || head.startsWith("(?!") || head.startsWith("(?<=") || head.startsWith("(?<!")) {
        throw unsupported("先読み・後読み ((?=…) など) ", "look-ahead or look-behind ((?=…) and the like)");
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** One escape sequence starting at js[i] (a backslash). */
function translateEscape(js: string, i: number, inClass: boolean): { text: string; next: number } {
  const c = js[i + 1] ?? "";
  switch (c) {
    case "s":
      return { text: inClass ? SPACE : `[${SPACE}]`, next: i + 2 };
    case "S":
      if (inClass) throw unsupported("[…] の中の \\S ", "\\S inside […]");
      return { text: `[^${SPACE}]`, next: i + 2 };
    case "b":
      return { text: inClass ? "\\x{8}" : "\\b", next: i + 2 };
    case "0":
      return { text: "\\x{0}", next: i + 2 };
    case "c": {
      const letter = js.charCodeAt(i + 2);
      return { text: `\\x{${(letter % 32).toString(16)}}`, next: i + 3 };
    }
    case "u": {
      const first = unicodeEscape(js, i);
      if (first.cp >= 0xd800 && first.cp <= 0xdbff) {
        const second = js.startsWith("\\u", first.next) ? unicodeEscape(js, first.next) : undefined;
        if (second && second.cp >= 0xdc00 && second.cp <= 0xdfff) {
          const cp = 0x10000 + ((first.cp - 0xd800) << 10) + (second.cp - 0xdc00);
          return { text: `\\x{${cp.toString(16)}}`, next: second.next };
        }
      }
      if (first.cp >= 0xd800 && first.cp <= 0xdfff) throw unsupported("対になっていないサロゲート ", "a lone surrogate");
      return { text: `\\x{${first.cp.toString(16)}}`, next: first.next };
    }
    case "p":
    case "P": {
      const end = js.indexOf("}", i);
      const name = js.slice(i + 3, end);
      const eq = name.indexOf("=");
      const key = eq < 0 ? "" : name.slice(0, eq);
      let value = eq < 0 ? name : name.slice(eq + 1);
      if (key === "General_Category" || key === "gc" || key === "") value = GENERAL_CATEGORY[value] ?? value;
      return { text: `\\${c}{${value}}`, next: end + 1 };
    }
    case "k":
      throw unsupported("後方参照 (\\k<名前>) ", "back-references (\\k<name>)");
    default:
      if (c >= "1" && c <= "9") throw unsupported("後方参照 (\\1 など) ", "back-references (\\1 and the like)");
      // \d \D \w \W \B \t \n \v \f \r \xHH and escaped punctuation mean the same in RE2.
      return { text: `\\${c}`, next: i + 2 };
  }
}

function unicodeEscape(js: string, i: number): { cp: number; next: number } {
  if (js[i + 2] === "{") {
    const end = js.indexOf("}", i);
    return { cp: Number.parseInt(js.slice(i + 3, end), 16), next: end + 1 };
  }
  return { cp: Number.parseInt(js.slice(i + 2, i + 6), 16), next: i + 6 };
}

/**
 * Typed text → a raw answer value, read by the question's type. Shared by `start --set`,
 * the interactive prompts and the accessible line mode; `checkValue` then validates the
 * result, so every path reports the same errors.
 */
import { type Msg, msg } from "../i18n.ts";
import type { Question } from "../pack/types.ts";
import { parseYaml } from "../yaml/parse.ts";
import type { Reference } from "./types.ts";
import { isPendingWord, yesNoWord } from "./words.ts";

/** Japanese input methods often type full-width digits and separators: read them as ASCII. */
export function normalizeTyped(s: string): string {
  return s.normalize("NFKC").trim();
}

export { isPendingWord };

/** `yes`/`はい`/`true` → true, `no`/`いいえ`/`false` → false, anything else undefined. */
export const parseYesNo = yesNoWord;

/**
 * One typed text for a single-value question (or one item of a list), by type: numbers
 * without thousands separators, `2026/12/1` as `2026-12-01`, yes/no as booleans, a choice by
 * its value or its label. Text that does not parse is returned as is for checkValue to refuse.
 */
export function coerceText(q: Question, text: string): unknown {
  switch (q.type) {
    case "number":
    case "scale": {
      const t = normalizeTyped(text).replace(/[,_\s]/g, "");
      return /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(t) ? Number(t) : text;
    }
    case "date": {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(normalizeTyped(text));
      return m ? `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}` : text;
    }
    case "confirm":
      return parseYesNo(text) ?? text;
    case "select":
    case "multiselect": {
      const t = normalizeTyped(text);
      const byValue = q.choices?.find((c) => c.value === t);
      if (byValue) return byValue.value;
      const low = t.toLowerCase();
      return q.choices?.find((c) => c.label.ja === t || c.label.en.toLowerCase() === low)?.value ?? t;
    }
    default:
      return text;
  }
}

/**
 * One reference typed on a line: `[like|avoid] source [note…]`. The source is the first word
 * (a URL or a file path without spaces); the rest is the note.
 */
export function parseReferenceLine(line: string): Reference | undefined {
  const words = line.trim().split(/\s+/).filter(Boolean);
  let kind: Reference["kind"];
  const head = words[0]?.toLowerCase();
  if (head === "like" || head === "参考" || head === "好き") kind = "like";
  if (head === "avoid" || head === "ng" || head === "避けたい") kind = "avoid";
  if (kind) words.shift();
  const source = words.shift();
  if (!source) return undefined;
  const note = words.join(" ");
  return { source, ...(note ? { note } : {}), ...(kind ? { kind } : {}) };
}

export type SetParse = { value: unknown } | { error: Msg };

/**
 * A `--set` value read by the question's type: `pending` (or 未定) for not decided; for
 * lists, multiselects and references `a,b` or a YAML flow list `[a, "b, c"]`; otherwise one
 * typed text. An empty value means "no answer" (it clears the pack's default).
 */
export function parseSetValue(q: Question, text: string): SetParse {
  if (text.trim() === "") return { value: undefined };
  if (isPendingWord(text)) return { value: { pending: true } };
  const many = q.type === "multiselect" || q.type === "list" || q.type === "references";
  if (!many) return { value: coerceText(q, text) };
  let items: unknown[];
  const t = text.trim();
  if (t.startsWith("[")) {
    try {
      const data = parseYaml(t, "--set").data;
      if (!Array.isArray(data)) throw new Error("not a list");
      items = data;
    } catch {
      return {
        error: msg(
          `--set ${q.id}: リスト「${t}」が読めません。[a, b] か a,b の形にしてください`,
          `--set ${q.id}: cannot read the list "${t}": write [a, b] or a,b`,
        ),
      };
    }
  } else {
    items = t
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (q.type === "references") return { value: items.map((x) => (typeof x === "string" ? (parseReferenceLine(x) ?? x) : x)) };
  return { value: items.map((x) => (typeof x === "string" ? coerceText(q, x) : x)) };
}

export interface SetArg {
  id: string;
  text: string;
}

/** Splits `id=value` (the value may contain `=`); undefined when there is no `=` or no id. */
export function splitSetArg(arg: string): SetArg | undefined {
  const i = arg.indexOf("=");
  if (i <= 0) return undefined;
  return { id: arg.slice(0, i).trim(), text: arg.slice(i + 1) };
}

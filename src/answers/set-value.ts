/**
 * A `--set` value (start, set) read by its question's type. Apart from coerce.ts because a
 * YAML flow list needs the YAML reader, and coerce.ts is also bundled into the client's form
 * page, which must not reach it.
 */
import { type Msg, msg } from "../i18n.ts";
import type { Question } from "../pack/types.ts";
import { parseYaml } from "../yaml/parse.ts";
import { coerceText, parseReferenceLine } from "./coerce.ts";
import { isPendingWord } from "./words.ts";

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

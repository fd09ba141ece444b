/**
 * What the client's form stores for what was typed or picked: read by the question's type
 * (coerceText, as the hearing reads typed text) and tidied the way a chat box would leave it,
 * so that the copied reply reads back to exactly the stored answer. Pure and page-safe.
 *
 * Free texts lose their outer spaces and blank lines and the spaces at the end of each line;
 * one-line fields (text, list items, references, "other", notes) fold line breaks into a space.
 */
import { checkValue } from "../answers/check-value.ts";
import { coerceText } from "../answers/coerce.ts";
import type { AnswerValue, Reference } from "../answers/types.ts";
import type { Question } from "../pack/types.ts";

export const oneLine = (s: string): string => s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();

export function tidyParagraph(s: string): string {
  return s
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+$/u, ""))
    .join("\n")
    .trim();
}

/**
 * A raw input (a field's text, the picked values, reference rows) → the value to check and
 * store, or undefined when nothing is given.
 */
export function readInput(q: Question, raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  switch (q.type) {
    case "text": {
      const s = oneLine(String(raw));
      return s === "" ? undefined : s;
    }
    case "paragraph": {
      const s = tidyParagraph(String(raw));
      return s === "" ? undefined : s;
    }
    case "multiselect":
    case "list": {
      const items = (Array.isArray(raw) ? raw : [raw]).map((x) => (typeof x === "string" ? oneLine(x) : x)).filter((x) => x !== "");
      return items.length === 0 ? undefined : items;
    }
    case "references": {
      const refs = (Array.isArray(raw) ? raw : [raw]).flatMap((r: Partial<Reference>): Reference[] => {
        const source = oneLine(String(r?.source ?? ""));
        const note = oneLine(String(r?.note ?? ""));
        return source ? [{ source, ...(note ? { note } : {}), ...(r.kind === "like" || r.kind === "avoid" ? { kind: r.kind } : {}) }] : [];
      });
      return refs.length === 0 ? undefined : refs;
    }
    default: {
      if (typeof raw !== "string") return Object.is(raw, -0) ? 0 : raw;
      const s = raw.trim();
      if (s === "") return undefined;
      const v = coerceText(q, s);
      return Object.is(v, -0) ? 0 : v;
    }
  }
}

/**
 * A pack default as the form fills it in: read as the control would give it (an empty default
 * selection is no answer), then checked as any answer; undefined when it gives no answer.
 */
export function defaultAnswer(q: Question, raw: unknown): AnswerValue | undefined {
  const v = readInput(q, raw);
  const checked = v === undefined ? undefined : checkValue(q, v);
  return checked && "value" in checked ? checked.value : undefined;
}

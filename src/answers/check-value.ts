/**
 * One answer against its question, by the question's type: the normalized value (a number
 * given where text is asked becomes text, a single value a one-item list…), or why it is
 * wrong and how to fix it. Used for answers files, the hearing, `--set` and imported replies.
 */
import { type Msg, msg } from "../i18n.ts";
import { isIsoDate } from "../iso-date.ts";
import { allLone } from "../lone-units.ts";
import { matchPattern, PatternMeter } from "../pack/pattern.ts";
import type { Question } from "../pack/types.ts";
import { parseReferenceLine, readTyped } from "./coerce.ts";
import { type AnswerValue, isPending, type Reference } from "./types.ts";

export type Checked = { value: AnswerValue } | { error: Msg; fix: Msg };

/** A refusal: what is wrong (after the question id), then the fix. */
type Fail = (ja: string, en: string, fixJa: string, fixEn: string) => Checked;

/**
 * One answer against its question: the normalized value, or why it is wrong. Text is first
 * read by the question's type (readTyped), so every path that takes typed values accepts the
 * same forms. `meter` bounds the pattern work shared by the answers of one file or reply (see
 * pack/pattern.ts).
 */
export function checkValue(q: Question, given: unknown, meter: PatternMeter = new PatternMeter()): Checked {
  const value = Array.isArray(given) ? given.map((x) => readTyped(q, x)) : readTyped(q, given);
  const fail: Fail = (ja, en, fixJa, fixEn) => ({ error: msg(`${q.id}: ${ja}`, `${q.id}: ${en}`), fix: msg(fixJa, fixEn) });
  if (isPending(value)) return checkPending(q, value, fail);
  const rules = validateRules(q, fail, meter);
  const values = q.choices?.map((c) => c.value) ?? [];
  const choiceList = values.join(", ");
  switch (q.type) {
    case "text":
    case "paragraph": {
      if (typeof value !== "string" && typeof value !== "number")
        return fail("文字列で答えてください", "must be text", `${q.id}: 回答`, `${q.id}: your answer`);
      const s = String(value);
      return rules.text(s) ?? { value: s };
    }
    case "select": {
      const s = typeof value === "number" || typeof value === "boolean" ? String(value) : value;
      if (typeof s !== "string" || !values.includes(s))
        return fail(
          `「${String(value)}」は選択肢にありません`,
          `"${String(value)}" is not one of the choices`,
          `次のいずれかにしてください: ${choiceList}`,
          `use one of: ${choiceList}`,
        );
      return { value: s };
    }
    case "multiselect": {
      const arr = Array.isArray(value) ? value : [value];
      const bad = arr.filter((x) => typeof x !== "string" || !values.includes(x));
      if (bad.length > 0)
        return fail(
          `「${bad.map(String).join(", ")}」は選択肢にありません`,
          `"${bad.map(String).join(", ")}" ${bad.length === 1 ? "is" : "are"} not among the choices`,
          `次から選んでください: ${choiceList}`,
          `pick from: ${choiceList}`,
        );
      const uniq = [...new Set(arr as string[])];
      return rules.items(uniq.length) ?? { value: uniq };
    }
    case "confirm":
      if (typeof value !== "boolean") return fail("true か false で答えてください", "must be true or false", `${q.id}: true`, `${q.id}: true`);
      return { value };
    case "number":
    case "scale":
      return checkNumber(q, value, fail);
    case "date":
      if (typeof value !== "string" || !isIsoDate(value))
        return fail(
          `「${String(value)}」は日付として読めません`,
          `"${String(value)}" is not a date`,
          "YYYY-MM-DD の形にしてください (例: 2027-04-30)",
          "use YYYY-MM-DD, e.g. 2027-04-30",
        );
      return { value };
    case "list": {
      const arr = Array.isArray(value) ? value : [value];
      if (arr.some((x) => typeof x !== "string" && typeof x !== "number"))
        return fail("文字列のリストで答えてください", "must be a list of texts", "- 項目 の形で書いてください", "write one '- item' per line");
      const items = arr.map(String);
      for (const s of items) {
        const bad = rules.text(s);
        if (bad) return bad;
      }
      return rules.items(items.length) ?? { value: items };
    }
    case "references":
      return checkReferences(value, fail, rules);
  }
}

/** `{ pending: true, note? }`, where the question allows "not decided yet". */
function checkPending(q: Question, value: object, fail: Fail): Checked {
  if (!q.allow_pending) return fail("この質問は「未定」にできません", 'this question cannot be "not decided yet"', "回答を書いてください", "give an answer");
  const note = (value as { note?: unknown }).note;
  const extra = Object.keys(value).filter((k) => k !== "pending" && k !== "note");
  if ((note !== undefined && note !== null && typeof note !== "string") || extra.length > 0) {
    return fail(
      "未定の書き方が正しくありません",
      "a pending answer has the wrong form",
      '{ pending: true, note: "メモ" } の形にしてください',
      'write { pending: true, note: "…" }',
    );
  }
  return { value: typeof note === "string" && note ? { pending: true, note } : { pending: true } };
}

interface Rules {
  /** `validate:` min_length, max_length and pattern, for a text or one list item. */
  text(s: string): Checked | undefined;
  /** `validate:` min_items and max_items. */
  items(n: number): Checked | undefined;
}

/** The question's `validate:` rules as checks. */
function validateRules(q: Question, fail: Fail, meter: PatternMeter): Rules {
  const rules = q.validate ?? {};
  return {
    text: (s) => {
      if (rules.min_length !== undefined && charCount(s) < rules.min_length)
        return fail(`${rules.min_length} 文字以上で書いてください`, `must be at least ${rules.min_length} characters`, "内容を足してください", "write more");
      if (rules.max_length !== undefined && charCount(s) > rules.max_length)
        return fail(`${rules.max_length} 文字以内で書いてください`, `must be at most ${rules.max_length} characters`, "短くしてください", "shorten it");
      const matched = rules.pattern === undefined || matchPattern(rules.pattern, s, meter);
      if (matched === "too-long")
        return fail("長すぎるため形式を確かめられません", "is too long to check against its expected form", "短くしてください", "shorten it");
      if (!matched)
        return fail(
          `形式が正しくありません (${rules.pattern})`,
          `does not match the expected form (${rules.pattern})`,
          "形式に合わせてください",
          "match the form",
        );
      return undefined;
    },
    items: (n) => {
      if (rules.min_items !== undefined && n < rules.min_items)
        return fail(`${rules.min_items} 個以上選んでください`, `needs at least ${rules.min_items} items`, "項目を足してください", "add items");
      if (rules.max_items !== undefined && n > rules.max_items)
        return fail(`${rules.max_items} 個までにしてください`, `takes at most ${rules.max_items} items`, "項目を減らしてください", "remove items");
      return undefined;
    },
  };
}

/** The largest number (either way) a number question without its own min or max accepts. */
export const NUMBER_LIMIT = 1e15;

/** A number (or numeric text) inside the question's range; a scale takes whole numbers only. */
function checkNumber(q: Question, value: unknown, fail: Fail): Checked {
  const rules = q.validate ?? {};
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) return fail("数値で答えてください", "must be a number", `${q.id}: 3`, `${q.id}: 3`);
  const lo = q.type === "scale" ? q.min : rules.min;
  const hi = q.type === "scale" ? q.max : rules.max;
  if (q.type === "scale" && !Number.isInteger(n))
    return fail("整数で答えてください", "must be a whole number", `${lo}〜${hi} の整数にしてください`, `use a whole number from ${lo} to ${hi}`);
  if (rules.integer && !Number.isInteger(n))
    return fail(
      `${n} は整数ではありません (回数や日数は整数で答えてください)`,
      `${n} is not a whole number (a count takes a whole number)`,
      "整数にしてください (例: 2)",
      "use a whole number, e.g. 2",
    );
  // Without a bound from the pack, a number past 10^15 is a typo (or 1e308), not an answer.
  if ((hi === undefined && n > NUMBER_LIMIT) || (lo === undefined && n < -NUMBER_LIMIT))
    return fail(
      `${n} は大きすぎます`,
      `${n} is too large to be an answer`,
      "数値を確認してください (10^15 まで)",
      "check the number (at most 10^15 either way)",
    );
  if ((lo !== undefined && n < lo) || (hi !== undefined && n > hi)) {
    const range = `${lo ?? ""}〜${hi ?? ""}`;
    return fail(
      `${n} は範囲外です (${range})`,
      `${n} is out of range (${lo ?? "-∞"} to ${hi ?? "∞"})`,
      `${range} の値にしてください`,
      `use a value from ${lo ?? "-∞"} to ${hi ?? "∞"}`,
    );
  }
  return { value: n };
}

/** References: a URL or file as plain text, or `{ source, note?, kind?: like | avoid }`. */
function checkReferences(value: unknown, fail: Fail, rules: Rules): Checked {
  const arr = Array.isArray(value) ? value : [value];
  const refs: Reference[] = [];
  for (const x of arr) {
    if (typeof x === "string" && x.trim()) {
      // A plain string is a reference line, as typed at a prompt: `[like|avoid] source note`.
      refs.push(parseReferenceLine(x) ?? { source: x });
      continue;
    }
    const r = x as Record<string, unknown>;
    const ok =
      r &&
      typeof r === "object" &&
      !Array.isArray(r) &&
      typeof r.source === "string" &&
      r.source.trim() !== "" &&
      (r.note === undefined || r.note === null || typeof r.note === "string") &&
      (r.kind === undefined || r.kind === null || r.kind === "like" || r.kind === "avoid") &&
      Object.keys(r).every((k) => k === "source" || k === "note" || k === "kind");
    if (!ok)
      return fail(
        "参考資料の書き方が正しくありません",
        "a reference has the wrong form",
        "- { source: URL かファイル, note: メモ, kind: like か avoid }",
        "- { source: URL or file, note: why, kind: like or avoid }",
      );
    refs.push({
      source: r.source as string,
      ...(typeof r.note === "string" && r.note ? { note: r.note } : {}),
      ...(r.kind ? { kind: r.kind as "like" | "avoid" } : {}),
    });
  }
  return rules.items(refs.length) ?? { value: refs };
}

/**
 * Characters as a person counts them (grapheme clusters: `𠮷`, `é`, `👍🏽` are one each), not
 * UTF-16 units: the unit of `min_length` and `max_length`.
 */
export function charCount(s: string): number {
  // Exact without the segmenter (~7 ms on first use) when each unit is a grapheme of its own.
  if (allLone(s)) return s.length;
  let n = 0;
  for (const _ of segmenter().segment(s)) n++;
  return n;
}
let graphemes: Intl.Segmenter | undefined;
const segmenter = () => (graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" }));

/** The rules of one question that zod cannot say: choices by type, ranges, patterns, defaults, `when`. */
import { msg } from "../i18n.ts";
import { isIsoDate } from "../iso-date.ts";
import type { DataPath } from "../yaml/parse.ts";
import { conditionRefs } from "./conditions.ts";
import { patternProblem } from "./pattern.ts";
import type { QuestionInput } from "./schema.ts";
import type { Condition, Text } from "./types.ts";

/** Reports a problem at a place in the pack (an error unless it says "warning"). */
export type At = (path: DataPath, message: Text, fix: Text, severity?: "error" | "warning", key?: boolean) => void;

export function checkQuestion(q: QuestionInput, path: DataPath, at: At): void {
  const hasChoices = q.type === "select" || q.type === "multiselect";
  if (hasChoices && !q.choices) {
    at(
      path,
      msg(`${q.type} の質問「${q.id}」に choices がありません`, `${q.type} question "${q.id}" has no choices`),
      msg("choices: に選択肢を書いてください", "add its choices under choices:"),
    );
  }
  if (!hasChoices && q.choices) {
    at(
      [...path, "choices"],
      msg(`${q.type} の質問には choices を使えません`, `a ${q.type} question cannot have choices`),
      msg("type を select か multiselect にするか、choices を削除してください", "make it a select or multiselect, or remove choices"),
      "error",
      true,
    );
  }
  const values = new Set<string>();
  let others = 0;
  q.choices?.forEach((c, ci) => {
    if (values.has(c.value)) {
      at(
        [...path, "choices", ci, "value"],
        msg(`選択肢の値「${c.value}」が重複しています`, `choice value "${c.value}" is used twice`),
        msg("別の値にしてください", "give it another value"),
      );
    }
    values.add(c.value);
    if (c.other) others++;
  });
  if (others > 1) {
    at([...path, "choices"], msg("other: true の選択肢は1つまでです", "only one choice may have other: true"), msg("1つに絞ってください", "keep one"));
  }
  if (q.type === "scale") {
    if (q.min === undefined || q.max === undefined || q.min >= q.max) {
      at(
        path,
        msg(`scale の質問「${q.id}」には min < max の整数が必要です`, `scale question "${q.id}" needs integers min < max`),
        msg("例: min: 1, max: 5", "for example min: 1, max: 5"),
      );
    }
  } else {
    for (const k of ["min", "max", "min_label", "max_label"] as const) {
      if (q[k] !== undefined)
        at(
          [...path, k],
          msg(`${k} は scale の質問でのみ使えます`, `${k} is only for scale questions`),
          msg("validate: の min/max を使うか、削除してください", "use validate: min/max, or remove it"),
          "error",
          true,
        );
    }
  }
  checkLabels(q, path, at);
  const v = q.validate;
  if (v?.pattern !== undefined) checkPattern(v.pattern, [...path, "validate", "pattern"], at);
  checkPossible(q, path, at);
  if (v && v.min !== undefined && v.max !== undefined && v.min > v.max) {
    at(
      [...path, "validate"],
      msg("validate の min が max より大きくなっています", "validate.min is greater than validate.max"),
      msg("min ≤ max にしてください", "make min ≤ max"),
    );
  }
  if (q.default !== undefined) checkDefault(q, [...path, "default"], at);
}

/** Rules no answer could ever meet: the hearing would ask for ever, import would store nothing. */
function checkPossible(q: QuestionInput, path: DataPath, at: At): void {
  const v = q.validate;
  const never = (key: string, ja: string, en: string) =>
    at(
      [...path, "validate", key],
      msg(`この規則を満たす回答はありません: ${ja}`, `no answer can meet this rule: ${en}`),
      msg("規則を直してください", "fix the rule"),
    );
  if (v?.min_length !== undefined && v.max_length !== undefined && v.min_length > v.max_length)
    never(
      "min_length",
      `min_length (${v.min_length}) が max_length (${v.max_length}) より大きい`,
      `min_length (${v.min_length}) is above max_length (${v.max_length})`,
    );
  if (v?.min_items !== undefined && v.max_items !== undefined && v.min_items > v.max_items)
    never("min_items", `min_items (${v.min_items}) が max_items (${v.max_items}) より大きい`, `min_items (${v.min_items}) is above max_items (${v.max_items})`);
  if (q.type === "multiselect" && q.choices && v?.min_items !== undefined && v.min_items > q.choices.length)
    never(
      "min_items",
      `min_items (${v.min_items}) が選択肢の数 (${q.choices.length}) より多い`,
      `min_items (${v.min_items}) is more than the ${q.choices.length} choices`,
    );
}

/** NFKC, lower case, no spaces: how import compares a reply with a label. */
const foldLabel = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** Two choices with the same label in one language: a client's reply naming it could mean either. */
function checkLabels(q: QuestionInput, path: DataPath, at: At): void {
  for (const lang of ["ja", "en"] as const) {
    const seen = new Map<string, number>();
    q.choices?.forEach((c, ci) => {
      const label = typeof c.label === "string" ? c.label : c.label[lang];
      if (label === undefined) return;
      const key = foldLabel(label);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, ci);
        return;
      }
      at(
        [...path, "choices", ci, "label"],
        msg(
          `選択肢 ${first + 1} と ${ci + 1} の${lang === "ja" ? "日本語" : "英語"}の表示名「${label}」が同じです (返信からどちらか判別できません)`,
          `choices ${first + 1} and ${ci + 1} have the same ${lang === "ja" ? "Japanese" : "English"} label "${label}" (a reply could not tell them apart)`,
        ),
        msg("表示名を変えてください", "give each its own label"),
      );
    });
  }
}

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;

function checkPattern(pattern: string, path: DataPath, at: At): void {
  // Packs are untrusted: a pattern with nested quantifiers can take exponential time.
  if (pattern.length > 200 || NESTED_QUANTIFIER.test(pattern)) {
    at(
      path,
      msg("この pattern は長すぎるか、入れ子の繰り返しを含みます", "this pattern is too long or has nested quantifiers"),
      msg("200文字以内で、(a+)+ のような入れ子の繰り返しを使わずに書いてください", "keep it under 200 characters, without nested repeats like (a+)+"),
    );
    return;
  }
  const why = patternProblem(pattern);
  if (why) at(path, why, msg("README の「pattern で使える書き方」に沿って直してください", 'rewrite it with the features in README, "What a pattern may use"'));
}

function checkDefault(q: QuestionInput, path: DataPath, at: At): void {
  const d = q.default;
  const values = new Set(q.choices?.map((c) => c.value));
  const bad = (why: Text) =>
    at(path, why, msg(`質問「${q.id}」の型 (${q.type}) に合う既定値にしてください`, `use a default that fits the ${q.type} question "${q.id}"`));
  switch (q.type) {
    case "select":
      if (typeof d !== "string" || !values.has(d)) bad(msg(`既定値「${String(d)}」が選択肢にありません`, `default "${String(d)}" is not one of the choices`));
      break;
    case "multiselect":
      if (!Array.isArray(d) || d.some((x) => !values.has(x)))
        bad(msg("既定値は選択肢の値のリストにしてください", "the default must be a list of choice values"));
      break;
    case "confirm":
      if (typeof d !== "boolean") bad(msg("既定値は true か false にしてください", "the default must be true or false"));
      break;
    case "number":
    case "scale":
      if (typeof d !== "number") bad(msg("既定値は数値にしてください", "the default must be a number"));
      else if (
        (q.type === "scale" && q.min !== undefined && q.max !== undefined && (d < q.min || d > q.max || !Number.isInteger(d))) ||
        (q.validate?.min !== undefined && d < q.validate.min) ||
        (q.validate?.max !== undefined && d > q.validate.max)
      )
        bad(msg("既定値が範囲外です", "the default is out of range"));
      break;
    case "date":
      if (typeof d !== "string" || !isIsoDate(d)) bad(msg("既定値は YYYY-MM-DD の日付にしてください", "the default must be a YYYY-MM-DD date"));
      break;
    case "list":
      if (!Array.isArray(d)) bad(msg("既定値は文字列のリストにしてください", "the default must be a list of strings"));
      break;
    case "references":
      bad(msg("references の質問には既定値を設定できません", "references questions cannot have a default"));
      break;
    default:
      if (typeof d !== "string") bad(msg("既定値は文字列にしてください", "the default must be a string"));
  }
}

export function checkWhen(cond: Condition, path: DataPath, index: number, order: Map<string, number>, byId: Map<string, QuestionInput>, at: At): void {
  const nested = "all" in cond ? cond.all.map((c, i) => [c, "all", i] as const) : "any" in cond ? cond.any.map((c, i) => [c, "any", i] as const) : [];
  for (const [c, key, i] of nested) checkWhen(c, [...path, key, i], index, order, byId, at);
  if ("not" in cond) checkWhen(cond.not, [...path, "not"], index, order, byId, at);
  if ("all" in cond || "any" in cond || "not" in cond) return;
  const ref = conditionRefs(cond)[0] ?? "";
  const pos = order.get(ref);
  if (pos === undefined) {
    at(
      [...path, "question"],
      msg(`when が存在しない質問「${ref}」を参照しています`, `when names "${ref}", which is not a question of this pack`),
      msg("前にある質問の id を書いてください", "name an earlier question's id"),
    );
    return;
  }
  if (pos >= index) {
    at(
      [...path, "question"],
      msg(`when が後ろ (または自分自身) の質問「${ref}」を参照しています`, `when names "${ref}", which does not come before this question`),
      msg("when は前にある質問だけを参照できます。質問の順番を入れ替えてください", "when may only name an earlier question: reorder the questions"),
    );
    return;
  }
  const target = byId.get(ref);
  const values = target?.choices ? new Set(target.choices.map((c) => c.value)) : undefined;
  const tested = "equals" in cond ? [cond.equals] : "in" in cond ? cond.in : "includes" in cond ? [cond.includes] : [];
  for (const v of tested) {
    if (values && !values.has(String(v))) {
      at(
        path,
        msg(`when の値「${String(v)}」は質問「${ref}」の選択肢にありません`, `when tests "${String(v)}", which is not a choice of "${ref}"`),
        msg(`次のいずれかにしてください: ${[...values].join(", ")}`, `use one of: ${[...values].join(", ")}`),
      );
    }
  }
  if ("includes" in cond && target && target.type !== "multiselect" && target.type !== "list") {
    at(
      path,
      msg("includes は multiselect か list の質問に使います", "includes is for multiselect or list questions"),
      msg("equals か in を使ってください", "use equals or in"),
    );
  }
}

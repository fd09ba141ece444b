/**
 * Numbers as clients write them: `3回`, `10h`, `８`, `¥30,000`, `3万円`, `約10時間`. A range
 * or two numbers (`3〜5`, `2 or 3`) is not read: picking one would be a guess. Pure.
 */
import { msg } from "../i18n.ts";
import type { Question } from "../pack/types.ts";
import type { Reading } from "./reading.ts";
import { fold, nfkc, stripPoliteTail } from "./text.ts";

const APPROX = /^(?:約|およそ|大体|だいたい|ほぼ|about|approx\.?|approximately|around|roughly|~|〜)\s*/u;
const CURRENCY = /^(?:us\$|\$|¥|€|£|jpy|usd|eur)\s*/u;
const NUMBER = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*/u;
const SCALE_WORD = /^(万|千|百|k(?![a-z]))\s*/u;
/** Words after a number that qualify it without changing it. */
const QUALIFIER = /(?:まで|迄|以内|以下|以上|程度|くらい|ぐらい|位|ほど|前後|弱|強|ish|or so|max|at most|at least|or less|or more|tops)$/u;
const MULTIPLIER: Record<string, number> = { 万: 10_000, 千: 1_000, 百: 100, k: 1_000 };

export function readNumber(q: Question, text: string): Reading {
  const original = stripPoliteTail(text);
  let s = nfkc(original).trim();
  if (q.type === "scale") {
    const f = fold(original);
    if (q.min_label && (f === fold(q.min_label.ja) || f === fold(q.min_label.en)) && q.min !== undefined) return { kind: "value", value: q.min, remarks: [] };
    if (q.max_label && (f === fold(q.max_label.ja) || f === fold(q.max_label.en)) && q.max !== undefined) return { kind: "value", value: q.max, remarks: [] };
  }
  let qualified = false;
  const approx = APPROX.exec(s);
  if (approx) {
    qualified = true;
    s = s.slice(approx[0].length);
  }
  s = s.replace(CURRENCY, "");
  const m = NUMBER.exec(s);
  const notNumber = {
    kind: "unreadable" as const,
    why: msg(`「${original}」を数値として読めません (数字1つでお答えください)`, `"${original}" cannot be read as a number (answer with one number)`),
  };
  if (!m?.[1]) return notNumber;
  let value = Number(m[1].replaceAll(",", ""));
  let rest = s.slice(m[0].length).trim();
  // The question's own unit first: with a unit of 万円, `3万円` is 3, not 30000.
  // Longest first: `rounds` before `round`.
  const forms = [q.unit?.ja, q.unit?.en].flatMap((u) => (u ?? "").split("|")).map((u) => nfkc(u).trim());
  const unit = forms.sort((a, b) => b.length - a.length).find((u) => u && rest.startsWith(u));
  if (unit) rest = rest.slice(unit.length).trim();
  else {
    const w = SCALE_WORD.exec(rest);
    if (w?.[1]) {
      value *= MULTIPLIER[w[1]] ?? 1;
      rest = rest.slice(w[0].length).trim();
    }
  }
  // 1.5万 → 15000, not 15000.000000000002.
  value = Math.round(value * 1e6) / 1e6;
  for (let i = 0; i < 2 && QUALIFIER.test(rest); i++) {
    rest = rest.replace(QUALIFIER, "").trim();
    qualified = true;
  }
  // Whatever is left must be a unit (`回`, `hours`, `円`): no digits, ranges or lists.
  if (rest && (/[0-9~〜\-–/／,、・+]/u.test(rest) || rest.length > 12)) {
    return {
      kind: "unreadable",
      why: msg(
        `「${original}」は数値を1つに決められません (範囲や複数の数ではなく、数字1つでお答えください)`,
        `"${original}" is not one number (a range or several numbers: answer with one)`,
      ),
    };
  }
  return {
    kind: "value",
    value,
    remarks: qualified ? [msg(`「${original}」を ${value} として読みました`, `read "${original}" as ${value}`)] : [],
  };
}

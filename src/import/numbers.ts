/**
 * Numbers as clients write them: `3回`, `10h`, `８`, `¥30,000`, `3万円`, `約10時間`. A range
 * or two numbers (`3〜5`, `2 or 3`) is not read: picking one would be a guess. An amount in
 * another currency or on another tax basis than the question's is never stored as if it were
 * the same (money.ts). Pure.
 */
import { type Msg, msg, unitForm } from "../i18n.ts";
import type { Question } from "../pack/types.ts";
import { formatNumber } from "../units.ts";
import { CURRENCY_NAME, type Currency, currencyAfter, currencyBefore, cutTaxRemark, moneyUnitOf, questionTaxBasis, type TaxBasis } from "./money.ts";
import type { Reading } from "./reading.ts";
import { fold, nfkc, stripPoliteTail } from "./text.ts";

const APPROX = /^(?:約|およそ|大体|だいたい|ほぼ|about|approx\.?|approximately|around|roughly|~|〜)\s*/u;
const NUMBER = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*/u;
const SCALE_WORD = /^(万|千|百|k(?![a-z]))\s*/u;
/** Words after a number that qualify it without changing it. */
const QUALIFIER = /(?:まで|迄|以内|以下|以上|程度|くらい|ぐらい|位|ほど|前後|弱|強|ish|or so|max|at most|at least|or less|or more|tops)$/u;
const MULTIPLIER: Record<string, number> = { 万: 10_000, 千: 1_000, 百: 100, k: 1_000 };

export function readNumber(q: Question, text: string): Reading {
  const original = stripPoliteTail(text);
  if (q.type === "scale") {
    const f = fold(original);
    if (q.min_label && (f === fold(q.min_label.ja) || f === fold(q.min_label.en)) && q.min !== undefined) return { kind: "value", value: q.min, remarks: [] };
    if (q.max_label && (f === fold(q.max_label.ja) || f === fold(q.max_label.en)) && q.max !== undefined) return { kind: "value", value: q.max, remarks: [] };
  }
  const read = parseAmount(q, original);
  if ("kind" in read) return read;
  const judged = judgeMoney(q, original, read);
  if ("kind" in judged) return judged;
  // 1.5万 → 15000, not 15000.000000000002.
  const value = Math.round(judged.value * 1e6) / 1e6;
  const remarks = judged.remarks;
  if (read.qualified) remarks.unshift(msg(`「${original}」を ${value} として読みました`, `read "${original}" as ${value}`));
  return { kind: "value", value, remarks };
}

/** One number as written: its value (scaled by 万/千/k), the currency and tax basis named with it, and whether it was approximate. */
interface Amount {
  value: number;
  currency?: Currency;
  tax?: TaxBasis;
  /** Written in the question's own unit (`3万円` for a unit of 万円). */
  inQuestionUnit: boolean;
  /** Scaled by a word (`3万`, `30k`). */
  scaled: boolean;
  /** Approximate or bounded (`約10`, `10まで`). */
  qualified: boolean;
}

function parseAmount(q: Question, original: string): Amount | Reading {
  // `（税別）`, `税込`, `+tax` may come anywhere: taken out first, remembered.
  const tax = cutTaxRemark(nfkc(original).trim());
  let s = tax.rest;
  let qualified = false;
  const approx = APPROX.exec(s);
  if (approx) {
    qualified = true;
    s = s.slice(approx[0].length);
  }
  const before = currencyBefore(s);
  if (before) s = before.rest;
  let currency: Currency | undefined = before?.currency;
  const m = NUMBER.exec(s);
  if (!m?.[1]) {
    return {
      kind: "unreadable",
      why: msg(`「${original}」を数値として読めません (数字1つでお答えください)`, `"${original}" cannot be read as a number (answer with one number)`),
    };
  }
  let value = Number(m[1].replaceAll(",", ""));
  let rest = s.slice(m[0].length).trim();
  // The question's own unit first: with a unit of 万円, `3万円` is 3, not 30000.
  // Longest first: `rounds` before `round`.
  const forms = [q.unit?.ja, q.unit?.en].flatMap((u) => (u ?? "").split("|")).map((u) => nfkc(u).trim());
  const unit = forms.sort((a, b) => b.length - a.length).find((u) => u && rest.startsWith(u));
  let scaled = false;
  if (unit) {
    rest = rest.slice(unit.length).trim();
    currency ??= moneyUnitOf(q)?.currency;
  } else {
    const w = SCALE_WORD.exec(rest);
    if (w?.[1]) {
      value *= MULTIPLIER[w[1]] ?? 1;
      rest = rest.slice(w[0].length).trim();
      scaled = true;
    }
    const after = currencyAfter(rest);
    if (after) {
      if (currency && currency !== after.currency)
        return { kind: "unreadable", why: msg(`「${original}」には通貨が2つ書かれています`, `"${original}" names two currencies`) };
      currency = after.currency;
      rest = after.rest;
    }
  }
  for (let i = 0; i < 2 && QUALIFIER.test(rest); i++) {
    rest = rest.replace(QUALIFIER, "").trim();
    qualified = true;
  }
  // Whatever is left must be a unit (`回`, `hours`): no digits, ranges, lists or currencies.
  if (rest && (/[0-9~〜\-–/／,、・+]/u.test(rest) || rest.length > 12)) {
    return {
      kind: "unreadable",
      why: msg(
        `「${original}」は数値を1つに決められません (範囲や複数の数ではなく、数字1つでお答えください)`,
        `"${original}" is not one number (a range or several numbers: answer with one)`,
      ),
    };
  }
  return { value, ...(currency ? { currency } : {}), ...(tax.basis ? { tax: tax.basis } : {}), inQuestionUnit: unit !== undefined, scaled, qualified };
}

/**
 * An amount against the question's currency and tax basis: never converted between
 * currencies (the rate of the day is the parties' to agree) nor tax bases; within a currency,
 * converted to the question's unit when the text says so; what is judged is listed.
 */
function judgeMoney(q: Question, original: string, a: Amount): { value: number; remarks: Msg[] } | Reading {
  const money = moneyUnitOf(q);
  const remarks: Msg[] = [];
  let value = a.value;
  if (a.currency && money && a.currency !== money.currency) {
    const [asked, written] = [CURRENCY_NAME[money.currency], CURRENCY_NAME[a.currency]];
    return {
      kind: "unreadable",
      why: msg(
        `「${original}」は${written.ja}の金額ですが、この質問は${asked.ja}で伺っています (換算はしていません。${asked.ja}での金額を確認してください)`,
        `"${original}" is in ${written.en}, but the question asks in ${asked.en} (not converted: ask for the amount in ${asked.en})`,
      ),
    };
  }
  if (a.currency && !money) {
    remarks.push(
      msg(
        `「${original}」を ${formatNumber(value)} として読みました (${CURRENCY_NAME[a.currency].ja}の金額です。質問は通貨を指定していません)`,
        `read "${original}" as ${formatNumber(value)} (an amount in ${CURRENCY_NAME[a.currency].en}; the question names no currency)`,
      ),
    );
  }
  if (money && !a.inQuestionUnit && money.scale !== 1 && (a.currency || a.scaled)) {
    // `30,000円` or `3万` for a question in 万円: the same money in the question's unit.
    value /= money.scale;
    const shown = `${formatNumber(value)}${unitForm(q.unit?.ja ?? "", value)}`;
    remarks.push(msg(`「${original}」を ${shown} として読みました`, `read "${original}" as ${formatNumber(value)} (${q.unit?.en ?? ""})`));
  }
  const asked = questionTaxBasis(q);
  if (a.tax && asked && a.tax !== asked) {
    const [want, got] = asked === "included" ? ["税込", "税別"] : ["税別", "税込"];
    const [wantEn, gotEn] = asked === "included" ? ["including tax", "before tax"] : ["before tax", "including tax"];
    return {
      kind: "unreadable",
      why: msg(
        `「${original}」は${got}の金額ですが、この質問は${want}の金額を伺っています (計算はしていません。${want}の金額を確認してください)`,
        `"${original}" is ${gotEn}, but the question asks for the amount ${wantEn} (not recalculated: ask for the amount ${wantEn})`,
      ),
    };
  }
  if (a.tax && !asked) {
    remarks.push(
      msg(
        `「${original}」は${a.tax === "included" ? "税込" : "税別"}の金額です (質問は税込か税別かを指定していません)`,
        `"${original}" is ${a.tax === "included" ? "including" : "before"} tax (the question does not say which)`,
      ),
    );
  }
  return { value, remarks };
}

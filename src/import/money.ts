/**
 * Money in a reply: which currency an amount is in, and whether tax is in it. A client writes
 * `$150`, `150ドル`, `USD 200`, `€90`, `3万円`, `30,000円（税別）`; the question asks in its own
 * unit (`円`, `万円`, `yen`, `USD`) and may say its tax basis (`報酬額（税込）`). Pure.
 */
import type { Question } from "../pack/types.ts";
import { nfkc } from "./text.ts";

export type Currency = "JPY" | "USD" | "EUR" | "GBP";
export type TaxBasis = "included" | "excluded";

/** How an amount is named before the number (`$150`) and after it (`150ドル`); the longest first. */
const PREFIX: [Currency, RegExp][] = [
  ["USD", /^(?:us\$|usd|\$)\s*/u],
  ["EUR", /^(?:eur|€)\s*/u],
  ["GBP", /^(?:gbp|£)\s*/u],
  ["JPY", /^(?:jpy|¥)\s*/u],
];
const SUFFIX: [Currency, RegExp][] = [
  ["USD", /^(?:米ドル|ドル|usd|us\s*dollars?|dollars?)/u],
  ["EUR", /^(?:ユーロ|eur|euros?)/u],
  ["GBP", /^(?:ポンド|gbp|pounds?)/u],
  ["JPY", /^(?:円|えん|jpy|yen)/u],
];

export const CURRENCY_NAME: Record<Currency, { ja: string; en: string }> = {
  JPY: { ja: "円", en: "yen" },
  USD: { ja: "ドル", en: "US dollars" },
  EUR: { ja: "ユーロ", en: "euros" },
  GBP: { ja: "ポンド", en: "pounds" },
};

/** The currency named at the start of a (folded) text, and the rest. */
export function currencyBefore(s: string): { currency: Currency; rest: string } | undefined {
  for (const [currency, re] of PREFIX) {
    const m = re.exec(s);
    if (m) return { currency, rest: s.slice(m[0].length) };
  }
  return undefined;
}

/** The currency named at the start of what follows a number (`ドル`, ` USD`), and the rest. */
export function currencyAfter(s: string): { currency: Currency; rest: string } | undefined {
  for (const [currency, re] of SUFFIX) {
    const m = re.exec(s);
    if (m) return { currency, rest: s.slice(m[0].length).trim() };
  }
  return undefined;
}

const INCLUDED = /税込み?|内税|tax[\s-]*incl(?:uded|usive)?|incl(?:uding|\.)?\s*(?:of\s*)?tax|with tax|after tax/u;
const EXCLUDED = /税別|税抜き?|外税|\+\s*tax|plus tax|tax[\s-]*excl(?:uded|usive)?|excl(?:uding|\.)?\s*(?:of\s*)?tax|before tax|pre-?tax|without tax/u;
/** A tax remark with its brackets: `（税別）`, `(tax incl.)`, `+tax`, `税込`. */
const TAX_REMARK = new RegExp(`[(（]?\\s*(?:${INCLUDED.source}|${EXCLUDED.source})\\s*(?:価格|額|で)?\\s*[)）]?`, "u");

/** The tax basis a (folded) text states, if it states one and only one. */
export function taxBasisOf(s: string): TaxBasis | undefined {
  const inc = INCLUDED.test(s);
  const exc = EXCLUDED.test(s);
  return inc === exc ? undefined : inc ? "included" : "excluded";
}

/** The text without its tax remark, and the basis it stated. */
export function cutTaxRemark(s: string): { rest: string; basis?: TaxBasis } {
  const m = TAX_REMARK.exec(s);
  if (!m) return { rest: s };
  const basis = taxBasisOf(m[0]);
  const rest = `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`.replace(/\s+/g, " ").trim();
  return basis ? { rest, basis } : { rest };
}

export interface MoneyUnit {
  currency: Currency;
  /** What one of the question's units is worth in the currency: 10000 for 万円. */
  scale: number;
}

/** The currency a question asks in, from its unit (`円`, `万円`, `yen`, `USD`, `$`). */
export function moneyUnitOf(q: Question): MoneyUnit | undefined {
  for (const form of [q.unit?.ja, q.unit?.en].flatMap((u) => (u ?? "").split("|"))) {
    const f = nfkc(form).trim();
    if (!f) continue;
    const scaled = /^(万|千|百万)(.*)$/u.exec(f);
    const scale = scaled ? (({ 万: 10_000, 千: 1_000, 百万: 1_000_000 } as Record<string, number>)[scaled[1] ?? ""] ?? 1) : 1;
    const word = scaled ? (scaled[2] ?? "") : f;
    const named = currencyAfter(word) ?? currencyBefore(word);
    if (named && named.rest.trim() === "") return { currency: named.currency, scale };
  }
  return undefined;
}

/** The tax basis a question asks for: stated in its unit, label or message (either language). */
export function questionTaxBasis(q: Question): TaxBasis | undefined {
  const texts = [q.unit, q.label, q.message].flatMap((t) => (t ? [t.ja, t.en] : [])).map(nfkc);
  const found = new Set(texts.map(taxBasisOf).filter((b): b is TaxBasis => b !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Numbers with their question's unit, the same on every surface: prompts, the review, the
 * accessible mode, briefs, messages and `ask`. A unit may give its singular and plural forms
 * as `round|rounds`; Japanese units have one form and follow the number without a space.
 */
import { type Lang, type Msg, unitForm } from "./i18n.ts";

/** A unit standing alone (a range hint, "in rounds"): the plural form. */
export function unitName(unit: string): string {
  return unitForm(unit, 2);
}

/** 30000 → 30,000 (both languages group by thousands). Not toLocaleString: loading ICU costs ~10 ms a run. */
export function formatNumber(n: number): string {
  // Past 10^21 JavaScript writes an exponent (1e+308), and n * 100 may overflow to Infinity.
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const [int = "", frac] = String(Math.abs(n) >= 1e15 ? n : Math.round(n * 100) / 100).split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
}

/** `3回`, `1 round`, `2 rounds`, `30,000円`: a number as people read it, with its unit. */
export function numberWithUnit(n: number, unit: Msg | undefined, lang: Lang): string {
  const text = formatNumber(n);
  if (!unit) return text;
  const form = unitForm(unit[lang], n);
  if (!form) return text;
  return lang === "ja" ? `${text}${form}` : `${text} ${form}`;
}

/**
 * Reading a choice answer: by its number in the `ask` numbering or by its label (in either
 * language, any width), several for a multiselect (`1, 3` `1、3` `1・3` `Calm, Luxurious`),
 * with the free text of an "other" choice (`3 水彩風`, `その他（水彩風）`). Pure.
 */

import { NO_WORDS as NO, YES_WORDS as YES } from "../answers/words.ts";
import type { NumberedOption } from "../ask/numbering.ts";
import { type Msg, msg, WORDS } from "../i18n.ts";
import type { Text } from "../pack/types.ts";
import type { Reading } from "./reading.ts";
import { splitChoices } from "./separators.ts";
import { asInteger, cutFoldedPrefix, fold, nfkc, stripPoliteTail, unwrap } from "./text.ts";

/** A remark the reader makes about an answer it read, for the worker to check. */
export const extraRemark = (label: Text, rest: string): Msg =>
  msg(`「${label.ja}」として読み、続きの「${rest}」は保存していません`, `read as "${label.en}"; the rest, "${rest}", is not stored`);

/** What starts a second choice: `or 3`, `、3`, `か3`: more than one pick for a single choice. */
const ANOTHER = /^\s*(?:[,，、・/／&＆]|or\b|and\b|か|と|または|もしくは)\s*\S/iu;
const AFTER_LABEL = /^(?:$|[\s:：\-–—=＝（(「『[【、,，/→])/u;
const NUMBER_PREFIX = /^\s*(?:選択肢|[Nn][Oo]\.?\s*)?([0-9０-９]{1,3})(?![0-9０-９]|[.,．，][0-9０-９])\s*(?:番目?(?:の|で)?)?/u;

function labels(o: NumberedOption): string[] {
  return [o.label.ja, o.label.en, typeof o.value === "string" ? o.value : ""].map(fold).filter(Boolean);
}

/** The option the whole text names: its number alone or its label. */
export function exactOption(options: NumberedOption[], text: string): NumberedOption | undefined {
  const n = asInteger(text.replace(/^\s*(?:選択肢|no\.?\s*)/iu, "").replace(/(?<!\s)\s*番目?\s*$/u, ""));
  if (n !== undefined) return options.find((o) => o.n === n);
  const f = fold(text);
  if (!f) return undefined;
  return options.find((o) => labels(o).includes(f));
}

/** An option named at the start of the text (number or label) and what follows it. */
export function prefixOption(options: NumberedOption[], text: string): { option: NumberedOption; rest: string } | { outOfRange: number } | undefined {
  const m = NUMBER_PREFIX.exec(text);
  if (m?.[1]) {
    const n = Number(nfkc(m[1]));
    const option = options.find((o) => o.n === n);
    return option ? { option, rest: text.slice(m[0].length) } : { outOfRange: n };
  }
  let best: { option: NumberedOption; rest: string; len: number } | undefined;
  for (const option of options) {
    for (const l of labels(option)) {
      const cut = cutFoldedPrefix(text, l);
      if (cut && AFTER_LABEL.test(cut.rest) && (!best || l.length > best.len)) best = { option, rest: cut.rest, len: l.length };
    }
  }
  return best ? { option: best.option, rest: best.rest } : undefined;
}

const range = (options: NumberedOption[]) => (options.length === 1 ? "1" : `1–${options.length}`);

function notAChoice(options: NumberedOption[], text: string): Reading {
  return {
    kind: "unreadable",
    why: msg(
      `「${text}」は選択肢にありません (選択肢の番号 ${range(options)} か名前でお答えください)`,
      `"${text}" is not one of the choices (answer with a choice number, ${range(options)}, or its name)`,
    ),
  };
}

export function readSelect(options: NumberedOption[], text: string): Reading {
  const t = stripPoliteTail(text);
  const exact = exactOption(options, t);
  if (exact) return { kind: "value", value: String(exact.value), remarks: [] };
  const pre = prefixOption(options, t);
  if (pre && "outOfRange" in pre) return notAChoice(options, String(pre.outOfRange));
  if (pre) {
    const { option, rest } = pre;
    if (ANOTHER.test(rest)) return { kind: "unreadable", why: msg(`選択肢は1つだけ選べます (「${t}」)`, `only one choice may be picked ("${t}")`) };
    const extra = unwrap(rest);
    if (!extra || fold(extra) === fold(option.label.ja) || fold(extra) === fold(option.label.en))
      return { kind: "value", value: String(option.value), remarks: [] };
    if (option.other) return { kind: "value", value: String(option.value), other: extra, remarks: [] };
    return { kind: "value", value: String(option.value), remarks: [extraRemark(option.label, extra)] };
  }
  const other = options.find((o) => o.other);
  if (other && t) {
    return {
      kind: "value",
      value: String(other.value),
      other: text.trim(),
      remarks: [msg(`選択肢にないため「${other.label.ja}: ${text.trim()}」として読みました`, `not a choice: read as "${other.label.en}: ${text.trim()}"`)],
    };
  }
  return notAChoice(options, t);
}

/** A choice label spans at most this many separated parts (`Black, white` is two). */
const LABEL_PARTS = 8;

export function readMultiselect(options: NumberedOption[], text: string): Reading {
  const parts = splitChoices(stripPoliteTail(text));
  // parts alternates text, separator, text…; keep the separators to rebuild the client's text.
  const segs: string[] = [];
  const seps: string[] = [];
  for (const [i, p] of parts.entries()) {
    if (i % 2 === 0) segs.push(p.replace(/^\s*[-*•]\s+/u, "").trim());
    else seps.push(p);
  }
  const join = (i: number, j: number) => segs.slice(i, j + 1).reduce((acc, s, k) => (k === 0 ? s : acc + (seps[i + k - 1] ?? "") + s), "");
  const picked: string[] = [];
  const remarks: Msg[] = [];
  let other: string | undefined;
  let i = 0;
  /** The segments from i on that name no option: the rest of an "other" text. */
  const unnamedFrom = (k: number) => {
    let j = k;
    while (j < segs.length && (segs[j] === "" || !exactOption(options, segs[j] ?? ""))) j++;
    return j - 1;
  };
  while (i < segs.length) {
    const seg = segs[i] ?? "";
    if (!seg) {
      i++;
      continue;
    }
    // The longest run of parts that names a choice (labels may hold separators), from a
    // bounded window: trying every run to the end was cubic in the number of parts.
    let j = Math.min(segs.length - 1, i + LABEL_PARTS - 1);
    let found: NumberedOption | undefined;
    for (; j >= i; j--) {
      found = exactOption(options, join(i, j));
      if (found) break;
    }
    if (found) {
      picked.push(String(found.value));
      i = j + 1;
      continue;
    }
    const pre = prefixOption(options, seg);
    if (pre && "outOfRange" in pre) return notAChoice(options, String(pre.outOfRange));
    if (pre?.option.other) {
      const end = unnamedFrom(i + 1);
      picked.push(String(pre.option.value));
      other = unwrap(pre.rest + (end > i ? (seps[i] ?? "") + join(i + 1, end) : ""));
      i = end + 1;
      continue;
    }
    if (pre) {
      const extra = unwrap(pre.rest);
      picked.push(String(pre.option.value));
      if (extra && fold(extra) !== fold(pre.option.label.ja) && fold(extra) !== fold(pre.option.label.en)) remarks.push(extraRemark(pre.option.label, extra));
      i++;
      continue;
    }
    const otherOption = options.find((o) => o.other);
    if (otherOption && other === undefined) {
      const end = unnamedFrom(i + 1);
      other = join(i, end).trim();
      picked.push(String(otherOption.value));
      remarks.push(msg(`選択肢にないため「${otherOption.label.ja}: ${other}」として読みました`, `not a choice: read as "${otherOption.label.en}: ${other}"`));
      i = end + 1;
      continue;
    }
    return notAChoice(options, seg);
  }
  if (picked.length === 0) return { kind: "blank" };
  return { kind: "value", value: [...new Set(picked)], ...(other !== undefined ? { other } : {}), remarks };
}

export function readConfirm(text: string): Reading {
  const t = stripPoliteTail(text);
  const n = asInteger(t);
  if (n === 1 || n === 2) return { kind: "value", value: n === 1, remarks: [] };
  const f = fold(t);
  if (YES.some((w) => fold(w) === f)) return { kind: "value", value: true, remarks: [] };
  if (NO.some((w) => fold(w) === f)) return { kind: "value", value: false, remarks: [] };
  // `はい、青と白です`: the yes/no word first, then a remark.
  const words = [...YES.map((w) => [w, true] as const), ...NO.map((w) => [w, false] as const)].sort((a, b) => b[0].length - a[0].length);
  const num = /^\s*([12１２])(?![0-9０-９])/u.exec(t);
  if (num?.[1]) {
    const yes = nfkc(num[1]) === "1";
    const rest = unwrap(t.slice(num[0].length));
    if (rest && !/^[0-9]/u.test(nfkc(rest))) return { kind: "value", value: yes, remarks: [extraRemark(yes ? WORDS.yes : WORDS.no, rest)] };
  }
  for (const [w, yes] of words) {
    const cut = cutFoldedPrefix(t, fold(w));
    if (cut && /^[\s、,，。.!！:：（(]/u.test(cut.rest)) {
      const rest = unwrap(cut.rest.replace(/^[。.!！]+/u, ""));
      return { kind: "value", value: yes, remarks: rest ? [extraRemark(yes ? WORDS.yes : WORDS.no, rest)] : [] };
    }
  }
  return {
    kind: "unreadable",
    why: msg(`「${t}」をはい・いいえとして読めません (1＝はい、2＝いいえ)`, `"${t}" is not a yes or a no (1 = yes, 2 = no)`),
  };
}

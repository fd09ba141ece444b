/**
 * Words people use for yes, no and "not decided yet", in Japanese and English. Shared by the
 * reply reader (import) and the typed-value reader (--set, the prompts), so both accept the
 * same words.
 */

export const YES_WORDS: readonly string[] = [
  "はい",
  "ええ",
  "うん",
  "yes",
  "y",
  "yeah",
  "yep",
  "sure",
  "ok",
  "okay",
  "true",
  "ある",
  "あり",
  "あります",
  "有",
  "有り",
  "決まっている",
  "決まっています",
  "決まってます",
  "必要",
  "要",
  "する",
  "します",
  "希望する",
  "希望します",
  "可",
  "可能",
  "構いません",
  "かまいません",
  "問題ありません",
  "○",
  "◯",
  "〇",
];
export const NO_WORDS: readonly string[] = [
  "いいえ",
  "いえ",
  "no",
  "n",
  "nope",
  "false",
  "ない",
  "なし",
  "無し",
  "無",
  "ありません",
  "決まっていない",
  "決まっていません",
  "不要",
  "要らない",
  "いらない",
  "いりません",
  "しない",
  "しません",
  "希望しない",
  "希望しません",
  "不可",
  "×",
  "✕",
  "ng",
  "結構です",
];

/** "Not decided yet" at the start of an answer; what follows it may be a note. */
export const PENDING =
  /^(?:未定|未決定|まだ未定|まだ決(?:まって|めて)(?:い|お)?(?:ません|ない|いません)|決(?:まって|めて)(?:い)?ません|検討中|考え中|相談(?:したい|させて(?:ください)?)(?:です)?|not (?:yet )?decided(?: yet)?|undecided|not sure(?: yet)?|to be (?:decided|determined|confirmed)|tb[dca]|don'?t know yet|pending)(?=$|[\s。.!！、,，:：\-–—（(「[【]|です|で(?:す|ございます))/iu;

/** NFKC, lower case, trimmed: how typed words are compared. */
function normalize(s: string): string {
  return s.normalize("NFKC").toLowerCase().trim();
}

const yes = new Set(YES_WORDS.map(normalize));
const no = new Set(NO_WORDS.map(normalize));

/** `yes`/`はい`/`true`… → true, `no`/`いいえ`/`false`… → false, anything else undefined. */
export function yesNoWord(s: string): boolean | undefined {
  const t = normalize(s);
  if (yes.has(t)) return true;
  if (no.has(t)) return false;
  return undefined;
}

/** The whole text says "not decided yet" (`未定`, `未定です。`, `TBD`, `not decided yet`). */
export function isPendingWord(s: string): boolean {
  const t = normalize(s);
  const m = PENDING.exec(t);
  return m !== null && /^(?:です|でございます)?[。.!！]*$/u.test(t.slice(m[0].length).trim());
}

/** The words of the hearing screens, shared by the terminal UI and the line mode. */

import type { Frame } from "../flow/prompter.ts";
import { type Lang, msg, WORDS } from "../i18n.ts";

export const L = {
  why: msg("なぜ聞くか", "Why we ask"),
  examples: msg("回答例", "Examples"),
  required: WORDS.required,
  optional: msg("任意", "optional"),
  pendingNow: msg("現在の回答: 未定", "Current answer: not decided yet"),
  otherMark: msg("(内容を入力)", "(type it)"),
  skip: msg("(回答しない)", "(leave empty)"),
  yes: WORDS.yes,
  no: WORDS.no,
  back: msg("戻る", "back"),
  pending: WORDS.pending,
  noPending: msg(
    "この質問は「未定」にできません (パックで allow_pending が指定されていません)",
    'This question cannot be "not decided yet" (the pack does not set allow_pending for it)',
  ),
  move: msg("移動", "move"),
  choose: msg("決定", "choose"),
  toggle: msg("選択/解除", "pick/unpick"),
  confirm: msg("決定", "confirm"),
  newLine: msg("次の行", "next line"),
  finishLines: msg("空行で Enter: 確定", "Enter on an empty line: done"),
  review: msg("回答の確認", "Review your answers"),
  finish: msg("完了して保存 (Enter)", "Finish and save (Enter)"),
  edit: msg("修正", "edit"),
  finishOrEdit: msg("完了 (先頭の行) / その回答を修正", "finish (first row) / change that answer"),
  notAnswered: msg("(未回答)", "(not answered)"),
  choosePack: msg("どのヒアリングを始めますか？", "Which hearing do you want to run?"),
  refsFormat: msg("1行に1件: [like|avoid] URLかファイル メモ", "one per line: [like|avoid] URL-or-file note"),
  listFormat: msg("1行に1項目", "one item per line"),
  dateFormat: msg("YYYY-MM-DD (例: 2027-04-30)", "YYYY-MM-DD, e.g. 2027-04-30"),
};

/** `Icon hearing · Section 2/4: Design tone · Question 3/6` */
export function progressLine(f: Frame, lang: Lang): string {
  return lang === "ja"
    ? `セクション ${f.section}/${f.sections}「${f.sectionTitle}」 · 質問 ${f.question}/${f.questions}`
    : `Section ${f.section}/${f.sections}: ${f.sectionTitle} · Question ${f.question}/${f.questions}`;
}

/** The range hint of a number or scale question: `1 = realistic … 5 = friendly`, `0–10 rounds`. */
export function rangeHint(
  a: { type: string; min?: number | undefined; max?: number | undefined; minLabel?: string; maxLabel?: string; unit?: string },
  lang: Lang,
): string {
  if (a.type === "scale" && a.min !== undefined && a.max !== undefined) {
    const lo = `${a.min}${a.minLabel ? ` = ${a.minLabel}` : ""}`;
    const hi = `${a.max}${a.maxLabel ? ` = ${a.maxLabel}` : ""}`;
    return `${lo} … ${hi}`;
  }
  const range = a.min !== undefined || a.max !== undefined ? `${a.min ?? ""}〜${a.max ?? ""}` : "";
  if (!range && !a.unit) return "";
  if (lang === "ja") return [range, a.unit ? `単位: ${a.unit}` : ""].filter(Boolean).join("、");
  return [range.replace("〜", "–"), a.unit ?? ""].filter(Boolean).join(" ");
}

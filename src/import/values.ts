/**
 * One reply item → one answer, by the question's type. Pure: today is passed in. What
 * cannot be read is returned as unreadable with the reason, never guessed; what is read
 * with a judgment (a label for "other", an approximate number) carries a remark.
 */
import { REFERENCE_KIND, referenceKind } from "../answers/coerce.ts";
import type { Reference } from "../answers/types.ts";
import { PENDING } from "../answers/words.ts";
import { numberedOptions } from "../ask/numbering.ts";
import { type Msg, msg } from "../i18n.ts";
import type { Question } from "../pack/types.ts";
import { readConfirm, readMultiselect, readSelect } from "./choices.ts";
import { stripEcho } from "./echo.ts";
import { readNumber } from "./numbers.ts";
import { readDate } from "./read-date.ts";
import type { Reading } from "./reading.ts";
import { fold, nfkc, unwrap } from "./text.ts";

export interface ReadEnv {
  /** YYYY-MM-DD, for dates written without a year. */
  today: string;
  /** Folded lines `ask` prints between questions (section titles, intros), to drop when pasted back. */
  boilerplate?: Set<string>;
}

const NONE =
  /^(?:なし|無し|特になし|特に無し|とくになし|特にありません|ありません|ございません|特にございません|none|nothing|no preference|n\/?a|[-‐－ー―—]+)$/iu;

/** Types whose answer naturally spans several lines. */
export function isMultiline(q: Question): boolean {
  return q.type === "paragraph" || q.type === "list" || q.type === "references" || q.type === "multiselect";
}

export function readAnswer(q: Question, text: string, env: ReadEnv): Reading {
  const options = numberedOptions(q);
  const t = stripEcho(q, options, text, env.boilerplate);
  if (!t) return { kind: "blank" };
  // A choice literally named "未定" or "None" wins over the generic words below.
  const ft = fold(t);
  const isChoice = options.some((o) => fold(o.label.ja) === ft || fold(o.label.en) === ft);
  if (!isChoice) {
    const p = PENDING.exec(nfkc(t).trim());
    if (p) {
      const note = unwrap(
        t
          .trim()
          .slice(p[0].length)
          .replace(/^(?:です|でございます|です。)?[。.!！]*/u, ""),
      );
      return note ? { kind: "pending", note } : { kind: "pending" };
    }
    if (
      q.type !== "confirm" &&
      NONE.test(
        nfkc(t)
          .trim()
          .replace(/(?<![。.!！])[。.!！]+$/u, ""),
      )
    )
      return { kind: "blank" };
  }
  switch (q.type) {
    case "select":
      return readSelect(options, t);
    case "multiselect":
      return readMultiselect(options, t);
    case "confirm":
      return readConfirm(t);
    case "number":
    case "scale":
      return readNumber(q, t);
    case "date":
      return readDate(t, env.today);
    case "text":
      return { kind: "value", value: t.split("\n").join(" "), remarks: [] };
    case "paragraph":
      return { kind: "value", value: t, remarks: [] };
    case "list":
      return { kind: "value", value: listItems(t), remarks: [] };
    case "references":
      return readReferences(t);
  }
}

const BULLET = /^\s*(?:[-*•・●○◆■□]|\d{1,2}[.)）](?!\d)|[(（]\d{1,2}[)）])\s*/u;

function listItems(t: string): string[] {
  const lines = t
    .split("\n")
    .map((l) => l.replace(BULLET, "").trim())
    .filter(Boolean);
  // One line: `400x400、1500x500` or `a, b`.
  const items = lines.length === 1 ? (lines[0] ?? "").split(/(?:(?<!\s)\s+)?[、,，;；]\s*/u) : lines;
  return items.map((s) => s.trim()).filter(Boolean);
}

const URL = /https?:\/\/[^\s<>「」『』()（）、，,]+/iu;
const FILE = /(?<![^\s「」『』()（）、，,:：])[^\s「」『』()（）、，,:：]+\.(?:png|jpe?g|gif|webp|svg|pdf|psd|ai|heic|bmp|tiff?|mp3|wav|m4a|mp4|mov)\b/iu;
const AVOID = /避け|NG|ＮＧ|苦手|嫌|イヤ|やめ|avoid|dislike|don'?t like|do not like|not like|hate/iu;
const LIKE = /好き|参考|理想|憧れ|イメージ|いい感じ|良い|like|love|prefer|inspir/iu;

function readReferences(t: string): Reading {
  const refs: Reference[] = [];
  const remarks: Msg[] = [];
  for (const raw of t.split("\n")) {
    const line = raw.replace(BULLET, "").trim();
    if (!line) continue;
    const m = URL.exec(line) ?? FILE.exec(line);
    if (!m) {
      const prev = refs[refs.length - 1];
      // A line under a link describes it: `線の太さが好き`.
      if (prev) {
        prev.note = prev.note ? `${prev.note} ${line}` : line;
        const k = kindOf(prev.note);
        if (k) prev.kind = k;
        else delete prev.kind;
        continue;
      }
      refs.push({ source: line });
      remarks.push(
        msg(`「${line}」にはリンクもファイル名もないため、そのまま参考資料として保存しました`, `"${line}" has no link or file name: stored as written`),
      );
      continue;
    }
    // A kind word before the link (`like https://…`, `避けたい: …`) says the kind; it is not the note.
    let before = line.slice(0, m.index).trim();
    const word = REFERENCE_KIND.exec(before);
    if (word) before = before.slice(word[0].length);
    const note = unwrap(`${before} ${line.slice(m.index + m[0].length)}`.trim());
    const ref: Reference = { source: m[0] };
    if (note) ref.note = note;
    const k = word?.[1] ? referenceKind(word[1]) : note ? kindOf(note) : undefined;
    if (k) ref.kind = k;
    refs.push(ref);
  }
  return refs.length ? { kind: "value", value: refs, remarks } : { kind: "blank" };
}

/** like or avoid, when the client's words say so unambiguously. */
function kindOf(note: string): Reference["kind"] {
  const avoid = AVOID.test(note);
  const like = LIKE.test(note.replace(/don'?t like|do not like|not like|dislike/giu, ""));
  if (avoid && !like) return "avoid";
  if (like && !avoid) return "like";
  return undefined;
}

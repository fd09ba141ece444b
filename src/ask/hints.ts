/**
 * What helps a client answer in a chat reply: one short line of why, how to answer each type of
 * question, how many choices to pick, and a sample reply built from the pack itself. Pure.
 */
import { type Lang, WORDS } from "../i18n.ts";
import type { Question } from "../pack/types.ts";
import { unitName } from "../units.ts";
import type { NumberedQuestion } from "./numbering.ts";

/**
 * One short line of why for the text format: the help's first sentence when it fits a chat
 * line (ja 70, en 140 characters), else nothing rather than half a thought.
 */
export function whyLine(q: Question, lang: Lang): string {
  const help = q.help?.[lang]?.trim();
  if (!help) return "";
  const first = /^(.+?[。！？!?]|.+?\.(?=\s|$))/su.exec(help)?.[1] ?? help;
  const line = first.replace(/\s*\n\s*/g, " ").trim();
  return line.length <= (lang === "ja" ? 70 : 140) ? line : "";
}

/** `複数選択可・2つまで` / `pick up to 2`, for a multiselect. */
export function pickHint(q: Question, lang: Lang): string {
  if (q.type !== "multiselect") return "";
  const max = q.validate?.max_items;
  // The question may say it already: "（複数可）", "choose all that apply", "3つまで".
  const text = q.message[lang];
  const saysMany = /複数|all that apply|any that apply|choose all|pick all|select all/iu.test(text);
  const saysMax = max !== undefined && new RegExp(`${max}\\s*(?:つ|個|点|件)?まで|up to ${max}`, "iu").test(text);
  if (saysMax || (saysMany && max === undefined)) return "";
  if (lang === "ja") return max ? `複数選択可・${max}つまで` : "複数選択可";
  return max ? `pick up to ${max}` : "pick any that apply";
}

/** How to answer a question of this type, as a sentence of its own, or empty. */
export function answerHint(q: Question, lang: Lang): string {
  const ja = lang === "ja";
  // `round|rounds`: the plural reads right in "in rounds".
  const unit = q.unit ? unitName(q.unit[lang]) : "";
  switch (q.type) {
    case "scale": {
      const lo = q.min ?? 1;
      const hi = q.max ?? 5;
      const ends = [q.min_label ? `${lo}${ja ? "＝" : " = "}${q.min_label[lang]}` : "", q.max_label ? `${hi}${ja ? "＝" : " = "}${q.max_label[lang]}` : ""]
        .filter(Boolean)
        .join(ja ? "、" : ", ");
      if (ja) return `${lo}〜${hi}の数字でお答えください${ends ? `（${ends}）` : ""}`;
      return `Answer with a number from ${lo} to ${hi}${ends ? ` (${ends})` : ""}.`;
    }
    case "number":
      if (ja) return `数字でお答えください${unit ? `（単位: ${unit}）` : ""}`;
      return `Answer with a number${unit ? `, in ${unit}` : ""}.`;
    case "date":
      return ja ? "日付でお答えください（例: 4月30日、2027/4/30）" : "Answer with a date, e.g. Apr 30, 2027.";
    case "list":
      return ja ? "いくつでも、1行に1つずつお書きください" : "List as many as you like, one per line.";
    case "references":
      return ja
        ? "URL や画像のファイル名を1行に1つずつお書きください。「参考にしたい」「避けたい」の別も添えていただけると助かります"
        : "Links or image file names, one per line; please say whether you like each one or want to avoid it.";
    default:
      return "";
  }
}

/**
 * Up to four reply lines showing each way of answering the pack offers (a choice number,
 * several numbers, free text, "not decided"), taken from its own unconditional questions.
 */
export function sampleReply(numbered: NumberedQuestion[], lang: Lang): string[] {
  const ja = lang === "ja";
  const picked = new Map<number, string>();
  const kinds = new Set<string>();
  const take = (kind: string, x: NumberedQuestion, answer: string) => {
    if (kinds.has(kind) || picked.has(x.n) || picked.size >= 4) return;
    kinds.add(kind);
    picked.set(x.n, answer);
  };
  for (const x of numbered) {
    const q = x.question;
    if (q.when) continue;
    const n = x.options.length;
    if (q.type === "select" && n >= 2) {
      const o = x.options.find((o) => !o.other && o.n === 2) ?? x.options.find((o) => !o.other);
      if (o) take("choice", x, String(o.n));
    } else if (q.type === "multiselect" && n >= 2) {
      const plain = x.options.filter((o) => !o.other);
      const max = q.validate?.max_items ?? plain.length;
      const count = Math.max(q.validate?.min_items ?? 1, Math.min(2, max));
      if (count > plain.length || count > max) continue;
      // "1、3" rather than "1、2", so it cannot be misread as a range.
      const nums = count === 2 && plain.length >= 3 ? [plain[0]?.n ?? 1, plain[2]?.n ?? 3] : plain.slice(0, count).map((o) => o.n);
      if (nums.length > 0) take("multi", x, nums.join(ja ? "、" : ", "));
    } else if ((q.type === "text" || q.type === "paragraph") && q.examples?.[0] && !q.validate?.pattern) {
      const ex = q.examples[0][lang].split("\n")[0] ?? "";
      if (ex && fitsLength(q, ex)) take("free", x, ex);
    }
    if (q.allow_pending && !picked.has(x.n)) take("pending", x, WORDS.pending[lang]);
  }
  return [...picked.entries()].sort((a, b) => a[0] - b[0]).map(([n, a]) => `${n}. ${a}`);
}

function fitsLength(q: Question, s: string): boolean {
  const r = q.validate ?? {};
  return (r.min_length === undefined || s.length >= r.min_length) && (r.max_length === undefined || s.length <= r.max_length);
}

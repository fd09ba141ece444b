/**
 * `ask --split N`: a questionnaire in parts a chat box accepts, each at most N characters and
 * headed (1/3), never splitting a question (its choices, why line and example stay with it),
 * never leaving a section title at the end of a part. Pure.
 */
import type { Lang } from "../i18n.ts";

export interface SplitResult {
  parts: string[];
  /** Questions longer than the limit on their own: sent whole, in a part over the limit. */
  oversize: number[];
}

/** Where a question starts in the text and md formats: `12. …` at the start of a line. */
const QUESTION = /^(\d+)\. /u;

/** The message cut into units: paragraphs, and each question with its indented lines. */
function units(text: string): { text: string; question?: number; heading: boolean }[] {
  const out: { text: string; question?: number; heading: boolean }[] = [];
  let current: string[] = [];
  let question: number | undefined;
  const flush = () => {
    while (current.length && current[current.length - 1] === "") current.pop();
    if (current.length) {
      const t = current.join("\n");
      // A paragraph before a question that is not a question itself: a section title and intro.
      out.push({ text: t, ...(question !== undefined ? { question } : {}), heading: question === undefined && /^(?:■|== |## )/u.test(t) });
    }
    current = [];
    question = undefined;
  };
  for (const line of text.replace(/\n+$/u, "").split("\n")) {
    const q = QUESTION.exec(line);
    if (q || line === "") flush();
    if (line === "") continue;
    if (q) question = Number(q[1]);
    current.push(line);
  }
  flush();
  return out;
}

export function splitMessage(text: string, max: number, lang: Lang): SplitResult {
  const all = units(text);
  // A heading travels with what follows it.
  const glued: { text: string; question?: number; sep: string }[] = [];
  let pending: string | undefined;
  for (const [i, u] of all.entries()) {
    const prev = all[i - 1];
    const sep = prev && prev.question !== undefined && u.question !== undefined ? "\n" : "\n\n";
    if (u.heading) {
      pending = pending ? `${pending}\n\n${u.text}` : u.text;
      continue;
    }
    const body = pending ? `${pending}\n\n${u.text}` : u.text;
    glued.push({ text: body, ...(u.question !== undefined ? { question: u.question } : {}), sep: pending ? "\n\n" : sep });
    pending = undefined;
  }
  if (pending) glued.push({ text: pending, sep: "\n\n" });

  const head = (k: number, n: number) => (lang === "ja" ? `（${k}/${n}）` : `(${k}/${n})`);
  const room = max - head(99, 99).length - 2;
  const parts: string[] = [];
  const oversize: number[] = [];
  let part = "";
  for (const u of glued) {
    const joined = part ? `${part}${u.sep}${u.text}` : u.text;
    if (part && joined.length > room) {
      parts.push(part);
      part = u.text;
    } else part = joined;
    if (u.text.length > room && u.question !== undefined) oversize.push(u.question);
  }
  if (part) parts.push(part);
  if (parts.length <= 1) return { parts: [text.replace(/\n+$/u, "")], oversize: text.length > max ? oversize : [] };
  return { parts: parts.map((p, i) => `${head(i + 1, parts.length)}\n${p}`), oversize };
}

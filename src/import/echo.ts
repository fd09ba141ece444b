/**
 * Clients often reply by pasting the questionnaire back and writing (or marking) their
 * answers in it. This removes what `ask` printed from an item's text: the question (with
 * the tags after it), the "how to answer" and example lines, and a pasted list of choices,
 * where a marked choice (`← `, `☑`, `◯`, `[x]`) counts as picked. Pure.
 */
import { answerHint, whyLine } from "../ask/hints.ts";
import type { NumberedOption } from "../ask/numbering.ts";
import type { Pack, Question } from "../pack/types.ts";
import { cutFoldedPrefix, fold } from "./text.ts";

/** What an answer may start with: `A:`, `→`, `回答：`. */
const ANSWER_PREFIX = /^(?:(?:[AaＡａ]|回答|ご回答|答え?|answer)\s*[.．:：)）]|[→⇒＞>]|[:：])\s*/u;
/** Marks a client puts on a pasted choice line: before it, after it, or an arrow to it. */
const START_MARK = /^\s*(?:[☑☒✓✔✅◯○●◎★]|\[\s*[xX✓]\s*\]|［\s*[xX✓]\s*］)\s*/u;
const END_MARK = /(?<!\s)\s*(?:[☑✓✔✅◯○●◎★]|[(（]\s*済\s*[)）])\s*$/u;
const ARROW = /(?<!\s)\s*(?:←|⇐|<-+|＜-+|＜＝|<=)\s*/u;

/** The line without its marks, whether it had one, and the text after an arrow (`← 水彩風`). */
function unmark(line: string): { plain: string; marked: boolean; after: string } {
  let t = line;
  let marked = false;
  for (const re of [START_MARK, END_MARK]) {
    if (re.test(t)) {
      marked = true;
      t = t.replace(re, "");
    }
  }
  const a = ARROW.exec(t);
  if (!a) return { plain: t, marked, after: "" };
  const before = t.slice(0, a.index);
  const after = t.slice(a.index + a[0].length).trim();
  return fold(before) === "" ? { plain: after, marked: true, after: "" } : { plain: before, marked: true, after };
}

const OTHER_SUFFIX = [fold("（内容もお書きください）"), fold("(please say what)")];

/**
 * The tags `ask` prints after a question, each a bracketed group (nesting allowed):
 * 【必須】 （複数選択可） (only if not (Q5 is "Final")) \[required\].
 */
function withoutTags(s: string): string {
  const open: Record<string, string> = { "(": ")", "（": "）", "【": "】", "[": "]" };
  let t = s.replace(/^[^\S\n]+/u, "");
  for (;;) {
    const escaped = t.startsWith("\\[");
    const first = escaped ? "[" : t[0];
    const close = first ? open[first] : undefined;
    if (!close) break;
    let depth = 0;
    let end = -1;
    for (let i = escaped ? 1 : 0; i < t.length; i++) {
      const c = t[i];
      if (c === "\n") break;
      if (c === first) depth++;
      else if (c === close && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) break;
    t = t.slice(end + 1).replace(/^[^\S\n]+/u, "");
  }
  return t.trim();
}

/** `3) その他（内容もお書きください）`, as `ask` prints it under its question (marks ignored). */
export function choiceEcho(options: NumberedOption[], line: string): NumberedOption | undefined {
  const plain = fold(unmark(line).plain);
  if (!plain) return undefined;
  return options.find((o) => {
    const bases = [`${o.n}${fold(o.label.ja)}`, `${o.n}${fold(o.label.en)}`];
    const forms = bases.flatMap((b) => [b, ...OTHER_SUFFIX.map((s) => b + s)]);
    if (o.hint) {
      const hints = [fold(o.hint.ja), fold(o.hint.en)];
      for (const f of [...forms]) for (const h of hints) forms.push(f + h);
    }
    return forms.includes(plain);
  });
}

/** `■ Section title`, `== Title ==`, `## Title` and section intros, folded: lines ask prints between questions. */
export function sectionLines(pack: Pack): Set<string> {
  const out = new Set<string>();
  for (const s of pack.sections) {
    for (const lang of ["ja", "en"] as const) {
      out.add(fold(s.title[lang]));
      const intro = s.intro?.[lang];
      if (intro) out.add(fold(intro));
    }
  }
  out.delete("");
  return out;
}

export function stripEcho(q: Question, options: NumberedOption[], text: string, boilerplate: Set<string> = new Set()): string {
  let t = text.trim();
  for (const m of [q.message.ja, q.message.en]) {
    const cut = cutFoldedPrefix(t, fold(m));
    if (cut) {
      // The tags `ask` prints after a question: 【必須】 (only if …) （…の場合のみ）.
      t = withoutTags(cut.rest.replace(/^[^\S\n]*(?:[?？。.!！:：)）」』】\]*_\\…"”’']|\.{3})*/u, ""));
      break;
    }
  }
  const helpers = new Set<string>();
  for (const lang of ["ja", "en"] as const) {
    const hint = fold(answerHint(q, lang));
    if (hint) helpers.add(hint);
    const help = fold(q.help?.[lang] ?? "");
    if (help) helpers.add(help);
    const why = fold(whyLine(q, lang));
    if (why) helpers.add(why);
    const ex = q.examples?.[0]?.[lang];
    // Only with its label: an answer may well be the example itself.
    if (ex) for (const p of ["例", "eg"]) helpers.add(p + fold(ex));
  }
  const lines = t.split("\n").filter((l) => {
    const f = fold(l.replace(/^\s*(?:■|=+|#+)\s*|(?<!\s)\s+=+\s*$|(?<!=)=+\s*$/gu, ""));
    return f === "" || !(helpers.has(f.replace(/^(?:※|why)/u, "")) || boilerplate.has(f));
  });
  return withoutPastedChoices(lines, options).join("\n").trim().replace(ANSWER_PREFIX, "").trim();
}

/**
 * When every choice line of the question is in the text, the list was pasted back: drop it,
 * keeping the numbers of the marked lines. A few choice lines alone are the client's answer.
 */
function withoutPastedChoices(lines: string[], options: NumberedOption[]): string[] {
  if (options.length < 2) return lines;
  const match = (line: string) => choiceEcho(options, line);
  /** A choice line, and whether it is marked; `3) その他 ← 水彩風` marks 3 with the text after the arrow. */
  const parse = (line: string) => {
    const u = unmark(line);
    return { option: match(u.plain), marked: u.marked, extra: u.after };
  };
  const found = lines.map((line) => ({ line, ...parse(line) }));
  const covered = new Set(found.flatMap((f) => (f.option ? [f.option.n] : [])));
  if (covered.size < options.length) return lines;
  const picked = found.filter((f) => f.option && f.marked).map((f) => `${f.option?.n}${f.extra ? ` ${f.extra}` : ""}`);
  const rest = found.filter((f) => !f.option).map((f) => f.line);
  // Joined with 、 so that two marks on a single-choice question read as two picks (refused).
  return picked.length ? [picked.join("、"), ...rest] : rest;
}

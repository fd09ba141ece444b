/**
 * A client's reply → numbered items, in the numbering `kikitori ask` printed. Pure.
 *
 * An item starts at a line that begins with a question number: `1.` `1)` `1:` `1、` `Q1`
 * `Q1:` `問1` `No.1` `#1` `(1)` `【1】` `①`, in half- or full-width characters, after
 * optional indentation, bullets, Markdown emphasis or an email quote mark. Its answer is the
 * rest of that line and the lines up to the next item. Text before the first item (a
 * greeting) is ignored, and so are the closing words after the last answer.
 *
 * A number counts as a new item only the first time it appears and only within 1…count, so a
 * numbered list inside an answer (`1. …` under question 9, after 1 was answered) stays part
 * of that answer. Email-quoted lines (`> …`) are never answer text: a quoted question line
 * (the client replying under each quoted question) opens its item, other quoted lines are
 * dropped.
 */
import { nfkc } from "./text.ts";

export interface ReplyItem {
  n: number;
  /** The answer text, lines kept, outer blank lines and indentation removed. */
  text: string;
  /** 1-based line of the item's number in the reply. */
  line: number;
}

const DIGITS = "[0-9０-９]{1,3}";
const QUOTE = /^(?:\s*[>＞])+\s?/u;
const DECORATION = /^(?:\s|[-*•]\s|[・●○◆■□▶►→⇒]\s*|\*\*|__|#+\s)*/u;
const MARKERS: RegExp[] = [
  // Q1 / Q.1 / Q 1: / 問1 / 質問1 / 設問1 / No.1 / #1 (the separator after it is optional).
  new RegExp(`^(?:[QqＱｑ]|問|質問|設問|[Nn][Oo]|ＮＯ|Ｎｏ|#|＃)\\s*(?:[.．]\\s*)?(${DIGITS})(?![0-9０-９])\\s*(?:[.．:：)）、]|\\s|$)`, "u"),
  // (1) （１） [1] 【1】
  new RegExp(`^[(（\\[［【]\\s*(${DIGITS})\\s*[)）\\]］】]`, "u"),
  // 1. 1) 1: 1、 １．３回 — not 3.5, 10:30 or 1、3 (a decimal, a time, a list of choice numbers).
  // A full-width period or colon is never a decimal point or a time, so a digit may follow it.
  new RegExp(`^(${DIGITS})\\s*(?:[)）．：]|[.:](?![0-9０-９])|、(?!\\s*[0-9０-９]))`, "u"),
  // 7、3: question 7, answer 3 — or the choices 7 and 3. Decided by the context (see WEAK).
  new RegExp(`^(${DIGITS})\\s*、(?=\\s*[0-9０-９])`, "u"),
  // ① … ⑳
  /^([\u2460-\u2473])\s*[.．:：)）、]?/u,
];

/** Words that close a reply: what follows them is not part of the last answer. */
const CLOSING =
  /^(?:(?:どうぞ|何卒|引き続き)?(?:よろしく|宜しく)|以上(?:です|となります|になります)?(?:[。.!！]|$)|お手数|取り急ぎ|ご確認(?:の程|のほど|を)?よろしく|(?:どうも|本当に|誠に)?ありがとうございま|thanks|thank you|many thanks|best(?: regards|,|$)|kind regards|regards|cheers|sincerely|looking forward|all the best|that'?s all)/iu;

/** Lines that start a quoted earlier message or a signature: the reply ends there. */
const END = /^(?:-{2,}\s*$|---.*original message|_{5,}|on .+ wrote:$|.+ wrote:$|.+さんが書きました[:：]?$|sent from my )/iu;

/** The index in MARKERS of the ambiguous `7、3` form. */
const WEAK = 3;

/**
 * The question number a line starts with, and the text after the marker. `weak`: the form
 * `7、3`, which is a number at the start of the reply or after an answered item with a lower
 * number (else it is a list of choice numbers, like `1、3` on the line under its question).
 */
export function matchMarker(line: string): { n: number; rest: string; weak: boolean } | undefined {
  const body = line.replace(DECORATION, "");
  for (const [k, re] of MARKERS.entries()) {
    const m = re.exec(body);
    if (!m?.[1]) continue;
    const raw = m[1];
    const n = /[\u2460-\u2473]/u.test(raw) ? raw.charCodeAt(0) - 0x2460 + 1 : Number(nfkc(raw));
    const rest = body.slice(m[0].length).replace(/^(?:\*\*|__)\s*/u, "");
    return { n, rest, weak: k === WEAK };
  }
  return undefined;
}

/**
 * For the last item of a single-line question, text after a blank line is a signature, not
 * the answer. A choice line of the current question pasted back (`4) マスコット` under
 * question 3) is part of that item, not question 4.
 */
export interface SplitOptions {
  /** Whether question n takes several lines (paragraph, list…). */
  multiline?: (n: number) => boolean;
  /** Whether the line repeats a choice of question n as ask printed it (`2) 親しみやすい`). */
  echoesChoice?: (n: number, line: string) => boolean;
}

export function splitReply(reply: string, count: number, opts: SplitOptions = {}): ReplyItem[] {
  const multiline = opts.multiline ?? (() => true);
  const lines = reply.replace(/\r\n?/g, "\n").split("\n");
  // `text`: whether the item has a line with text yet (asked for every ambiguous marker after it).
  const items: { n: number; line: number; lines: string[]; text: boolean }[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const quoted = QUOTE.test(raw);
    const line = quoted ? raw.replace(QUOTE, "") : raw;
    if (!quoted && END.test(line.trim())) break;
    const m = matchMarker(line);
    const current = items[items.length - 1];
    const weakOk = !m?.weak || current === undefined || (current.n < m.n && current.text);
    const echo = m !== undefined && current !== undefined && opts.echoesChoice?.(current.n, line) === true;
    if (m && m.n >= 1 && m.n <= count && !seen.has(m.n) && weakOk && !echo) {
      seen.add(m.n);
      // A quoted marker line is the question itself, not the answer.
      items.push({ n: m.n, line: i + 1, lines: quoted ? [] : [m.rest], text: !quoted && m.rest.trim() !== "" });
      continue;
    }
    if (quoted || !current) continue;
    current.lines.push(line);
    if (line.trim() !== "") current.text = true;
  }
  const last = items[items.length - 1];
  if (last) last.lines = withoutClosing(last.lines, multiline(last.n));
  return items.map((it) => ({ n: it.n, line: it.line, text: tidyLines(it.lines) }));
}

/** The last answer without the closing words (and signature) after it. */
function withoutClosing(lines: string[], multiline: boolean): string[] {
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    const l = nfkc(lines[i] ?? "").trim();
    if (started && CLOSING.test(l)) return lines.slice(0, i);
    if (!multiline && started && l === "") return lines.slice(0, i);
    if (l !== "") started = true;
  }
  return lines;
}

function tidyLines(lines: string[]): string {
  const out = lines.map((l) => l.trim());
  let first = 0;
  while (first < out.length && out[first] === "") first++;
  while (out.length > first && out[out.length - 1] === "") out.pop();
  return out.slice(first).join("\n");
}

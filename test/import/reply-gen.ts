/**
 * Writes a client's reply to any pack, in the `ask` numbering, the way clients write them
 * (full-width digits, labels instead of numbers, several lines, "not decided", a greeting
 * and a closing around it), together with the answers it means. Deterministic: the same
 * pack, language and variant give the same reply, so a failure can be reproduced.
 */

import { evaluate, pruneAnswers } from "../../src/answers/conditions.ts";
import { withDefaults } from "../../src/answers/defaults.ts";
import type { Answers, AnswerValue, Reference } from "../../src/answers/types.ts";
import { type NumberedQuestion, numberQuestions } from "../../src/ask/numbering.ts";
import { type Lang, unitForm } from "../../src/i18n.ts";
import { fold } from "../../src/import/text.ts";
import { conditionRefs } from "../../src/pack/conditions.ts";
import { allQuestions, otherKey, type Pack, type Question } from "../../src/pack/types.ts";

export interface GeneratedReply {
  reply: string;
  /** The answers the reply means (pack order). */
  expected: Answers;
  /** The question number written unreadably (garbled variant), if any. */
  garbled?: number;
}

const FW = "０１２３４５６７８９";
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FW[Number(d)] ?? d);

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The number written before an answer, in one of the forms clients use. */
function marker(n: number, lang: Lang, i: number): string {
  const ja = [
    `${fullWidth(String(n))}．`,
    `${n}) `,
    `Q${n}: `,
    `（${fullWidth(String(n))}）`,
    `${n}、`,
    `問${n} `,
    `${n}. `,
    n <= 20 ? `${String.fromCharCode(0x2460 + n - 1)} ` : `${n}: `,
  ];
  const en = [`${n}. `, `${n}) `, `Q${n}: `, `(${n}) `, `${n}: `, `#${n} `, `Q.${n} `];
  const forms = lang === "ja" ? ja : en;
  return forms[i % forms.length] ?? `${n}. `;
}

interface Written {
  text: string;
  value: AnswerValue;
  other?: string;
}

function uniqueLabel(x: NumberedQuestion, lang: Lang, idx: number): string | undefined {
  const o = x.options[idx];
  if (!o) return undefined;
  const label = o.label[lang];
  const f = fold(label);
  if (!f || /^[0-9]/.test(f)) return undefined;
  const clash = x.options.some((p, j) => j !== idx && [p.label.ja, p.label.en, String(p.value)].some((l) => fold(l) === f));
  return clash ? undefined : label;
}

function write(x: NumberedQuestion, lang: Lang, today: string, v: number): Written | undefined {
  const q = x.question;
  const ja = lang === "ja";
  const n = x.n;
  const rules = q.validate ?? {};
  const otherText = ja ? "水彩風のタッチ" : "a watercolour touch";
  switch (q.type) {
    case "select": {
      const k = (n + v) % x.options.length;
      const o = x.options[k];
      if (!o) return undefined;
      if (o.other) return { text: ja ? `${o.n}（${otherText}）` : `${o.n} ${otherText}`, value: String(o.value), other: otherText };
      const label = uniqueLabel(x, lang, k);
      const forms = [label, ja ? fullWidth(String(o.n)) : String(o.n), ja ? `${o.n}でお願いします` : `${o.n}, please`];
      return { text: forms[(n + v) % 3] ?? String(o.n), value: String(o.value) };
    }
    case "multiselect": {
      const plain = x.options.filter((o) => !o.other);
      const other = x.options.find((o) => o.other);
      const max = rules.max_items ?? x.options.length;
      const min = rules.min_items ?? 1;
      const withOther = other !== undefined && (n + v) % 2 === 0 && max >= 2;
      const count = Math.max(min, Math.min(2, max - (withOther ? 1 : 0)));
      const picked = (count >= 2 && plain.length >= 3 ? [plain[0], plain[2]] : plain.slice(0, count)).filter((o) => o !== undefined);
      if (picked.length < min - (withOther ? 1 : 0) || picked.length === 0) return undefined;
      const idx = (o: (typeof picked)[number]) => x.options.indexOf(o);
      const labels = picked.map((o) => uniqueLabel(x, lang, idx(o)));
      const form = (n + v) % 3;
      let text: string;
      if (form === 0 && labels.every((l) => l !== undefined)) text = ja ? labels.join("、") : labels.join(", ");
      else if (form === 1) text = picked.map((o) => (ja ? fullWidth(String(o.n)) : String(o.n))).join(ja ? "・" : " ");
      else text = picked.map((o) => `${o.n}`).join(ja ? "、" : ", ");
      const value = picked.map((o) => String(o.value));
      if (withOther && other) {
        text += ja ? `、${other.n}（${otherText}）` : `, ${other.n}: ${otherText}`;
        return { text, value: [...value, String(other.value)], other: otherText };
      }
      return { text, value };
    }
    case "confirm": {
      const yes = (n + v) % 2 === 0;
      const forms = ja ? [yes ? "はい" : "いいえ", yes ? "１" : "２"] : [yes ? "Yes" : "no", yes ? "y" : "2"];
      return { text: forms[(n + v) % 2] ?? "", value: yes };
    }
    case "number": {
      const lo = Math.ceil(rules.min ?? 0);
      const hi = Math.floor(rules.max ?? lo + 50);
      const value = lo + ((n * 7 + v) % (hi - lo + 1));
      const unit = q.unit ? unitForm(q.unit[lang], value) : "";
      const text = ja ? `${fullWidth(String(value))}${unit}` : unit ? `${value} ${unit}` : String(value);
      return { text, value };
    }
    case "scale": {
      const lo = q.min ?? 1;
      const hi = q.max ?? 5;
      const value = lo + ((n + v) % (hi - lo + 1));
      return { text: ja ? fullWidth(String(value)) : String(value), value };
    }
    case "date": {
      const iso = addDays(today, 20 + n + v);
      const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
      const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
      const forms = ja
        ? [`${y}年${m}月${d}日`, `${y}/${m}/${d}`, `${m}月${d}日`, fullWidth(`${y}年${m}月${d}日`), `${m}/${d}まで`]
        : [`${months[m - 1]?.slice(0, 3)} ${d}, ${y}`, iso, `${d} ${months[m - 1]} ${y}`, `${months[m - 1]} ${d}`];
      return { text: forms[(n + v) % forms.length] ?? iso, value: iso };
    }
    case "text": {
      const ex = q.examples?.[0]?.[lang].split("\n")[0]?.trim();
      const text = ex && fits(q, ex) ? ex : ja ? `回答その${n}` : `Answer number ${n}`;
      return fits(q, text) ? { text, value: text } : undefined;
    }
    case "paragraph": {
      const first = ja ? `一行目の説明です（質問${n}）` : `First line of the answer to question ${n}`;
      const second = ja ? "二行目も続けて書きました。" : "and a second line that goes on.";
      const text = `${first}\n${second}`;
      return fits(q, text) ? { text: (n + v) % 2 ? `\n${text}` : text, value: text } : undefined;
    }
    case "list": {
      const max = rules.max_items ?? 3;
      const items = (ja ? [`項目A${n}`, `項目B${n}`] : [`item A${n}`, `item B${n}`]).slice(0, Math.max(1, Math.min(2, max)));
      const bullet = ja ? "・" : "- ";
      return { text: `\n${items.map((s) => `${bullet}${s}`).join("\n")}`, value: items };
    }
    case "references": {
      const max = rules.max_items ?? 2;
      const refs: Reference[] = [
        { source: `https://example.com/ref${n}.png`, note: ja ? "線の雰囲気が好き" : "love the line work", kind: "like" },
        { source: `refs/avoid${n}.jpg`, note: ja ? "この配色は避けたい" : "avoid this palette", kind: "avoid" },
      ].slice(0, Math.max(1, Math.min(2, max))) as Reference[];
      return { text: `\n${refs.map((r) => `${r.source} ${r.note}`).join("\n")}`, value: refs };
    }
  }
}

function fits(q: Question, s: string): boolean {
  const r = q.validate ?? {};
  if (r.pattern !== undefined && !new RegExp(r.pattern, "u").test(s)) return false;
  return (r.min_length === undefined || s.length >= r.min_length) && (r.max_length === undefined || s.length <= r.max_length);
}

/** Garbage a reader must refuse for this question, or undefined if any text would do. */
function garbage(x: NumberedQuestion, lang: Lang): string | undefined {
  const ja = lang === "ja";
  const q = x.question;
  const hasOther = x.options.some((o) => o.other);
  switch (q.type) {
    case "number":
      return ja ? "2か3" : "2 or 3";
    case "scale":
      return ja ? "とても" : "very much";
    case "date":
      return ja ? "来月のどこか" : "sometime next month";
    case "confirm":
      return ja ? "たぶん" : "maybe";
    case "select":
    case "multiselect":
      return hasOther ? undefined : "99";
    default:
      return undefined;
  }
}

export interface GenerateOptions {
  lang: Lang;
  today: string;
  /** Shifts every choice, so several variants cover different values and forms. */
  variant: number;
  /** Write one answer unreadably. */
  garble?: boolean;
}

export function generateReply(pack: Pack, opts: GenerateOptions): GeneratedReply {
  const { lang, today, variant } = opts;
  const ja = lang === "ja";
  const expected: Answers = {};
  const lines: string[] = [];
  const referenced = new Set(allQuestions(pack).flatMap((q) => (q.when ? conditionRefs(q.when) : [])));
  const mentioned = new Set<string>();
  let pendings = 0;
  let garbled: number | undefined;
  let i = 0;
  for (const x of numberQuestions(pack)) {
    const q = x.question;
    // A question that does not apply is skipped, as the ask message tells the client.
    if (q.when && !evaluate(q.when, expected)) continue;
    if (!q.required && (x.n + variant) % 5 === 0) continue;
    let text: string;
    if (opts.garble && garbled === undefined && !referenced.has(q.id) && garbage(x, lang)) {
      garbled = x.n;
      text = garbage(x, lang) ?? "";
    } else if (q.allow_pending && pendings++ % 3 === variant % 3) {
      const withNote = (x.n + variant) % 2 === 0;
      text = ja ? (withNote ? "未定（来週決めます）" : "未定") : withNote ? "not decided yet - will check next week" : "TBD";
      expected[q.id] = withNote ? { pending: true, note: ja ? "来週決めます" : "will check next week" } : { pending: true };
    } else {
      const w = write(x, lang, today, variant);
      if (!w) continue;
      text = w.text;
      expected[q.id] = w.value;
      if (w.other !== undefined) expected[otherKey(q.id)] = w.other;
    }
    mentioned.add(q.id);
    lines.push(`${marker(x.n, lang, i++)}${text}`);
  }
  const greeting = ja
    ? "山田です。いつもお世話になっております。\nご質問への回答をお送りします。1点だけ補足があります。\n\n"
    : "Hi Ann,\nThanks for the questions - here are my answers.\n\n";
  const closing = ja ? "\n\n以上です。どうぞよろしくお願いいたします。\n山田" : "\n\nThanks again!\nJo";
  // What the reply leaves out takes the pack's default, as import gives it.
  const withDefault = pruneAnswers(pack, withDefaults(pack, expected, mentioned));
  return { reply: greeting + lines.join("\n") + closing, expected: withDefault, ...(garbled !== undefined ? { garbled } : {}) };
}

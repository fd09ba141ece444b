/**
 * Text from clients, answers files and packs is processed in linear time. Two kinds of proof:
 * - each regular expression rewritten to stop backtracking over long runs gives the same
 *   result as the one it replaced, on any short text over the characters it cares about;
 * - every public text function finishes on long runs of the tokens that made the old
 *   expressions quadratic or cubic (spaces, tabs, `#`, `=`, `!`, `-`, `3. `, `1 `…), at
 *   the documented input limits. No timing: a quadratic function would not finish.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { coerceText } from "../../src/answers/coerce.ts";
import { importReply } from "../../src/import/import.ts";
import { splitReply } from "../../src/import/parse.ts";
import { splitChoices } from "../../src/import/separators.ts";
import { cutFoldedPrefix, fold, stripPoliteTail } from "../../src/import/text.ts";
import { readAnswer } from "../../src/import/values.ts";
import type { Pack, Question } from "../../src/pack/types.ts";
import { truncate } from "../../src/prompt/screen.ts";
import { narrow as displayWidth } from "../../src/prompt/width.ts";
import { escapeBlock, escapeCell, escapeInline, escapeLine, linkOrText, plainLine, quoteBlock } from "../../src/render/markdown.ts";

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 200) };

/** Short text over the characters an expression cares about. */
const over = (chars: string[], maxLength = 14) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(""));

const WS = [" ", "\t", "\n", "\r", "\u3000"];

/** [name, old expression, new expression, how it is used, the characters that matter]. */
const REWRITES: [string, RegExp, RegExp, "replace" | "split" | "test" | "exec", string[]][] = [
  ["typed number", /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i, "test", ["1", "0", ".", "e", "E", "-", "+", "x"]],
  ["fold line breaks", /\s*\r?\n\s*/g, /(?<!\s)\s*\n\s*/g, "replace", [...WS, "a"]],
  ["fold line breaks (escapeInline)", /[ \t]*\n[ \t]*/g, /(?<![ \t])[ \t]*\n[ \t]*|\n[ \t]*/g, "replace", [...WS, "a"]],
  ["choice number suffix", /\s*番目?\s*$/u, /(?<!\s)\s*番目?\s*$/u, "replace", [...WS, "番", "目", "3"]],
  [
    "weekday",
    /\s*[(（]\s*(?:[日月火水木金土](?:曜日?)?|(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?)\s*[)）]/giu,
    /(?<!\s)\s*[(（]\s*(?:[日月火水木金土](?:曜日?)?|(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?)\s*[)）]/giu,
    "replace",
    [...WS, "(", ")", "（", "金", "曜", "fri", "x"],
  ],
  [
    "trailing by",
    /\s*(?:までに?|迄に?|必着|厳守|着|by|at the latest|latest)$/u,
    /(?<!\s)\s*(?:までに?|迄に?|必着|厳守|着|by|at the latest|latest)$/u,
    "replace",
    [...WS, "まで", "に", "by", "x"],
  ],
  [
    "around",
    /\s*(?:頃|ごろ|位|くらい|ぐらい|前後|中|or so|ish)$/u,
    /(?<!\s)\s*(?:頃|ごろ|位|くらい|ぐらい|前後|中|or so|ish)$/u,
    "replace",
    [...WS, "頃", "位", "ish", "x"],
  ],
  [
    "end mark",
    /\s*(?:[☑✓✔✅◯○●◎★]|[(（]\s*済\s*[)）])\s*$/u,
    /(?<!\s)\s*(?:[☑✓✔✅◯○●◎★]|[(（]\s*済\s*[)）])\s*$/u,
    "replace",
    [...WS, "☑", "(", "済", ")", "x"],
  ],
  ["arrow", /\s*(?:←|⇐|<-+|＜-+|＜＝|<=)\s*/u, /(?<!\s)\s*(?:←|⇐|<-+|＜-+|＜＝|<=)\s*/u, "exec", [...WS, "←", "<", "-", "=", "x"]],
  ["heading marks", /^\s*(?:■|=+|#+)\s*|\s*=+\s*$/gu, /^\s*(?:■|=+|#+)\s*|(?<!\s)\s+=+\s*$|(?<!=)=+\s*$/gu, "replace", [...WS, "=", "#", "■", "x"]],
  [
    "signature",
    /^(?:-{2,}\s*$|-{3,}.*original message|_{5,}|on .+ wrote:$|.+ wrote:$|.+さんが書きました[:：]?$|sent from my )/iu,
    /^(?:-{2,}\s*$|---.*original message|_{5,}|on .+ wrote:$|.+ wrote:$|.+さんが書きました[:：]?$|sent from my )/iu,
    "test",
    ["-", " ", "original message", "x", "_"],
  ],
  [
    "question marker",
    /^(?:[QqＱｑ]|問|質問|設問|[Nn][Oo]|ＮＯ|Ｎｏ|#|＃)\s*[.．]?\s*([0-9０-９]{1,3})(?![0-9０-９])\s*(?:[.．:：)）、]|\s|$)/u,
    /^(?:[QqＱｑ]|問|質問|設問|[Nn][Oo]|ＮＯ|Ｎｏ|#|＃)\s*(?:[.．]\s*)?([0-9０-９]{1,3})(?![0-9０-９])\s*(?:[.．:：)）、]|\s|$)/u,
    "exec",
    [...WS, "Q", ".", "．", "1", "2", ")", "x"],
  ],
  [
    "polite tail",
    /\s*(?:で(?:お願い|御願い)(?:いた|致)?し?ます|で(?:お願い)?します|でお願い|が(?:いい|良い|よい)(?:です)?|を希望(?:します)?|希望です|でございます|です|please|,\s*please|thanks?(?: you)?)\s*[。．.!！]*\s*$/iu,
    /(?<!\s)\s*(?:で(?:お願い|御願い)(?:いた|致)?し?ます|で(?:お願い)?します|でお願い|が(?:いい|良い|よい)(?:です)?|を希望(?:します)?|希望です|でございます|です|please|,\s*please|thanks?(?: you)?)\s*(?:[。．.!！]+\s*)?$/iu,
    "replace",
    [...WS, "です", "please", ",", "。", "!", "x"],
  ],
  ["closing punctuation", /[。．.!！]+$/u, /(?<![。．.!！])[。．.!！]+$/u, "replace", ["。", ".", "!", "x", " "]],
  ["list separators", /\s*[、,，;；]\s*/u, /(?:(?<!\s)\s+)?[、,，;；]\s*/u, "split", [...WS, "、", ",", "a"]],
  [
    "file name",
    /[^\s「」『』()（）、，,:：]+\.(?:png|jpe?g|gif|webp|svg|pdf|psd|ai|heic|bmp|tiff?|mp3|wav|m4a|mp4|mov)\b/iu,
    /(?<![^\s「」『』()（）、，,:：])[^\s「」『』()（）、，,:：]+\.(?:png|jpe?g|gif|webp|svg|pdf|psd|ai|heic|bmp|tiff?|mp3|wav|m4a|mp4|mov)\b/iu,
    "exec",
    [" ", "a", ".", "ai", "png", "x", "(", "\u0000"],
  ],
  ["honorific", /\s*(様|さま|御中|殿|さん|先生)$/, /(?<!\s)\s*(様|さま|御中|殿|さん|先生)$/, "replace", [...WS, "様", "殿", "x"]],
  ["label punctuation", /[。．.:：]+$/u, /(?<![。．.:：])[。．.:：]+$/u, "replace", ["。", ".", ":", "x"]],
  ["closing hashes", /#+(?=[ \t]*$)/, /(?<!#)#+(?=[ \t]*$)/, "replace", ["#", " ", "\t", "x"]],
];

function apply(re: RegExp, how: string, s: string): unknown {
  re.lastIndex = 0;
  if (how === "replace") return s.replace(re, "<>");
  if (how === "split") return s.split(re);
  if (how === "test") return re.test(s);
  const m = re.exec(s);
  return m ? [m.index, ...m] : null;
}

describe("rewritten expressions give the results of the ones they replace", () => {
  test.each(REWRITES)("%s", (_name, before, after, how, chars) => {
    fc.assert(
      fc.property(over(chars), (s) => {
        expect(apply(after, how, s)).toEqual(apply(before, how, s));
      }),
      RUNS,
    );
  });

  test("the multiple-choice splitter cuts where the expression it replaces did", () => {
    const SEP = /(\s*(?:\n|[,，、;；/／・]|\s+and\s+|[&＆]|(?<=[0-9０-９])\s*と\s*(?=[0-9０-９])|(?<=[0-9０-９])\s+(?=[0-9０-９]))\s*)/u;
    fc.assert(
      fc.property(over([...WS, ",", "、", "/", "・", "&", "と", "1", "２", "and", "AND", "a", "x"], 20), (s) => {
        expect(splitChoices(s)).toEqual(s.split(SEP));
      }),
      { numRuns: 2000 },
    );
  });

  test("a label is cut off the front of a text where folding every prefix found it", () => {
    const before = (text: string, target: string) => {
      if (!target || !fold(text).startsWith(target)) return undefined;
      for (let i = 1; i <= text.length; i++) if (fold(text.slice(0, i)) === target) return { rest: text.slice(i) };
      return undefined;
    };
    const chars = ["a", "B", "ｂ", " ", "、", "(", "カ", "ー", "1", "１", "㍿", "😀"];
    fc.assert(
      fc.property(over(chars), over(chars, 4), (text, label) => {
        expect(cutFoldedPrefix(text, fold(label))).toEqual(before(text, fold(label)));
      }),
      { numRuns: 2000 },
    );
    // Where NFKC joins a mark to the character before it, the joined character is what counts.
    expect(cutFoldedPrefix("ｶﾞイド", fold("ガ"))).toEqual({ rest: "イド" });
  });
});

/** Long runs of the tokens that made the old expressions slow, with a little text around. */
const TOKENS = [
  " ",
  "\t",
  "\u3000",
  "\n",
  "#",
  "=",
  "!",
  "。",
  "-",
  "_",
  "ai\u0000",
  "3. ",
  "1 ",
  "1、",
  "、",
  "です",
  "Q",
  "(",
  "<-",
  "☑ ",
  "a",
  "ｶﾞ",
  "\u0301",
];
const longRun = fc
  .tuple(
    fc.constantFrom(...TOKENS),
    fc.integer({ min: 1_000, max: 120_000 }),
    over(["a", "1", "x", "#", ".", "\n", " "], 4),
    over(["a", "1", "x", "#", "。", " "], 4),
  )
  .map(([token, n, head, tail]) => head + token.repeat(Math.ceil(n / token.length)) + tail);

const q = (type: Question["type"], extra: Partial<Question> = {}): Question =>
  ({ id: `q_${type}`, type, message: { ja: "質問ですか？", en: "What is it?" }, required: false, allow_pending: true, ...extra }) as Question;
const CHOICES = [
  { value: "calm", label: { ja: "落ち着いた", en: "Calm" } },
  { value: "bw", label: { ja: "白黒", en: "Black and white" } },
  { value: "other", label: { ja: "その他", en: "Other" }, other: true },
];
const QUESTIONS: Question[] = [
  q("text"),
  q("paragraph"),
  q("select", { choices: CHOICES }),
  q("multiselect", { choices: CHOICES }),
  q("confirm"),
  q("number"),
  q("date"),
  q("list"),
  q("references"),
];
const PACK = {
  kikitori: 1,
  id: "long",
  version: "1.0.0",
  title: { ja: "長文", en: "Long" },
  languages: ["ja", "en"],
  sections: [{ id: "s", title: { ja: "S", en: "S" }, questions: QUESTIONS }],
} as unknown as Pack;

describe("text functions finish on long runs (up to the 1 MiB reply and 2 MiB answers limits)", () => {
  const LONG = { numRuns: 12 };
  // Five escapers over runs of up to 2 MiB: seconds when linear, hours if any pass were quadratic;
  // the generous limit only keeps a loaded machine from failing it.
  test("Markdown and chat escaping", { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(longRun, (s) => {
        for (const f of [escapeInline, escapeLine, escapeCell, plainLine, linkOrText]) expect(f(s)).not.toContain("\n");
        for (const f of [escapeBlock, quoteBlock]) expect(typeof f(s)).toBe("string");
        expect(displayWidth(truncate(s, 80))).toBeLessThanOrEqual(80);
        expect(typeof coerceText(q("number"), s)).not.toBe("undefined");
      }),
      LONG,
    );
  });

  test("reading one answer of every type", () => {
    fc.assert(
      fc.property(longRun, (s) => {
        for (const question of QUESTIONS) expect(readAnswer(question, s, { today: "2026-11-23" }).kind).toMatch(/value|pending|blank|unreadable/);
        expect(typeof stripPoliteTail(s)).toBe("string");
      }),
      LONG,
    );
  });

  test("whole replies: numbered lines, repeated numbers, long answers", () => {
    const reply = fc
      .tuple(
        fc.constantFrom("3. ", "3.", "4. 1 ", "1. ", "Q1 ", "(2)", "① "),
        fc.constantFrom("1 ", "", "\n", "  ", "1、", "a, ", "です "),
        fc.integer({ min: 100, max: 20_000 }),
        fc.constantFrom("\n", " "),
      )
      .map(([marker, filler, n, sep]) => Array.from({ length: Math.ceil(n / 50) }, () => marker + filler.repeat(50)).join(sep));
    fc.assert(
      fc.property(reply, (text) => {
        expect(Array.isArray(splitReply(text, QUESTIONS.length))).toBe(true);
        const r = importReply(PACK, text, { today: "2026-11-23" });
        expect(r.found).toBeGreaterThanOrEqual(0);
      }),
      LONG,
    );
  });

  test("a 1 MiB reply of one long answer", () => {
    for (const token of [" ", "1 ", "、", "ｶﾞ", "=", "#"]) {
      const text = `1. ${token.repeat(Math.floor(1_000_000 / token.length / 3))}\n4. ${"1 ".repeat(100_000)}\n9. ${"a ".repeat(100_000)}`;
      const r = importReply(PACK, text, { today: "2026-11-23" });
      expect(r.found).toBe(3);
    }
    // Blank lines, then thousands of ambiguous `7、3` lines, each asking whether the item has text yet.
    for (const filler of ["\n", "\n\n\n", " \n"]) {
      const text = `1.\n${filler.repeat(150_000)}${"7、3\n".repeat(100_000)}`;
      expect(splitReply(text, 9).map((i) => i.n)).toEqual([1, 7]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { matchMarker, splitReply } from "../../src/import/parse.ts";

describe("matchMarker: the number forms a reply may use", () => {
  it.each([
    ["1. カフェ山田", 1, "カフェ山田"],
    ["1) Yamada Cafe", 1, "Yamada Cafe"],
    ["1: Yamada", 1, "Yamada"],
    ["Q1: Yamada", 1, "Yamada"],
    ["Q1 Yamada", 1, "Yamada"],
    ["q.12. x", 12, "x"],
    ["Ｑ３：はい", 3, "はい"],
    ["問3 はい", 3, "はい"],
    ["質問3：はい", 3, "はい"],
    ["No.4 2", 4, "2"],
    ["#5 yes", 5, "yes"],
    ["(1) カフェ", 1, "カフェ"],
    ["（１）カフェ", 1, "カフェ"],
    ["【2】 3", 2, "3"],
    ["１．カフェ山田", 1, "カフェ山田"],
    ["１０）未定", 10, "未定"],
    ["2、親しみやすい", 2, "親しみやすい"],
    ["③ 未定", 3, "未定"],
    ["  - 4. yes", 4, "yes"],
    ["**5.** yes", 5, "yes"],
    ["## 6. yes", 6, "yes"],
    ["・7．はい", 7, "はい"],
    ["8.", 8, ""],
  ])("%s → %i", (line, n, rest) => {
    const m = matchMarker(line);
    expect(m?.n).toBe(n);
    expect(m?.rest.trim()).toBe(rest);
  });

  it("reads 7、3 as a weak marker (the context decides)", () => {
    expect(matchMarker("7、3")).toEqual({ n: 7, rest: "3", weak: true });
    expect(matchMarker("7、カフェ")?.weak).toBe(false);
  });

  it.each([["3.5時間"], ["10:30"], ["2027年4月30日"], ["2027/4/30"], ["400x400"], ["1 カフェ"], ["お世話になっております。"], ["Quick question"]])(
    "%s is not a number marker",
    (line) => {
      expect(matchMarker(line)).toBeUndefined();
    },
  );
});

describe("splitReply", () => {
  const cases: { name: string; reply: string; count?: number; multiline?: (n: number) => boolean; want: [number, string][] }[] = [
    {
      name: "greeting before the first number and closing after the last are ignored",
      reply: "お世話になっております。\n回答です。\n\n1. カフェ山田\n2. 3\n\n以上です。よろしくお願いいたします。\n山田",
      want: [
        [1, "カフェ山田"],
        [2, "3"],
      ],
    },
    {
      name: "an answer spans lines up to the next number",
      reply: "1. one\n2. first line\nsecond line\n\nthird after a blank\n3. x",
      want: [
        [1, "one"],
        [2, "first line\nsecond line\n\nthird after a blank"],
        [3, "x"],
      ],
    },
    {
      name: "a number already answered inside an answer stays part of it",
      reply: "1. a\n2. b\n3. goals:\n1. more visitors\n2. better image",
      want: [
        [1, "a"],
        [2, "b"],
        [3, "goals:\n1. more visitors\n2. better image"],
      ],
    },
    {
      name: "numbers above the question count are text",
      reply: "1. a\n13. not a question\n2. b",
      count: 12,
      want: [
        [1, "a\n13. not a question"],
        [2, "b"],
      ],
    },
    {
      name: "answers out of order and skipped numbers",
      reply: "3. c\n1. a\n5. e",
      want: [
        [3, "c"],
        [1, "a"],
        [5, "e"],
      ],
    },
    {
      name: "the answer on the line after the number",
      reply: "1.\nカフェ山田\n2.\n1、3",
      want: [
        [1, "カフェ山田"],
        [2, "1、3"],
      ],
    },
    {
      name: "email: answers under quoted questions, the quoted original dropped",
      reply:
        "> 1. Your name?\nYamada Cafe\n> 2. Feel?\n> 1) Realistic\n> 2) Friendly\n2\n\nThanks!\nJo\n\nOn Mon, Nov 23, 2026 at 10:00 Ann wrote:\n> 1. Your name?\n> 2. Feel?",
      want: [
        [1, "Yamada Cafe"],
        [2, "2"],
      ],
    },
    {
      name: "a single-line last answer ends at a blank line (a signature follows)",
      reply: "1. a\n2. 2\n\nYamada Taro",
      multiline: (n) => n !== 2,
      want: [
        [1, "a"],
        [2, "2"],
      ],
    },
    {
      name: "a multi-line last answer keeps its blank lines, not the closing",
      reply: "1. a\n2. para one\n\npara two\n\nThank you very much!\nJo",
      want: [
        [1, "a"],
        [2, "para one\n\npara two"],
      ],
    },
    {
      name: "CRLF line ends and full-width indentation",
      reply: "1．カフェ\r\n　2） 親しみやすい\r\n",
      want: [
        [1, "カフェ"],
        [2, "親しみやすい"],
      ],
    },
    {
      name: "7、3 after answer 6 is question 7; 1、3 under an empty question 2 is its answer",
      reply: "1、3\n2.\n1、3\n6. x\n7、３\n8、2",
      want: [
        [1, "3"],
        [2, "1、3"],
        [6, "x"],
        [7, "３"],
        [8, "2"],
      ],
    },
    { name: "no numbers at all", reply: "ありがとうございます。検討します。", want: [] },
  ];
  it.each(cases)("$name", ({ reply, count, multiline, want }) => {
    const items = splitReply(reply, count ?? 12, multiline ? { multiline } : {});
    expect(items.map((i) => [i.n, i.text])).toEqual(want);
  });

  it("reports the line of each number", () => {
    expect(splitReply("hi\n\n1. a\n2. b", 5).map((i) => i.line)).toEqual([3, 4]);
  });
});

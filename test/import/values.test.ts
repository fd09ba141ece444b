import { describe, expect, it } from "vitest";
import { readAnswer } from "../../src/import/values.ts";
import type { Question } from "../../src/pack/types.ts";

const T = (ja: string, en: string) => ({ ja, en });
const q = (over: Partial<Question>): Question => ({
  id: "q",
  type: "text",
  message: T("質問は？", "Question?"),
  required: false,
  allow_pending: true,
  ...over,
});
const choices = [
  { value: "calm", label: T("落ち着いた", "Calm") },
  { value: "pop", label: T("ポップ", "Pop") },
  { value: "luxury", label: T("高級感", "Luxurious") },
  { value: "other", label: T("その他", "Other"), other: true },
];
const noOther = choices.slice(0, 3);
const select = q({ type: "select", choices });
const selectNoOther = q({ type: "select", choices: noOther });
const multi = q({ type: "multiselect", choices });
const multiNoOther = q({ type: "multiselect", choices: noOther });
const yesno = q({ type: "confirm" });
const num = q({ type: "number", unit: T("回", "rounds") });
const scale = q({ type: "scale", min: 1, max: 5, min_label: T("リアル", "realistic"), max_label: T("親しみやすい", "friendly") });
const date = q({ type: "date" });
const list = q({ type: "list" });
const refs = q({ type: "references" });
const para = q({ type: "paragraph" });
const text = q({ type: "text" });
const env = { today: "2026-11-23" };

type Want = { value: unknown; other?: string } | "pending" | "blank" | "unreadable" | { pending: string };
const read = (question: Question, s: string): Want => {
  const r = readAnswer(question, s, env);
  if (r.kind === "value") return r.other !== undefined ? { value: r.value, other: r.other } : { value: r.value };
  if (r.kind === "pending") return r.note ? { pending: r.note } : "pending";
  return r.kind;
};

describe("readAnswer", () => {
  it.each<[string, Question, string, Want]>([
    ["select by number", select, "2", { value: "pop" }],
    ["select by full-width number", select, "２", { value: "pop" }],
    ["select by ja label", select, "高級感", { value: "luxury" }],
    ["select by en label, any case", select, "calm", { value: "calm" }],
    ["select number + polite tail", select, "2でお願いします。", { value: "pop" }],
    ["select number + its label", select, "2. ポップ", { value: "pop" }],
    ["select '番'", select, "3番", { value: "luxury" }],
    ["select other by number + text", select, "4 水彩風", { value: "other", other: "水彩風" }],
    ["select other by label + bracket", select, "その他（水彩風）", { value: "other", other: "水彩風" }],
    ["select other en", select, "Other: watercolour", { value: "other", other: "watercolour" }],
    ["select free text → other", select, "水彩風", { value: "other", other: "水彩風" }],
    ["select free text without other", selectNoOther, "水彩風", "unreadable"],
    ["select out of range", select, "7", "unreadable"],
    ["select two picks", select, "1か2", "unreadable"],
    ["select two picks en", selectNoOther, "1 or 2", "unreadable"],
    ["select label that is a prefix of other text is not it", selectNoOther, "ポップコーン", "unreadable"],
    ["multi numbers 、", multi, "1、3", { value: ["calm", "luxury"] }],
    ["multi numbers , ", multi, "1, 3", { value: ["calm", "luxury"] }],
    ["multi numbers ・", multi, "1・3", { value: ["calm", "luxury"] }],
    ["multi numbers full-width", multi, "１，３", { value: ["calm", "luxury"] }],
    ["multi numbers spaces", multi, "1 3", { value: ["calm", "luxury"] }],
    ["multi numbers と", multi, "1と3", { value: ["calm", "luxury"] }],
    ["multi labels en", multi, "Calm, Luxurious", { value: ["calm", "luxury"] }],
    ["multi labels ja", multi, "落ち着いた・高級感", { value: ["calm", "luxury"] }],
    ["multi lines with bullets", multi, "- Calm\n- Pop", { value: ["calm", "pop"] }],
    ["multi with other text", multi, "1、4（店頭の看板、チラシ）", { value: ["calm", "other"], other: "店頭の看板、チラシ" }],
    ["multi other text by label", multi, "2, Other: signage", { value: ["pop", "other"], other: "signage" }],
    ["multi single", multi, "2", { value: ["pop"] }],
    ["multi unknown item without other", multiNoOther, "1, 水彩", "unreadable"],
    ["multi out of range", multi, "1, 9", "unreadable"],
    ["confirm はい", yesno, "はい", { value: true }],
    ["confirm いいえ。", yesno, "いいえ。", { value: false }],
    ["confirm yes", yesno, "Yes", { value: true }],
    ["confirm y", yesno, "y", { value: true }],
    ["confirm n", yesno, "N", { value: false }],
    ["confirm number 1", yesno, "1", { value: true }],
    ["confirm number ２", yesno, "２", { value: false }],
    ["confirm with remark", yesno, "はい、青と白です", { value: true }],
    ["confirm 大丈夫 is ambiguous", yesno, "大丈夫です", "unreadable"],
    ["confirm maybe", yesno, "たぶん", "unreadable"],
    ["number with ja unit", num, "3回", { value: 3 }],
    ["number with en unit", num, "10h", { value: 10 }],
    ["number full-width", num, "８", { value: 8 }],
    ["number 万円", num, "3万円", { value: 30000 }],
    ["number thousands", num, "¥30,000", { value: 30000 }],
    ["number decimal", num, "1.5万", { value: 15000 }],
    ["number approximate", num, "約10時間", { value: 10 }],
    ["number range", num, "3〜5回", "unreadable"],
    ["number two", num, "2 or 3", "unreadable"],
    ["number words", num, "a few", "unreadable"],
    ["scale number", scale, "４", { value: 4 }],
    ["scale end label", scale, "親しみやすい", { value: 5 }],
    ["date ISO", date, "2027-04-30", { value: "2027-04-30" }],
    ["date slashes", date, "2027/4/30", { value: "2027-04-30" }],
    ["date ja full", date, "2027年4月30日", { value: "2027-04-30" }],
    ["date ja full-width with weekday", date, "２０２７年４月３０日（金）まで", { value: "2027-04-30" }],
    ["date ja without year, later this year", date, "12月24日", { value: "2026-12-24" }],
    ["date ja without year, next year", date, "4月30日", { value: "2027-04-30" }],
    ["date today without year", date, "11月23日", { value: "2026-11-23" }],
    ["date M/D", date, "4/30", { value: "2027-04-30" }],
    ["date en", date, "Apr 30, 2027", { value: "2027-04-30" }],
    ["date en long", date, "April 30th 2027", { value: "2027-04-30" }],
    ["date en day first", date, "30 April 2027", { value: "2027-04-30" }],
    ["date en weekday", date, "Fri, Apr 30, 2027", { value: "2027-04-30" }],
    ["date en no year", date, "by Jan 5", { value: "2027-01-05" }],
    ["date d/m/y when day > 12", date, "30/4/2027", { value: "2027-04-30" }],
    ["date reiwa", date, "令和9年4月30日", { value: "2027-04-30" }],
    ["date impossible", date, "2027年2月30日", "unreadable"],
    ["date two", date, "4月30日か5月1日", "unreadable"],
    ["date vague", date, "来月中", "unreadable"],
    ["list lines", list, "・400x400\n・1500x500", { value: ["400x400", "1500x500"] }],
    ["list one line", list, "400x400、1500x500", { value: ["400x400", "1500x500"] }],
    ["paragraph keeps lines", para, "一行目\n二行目", { value: "一行目\n二行目" }],
    ["text joins lines", text, "カフェ\n山田", { value: "カフェ 山田" }],
    ["text keeps other words", text, "未定ではない名前", { value: "未定ではない名前" }],
    ["pending ja", date, "未定", "pending"],
    ["pending ja with note", date, "未定（来月決めます）", { pending: "来月決めます" }],
    ["pending まだ決まっていません", num, "まだ決まっていません", "pending"],
    ["pending en", select, "not decided yet", "pending"],
    ["pending TBD", text, "TBD", "pending"],
    ["pending en with note", para, "Not decided yet - will ask my boss", { pending: "will ask my boss" }],
    ["none", list, "特になし", "blank"],
    ["none en", refs, "none", "blank"],
    ["blank", text, "  ", "blank"],
    ["echoed question stripped", text, "質問は？【必須】 カフェ山田", { value: "カフェ山田" }],
    ["answer mark stripped", text, "A: カフェ山田", { value: "カフェ山田" }],
    ["arrow stripped", select, "→ 2", { value: "pop" }],
  ])("%s", (_name, question, s, want) => {
    expect(read(question, s)).toEqual(want);
  });

  it("reads references with notes and like/avoid", () => {
    const r = readAnswer(refs, "https://example.com/a.png 線の太さが好き\nrefs/b.jpg この色は避けたい\nhttps://x.test/c\n色味の参考に", env);
    expect(r).toMatchObject({
      kind: "value",
      value: [
        { source: "https://example.com/a.png", note: "線の太さが好き", kind: "like" },
        { source: "refs/b.jpg", note: "この色は避けたい", kind: "avoid" },
        { source: "https://x.test/c", note: "色味の参考に", kind: "like" },
      ],
    });
  });

  it("remarks on what it read with a judgment", () => {
    const r = readAnswer(select, "水彩風", env);
    expect(r.kind === "value" && r.remarks.map((m) => m.en)).toEqual(['not a choice: read as "Other: 水彩風"']);
    const d = readAnswer(date, "4/5/2027", env);
    expect(d).toMatchObject({ kind: "value", value: "2027-04-05" });
    expect(d.kind === "value" && d.remarks.length).toBe(1);
  });
});

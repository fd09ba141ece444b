import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Answers, Meta } from "../../src/answers/types.ts";
import { type HearingOptions, type HearingState, runHearing } from "../../src/flow/hearing.ts";
import type { MetaKey } from "../../src/flow/steps.ts";
import { msg } from "../../src/i18n.ts";
import { readPackFile } from "../../src/pack/load.ts";
import { FIXTURES } from "../helpers.ts";
import { ans, back, edit, finish, type Line, pending, ScriptedPrompter } from "./scripted.ts";

const pack = readPackFile(path.join(FIXTURES, "hearing", "walk-test.yaml")).pack;
const platforms = [
  { id: "coconala", name: msg("ココナラ", "Coconala") },
  { id: "upwork", name: msg("Upwork", "Upwork") },
];

/** After usage: the deadline section answered plainly, then the review screen. */
const deadline: Line[] = [
  ["revisions", ans("3")],
  ["due_date", ans("2027-01-15")],
  ["budget", ans("")],
  ["review", finish],
];
const basics: Line[] = [
  ["shop_name", ans("Blue Bird")],
  ["style", ans("modern")],
];
const plain = { shop_name: "Blue Bird", style: "modern", usage: ["web"], revisions: 3, due_date: "2027-01-15" };

interface Case {
  name: string;
  script: Line[];
  answers?: Answers;
  meta?: Meta;
  askMeta?: MetaKey[];
  start?: HearingOptions["start"];
  expected: Answers;
  expectedMeta?: Meta;
  /** Notices the flow showed, in order. */
  notices?: string[];
}

const cases: Case[] = [
  {
    name: "walks every question in pack order",
    script: [...basics, ["usage", ans(["web"])], ...deadline],
    expected: plain,
  },
  {
    name: "an other: true choice asks for the free text at once",
    script: [["shop_name", ans("Blue Bird")], ["style", ans("other")], ["style_other", ans(" Watercolour ")], ["usage", ans(["web"])], ...deadline],
    expected: { ...plain, style: "other", style_other: "Watercolour" },
  },
  {
    name: "back from the other text returns to the choice",
    script: [["shop_name", ans("Blue Bird")], ["style", ans("other")], ["style_other", back], ["style", ans("classic")], ["usage", ans(["web"])], ...deadline],
    expected: { ...plain, style: "classic" },
  },
  {
    name: "a conditional question appears when its condition holds",
    script: [...basics, ["usage", ans(["sns", "web"])], ["sns_accounts", ans("@bluebird")], ...deadline],
    expected: { ...plain, usage: ["sns", "web"], sns_accounts: "@bluebird" },
  },
  {
    name: "going back and changing an answer drops answers whose condition no longer holds",
    script: [
      ...basics,
      ["usage", ans(["sns"])],
      ["sns_accounts", ans("@bluebird")],
      ["revisions", back],
      ["sns_accounts", back],
      ["usage", ans(["web"])],
      ...deadline,
    ],
    expected: plain,
  },
  {
    name: "a number above its maximum is refused with the reason, then corrected",
    script: [...basics, ["usage", ans(["web"])], ["revisions", ans("9")], ["revisions", ans("３")], ...deadline.slice(1)],
    expected: plain,
    notices: ["9 is out of range (0 to 5) — use a value from 0 to 5"],
  },
  {
    name: "an empty required answer is refused",
    script: [["shop_name", ans("  ")], ...basics, ["usage", ans([])], ["usage", ans(["web"])], ...deadline],
    expected: plain,
    notices: ["This question needs an answer", "This question needs an answer"],
  },
  {
    name: "dates are read as typed (2027/1/5) and stored as ISO",
    script: [...basics, ["usage", ans(["web"])], ["revisions", ans("3")], ["due_date", ans("2027/1/5")], ["budget", ans("50,000")], ["review", finish]],
    expected: { ...plain, due_date: "2027-01-05", budget: 50000 },
  },
  {
    name: '"not decided yet" asks for a note and stores it',
    script: [
      ...basics,
      ["usage", ans(["web"])],
      ["revisions", ans("3")],
      ["due_date", pending],
      ["due_date.note", ans("after the meeting")],
      ["budget", pending],
      ["budget.note", ans("")],
      ["review", finish],
    ],
    expected: { ...plain, due_date: { pending: true, note: "after the meeting" }, budget: { pending: true } },
  },
  {
    name: '"not decided yet" is refused where the pack does not allow it',
    script: [["shop_name", pending], ...basics, ["usage", ans(["web"])], ...deadline],
    expected: plain,
    notices: ['This question cannot be "not decided yet"'],
  },
  {
    name: "back on the first question says so and stays",
    script: [["shop_name", back], ...basics, ["usage", ans(["web"])], ...deadline],
    expected: plain,
    notices: ["This is the first question"],
  },
  {
    name: "back from the first pack question goes to the job details",
    askMeta: ["job"],
    script: [["meta.job", ans("Logo")], ["shop_name", back], ["meta.job", ans("Logo refresh")], ...basics, ["usage", ans(["web"])], ...deadline],
    expected: plain,
    expectedMeta: { job: "Logo refresh" },
  },
  {
    name: "the job details: a platform typed as other is stored as typed",
    askMeta: ["client", "platform"],
    script: [
      ["meta.client", ans("Jane Smith")],
      ["meta.platform", ans("other")],
      ["platform_other", ans("Skima")],
      ...basics,
      ["usage", ans(["web"])],
      ...deadline,
    ],
    expected: plain,
    expectedMeta: { client: "Jane Smith", platform: "Skima" },
  },
  {
    name: "an edit on the review screen asks a newly shown question, then returns to review",
    script: [
      ...basics,
      ["usage", ans(["web"])],
      ...deadline.slice(0, 3),
      ["review", edit("usage")],
      ["usage", ans(["web", "sns"])],
      ["sns_accounts", ans("@bb")],
      ["review", finish],
    ],
    expected: { ...plain, usage: ["web", "sns"], sns_accounts: "@bb" },
  },
  {
    name: "back from an edit returns to the review screen unchanged",
    script: [...basics, ["usage", ans(["web"])], ...deadline.slice(0, 3), ["review", edit("style")], ["style", back], ["review", finish]],
    expected: plain,
  },
  {
    name: "a job detail given by a flag can still be changed on the review screen",
    meta: { client: "Jane" },
    script: [
      ...basics,
      ["usage", ans(["web"])],
      ...deadline.slice(0, 3),
      ["review", edit("meta.client")],
      ["meta.client", ans("Jane Smith")],
      ["review", finish],
    ],
    expected: plain,
    expectedMeta: { client: "Jane Smith" },
  },
  {
    name: "resume continues at the first unanswered question, then reviews",
    start: "fill",
    answers: { shop_name: "Blue Bird", style: "modern", usage: ["web"] },
    script: deadline,
    expected: plain,
  },
  {
    name: "resume: back reaches answered questions, forward skips to the next unanswered",
    start: "fill",
    answers: { shop_name: "Blue Bird", style: "modern", usage: ["web"], revisions: 3 },
    script: [
      ["due_date", back],
      ["revisions", ans("4")],
      ["due_date", ans("2027-01-15")],
      ["budget", ans("")],
      ["review", finish],
    ],
    expected: { ...plain, revisions: 4 },
  },
  {
    name: "finishing with a required answer missing asks it first",
    start: "review",
    answers: { shop_name: "Blue Bird", style: "modern", usage: ["web"], revisions: 3 },
    script: [
      ["review", finish],
      ["due_date", ans("2027-01-15")],
      ["budget", ans("")],
      ["review", finish],
    ],
    expected: plain,
    notices: ["Answer this question before finishing"],
  },
];

async function hear(c: Case): Promise<{ state: HearingState; saves: HearingState[]; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(c.script);
  const saves: HearingState[] = [];
  const state = await runHearing(
    {
      pack,
      lang: "en",
      answers: c.answers ?? {},
      meta: c.meta ?? {},
      askMeta: c.askMeta ?? [],
      platforms,
      start: c.start ?? "walk",
      save: (s) => {
        saves.push(structuredClone(s));
      },
    },
    prompter,
  );
  return { state, saves, prompter };
}

describe("runHearing", () => {
  it.each(cases)("$name", async (c) => {
    const { state, prompter } = await hear(c);
    expect(prompter.done()).toBe(true);
    expect(state.answers).toEqual(c.expected);
    expect(state.meta).toEqual(c.expectedMeta ?? c.meta ?? {});
    const notices = [...prompter.asks.map((a) => a.notice), ...prompter.reviews.map((r) => r.notice)].filter(Boolean);
    expect(notices).toEqual(c.notices ?? []);
  });

  it("saves after every answer, without the answers of questions that no longer apply", async () => {
    const c = cases.find((x) => x.name.startsWith("going back"));
    const { saves } = await hear(c as Case);
    expect(saves.map((s) => Object.keys(s.answers))).toEqual([
      ["shop_name"],
      ["shop_name", "style"],
      ["shop_name", "style", "usage"],
      ["shop_name", "style", "usage", "sns_accounts"],
      // usage changed to [web]: sns_accounts is gone from the next save on.
      ["shop_name", "style", "usage"],
      ["shop_name", "style", "usage", "revisions"],
      ["shop_name", "style", "usage", "revisions", "due_date"],
      ["shop_name", "style", "usage", "revisions", "due_date"],
    ]);
  });

  it("shows progress, the section intro on its first question, and the current answer", async () => {
    const { prompter } = await hear({
      name: "",
      script: [...basics, ["usage", ans(["sns"])], ["sns_accounts", back], ["usage", ans(["sns"])], ["sns_accounts", ans("x")], ...deadline],
      expected: {},
    });
    const asks = prompter.asks;
    const frame = (id: string) => asks.find((a) => a.id === id)?.frame;
    expect(frame("shop_name")).toMatchObject({ title: "Walk test hearing", section: 1, sections: 3, question: 1, questions: 2, intro: "A few basics first." });
    expect(frame("style")).not.toHaveProperty("intro");
    // usage is 1 of 1 until sns is picked, then sns_accounts makes it 1 of 2.
    expect(asks.filter((a) => a.id === "usage").map((a) => a.frame.questions)).toEqual([1, 2]);
    expect(asks.filter((a) => a.id === "usage").map((a) => a.initial)).toEqual([undefined, ["sns"]]);
    expect(frame("due_date")).toMatchObject({ section: 3, question: 2, questions: 3, sectionTitle: "Deadline" });
    expect(asks.find((a) => a.id === "style")?.choices?.map((c) => c.value)).toEqual(["modern", "classic", "other"]);
    expect(asks.find((a) => a.id === "due_date")?.canPending).toBe(true);
  });

  it("lists every answer on the review screen by section, with labels", async () => {
    const { prompter } = await hear({
      name: "",
      meta: { platform: "upwork" },
      script: [
        ["shop_name", ans("Blue Bird")],
        ["style", ans("other")],
        ["style_other", ans("Watercolour")],
        ["usage", ans(["web"])],
        ["revisions", ans("3")],
        ["due_date", pending],
        ["due_date.note", ans("ask")],
        ["budget", ans("")],
        ["review", finish],
      ],
      expected: {},
    });
    const review = prompter.reviews[0];
    expect(review?.sections.map((s) => s.title)).toEqual(["About the job", "Basics", "Usage", "Deadline"]);
    const items = Object.fromEntries(review?.sections.flatMap((s) => s.items.map((i) => [i.id, i.text])) ?? []);
    expect(items).toEqual({
      "meta.client": "",
      "meta.job": "",
      "meta.platform": "Upwork",
      shop_name: "Blue Bird",
      style: "Other: Watercolour",
      usage: "Website",
      revisions: "3 rounds",
      due_date: "not decided yet (ask)",
      budget: "",
    });
  });

  it("refuses, through validate(), what checkValue refuses, in the hearing's language", async () => {
    const prompter = new ScriptedPrompter([["shop_name", ans("x")]]);
    await runHearing({ pack, lang: "ja", answers: {}, meta: {}, askMeta: [], platforms, start: "walk", save: () => {} }, prompter).catch(() => {});
    const ask = prompter.asks[0];
    expect(ask?.validate("")).toBe("この質問は回答が必要です");
    expect(ask?.validate("a".repeat(41))).toContain("40 文字以内");
    expect(ask?.validate("Blue Bird")).toBeUndefined();
  });
});

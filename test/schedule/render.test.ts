import { describe, expect, test } from "vitest";
import { renderGantt, sanitizeGanttText } from "../../src/schedule/gantt.ts";
import { formatDate } from "../../src/schedule/labels.ts";
import { renderTimeline, type TimelineColorKind } from "../../src/schedule/timeline.ts";
import type { Lang, PlanInput } from "../../src/schedule/types.ts";
import { calendars, GANTT_LINE, plan } from "./helpers.ts";

// Late December to early February: 元日, 成人の日 and 建国記念の日 on workdays.
const job: Partial<PlanInput> = {
  start: "2026-12-28",
  due: "2027-01-29",
  revisionRounds: 2,
  effortHours: 40,
  calendar: "jp",
  platform: "coconala",
};
const timeline = (lang: Lang, overrides: Partial<PlanInput> = {}) => renderTimeline(plan({ ...job, ...overrides }), { lang, calendar: calendars.jp });
const rowOf = (lines: string[], monday: string) => lines.find((l) => l.startsWith(monday)) ?? "";

describe("renderTimeline", () => {
  test.each([
    ["ja", "12/28", " 1H", "1/1(金) 元日"],
    ["ja", "01/11", "11H", "成人の日"],
    ["en", "01/11", "11H", "Jan 11 Coming of Age Day"],
  ] as const)("%s: week %s marks the holiday %j and names it %j", (lang, monday, cell, name) => {
    const row = rowOf(timeline(lang), monday);
    expect(row).toContain(cell);
    expect(row).toContain(name);
  });

  test.each([
    ["ja", "12/28", "28S", "ヒアリング完了"],
    ["ja", "12/28", "30!", "初回返信期限"],
    ["ja", "01/11", "15D", "初稿"],
    ["ja", "01/18", "18C", "確認1回目（修正依頼）"],
    ["ja", "01/18", "22R", "修正1回目"],
    ["ja", "01/25", "29F", "納品"],
    ["ja", "02/01", " 1A", "検収期限"],
    ["en", "01/11", "15D", "First draft"],
    ["en", "01/25", "29F", "Final delivery"],
    ["en", "02/01", " 1A", "Acceptance ends"],
  ] as const)("%s: week %s marks %j and names it %j", (lang, monday, cell, label) => {
    const row = rowOf(timeline(lang), monday);
    expect(row).toContain(cell);
    expect(row).toContain(label);
  });

  test("marks workdays, days off, check-ins and the client's turn", () => {
    const row = rowOf(timeline("ja"), "01/04");
    expect(row.slice(0, 36)).toBe("01/04    4o  5.  6o  7.  8o  9- 10-");
    expect(rowOf(timeline("ja"), "01/11")).toMatch(/16~ 17~/);
  });

  test("every week row has seven aligned cells, Monday first", () => {
    const cell = String.raw`[ \d]\d[.\-H~oSDCRFA! ]`;
    const rows = timeline("en").filter((l) => /^\d\d\/\d\d /.test(l));
    expect(rows.length).toBe(6);
    for (const row of rows) expect(row).toMatch(new RegExp(String.raw`^\d\d/\d\d   (${cell} ){6}${cell}`));
  });

  test.each([
    ["ja", ["凡例", "稼働日", "祝日", "定期連絡", "初稿", "納品", "検収期限"], "判定: 余裕あり"],
    ["en", ["Legend", "workday", "holiday", "check-in", "first draft", "final delivery"], "Verdict: OK"],
  ] as const)("%s has a legend and a summary", (lang, legendWords, verdictLine) => {
    const text = timeline(lang).join("\n");
    for (const word of legendWords) expect(text).toContain(word);
    expect(text).toContain(verdictLine);
    expect(text).toContain(formatDate("2027-01-29", lang));
  });

  test("a late plan says how late and when it would fit", () => {
    const text = timeline("ja", { due: "2027-01-08" }).join("\n");
    expect(text).toContain("判定: 間に合わない");
    expect(text).toContain("最短で間に合う締切: 2027年1月19日(火)");
  });

  test("names the bottleneck when it is not the final delivery", () => {
    const text = timeline("en", { start: "2027-01-04", effortHours: 56, revisionRounds: 2, reviewDays: 2, calendar: "none", platform: "direct" }).join("\n");
    expect(text).toMatch(/Least slack: First draft Jan 15 \(capacity 40 h vs effort 39.2 h, slack 2%\)/);
  });

  test("colour comes only from the injected function", () => {
    const color = (kind: TimelineColorKind, text: string) => `<${kind}>${text}</>`;
    const lines = renderTimeline(plan(job), { lang: "en", calendar: calendars.jp, color });
    const text = lines.join("\n");
    expect(text).toContain("<holiday> 1H</>");
    expect(text).toContain("<worker>29F</>");
    expect(text).toContain("<client>18C</>");
    expect(text).toContain("<ok>OK</>");
    expect(text).not.toContain("\u001b[");
  });
});

describe("renderGantt", () => {
  test.each([
    ["ja", 0, "final", "coconala"],
    ["ja", 2, "final", "coconala"],
    ["en", 3, "first_draft", "upwork"],
    ["en", 1, "final", undefined],
    ["ja", 2, "final", "direct"],
  ] as const)("%s, %i rounds, due means %s, %s: every line is valid gantt syntax", (lang, revisionRounds, dueMeans, platform) => {
    const lines = renderGantt(plan({ ...job, revisionRounds, dueMeans, platform }), lang);
    expect(lines[0]).toBe("gantt");
    for (const line of lines)
      expect(
        GANTT_LINE.some((re) => re.test(line)),
        line,
      ).toBe(true);
    const tasks = lines.flatMap((l) => {
      const m = / :(?:milestone, )?([a-z0-9_]+), (\S+), (\S+)$/.exec(l);
      return m ? [{ id: m[1], start: m[2] ?? "", end: m[3] ?? "" }] : [];
    });
    expect(tasks.length).toBeGreaterThan(2);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    for (const t of tasks) expect(t.end === "1d" || t.start < t.end, `${t.id}`).toBe(true);
  });

  test("bars end the day after their last day, as Mermaid reads end dates", () => {
    const lines = renderGantt(plan({ ...job, revisionRounds: 0 }), "en");
    expect(lines).toContain("    Drafting :work_first_draft, 2026-12-28, 2027-01-30");
    expect(lines).toContain("    Final delivery :milestone, final_delivery, 2027-01-29, 1d");
  });

  test.each([
    ["Logo: v2", "Logo v2"],
    ["#1 draft; final", "1 draft final"],
    ["line\nbreak", "line break"],
    ["修正1回目：確認", "修正1回目：確認"],
    // A name that starts with a keyword of Mermaid's gantt lexer is kept as a name.
    ["Section 2", "\u200BSection 2"],
    ["title page", "\u200Btitle page"],
    ["click here", "\u200Bclick here"],
    ["%% comment", "％％ comment"],
    ["a%b", "a％b"],
    ["2027-01-05 delivery", "\u200B2027-01-05 delivery"],
    ["50% done %%{init}%%", "50％ done ％％{init}％％"],
  ])("sanitizes %j to %j", (text, expected) => {
    expect(sanitizeGanttText(text)).toBe(expected);
  });
});

import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, test } from "vitest";
import { formatDate } from "../../src/date-format.ts";
import { pictureModel } from "../../src/schedule/picture/model.ts";
import { renderPictureSvg } from "../../src/schedule/picture/svg.ts";
import { textWidth, wrapText } from "../../src/schedule/picture/text.ts";
import type { Lang, Plan, PlanInput, Stage } from "../../src/schedule/types.ts";
import { plan } from "./helpers.ts";

// The client's picture as SVG: well-formed XML, every milestone the client sees with its
// label on its own date, the deadline said in words, nothing outside the picture.

const L = (ja: string, en: string) => ({ ja, en });
const STAGES: Stage[] = [
  { actor: "client", id: "materials", label: L("資料のご送付", "Send the materials"), days: 2 },
  { id: "rough", label: L("ラフ", "Sketch"), share: 0.2, check: {} },
  { id: "line_art", label: L("線画", "Line art"), share: 0.3 },
  { id: "color", label: L("着彩", "Colour"), share: 0.3, check: { label: L("色のご確認", "Check the colours") } },
  { id: "finish", label: L("仕上げ", "Finishing"), share: 0.1 },
];
const JOB: Partial<PlanInput> = {
  start: "2027-01-04",
  due: "2027-02-12",
  effortHours: 24,
  hoursPerDay: 3,
  revisionRounds: 2,
  reviewDays: 2,
  platform: "coconala",
};

function parseSvg(svg: string): Document {
  const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
  expect(doc.getElementsByTagName("parsererror").length, svg.slice(0, 200)).toBe(0);
  return doc;
}

const draw = (p: Plan, lang: Lang, extra: { job?: string; client?: string } = {}) =>
  renderPictureSvg({ plan: p, lang, today: "2027-01-01", job: "アイコン制作", client: "山田 様", platformName: "ココナラ", ...extra });

describe("the timeline picture (SVG)", () => {
  test.each([
    ["ja", "with stages", "final"],
    ["en", "with stages", "first_draft"],
    ["ja", "without stages", "first_draft"],
    ["en", "without stages", "final"],
  ] as const)("%s, a plan %s, due means %s: every milestone's label on its date, in well-formed XML", (lang, kind, dueMeans) => {
    const p = plan({ ...JOB, dueMeans, ...(kind === "with stages" ? { stages: STAGES } : {}) });
    const svg = draw(p, lang);
    const doc = parseSvg(svg);
    const model = pictureModel({ plan: p, lang, today: "2027-01-01" });
    const shown = p.milestones.filter((m) => m.kind !== "first_reply");
    expect(model.rows.flatMap((r) => r.events).length).toBe(shown.length);
    for (const row of model.rows) {
      const group = doc.querySelector(`g[data-date="${row.date}"]`);
      expect(group, row.date).not.toBeNull();
      const text = [...(group?.querySelectorAll("text") ?? [])].map((t) => t.textContent).join("");
      const [, mm, dd] = row.date.split("-").map(Number);
      expect(text).toContain(lang === "ja" ? `${mm}/${dd}` : ` ${dd}`);
      for (const e of row.events) expect(text.replace(/\s/g, ""), `${e.id} on ${row.date}`).toContain(e.label.replace(/\s/g, ""));
    }
    // The description lists every date in full, with its weekday, for screen readers.
    const desc = doc.querySelector("desc")?.textContent ?? "";
    for (const m of shown) expect(desc).toContain(formatDate(m.date, lang));
    expect(doc.documentElement.getAttribute("width")).toBe("1080");
  });

  test.each([
    ["ja", "final", "「納期」＝修正を終えた完成版をお届けする日", "ラフのお届け"],
    ["ja", "first_draft", "「納期」＝ラフをお届けする日", "完成版のお届け（最終納品）"],
    ["en", "first_draft", '"Deadline" = the day you receive the sketch', "Finished work (final delivery)"],
    ["en", "final", '"Deadline" = the day you receive the finished work, revisions done', "Sketch delivered"],
  ] as const)("%s, due means %s: the deadline says what it is, and the other date beside it", (lang, dueMeans, what, other) => {
    const p = plan({ ...JOB, dueMeans, stages: STAGES });
    const svg = draw(p, lang);
    const anchor = dueMeans === "final" ? p.finalDate : p.firstDraftDate;
    const texts = [...parseSvg(svg).querySelectorAll("text")].map((t) => t.textContent ?? "");
    expect(texts.join(" ").replace(/\s+/g, " ")).toContain(what);
    expect(texts).toContain(formatDate(anchor, lang));
    expect(texts.some((t) => t.startsWith(`${other}: `))).toBe(true);
    // The deadline's own row carries the badge.
    const row = parseSvg(svg).querySelector(`g[data-date="${anchor}"]`);
    expect(row?.textContent).toContain(lang === "ja" ? "納期" : "Deadline");
  });

  test("the pack's words: 初回納品 and リテイク", () => {
    const p = plan({ ...JOB, dueMeans: "first_draft" });
    const svg = renderPictureSvg({
      plan: p,
      lang: "ja",
      today: "2027-01-01",
      terms: { first_draft: L("初回納品", "First delivery"), revision: L("リテイク", "Retake") },
    });
    expect(svg).toContain("「納期」＝初回納品をお届けする日");
    expect(svg).toContain("リテイク1回目のお届け");
    expect(svg).not.toContain("初稿");
  });

  test("is self-contained: no external fonts, images, links or scripts", () => {
    const svg = draw(plan({ ...JOB, stages: STAGES }), "ja");
    expect(svg).not.toMatch(/<image|<script|<style|@import|url\(|href|<foreignObject/i);
    expect(svg).toContain("font-family=\"'Noto Sans CJK JP'");
    expect(svg).toMatch(/sans-serif/);
  });

  test("today is marked where it falls", () => {
    const p = plan({ ...JOB, stages: STAGES });
    const before = parseSvg(renderPictureSvg({ plan: p, lang: "en", today: "2027-01-01" }));
    expect(before.documentElement.textContent).toContain("Today Fri, Jan 1");
    const on = renderPictureSvg({ plan: p, lang: "ja", today: p.firstDraftDate });
    expect(parseSvg(on).querySelector(`g[data-date="${p.firstDraftDate}"]`)?.textContent).toContain("今日");
  });

  test("--width scales the picture, keeping its proportions", () => {
    const p = plan({ ...JOB, stages: STAGES });
    const full = parseSvg(renderPictureSvg({ plan: p, lang: "ja", today: "2027-01-01" })).documentElement;
    const half = parseSvg(renderPictureSvg({ plan: p, lang: "ja", today: "2027-01-01" }, { width: 540 })).documentElement;
    expect(half.getAttribute("width")).toBe("540");
    expect(Number(half.getAttribute("height"))).toBe(Math.round(Number(full.getAttribute("height")) / 2));
    expect(half.getAttribute("viewBox")).toBe(full.getAttribute("viewBox"));
  });

  test("any job title, client name or stage label stays text: markup escaped, the XML well-formed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 30 }), fc.string({ minLength: 1, maxLength: 40 }), (job, client, label) => {
        const stages: Stage[] = [
          { id: "a", label: L(label, label), share: 0.5, check: {} },
          { id: "b", label: L("仕上げ", "Finish"), share: 0.4 },
        ];
        const svg = renderPictureSvg({ plan: plan({ ...JOB, stages }), lang: "ja", today: "2027-01-01", job, client });
        const doc = parseSvg(svg);
        expect(doc.querySelectorAll("script, foreignObject, image").length).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe("text in the picture", () => {
  test.each([
    ["リテイクのご依頼（1回目）", 338, ["リテイクのご依頼", "（1回目）"]],
    ["Your feedback (round 1)", 200, ["Your feedback", "(round 1)"]],
    // 。 never starts a line: it stays with the character before it.
    ["ラフのご確認。次へ", 120, ["ラフのご", "確認。次", "へ"]],
    ["Supercalifragilisticexpialidocious", 200, ["Supercalifragili", "sticexpialidoci", "ous"]],
  ])("%j in %ipx → %j", (text, width, lines) => {
    expect(wrapText(text, width, 27)).toEqual(lines);
  });

  test("no line is wider than asked, at most three lines, the last cut with …", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 60, max: 600 }), (text, width) => {
        const lines = wrapText(text, width, 27);
        expect(lines.length).toBeLessThanOrEqual(3);
        for (const l of lines) expect(textWidth(l, 27) <= width || [...l].length === 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

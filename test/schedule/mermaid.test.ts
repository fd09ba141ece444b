import * as path from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, test } from "vitest";
import { addDays } from "../../src/iso-date.ts";
import { renderGantt } from "../../src/schedule/gantt.ts";
import type { MilestoneTerms } from "../../src/schedule/labels.ts";
import type { Lang, Plan, Stage } from "../../src/schedule/types.ts";
import { ROOT } from "../helpers.ts";
import { runMain } from "../in-process.ts";
import { plan } from "./helpers.ts";

// The brief's gantt chart read by Mermaid itself (its own parser and task database, under
// jsdom): every bar and diamond lands where the plan says, with the name the plan gives it.

interface MermaidTask {
  task: string;
  id: string;
  section: string;
  startTime: Date;
  endTime: Date;
  milestone?: boolean;
}
interface MermaidApi {
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: { getTasks(): MermaidTask[]; getDiagramTitle(): string } }> };
}
let mermaid: MermaidApi;

beforeAll(async () => {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import("mermaid")).default as unknown as MermaidApi;
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const name = (t: MermaidTask) =>
  t.task
    .replace(/\u200B/g, "")
    .replace(/％/g, "%")
    .trim();

async function readChart(lines: string[]) {
  const text = lines.join("\n");
  await mermaid.parse(text); // throws on a syntax error
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  return { tasks: db.getTasks(), title: db.getDiagramTitle() };
}

/** What Mermaid read is what the plan says: ids, names, days, sections, and diamonds inside the bars they end. */
async function expectFaithful(lines: string[], p: Plan) {
  const { tasks, title } = await readChart(lines);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  expect(tasks.length).toBe(p.phases.length + p.milestones.length);
  expect(title).toBe(lines.find((l) => l.startsWith("    title "))?.slice(10));
  for (const ph of p.phases) {
    const t = byId.get(ph.id);
    expect(t, ph.id).toBeDefined();
    expect([iso(t?.startTime ?? new Date(0)), iso(t?.endTime ?? new Date(0))], ph.id).toEqual([ph.start, addDays(ph.end, 1)]);
    expect(t?.milestone).toBeFalsy();
  }
  for (const m of p.milestones) {
    const t = byId.get(m.id);
    expect(t?.milestone, m.id).toBe(true);
    // A one-day task: the diamond is drawn in the middle of the milestone's own day.
    expect([iso(t?.startTime ?? new Date(0)), iso(t?.endTime ?? new Date(0))], m.id).toEqual([m.date, addDays(m.date, 1)]);
    // Every delivery ends a work bar on its day: the diamond sits in that bar's last day.
    const bar = p.phases.find((ph) => ph.kind === "work" && ph.end === m.date);
    if (m.actor === "worker" && m.kind !== "hearing" && bar) expect(iso(byId.get(bar.id)?.endTime ?? new Date(0))).toBe(iso(t?.endTime ?? new Date(0)));
  }
  const sections = new Set(tasks.map((t) => t.section));
  expect(sections.size).toBe(p.phases.some((ph) => ph.actor !== "worker") ? 3 : 2);
  return { tasks, title };
}

describe("the brief's gantt, read by Mermaid", () => {
  const packs = ["design-general", "icon-illustration", "logo-design", "voice-recording"];
  test.each(packs.flatMap((pack) => (["ja", "en"] as const).map((lang) => [pack, lang] as const)))("%s (%s)", async (pack, lang) => {
    const r = await runMain(["render", path.join(ROOT, "questionnaires", "examples", `${pack}.answers.yaml`), "--stdout", "--only", "brief", "--lang", lang]);
    expect(r.code, r.stderr).toBe(0);
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(r.stdout)?.[1] ?? "";
    const { tasks } = await readChart(block.split("\n"));
    // Every row of the brief's milestone table is a diamond of the chart, with the same name.
    const rows = [...r.stdout.matchAll(/^\| [^|]+ \| ([^|]+) \| [^|]+ \|$/gm)].map((m) => (m[1] ?? "").trim()).slice(2);
    const diamonds = tasks.filter((t) => t.milestone).map(name);
    expect(diamonds).toEqual(rows);
    expect(tasks.filter((t) => !t.milestone).length).toBeGreaterThan(2);
  });

  const job = { start: "2027-01-04", due: "2027-02-19", effortHours: 30, hoursPerDay: 3, revisionRounds: 2, platform: "coconala" };
  test.each([
    ["ja", "final", undefined],
    ["en", "final", undefined],
    ["ja", "first_draft", undefined],
    ["en", "first_draft", "fiverr"],
  ] as const)("a plan without stages (%s, due means %s, %s)", async (lang, dueMeans, platform) => {
    const p = plan({ ...job, dueMeans, ...(platform ? { platform } : {}) });
    await expectFaithful(renderGantt(p, lang), p);
  });

  // Pack words that Mermaid's lexer would read as statements, comments or directives.
  const HOSTILE: [string, MilestoneTerms, Stage[]][] = [
    [
      "keywords",
      {
        first_draft: { ja: "section 初回", en: "Section one" },
        revision: { ja: "title修正", en: "Title fix" },
        final_delivery: { ja: "click納品", en: "Click here" },
      },
      [
        { actor: "client", id: "m", label: { ja: "%% 資料", en: "%%{init: {}}%%" }, days: 2 },
        { id: "a", label: { ja: "gantt ラフ", en: "dateFormat x" }, share: 0.3, check: { label: { ja: "excludes 確認", en: "todayMarker on" } } },
        { id: "b", label: { ja: "2027-01-05 線画", en: "axisFormat %Y" }, share: 0.3 },
        { id: "c", label: { ja: "weekday monday", en: "accTitle: x" }, share: 0.2 },
        { id: "d", label: { ja: "a%b", en: "x%y" }, share: 0.1 },
      ],
    ],
    [
      "punctuation",
      { revision: { ja: "修正: #1; 再提出", en: "Fix: #1; again" } },
      [
        { id: "a", label: { ja: "ラフ;案", en: "Sketch: A#B" }, share: 0.4, check: {} },
        { id: "b", label: { ja: "  改行\nあり  ", en: "line\r\nbreak\ttab" }, share: 0.4 },
      ],
    ],
  ];
  test.each(HOSTILE.flatMap(([what, terms, stages]) => (["ja", "en"] as Lang[]).map((lang) => [what, lang, terms, stages] as const)))(
    "pack terms and stage names with %s stay names (%s)",
    async (_what, lang, terms, stages) => {
      for (const dueMeans of ["final", "first_draft"] as const) {
        const p = plan({ ...job, dueMeans, stages });
        const { tasks, title } = await expectFaithful(renderGantt(p, lang, terms), p);
        const names = tasks.map(name);
        for (const s of stages) {
          const shown = s.label[lang].replace(/[:#;]/g, " ").replace(/\s+/g, " ").trim();
          expect(names, shown).toContain(shown);
        }
        // English phrases the term in lower case ("the section one date").
        if (terms.first_draft && dueMeans === "first_draft") expect(title.toLowerCase()).toContain(terms.first_draft[lang].toLowerCase());
      }
    },
  );

  test("the title uses the pack's terms: 初回納品, not 初稿", async () => {
    const p = plan({ ...job, dueMeans: "first_draft" });
    const { title } = await readChart(renderGantt(p, "ja", { first_draft: { ja: "初回納品", en: "First delivery" } }));
    expect(title).toBe("制作スケジュール（締切 2027-02-19＝初回納品日）");
  });
});

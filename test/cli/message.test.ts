/**
 * kikitori message, run in-process on the example hearings: the client's name, the
 * figures given and the dates appear; a delay's new dates are the planner's own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatDate } from "../../src/date-format.ts";
import { ROOT, read, run, tmpdir, write } from "../helpers.ts";

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const LOGO = path.join(EXAMPLES, "logo-design.answers.yaml");
const DESIGN = path.join(EXAMPLES, "design-general.answers.yaml");
const logo = parse(read(LOGO)) as { meta: { client: string }; answers: Record<string, unknown> };

type Milestone = { id: string; date: string; kind: string };
/** The planner on its own (kikitori schedule --pack logo-design, for its stages), fed the logo example's answers by hand. */
async function logoPlan(due: string): Promise<{ milestones: Milestone[]; checkins: string[] }> {
  const a = logo.answers;
  const r = await run([
    "schedule",
    "--start",
    String(a.start_date),
    "--due",
    due,
    "--effort",
    String(a.effort_hours),
    "--hours-per-day",
    String(a.hours_per_day),
    "--revisions",
    String(a.revision_rounds),
    "--review-days",
    String(a.review_days),
    "--workdays",
    "mon-fri",
    "--calendar",
    "jp",
    "--platform",
    "lancers",
    "--pack",
    "logo-design",
    "--json",
  ]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const CLIENT_FACING = ["first_draft", "review", "revision", "final_delivery", "acceptance_end", "stage", "check", "client_step"];
const at = (today: string) => ({ env: { KIKITORI_TODAY: today } });

describe("message confirm", () => {
  it("is the confirmation message render writes", async () => {
    const m = await run(["message", "confirm", LOGO], at("2026-11-23"));
    const r = await run(["render", LOGO, "--only", "message", "--stdout"], at("2026-11-23"));
    expect(m.code).toBe(0);
    expect(m.stdout).toBe(r.stdout);
    expect(m.stdout).toContain(logo.meta.client);
  });
});

describe("message progress", () => {
  it.each([
    ["ja", "現在、全体の約40%まで進んでおります。", "【完了したこと】"],
    ["en", "The work is about 40% done.", "Done so far:"],
  ] as const)("%s: name, figures, done and next verbatim, the next check-in and the coming dates", async (lang, percent, doneHead) => {
    const today = "2026-12-01";
    const r = await run(
      ["message", "progress", LOGO, "--lang", lang, "--percent", "40", "--done", "ラフ3案 *A* と [B]", "--done", "配色\n2パターン", "--next", "清書"],
      at(today),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lang === "ja" ? logo.meta.client : "Dear ことり珈琲焙煎所 森 美穂,");
    expect(r.stdout).toContain(percent);
    expect(r.stdout).toContain(doneHead);
    expect(r.stdout).toContain("- ラフ3案 *A* と [B]\n- 配色 / 2パターン\n");
    expect(r.stdout).toContain("- 清書");
    const plan = await logoPlan(String(logo.answers.due_date));
    const next = plan.checkins.find((d) => d > today) ?? "";
    expect(r.stdout).toContain(formatDate(next, lang));
    for (const m of plan.milestones.filter((m) => CLIENT_FACING.includes(m.kind) && m.date > today)) {
      expect(r.stdout).toContain(`- ${formatDate(m.date, lang)}: `);
    }
  });

  it.each([
    [["--percent", "140"], 2],
    [["--percent", "x"], 2],
    [[], 2],
    [["--new-due", "2027-01-10"], 2],
  ])("%j exits %i", async (args, code) => {
    const r = await run(["message", "progress", LOGO, ...args], at("2026-12-01"));
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
  });
});

describe("message delay", () => {
  const today = "2026-12-01";
  it.each(["ja", "en"] as const)("%s: every remaining milestone moves to the planner's new date", async (lang) => {
    const r = await run(
      ["message", "delay", LOGO, "--lang", lang, "--new-due", "2026-12-25", "--reason", "体調を崩し、3日間作業ができなかったため"],
      at(today),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("体調を崩し、3日間作業ができなかったため");
    expect(r.stdout).toContain(formatDate("2026-12-25", lang));
    expect(r.stdout).toContain(formatDate(String(logo.answers.due_date), lang));
    expect(r.stdout).toContain(lang === "ja" ? "（7日の延長）" : "(7 days later)");
    const before = new Map((await logoPlan(String(logo.answers.due_date))).milestones.map((m) => [m.id, m.date]));
    const after = await logoPlan("2026-12-25");
    const remaining = after.milestones.filter((m) => CLIENT_FACING.includes(m.kind) && m.date >= today && (before.get(m.id) ?? today) >= today);
    expect(remaining.length).toBeGreaterThanOrEqual(5);
    for (const m of remaining) {
      const old = before.get(m.id);
      const arrow = lang === "ja" ? " → " : " -> ";
      const shown = old && old !== m.date ? `${formatDate(old, lang)}${arrow}${formatDate(m.date, lang)}` : formatDate(m.date, lang);
      expect(r.stdout).toContain(`: ${shown}\n`);
    }
    const next = after.checkins.find((d) => d > today) ?? "";
    expect(r.stdout).toContain(formatDate(next, lang));
  });

  it("reads the new date as a client would write it", async () => {
    const r = await run(["message", "delay", LOGO, "--new-due", "12月25日", "--reason", "機材の故障"], at(today));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("最終納品日: 2026年12月25日(金)");
  });

  it("warns the worker (not the client) when the new date is still too tight", async () => {
    const dir = tmpdir();
    write(dir, "big.answers.yaml", fs.readFileSync(LOGO, "utf8").replace("effort_hours: 26", "effort_hours: 200"));
    const r = await run(["message", "delay", "big.answers.yaml", "--new-due", "2026-12-21", "--reason", "急な入院"], { cwd: dir, ...at("2026-12-15") });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the plan is still late with the new due date 2026-12-21; the earliest feasible date is \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).not.toContain("earliest");
  });

  it.each([
    [["--new-due", "2026-12-25"], "--reason"],
    [["--reason", "x"], "--new-due"],
    [["--new-due", "2026-12-10", "--reason", "x"], "later than the current due date"],
    [["--new-due", "someday", "--reason", "x"], "not a date"],
    [["--new-due", "2026-11-30", "--reason", "x"], "after today"],
  ])("%j is a usage error naming %s", async (args, text) => {
    const r = await run(["message", "delay", LOGO, ...args], at(today));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
  });
});

describe("message delivery", () => {
  it("the first draft: items, the review date, the revision rounds left", async () => {
    const r = await run(["message", "delivery", LOGO, "--items", "ロゴ案A・B（PNG）", "--items", "配色案 2種"], at("2026-12-08"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(logo.meta.client);
    // The logo pack's first draft is its design concepts (schedule.stages).
    expect(r.stdout).toContain("デザイン案をお届けいたします。");
    expect(r.stdout).toContain("- ロゴ案A・B（PNG）\n- 配色案 2種");
    // review_days: 2 in the example.
    expect(r.stdout).toContain("2026年12月10日(木)までにご確認いただけますでしょうか");
    expect(r.stdout).toContain("修正は、あと2回承ります。");
  });

  it.each(["ja", "en"] as const)("%s: the final delivery gives the platform's acceptance window from today", async (lang) => {
    // The design pack's last stage, the final files, follows the revision rounds: it is the final delivery.
    const r = await run(["message", "delivery", DESIGN, "--stage", "final", "--items", "告知画像 2点 (PNG)", "--lang", lang], at("2026-12-09"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lang === "ja" ? "山田様" : "Dear 山田,");
    expect(r.stdout).toContain("告知画像 2点 (PNG)");
    // Coconala: 3 days from the delivery.
    expect(r.stdout).toContain(formatDate("2026-12-12", lang));
    expect(r.stdout).toContain(lang === "ja" ? "ココナラの仕組みにより自動で承諾" : "Coconala accepts the delivery automatically");
    expect(r.stderr).toContain(lang === "ja" ? "未確認の情報です" : "not verified");
  });

  it("a revision round beyond those agreed is a usage error", async () => {
    const r = await run(["message", "delivery", DESIGN, "--round", "3"], at("2026-12-09"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2 revision round(s)");
  });
});

describe("message: output and errors", () => {
  it("writes -o FILE and refuses to replace it without --force (73)", async () => {
    const dir = tmpdir();
    const args = ["message", "progress", LOGO, "--percent", "10", "-o", "progress.txt"];
    expect((await run(args, { cwd: dir, ...at("2026-12-01") })).code).toBe(0);
    expect(read(path.join(dir, "progress.txt"))).toContain("約10%");
    const again = await run(args, { cwd: dir, ...at("2026-12-01") });
    expect(again.code).toBe(73);
    expect((await run([...args, "--force"], { cwd: dir, ...at("2026-12-01") })).code).toBe(0);
  });

  it("refuses invalid answers (65) and unknown kinds (2)", async () => {
    const dir = tmpdir();
    const bad = fs.readFileSync(LOGO, "utf8").replace("revision_rounds: 2", "revision_rounds: many");
    write(dir, "bad.answers.yaml", bad);
    const r = await run(["message", "progress", "bad.answers.yaml", "--percent", "5"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("revision_rounds");
    expect((await run(["message", "thanks", LOGO])).code).toBe(2);
    expect((await run(["message", "progress", "missing.yaml", "--percent", "5"], { cwd: dir })).code).toBe(66);
  });
});

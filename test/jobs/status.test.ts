/**
 * kikitori status with a fixed clock (Tue 2026-12-01): hours against the estimate, the pace,
 * a forecast per remaining milestone from the log, and the warning to give the client while
 * there is still time, with the exact `message delay` command.
 */
import { describe, expect, it } from "vitest";
import { job, readJson, run, workspace } from "./helpers.ts";

interface Status {
  file: string;
  verdict: string | null;
  loggedHours: number;
  estimateHours: number | null;
  percentDone: number | null;
  plannedHours: number | null;
  pace: number | null;
  milestones: { id: string; date: string; forecast?: string; verdict?: string; delivered?: string }[];
  warning: { milestone: string; date: string; forecast: string | null; inTime: boolean; newDue: string | null; command: string } | null;
  command: string | null;
}

const WEEK = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30"];
/** Six workdays logged at `hours` a day, with `done` % on the last one. */
const logged = (hours: number, done: number) => WEEK.map((date, i) => ({ date, hours, ...(i === WEEK.length - 1 ? { done } : {}) }));

async function status(name: string, spec: Parameters<typeof job>[2], lang: "en" | "ja" = "en") {
  const dir = workspace();
  job(dir, name, spec);
  const json = await run(["status", name, "--json"], { cwd: dir });
  const text = await run(["status", name, "--lang", lang], { cwd: dir });
  expect(json.code).toBe(0);
  expect(text.code).toBe(0);
  const [s] = readJson<Status[]>(json.stdout);
  if (!s) throw new Error("no status");
  return { s, text: text.stdout, dir };
}

describe("status: a log whose pace misses a milestone while there is still time", () => {
  // 40 h from Mon 11/23 to Fri 12/4 at 4 h a day. 12 h logged in six days, 20% done: with a
  // tenth of the estimate (4 h) counted at the estimated pace, each hour earns (8 + 4) / (12
  // + 4) = 0.75 h, so the 32 h left take 42.7 h: eleven workdays from today, Tue 12/15.
  it("one delivery: forecast Tue 12/15 against Fri 12/4, tell the client today, with the delay command", async () => {
    const { s, text } = await status("late.answers.yaml", { start: "2026-11-23", due: "2026-12-04", effort: 40, progress: logged(2, 20) });
    expect(s).toMatchObject({ verdict: "late", loggedHours: 12, estimateHours: 40, percentDone: 20, plannedHours: 24, pace: 0.33 });
    expect(s.milestones).toEqual([
      { id: "final_delivery", kind: "final_delivery", actor: "worker", date: "2026-12-04", forecast: "2026-12-15", verdict: "late" },
    ]);
    const command = 'kikitori message delay late.answers.yaml --new-due 2026-12-15 --reason "…"';
    expect(s.warning).toEqual({ milestone: "final_delivery", date: "2026-12-04", forecast: "2026-12-15", inTime: true, newDue: "2026-12-15", command });
    expect(text).toContain("12 h of 40 h logged · 20% done · pace 0.33× (16 h behind plan)");
    expect(text).toContain("Final delivery forecast Tue, Dec 15, due Fri, Dec 4: tell the client today:");
    expect(text).toContain(`    ${command}\n`);
  });

  it("a first draft that slips moves the client's review and the final delivery with it", async () => {
    const { s, text } = await status("draft.answers.yaml", { start: "2026-11-23", due: "2026-12-11", effort: 40, revisions: 1, progress: logged(2, 20) }, "ja");
    const byId = Object.fromEntries(s.milestones.map((m) => [m.id, m]));
    // The draft needs 28 h of the estimate: 20 h left, 26.7 h at this pace, Wed 12/9.
    expect(byId.first_draft).toMatchObject({ date: "2026-12-04", forecast: "2026-12-09", verdict: "late" });
    // The client keeps their two days; the 12 h revision (16 h at this pace) starts after them.
    expect(byId.revision_1_review).toMatchObject({ date: "2026-12-06", forecast: "2026-12-11" });
    expect(byId.final_delivery).toMatchObject({ date: "2026-12-11", forecast: "2026-12-17", verdict: "late" });
    expect(s.warning).toMatchObject({ milestone: "first_draft", inTime: true, newDue: "2026-12-17" });
    expect(text).toContain("初稿の見込みは 12月9日(水)、期限は 12月4日(金) です。今日のうちにクライアントへ連絡しましょう:");
    expect(text).toContain('kikitori message delay draft.answers.yaml --new-due 2026-12-17 --reason "…"');
  });

  it("past the date: tell the client now", async () => {
    const { s, text } = await status("over.answers.yaml", { start: "2026-11-16", due: "2026-11-30", effort: 40, progress: logged(2, 20) });
    expect(s.warning).toMatchObject({ milestone: "final_delivery", inTime: false });
    expect(text).toContain("Final delivery was due Mon, Nov 30");
    expect(text).toContain("tell the client now:");
  });
});

describe("status: a log on track", () => {
  it.each([
    // 12 h in six days, 50% of 20 h done: 10 h left at (10 + 2) / (12 + 2) = 0.86 h per hour, 11.7 h: three days.
    ["ahead", 2, 50, 20, "on-track", "2026-12-03"],
    // 24 h logged, 55% of 40 h: 18 h left at (22 + 4) / (24 + 4) = 0.93 h per hour, 19.4 h: five days, the due day.
    ["just in time", 4, 55, 40, "at-risk", "2026-12-07"],
  ] as const)("%s: %s h a day, %s%% done of %s h → %s, forecast %s", async (_, hours, done, effort, verdict, forecast) => {
    const { s, text } = await status("ok.answers.yaml", { start: "2026-11-23", due: "2026-12-07", effort, progress: logged(hours, done) });
    expect(s.verdict).toBe(verdict);
    expect(s.milestones[0]).toMatchObject({ id: "final_delivery", date: "2026-12-07", forecast, verdict });
    expect(s.warning).toBeNull();
    expect(text).not.toContain("tell the client");
    expect(s.command).toMatch(/^kikitori (log|message progress) ok\.answers\.yaml/);
  });

  it("deliveries logged as sent are done, with their day", async () => {
    const progress = [...logged(3, 70), { date: "2026-11-30", sent: "delivery" }];
    const { s, text } = await status("sent.answers.yaml", { start: "2026-11-23", due: "2026-12-11", effort: 30, revisions: 1, progress });
    expect(s.milestones[0]).toMatchObject({ id: "first_draft", verdict: "done", delivered: "2026-11-30" });
    expect(text).toContain("Mon, Nov 30 sent");
  });

  it("delivered and 100% done: the job is done", async () => {
    const progress = [{ date: "2026-11-30", hours: 5, done: 100, sent: "delivery" }];
    const { s } = await status("done.answers.yaml", { start: "2026-11-23", due: "2026-12-04", effort: 20, revisions: 2, progress });
    expect(s.verdict).toBe("done");
    expect(s.milestones.filter((m) => m.verdict).every((m) => m.verdict === "done")).toBe(true);
    expect(s.command).toBeNull();
  });
});

describe("status: plans never start today", () => {
  it("without a start date the plan starts on the order day, else the hearing day", async () => {
    const dir = workspace();
    job(dir, "ordered.answers.yaml", { due: "2026-12-18", ordered: "2026-11-25T10:00:00+09:00", created: "2026-11-20T10:00:00+09:00" });
    job(dir, "created.answers.yaml", { due: "2026-12-18", created: "2026-11-20T10:00:00+09:00" });
    const r = await run(["status", ".", "--json"], { cwd: dir });
    const starts = Object.fromEntries(readJson<(Status & { start: string })[]>(r.stdout).map((s) => [s.file, s.start]));
    expect(starts).toEqual({ "created.answers.yaml": "2026-11-20", "ordered.answers.yaml": "2026-11-25" });
    // The same plan on another day: the dates do not slide.
    const later = await run(["status", ".", "--json"], { cwd: dir, now: "2026-12-09T12:00:00Z" });
    expect(readJson<(Status & { start: string })[]>(later.stdout).map((s) => s.start)).toEqual(["2026-11-20", "2026-11-25"]);
  });

  it("with neither, it says what to record instead of planning from today", async () => {
    const dir = workspace();
    const file = job(dir, "bare.answers.yaml", { due: "2026-12-18" });
    const { fs } = await import("./helpers.ts");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/ {2}created: .*\n/, ""));
    const r = await run(["status", "bare.answers.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no start date: answer the start date, or record the order time with kikitori set <file> meta.ordered=<time>");
  });
});

describe("status: files", () => {
  it("a folder is searched recursively; a broken file is an error that does not hide the others", async () => {
    const dir = workspace();
    job(dir, "jobs/a.answers.yaml", { start: "2026-11-23", due: "2026-12-18" });
    const { write } = await import("../helpers.ts");
    write(dir, "jobs/deep/b.answers.yaml", "kikitori: 1\npack: [\n");
    const r = await run(["status", "jobs"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stdout).toContain("jobs/a.answers.yaml");
    expect(r.stderr).toMatch(/^error: jobs\/deep\/b\.answers\.yaml/m);
  });

  it("a missing path exits 66", async () => {
    const r = await run(["status", "nope.answers.yaml"], { cwd: workspace() });
    expect(r.code).toBe(66);
    expect(r.stderr).toContain("nope.answers.yaml not found");
  });
});

/**
 * kikitori agenda over a folder of generated jobs, with a fixed clock (Tue 2026-12-01, noon
 * UTC): overdue first, then today, then the days ahead; check-ins logged as sent drop out;
 * a broken file is one warning; --check exits 3 only when something needs attention.
 */
import { stripVTControlCharacters } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { narrow as displayWidth } from "../../src/prompt/width.ts";
import { write } from "../helpers.ts";
import { job, readJson, run, workspace } from "./helpers.ts";

interface Item {
  date: string;
  time?: string;
  kind: string;
  overdue: boolean;
  milestone?: string;
  job: { file: string; client: string; job: string; platform: string };
  command: string;
}

let dir: string;
beforeAll(() => {
  dir = workspace();
  // Due Mon 11/30, not delivered: overdue, and the forecast misses it.
  job(dir, "jobs/late.answers.yaml", {
    start: "2026-11-16",
    due: "2026-11-30",
    client: "Late Ltd",
    progress: [{ date: "2026-11-27", hours: 4, done: 60, sent: "progress" }],
  });
  // Check-ins every 2 workdays from Mon 11/23: 11/23, 11/25, 11/27, 12/1, 12/3, 12/7…
  job(dir, "jobs/today.answers.yaml", {
    start: "2026-11-23",
    due: "2026-12-10",
    client: "Today Co",
    progress: [{ date: "2026-11-30", hours: 4, done: 30, sent: "progress" }],
  });
  // The same, with today's check-in already sent.
  job(dir, "jobs/sent.answers.yaml", {
    start: "2026-11-23",
    due: "2026-12-10",
    client: "Sent Inc",
    progress: [
      { date: "2026-11-30", hours: 4, done: 30 },
      { date: "2026-12-01", sent: "checkin" },
    ],
  });
  // Delivered at 100% on 11/20, no acceptance window, no payment ahead: complete.
  job(dir, "jobs/done.answers.yaml", {
    start: "2026-11-09",
    due: "2026-11-20",
    client: "Done KK",
    progress: [{ date: "2026-11-20", hours: 4, done: 100, sent: "delivery" }],
  });
  // Delivered, but the payment date is ahead.
  job(dir, "jobs/paid-later.answers.yaml", {
    start: "2026-11-09",
    due: "2026-11-20",
    client: "Pay Later",
    pay: "2026-12-04",
    progress: [{ date: "2026-11-20", hours: 4, done: 100, sent: "delivery" }],
  });
  job(dir, "jobs/hearing.answers.yaml", { due: "2026-12-18", status: "in-progress", client: "Hearing GK" });
  // Ordered Mon 11/30 10:00 JST on Coconala: reply by Wed 12/2 10:00 JST, 13 hours from now.
  job(dir, "jobs/coconala.answers.yaml", {
    start: "2026-12-02",
    due: "2026-12-18",
    platform: "coconala",
    ordered: "2026-11-30T10:00:00+09:00",
    client: "Kotori",
  });
  write(dir, "jobs/broken.answers.yaml", "kikitori: 1\npack: [\n");
  job(dir, "jobs/node_modules/x.answers.yaml", { due: "2026-12-01", start: "2026-11-20", client: "Hidden" });
  job(dir, "jobs/.old/y.answers.yaml", { due: "2026-12-01", start: "2026-11-20", client: "Hidden" });
});

const agenda = async (...args: string[]) => run(["agenda", ...args], { cwd: dir });
const key = (i: Item) => `${i.date}${i.time ? ` ${i.time}` : ""} ${i.kind}${i.overdue ? "!" : ""} ${i.job.file.replace(/^jobs\/|\.answers\.yaml$/g, "")}`;

describe("agenda --json", () => {
  it("lists overdue, today's and the week's items across the folder, sorted by date", async () => {
    const r = await agenda("jobs", "--json");
    expect(r.code).toBe(0);
    const items = readJson<Item[]>(r.stdout);
    expect(items.map(key)).toEqual([
      "2026-11-30 delivery! late",
      "2026-12-01 late late",
      "2026-12-01 checkin today",
      "2026-12-01 hearing hearing",
      "2026-12-02 10:00 first_reply coconala",
      "2026-12-02 checkin coconala",
      "2026-12-03 checkin sent",
      "2026-12-03 checkin today",
      "2026-12-04 checkin coconala",
      "2026-12-04 payment paid-later",
      "2026-12-07 checkin sent",
      "2026-12-07 checkin today",
      "2026-12-08 checkin coconala",
    ]);
    const dates = items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("each item names its job and the command to run next", async () => {
    const items = readJson<Item[]>((await agenda("jobs", "--json")).stdout);
    expect(items[0]).toEqual({
      date: "2026-11-30",
      kind: "delivery",
      overdue: true,
      milestone: "final_delivery",
      job: { file: "jobs/late.answers.yaml", client: "Late Ltd", job: "Cafe banner", platform: "direct" },
      command: "kikitori message delivery jobs/late.answers.yaml",
    });
    const byKind = Object.fromEntries(items.map((i) => [`${i.kind} ${i.job.client}`, i.command]));
    expect(byKind).toMatchObject({
      "late Late Ltd": 'kikitori message delay jobs/late.answers.yaml --new-due 2026-12-02 --reason "…"',
      "checkin Today Co": "kikitori message progress jobs/today.answers.yaml",
      "hearing Hearing GK": "kikitori resume jobs/hearing.answers.yaml",
      "first_reply Kotori": "kikitori message confirm jobs/coconala.answers.yaml",
    });
  });

  it("--days widens the window; 0 keeps overdue and today", async () => {
    const zero = readJson<Item[]>((await agenda("jobs", "--json", "--days", "0")).stdout);
    expect(zero.every((i) => i.date <= "2026-12-01")).toBe(true);
    const wide = readJson<Item[]>((await agenda("jobs", "--json", "--days", "30")).stdout);
    expect(wide.map(key)).toContain("2026-12-10 delivery today");
    expect(wide.map(key)).toContain("2026-12-18 delivery coconala");
  });
});

describe("agenda in the terminal", () => {
  it("overdue first and marked, then today, within 80 columns, a broken file one warning line", async () => {
    const r = await agenda("jobs");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Overdue (1)");
    expect(lines[1]).toMatch(/^! Mon, Nov 30 +Final delivery due +Late Ltd · Cafe banner/);
    expect(lines[2]).toMatch(/^ +→ kikitori message delivery jobs\/late\.answers\.yaml$/);
    expect(lines.slice(3, 5)).toEqual(["", "Today · Tue, Dec 1"]);
    expect(r.stdout).toContain("First reply due (Coconala, 13 h left)");
    for (const l of lines.filter((x) => !x.includes("→"))) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain("\x1b[");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^warning: jobs\/broken\.answers\.yaml cannot be read \(jobs\/broken\.answers\.yaml:2:1: .+\)$/),
    ]);
  });

  it("in Japanese, and coloured only on a terminal without NO_COLOR", async () => {
    const ja = await run(["agenda", "jobs", "--lang", "ja"], { cwd: dir });
    expect(ja.stdout).toContain("期限切れ (1)");
    expect(ja.stdout).toContain("今日 12月1日(火)");
    expect(ja.stdout).toContain("初回返信の期限 (ココナラ、あと 13 時間)");
    const tty = await run(["agenda", "jobs"], { cwd: dir, tty: true });
    expect(tty.stdout).toContain("\x1b[");
    expect(stripVTControlCharacters(tty.stdout)).toBe((await agenda("jobs")).stdout);
    const noColor = await run(["agenda", "jobs"], { cwd: dir, tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stdout).not.toContain("\x1b[");
  });
});

describe("agenda --check", () => {
  it("exits 3 listing only what is overdue or due within 24 hours", async () => {
    const r = await agenda("jobs", "--check", "--json");
    expect(r.code).toBe(3);
    expect(readJson<Item[]>(r.stdout).map(key)).toEqual([
      "2026-11-30 delivery! late",
      "2026-12-01 late late",
      "2026-12-01 checkin today",
      "2026-12-02 10:00 first_reply coconala",
    ]);
  });

  it("a reply window closing within 24 hours is enough; logging the reply clears it", async () => {
    const one = workspace();
    job(one, "c.answers.yaml", { start: "2026-12-02", due: "2026-12-18", platform: "coconala", ordered: "2026-11-30T10:00:00+09:00" });
    const before = await run(["agenda", "--check"], { cwd: one });
    expect(before.code).toBe(3);
    expect(before.stdout).toContain("First reply due (Coconala, 13 h left)");
    expect((await run(["log", "c.answers.yaml", "--sent", "confirm"], { cwd: one })).code).toBe(0);
    const after = await run(["agenda", "--check"], { cwd: one });
    expect(after).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("all clear: exit 0 and nothing printed", async () => {
    const calm = workspace();
    job(calm, "later.answers.yaml", { start: "2026-12-07", due: "2026-12-25" });
    expect(await run(["agenda", "--check"], { cwd: calm })).toEqual({ code: 0, stdout: "", stderr: "" });
    // The same job a week later has check-ins due.
    expect((await run(["agenda", "--check"], { cwd: calm, now: "2026-12-07T12:00:00Z" })).code).toBe(3);
  });

  it("--days must be a whole number (exit 2)", async () => {
    const r = await agenda("jobs", "--days", "soon");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--days takes a whole number from 0 to 366 (got soon)");
  });
});

describe("agenda: jobs that drop out or wait", () => {
  it("a delivered and accepted job drops out; in-progress hearings say so", async () => {
    const r = await agenda("jobs", "--days", "60");
    expect(r.stdout).not.toContain("Done KK");
    expect(r.stdout).not.toContain("Hidden");
    expect(r.stdout).toContain("hearing not finished  Hearing GK");
  });

  it("a job with no log for more than 3 workdays while work is due is flagged", async () => {
    const idle = workspace();
    job(idle, "idle.answers.yaml", { start: "2026-11-23", due: "2026-12-18", progress: [{ date: "2026-11-24", hours: 2 }] });
    const items = readJson<Item[]>((await run(["agenda", "--json", "--days", "0"], { cwd: idle })).stdout);
    expect(items.find((i) => i.kind === "stale")).toMatchObject({ date: "2026-12-01", command: "kikitori log idle.answers.yaml --hours … --done …" });
    expect((await run(["agenda", "--days", "0"], { cwd: idle })).stdout).toContain("no log for 4 workdays");
  });
});

/**
 * kikitori log and kikitori set: entries appended to progress:, changes kept in history:,
 * the file edited in place (comments kept), every refusal with its exit code; and the
 * messages that take their figures from the log and tell the client what changed.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { read } from "../helpers.ts";
import { answersText, fs, job, path, readJson, run, workspace } from "./helpers.ts";

const START = { start: "2026-11-23", due: "2026-12-04", effort: 40 } as const;

function commented(dir: string, name: string, spec: Parameters<typeof answersText>[0]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `# the Smith job — keep this comment\n${answersText(spec).replace("answers:\n", "answers:\n  # what was agreed\n")}`);
  return file;
}

describe("log", () => {
  it("appends one entry per call, one line each, keeping the file's comments", async () => {
    const dir = workspace();
    const file = commented(dir, "a.answers.yaml", START);
    const r1 = await run(["log", "a.answers.yaml", "--hours", "1h30m", "--done", "15%", "--note", "rough: 3 ideas", "--date", "11/30"], { cwd: dir });
    expect(r1).toMatchObject({ code: 0, stdout: "" });
    expect(r1.stderr).toContain("logged in a.answers.yaml: 2026-11-30 · 1.5 h · 15%");
    expect(r1.stderr).toContain("1.5 h of 40 h · 15% done · next: Final delivery Fri, Dec 4, late");
    const r2 = await run(["log", "a.answers.yaml", "--sent", "progress"], { cwd: dir });
    expect(r2.code).toBe(0);
    const text = read(file);
    expect(text).toContain("# the Smith job — keep this comment\n");
    expect(text).toContain("  # what was agreed\n");
    expect(text).toContain('progress:\n  - { date: 2026-11-30, hours: 1.5, done: 15, note: "rough: 3 ideas" }\n  - { date: 2026-12-01, sent: progress }\n');
    expect(parse(text).meta.updated).toMatch(/^2026-12-01T/);
  });

  it("without options prints the log; --json gives it as data", async () => {
    const dir = workspace();
    job(dir, "a.answers.yaml", {
      ...START,
      progress: [
        { date: "2026-11-30", hours: 3, done: 20, note: "sketches" },
        { date: "2026-12-01", sent: "checkin" },
      ],
    });
    const r = await run(["log", "a.answers.yaml"], { cwd: dir });
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "date        hours  done  sent     note",
      "2026-11-30      3   20%           sketches",
      "2026-12-01               checkin",
    ]);
    expect(r.stdout).toContain("3 h of 40 h · 20% done");
    const j = readJson<{ progress: unknown[]; loggedHours: number; estimateHours: number; percentDone: number }>(
      (await run(["log", "a.answers.yaml", "--json"], { cwd: dir })).stdout,
    );
    expect(j).toMatchObject({ loggedHours: 3, estimateHours: 40, percentDone: 20 });
    expect(j.progress).toHaveLength(2);
  });

  it.each([
    [["--hours", "lots"], 2, "--hours takes the day's hours"],
    [["--hours", "25"], 2, "--hours takes the day's hours"],
    [["--done", "120"], 2, "--done takes the percent of the whole job done, 0 to 100"],
    [["--sent", "email"], 2, "--sent takes one of confirm, progress, delay, delivery, checkin (got email)"],
    [["--hours", "2", "--date", "2026-12-02"], 2, "--date cannot be after today (2026-12-01)"],
    [["--hours", "2", "--date", "someday"], 2, "--date is not a date: someday"],
    [["--date", "11/30"], 2, "--date alone logs nothing"],
  ] as const)("%j → exit %i", async (args, code, message) => {
    const dir = workspace();
    const file = job(dir, "a.answers.yaml", START);
    const before = read(file);
    const r = await run(["log", "a.answers.yaml", ...args], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(read(file)).toBe(before);
  });

  it("a missing file exits 66; a malformed log exits 65 at its line", async () => {
    const dir = workspace();
    expect((await run(["log", "none.answers.yaml", "--hours", "2"], { cwd: dir })).code).toBe(66);
    const file = job(dir, "a.answers.yaml", START);
    fs.appendFileSync(file, "progress:\n  - { date: 2026-11-30, hours: -2 }\n");
    const r = await run(["log", "a.answers.yaml", "--hours", "2"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/a\.answers\.yaml:\d+:\d+: progress entry 1: hours must be a number from 0 to 24/);
  });
});

describe("set", () => {
  it("changes an agreed answer, keeps the old value in history: and says the plan changed", async () => {
    const dir = workspace();
    const file = commented(dir, "a.answers.yaml", START);
    const r = await run(["set", "a.answers.yaml", "due=2026/12/8", "--note", "the client asked"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("  due: 2026-12-04 → 2026-12-08\n");
    expect(r.stderr).toContain("the plan changed: kikitori status a.answers.yaml shows the new dates");
    const text = read(file);
    expect(text).toContain("# the Smith job — keep this comment\n");
    const data = parse(text);
    expect(data.answers.due).toBe("2026-12-08");
    expect(data.history).toEqual([{ at: expect.stringMatching(/^2026-12-01T/), key: "due", from: "2026-12-04", to: "2026-12-08", note: "the client asked" }]);
    // A second change is a second entry.
    await run(["set", "a.answers.yaml", "due=2026-12-09", "meta.client=Jane Smith-Lee"], { cwd: dir });
    const again = parse(read(file));
    expect(again.history.map((h: { key: string; from: string; to: string }) => `${h.key}: ${h.from} → ${h.to}`)).toEqual([
      "due: 2026-12-04 → 2026-12-08",
      "due: 2026-12-08 → 2026-12-09",
      "meta.client: Jane Smith → Jane Smith-Lee",
    ]);
  });

  it("the order time: read in several forms, stored with its offset", async () => {
    const dir = workspace();
    const file = job(dir, "a.answers.yaml", { ...START, platform: "coconala" });
    expect((await run(["set", "a.answers.yaml", "meta.ordered=2026-11-30T10:00+09:00"], { cwd: dir })).code).toBe(0);
    expect(parse(read(file)).meta.ordered).toBe("2026-11-30T10:00:00+09:00");
    const s = readJson<{ firstReply: unknown }[]>((await run(["status", "a.answers.yaml", "--json"], { cwd: dir })).stdout);
    expect(s[0]?.firstReply).toEqual({ date: "2026-12-02", time: "10:00", hoursLeft: 13 });
  });

  it("the same value again changes nothing", async () => {
    const dir = workspace();
    const file = job(dir, "a.answers.yaml", START);
    const before = read(file);
    const r = await run(["set", "a.answers.yaml", "due=2026-12-04"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(r.stderr).toContain("nothing changed");
    expect(read(file)).toBe(before);
  });

  it.each([
    [["dew=2026-12-08"], 65, 'dew: no question of this pack has this id — did you mean "due"?'],
    [["due=next week"], 65, 'due: "next week" is not a date'],
    [["due="], 65, "due: this required question has no answer"],
    [["meta.created=2026-01-01T00:00+09:00"], 65, "meta.created cannot be set"],
    [["meta.ordered=2026-11-30"], 65, "meta.ordered: a date alone cannot start a window counted in hours"],
    [["due"], 2, '"due" must be id=value'],
    [[], 2, "missing required argument 'changes'"],
  ] as const)("%j → exit %i, nothing written", async (args, code, message) => {
    const dir = workspace();
    const file = job(dir, "a.answers.yaml", START);
    const before = read(file);
    const r = await run(["set", "a.answers.yaml", ...args], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(read(file)).toBe(before);
  });
});

describe("messages after the hearing", () => {
  it("message progress takes the % done from the log and says what changed since the last message", async () => {
    const dir = workspace();
    job(dir, "a.answers.yaml", {
      ...START,
      progress: [
        { date: "2026-11-27", sent: "progress" },
        { date: "2026-11-30", hours: 4, done: 35 },
      ],
    });
    await run(["set", "a.answers.yaml", "due=2026-12-08"], { cwd: dir });
    const en = await run(["message", "progress", "a.answers.yaml"], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("The work is about 35% done.");
    expect(en.stdout).toContain("What has changed, as agreed:\n- Due date: Fri, Dec 4, 2026 → Tue, Dec 8, 2026\n");
    const ja = await run(["message", "progress", "a.answers.yaml", "--lang", "ja"], { cwd: dir });
    expect(ja.stdout).toContain("現在、全体の約35%まで進んでおります。");
    expect(ja.stdout).toContain("【変更点】\nご相談のうえ、次の点を変更しております。\n- 納期: 2026年12月4日(金) → 2026年12月8日(火)\n");
    // Once a message has gone out after the change, it is not repeated.
    await run(["log", "a.answers.yaml", "--sent", "progress"], { cwd: dir, now: "2026-12-02T12:00:00Z" });
    const later = await run(["message", "progress", "a.answers.yaml"], { cwd: dir, now: "2026-12-03T12:00:00Z" });
    expect(later.stdout).not.toContain("What has changed");
  });

  it("message delay without --new-due proposes the date the log forecasts", async () => {
    const dir = workspace();
    const days = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30"];
    job(dir, "a.answers.yaml", { ...START, progress: days.map((date, i) => ({ date, hours: 2, ...(i === 5 ? { done: 20 } : {}) })) });
    const r = await run(["message", "delay", "a.answers.yaml", "--reason", "the scope grew"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("new due date 2026-12-15, from the work log's forecast");
    expect(r.stdout).toContain("Tue, Dec 15, 2026");
  });
});

import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, read, run, tmpdir } from "../helpers.ts";
import { GANTT_LINE } from "../schedule/helpers.ts";

const BASE = ["schedule", "--start", "2027-01-04", "--due", "2027-01-22", "--effort", "30", "--hours-per-day", "4"];

describe("kikitori schedule", () => {
  it("--json gives the verdict, hours, ascending milestones and check-ins", async () => {
    const args = BASE.map((a) => (a === "30" ? "20" : a));
    const r = await run([...args, "--revisions", "2", "--platform", "coconala", "--calendar", "jp", "--json"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as {
      verdict: string;
      capacityHours: number;
      effortHours: number;
      milestones: { id: string; date: string }[];
      checkins: string[];
    };
    expect(plan.verdict).toBe("ok");
    expect(plan.effortHours).toBe(20);
    expect(plan.capacityHours).toBeGreaterThan(20);
    const dates = plan.milestones.map((m) => m.date);
    expect(dates).toEqual([...dates].sort());
    expect(plan.milestones.map((m) => m.id)).toEqual(
      expect.arrayContaining(["first_draft", "revision_1_review", "revision_1", "revision_2_review", "final_delivery", "acceptance_end"]),
    );
    expect(plan.checkins).toEqual([...plan.checkins].sort());
    expect(plan.checkins.length).toBeGreaterThan(3);
  });

  it.each([
    ["30", "ok"],
    ["55", "tight"],
    ["80", "late"],
  ])("effort %s hours is %s", async (effort, verdict) => {
    const r = await run([
      "schedule",
      "--start",
      "2027-01-04",
      "--due",
      "2027-01-22",
      "--effort",
      effort,
      "--hours-per-day",
      "4",
      "--calendar",
      "none",
      "--json",
    ]);
    expect(JSON.parse(r.stdout).verdict).toBe(verdict);
  });

  it("a late plan names the earliest feasible due date", async () => {
    const r = await run(["schedule", "--start", "2027-01-04", "--due", "2027-01-08", "--effort", "40", "--hours-per-day", "4", "--calendar", "none", "--json"]);
    const plan = JSON.parse(r.stdout) as { verdict: string; earliestFeasibleDue?: string };
    expect(plan.verdict).toBe("late");
    expect(plan.earliestFeasibleDue).toBe("2027-01-15");
  });

  it("Japanese holidays on workdays reduce capacity by hours-per-day each", async () => {
    const capacity = async (calendar: string) =>
      JSON.parse(
        (await run(["schedule", "--start", "2026-12-28", "--due", "2027-01-15", "--effort", "10", "--hours-per-day", "5", "--calendar", calendar, "--json"]))
          .stdout,
      ).capacityHours as number;
    // 2027-01-01 (元日) and 2027-01-11 (成人の日) fall on workdays.
    expect((await capacity("none")) - (await capacity("jp"))).toBe(10);
  });

  it("draws a terminal timeline with holidays, milestones and check-ins, without colour when piped", async () => {
    const r = await run([...BASE, "--revisions", "1", "--calendar", "jp", "--lang", "ja"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2027年1月");
    expect(r.stdout).toContain("成人の日");
    expect(r.stdout).toContain("初稿");
    expect(r.stdout).toContain("納品");
    expect(r.stdout).toContain("定期連絡");
    expect(r.stdout).toMatch(/判定: 余裕あり/);
    expect(r.stdout).not.toContain("\u001b[");
    const en = await run([...BASE, "--revisions", "1", "--lang", "en"]);
    expect(en.stdout).toMatch(/First draft/);
  });

  it.each([
    [["--due", "2026-12-01"], /before the start date/],
    [["--hours-per-day", "0"], /Hours per day must be a number above 0/],
    [["--platform", "etsy"], /etsy/],
    [["--workdays", "mon-fro"], /"fro" is not a weekday/],
    [["--effort", "lots"], /--effort takes a number/],
    [["--calendar", "us"], /--calendar takes jp or none/],
    [["--due-means", "draft"], /--due-means takes final or first_draft/],
  ])("exits 2 with the fix for %j", async (extra, pattern) => {
    const args = [...BASE];
    for (let i = 0; i < extra.length; i += 2) {
      const at = args.indexOf(extra[i] ?? "");
      if (at >= 0) args.splice(at, 2);
      args.push(extra[i] ?? "", extra[i + 1] ?? "");
    }
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the brief's deadline flow", () => {
  it.each(["ja", "en"])("renders a milestone table and a valid Mermaid gantt (%s)", async (lang) => {
    const dir = tmpdir();
    const r = await run(["render", path.join(ROOT, "questionnaires", "examples", "design-general.answers.yaml"), "--out", dir, "--lang", lang]);
    expect(r.code).toBe(0);
    const brief = read(path.join(dir, "design-general.brief.md"));
    expect(brief).toContain(lang === "ja" ? "## 納期の流れ" : "## Deadline flow");
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(brief)?.[1] ?? "";
    const lines = block.split("\n");
    expect(lines[0]).toBe("gantt");
    for (const line of lines)
      expect(
        GANTT_LINE.some((re) => re.test(line)),
        line,
      ).toBe(true);
    expect(brief).toMatch(lang === "ja" ? /\| 日付 \| 内容 \| 担当 \|/ : /\| Date \| What \| Who \|/);
    const message = read(path.join(dir, "design-general.message.md"));
    expect(message).toMatch(lang === "ja" ? /「納期」は(最終納品日|初稿の提出日)（[^）]+）のことと理解し/ : /I understand "the deadline" to mean/);
  });
});

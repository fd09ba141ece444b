/**
 * The first-reply window counts from the order (meta.ordered), not from the hearing or the
 * start of work: start and import record the order time and say how many hours are left,
 * the plan shows the exact time, status and agenda count down to it.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { stamp } from "../../src/jobs/anchor.ts";
import { read, write } from "../helpers.ts";
import { NOW, path, readJson, run, workspace } from "./helpers.ts";

const SETS = ["--set", "summary=Banner", "--set", "due=2026-12-18", "--set", "effort=20"];
const localOffset = (iso: string) => -new Date(iso).getTimezoneOffset();

describe("start records the order time", () => {
  it("--ordered: stored with its offset; the window is counted from it and its hours left said", async () => {
    const dir = workspace();
    const r = await run(
      ["start", "jobs-test", "--defaults", ...SETS, "--platform", "coconala", "--ordered", "2026-11-30T10:00+09:00", "-o", "a.answers.yaml"],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(parse(read(path.join(dir, "a.answers.yaml"))).meta.ordered).toBe("2026-11-30T10:00:00+09:00");
    expect(r.stderr).toContain("first reply due (Coconala) by Wed, Dec 2 10:00: 13 h left");
    // The brief shows the exact time, 48 hours after the order, on the order's clock.
    expect(read(path.join(dir, "a.brief.md"))).toMatch(/\| Wed, Dec 2, 2026 10:00 \| First reply due \|/);
  });

  it("without --ordered on a platform with a reply window, now", async () => {
    const dir = workspace();
    const r = await run(["start", "jobs-test", "--defaults", ...SETS, "--platform", "coconala", "-o", "a.answers.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parse(read(path.join(dir, "a.answers.yaml"))).meta.ordered).toBe(stamp(Date.parse(NOW), localOffset(NOW)));
    expect(r.stderr).toContain(": 48 h left");
  });

  it("no reply window, no order time and no notice", async () => {
    const dir = workspace();
    const r = await run(["start", "jobs-test", "--defaults", ...SETS, "-o", "a.answers.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parse(read(path.join(dir, "a.answers.yaml"))).meta.ordered).toBeUndefined();
    expect(r.stderr).not.toContain("first reply");
  });

  it("an interactive hearing on Coconala asks for it at the end; Enter takes now", async () => {
    const lines = (ordered: string) => ["Jane", "Banner", "A banner", "2026-12-02", "2026-12-18", "20", "", "1", "", "", ordered, ""].join("\n");
    for (const [typed, expected] of [
      ["2026-11-30 10:00", stamp(Date.parse("2026-11-30T10:00:00Z") - localOffset("2026-11-30T10:00:00Z") * 60_000, localOffset("2026-11-30T10:00:00Z"))],
      ["", stamp(Date.parse(NOW), localOffset(NOW))],
    ] as const) {
      const dir = workspace();
      const r = await run(["start", "jobs-test", "--accessible", "-o", "a.answers.yaml"], { cwd: dir, input: lines(typed) });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("When did the client order?");
      expect(parse(read(path.join(dir, "a.answers.yaml"))).meta.ordered).toBe(expected);
    }
  });

  it.each([
    ["2026-11-30", "--ordered needs the time too"],
    ["last monday", "--ordered is not a date and time"],
  ])("--ordered %s is refused (exit 2)", async (value, message) => {
    const r = await run(["start", "jobs-test", "--defaults", ...SETS, "--ordered", value, "-o", "a.answers.yaml"], { cwd: workspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe("import records the order time", () => {
  it("--ordered goes to meta.ordered; while the window is open the hours left are said", async () => {
    const dir = workspace();
    write(dir, "reply.txt", "1. A banner for the cafe\n");
    const r = await run(["import", "jobs-test", "reply.txt", "--platform", "coconala", "--ordered", "2026-11-30T10:00:00+09:00", "-o", "a.answers.yaml"], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(parse(read(path.join(dir, "a.answers.yaml"))).meta.ordered).toBe("2026-11-30T10:00:00+09:00");
    expect(r.stderr).toContain("first reply due (Coconala) by Wed, Dec 2 10:00: 13 h left");
    // Once the window has closed there is nothing to say.
    const late = await run(["import", "jobs-test", "reply.txt", "--platform", "coconala", "--ordered", "2026-11-28T10:00:00+09:00"], { cwd: dir });
    expect(late.stderr).not.toContain("first reply due");
  });
});

describe("status and agenda count down to the reply deadline", () => {
  it("hours left, then overdue once it passed", async () => {
    const dir = workspace();
    const { job } = await import("./helpers.ts");
    job(dir, "a.answers.yaml", { start: "2026-12-02", due: "2026-12-18", platform: "coconala", ordered: "2026-11-30T10:00:00+09:00" });
    const s = readJson<{ firstReply: unknown }[]>((await run(["status", "a.answers.yaml", "--json"], { cwd: dir })).stdout);
    expect(s[0]?.firstReply).toEqual({ date: "2026-12-02", time: "10:00", hoursLeft: 13 });
    expect((await run(["status", "a.answers.yaml"], { cwd: dir })).stdout).toContain("First reply due Wed, Dec 2 10:00 (13 h left)");
    const after = await run(["agenda", "--json"], { cwd: dir, now: "2026-12-02T02:00:00Z" });
    expect(readJson<{ kind: string; overdue: boolean }[]>(after.stdout)[0]).toMatchObject({ kind: "first_reply", overdue: true });
    expect((await run(["agenda"], { cwd: dir, now: "2026-12-02T02:00:00Z" })).stdout).toContain("First reply was due (Coconala)");
  });
});

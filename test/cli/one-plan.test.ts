/**
 * One plan, whichever command asks and on whichever day: a hearing without an answered start
 * date is planned from its anchor (meta.ordered, else meta.created), never from the day the
 * command runs. And every clock read of a run follows KIKITORI_TODAY, in one timestamp format.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatDate } from "../../src/date-format.ts";
import { ROOT, read, run, tmpdir, write } from "../helpers.ts";

const ICON = read(path.join(ROOT, "questionnaires", "examples", "icon-illustration.answers.yaml"));
/** The repro: the icon example without start_date, deadline = final on 12/18. */
const NO_START = ICON.replace(/^ {2}start_date: .*\n/m, "")
  .replace("deadline_meaning: first_draft", "deadline_meaning: final")
  .replace("due_date: 2026-12-04", "due_date: 2026-12-18");

const at = (cwd: string, today: string) => ({ cwd, env: { KIKITORI_TODAY: today } });

async function firstDraft(cwd: string, today: string, file = "a.answers.yaml"): Promise<string> {
  const r = await run(["schedule", file, "--json"], at(cwd, today));
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).firstDraftDate;
}

describe("the plan's anchor", () => {
  it("is the same for schedule, render and every message, on any day", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", NO_START);
    const draft = await firstDraft(dir, "2026-12-01");
    // Anchored on the hearing day, 2026-11-23: the plan of that day, whenever it is asked.
    expect(await firstDraft(dir, "2026-11-23")).toBe(draft);
    expect(await firstDraft(dir, "2026-12-10")).toBe(draft);
    const line = `${formatDate(draft, "ja")}: 初稿`;
    for (const [args, today] of [
      [["message", "confirm", "a.answers.yaml"], "2026-12-01"],
      [["render", "a.answers.yaml", "--stdout", "--only", "message"], "2026-12-03"],
      [["message", "progress", "a.answers.yaml", "--percent", "30"], "2026-12-01"],
      [["message", "progress", "a.answers.yaml", "--percent", "10"], "2026-11-24"],
    ] as const) {
      const r = await run([...args], at(dir, today));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, `${args.join(" ")} on ${today}`).toContain(line);
    }
    const brief = await run(["render", "a.answers.yaml", "--stdout", "--only", "brief", "--lang", "en"], at(dir, "2026-12-03"));
    expect(brief.stdout).toContain(`First draft: ${formatDate(draft, "en")}.`);
  });

  it("is the order time when the file has one, else the hearing day", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", NO_START);
    write(dir, "b.answers.yaml", NO_START.replace("  created:", "  ordered: 2026-11-16T21:00:00+09:00\n  created:"));
    const fromCreated = JSON.parse((await run(["schedule", "a.answers.yaml", "--json"], at(dir, "2026-12-01"))).stdout);
    const fromOrdered = JSON.parse((await run(["schedule", "b.answers.yaml", "--json"], at(dir, "2026-12-01"))).stdout);
    expect(fromCreated.start).toBe("2026-11-23");
    expect(fromOrdered.start).toBe("2026-11-16");
  });

  it("an answered start date wins over the anchor; flags win over the file", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", ICON);
    const plan = JSON.parse((await run(["schedule", "a.answers.yaml", "--json"], at(dir, "2026-12-01"))).stdout);
    expect(plan.start).toBe("2026-11-24");
    expect(plan.due).toBe("2026-12-04");
    const moved = JSON.parse((await run(["schedule", "a.answers.yaml", "--due", "2026-12-11", "--json"], at(dir, "2026-12-01"))).stdout);
    expect(moved.due).toBe("2026-12-11");
    expect(moved.start).toBe("2026-11-24");
  });

  it("without an anchor or a start date, the brief says the start date is missing (never today)", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", NO_START.replace(/^ {2}(created|updated): .*\n/gm, ""));
    const brief = await run(["render", "a.answers.yaml", "--stdout", "--only", "brief", "--lang", "en"], at(dir, "2026-12-01"));
    expect(brief.code).toBe(0);
    expect(brief.stdout).toContain("To plan the deadline flow, these answers are needed: Start date");
    const s = await run(["schedule", "a.answers.yaml", "--json", "--lang", "en"], at(dir, "2026-12-01"));
    expect(s.code).toBe(65);
    expect(s.stderr).toMatch(/start_date: not answered \(schedule\.start\) — answer it, or give --start/);
    const given = await run(["schedule", "a.answers.yaml", "--start", "2026-11-30", "--json"], at(dir, "2026-12-01"));
    expect(JSON.parse(given.stdout).start).toBe("2026-11-30");
  });

  it("schedule without an answers file still needs --due, --effort and --hours-per-day (exit 2)", async () => {
    const r = await run(["schedule", "--effort", "3", "--hours-per-day", "4"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give --due \(or an answers file to plan from\)/);
  });
});

describe("the clock", () => {
  const STAMP = /^2026-11-23T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

  it("KIKITORI_TODAY reaches the skeleton's created: in the answers file's format", async () => {
    const r = await run(["pack", "skeleton", "logo-design"]);
    expect(r.code).toBe(0);
    const meta = parse(r.stdout).meta;
    expect(String(meta.created)).toMatch(STAMP);
  });

  it("KIKITORI_TODAY reaches created and updated of --defaults and import", async () => {
    const dir = tmpdir();
    const s = await run(
      [
        "start",
        "walk-test",
        "--defaults",
        "-o",
        "a.answers.yaml",
        "--set",
        "shop_name=Blue",
        "--set",
        "style=classic",
        "--set",
        "usage=print",
        "--set",
        "revisions=1",
        "--set",
        "due_date=2027-01-15",
      ],
      { cwd: dir, env: { KIKITORI_PATH: path.join(ROOT, "test", "fixtures", "hearing") } },
    );
    expect(s.code, s.stderr).toBe(0);
    const started = parse(read(path.join(dir, "a.answers.yaml"))).meta;
    expect(started.created).toMatch(STAMP);
    expect(started.updated).toMatch(STAMP);
    write(dir, "reply.txt", "1. Blue\n");
    const i = await run(["import", "walk-test", "reply.txt"], { cwd: dir, env: { KIKITORI_PATH: path.join(ROOT, "test", "fixtures", "hearing") } });
    expect(i.code, i.stderr).toBe(0);
    expect(parse(i.stdout).meta.created).toMatch(STAMP);
  });
});

/**
 * The interactive hearing in a real terminal (tmux), typed as a person would: the walk
 * through every kind of question, back, review; Ctrl-C and resume; SIGTERM; a closed window.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURES, read, tmpdir } from "../helpers.ts";
import { hasTmux, Pty } from "./pty.ts";

const PACKS = path.join(FIXTURES, "hearing");
const env = { KIKITORI_PATH: PACKS };
const open: Pty[] = [];

function terminal(cwd: string, args: string[]): Pty {
  const p = new Pty({ cwd, args, env });
  open.push(p);
  return p;
}

afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

/** The question being asked: only the active prompt starts a line with "? ". */
const asking = (message: string) => new RegExp(`^\\? ${message.replace(/[?.()]/g, "\\$&")}`, "m");

describe.skipIf(!hasTmux())("start in a terminal", () => {
  it("walks a hearing: text, other, multiselect, conditional, range, date, back, pending, review", { timeout: 180_000 }, async () => {
    const dir = tmpdir();
    const t = terminal(dir, ["start", "walk-test", "--client", "Jane Smith", "--platform", "upwork", "-o", "walk.answers.yaml"]);

    // Job details not given by flags are asked first.
    await t.waitFor(asking("The job title?"));
    t.type("Logo refresh");
    t.keys("Enter");

    let screen = await t.waitFor(asking("What is the shop called?"));
    for (const shown of [
      "Walk test hearing",
      "Section 2/4: Basics / Question 1/2",
      "A few basics first.",
      "Why we ask: So we spell it right",
      "Examples: Blue Bird Cafe",
      "Esc back",
    ]) {
      expect(screen).toContain(shown);
    }
    t.type("Blue Bird");
    t.keys("Enter");

    screen = await t.waitFor(asking("Which style?"));
    expect(screen).toContain("Classic - Traditional");
    t.keys("Down", "Down", "Enter");
    await t.waitFor(asking('Which style? — Please describe "other"'));
    t.type("Watercolour");
    t.keys("Enter");

    screen = await t.waitFor(asking("Where will it be used?"));
    expect(screen).toContain("Section 3/4: Usage / Question 1/1");
    t.keys("Space", "Down", "Space", "Enter");

    // Picking social media makes the conditional question appear (now question 2 of 2).
    screen = await t.waitFor(asking("Which social accounts?"));
    expect(screen).toContain("Section 3/4: Usage / Question 2/2");
    t.type("@bluebird");
    t.keys("Enter");

    await t.waitFor(asking("How many revision rounds?"));
    t.type("9");
    t.keys("Enter");
    await t.waitFor("✖ 9 is out of range (0 to 5) — use a value from 0 to 5");
    t.keys("BSpace");
    t.type("3");
    t.keys("Enter");

    screen = await t.waitFor(asking("When is it due?"));
    expect(screen).toContain("Ctrl-N not decided yet");
    t.type("2027-01-15");
    t.keys("Enter");

    // Back once, and change the date.
    await t.waitFor(asking("What is the budget?"));
    t.keys("Escape");
    await t.waitFor(/^\? When is it due\?[^\n]*\n(?:.*\n)*› 2027-01-15/m);
    t.keys("C-u");
    t.type("2027-02-01");
    t.keys("Enter");

    await t.waitFor(asking("What is the budget?"));
    t.keys("C-n");
    await t.waitFor(asking("What is the budget? — a note on what is still open"));
    t.type("ask next week");
    t.keys("Enter");

    screen = await t.waitFor("❯ Finish and save (Enter)");
    for (const shown of [
      "Review your answers",
      "The job title?  Logo refresh",
      "Which style?  Other: Watercolour",
      "When is it due?  2027-02-01",
      "What is the budget?  not decided yet (ask next week)",
    ]) {
      expect(screen).toContain(shown);
    }
    t.keys("Enter");

    expect(await t.exitCode()).toBe(0);
    screen = await t.waitFor("walk.message.md");
    expect(screen).toContain("Hearing complete. Answers: walk.answers.yaml");

    const saved = parse(read(path.join(dir, "walk.answers.yaml")));
    expect(saved).toMatchObject({ kikitori: 1, pack: { id: "walk-test", version: "1.0.0" }, lang: "en", status: "complete" });
    expect(saved.meta).toMatchObject({ client: "Jane Smith", job: "Logo refresh", platform: "upwork" });
    expect(saved.answers).toEqual({
      shop_name: "Blue Bird",
      style: "other",
      style_other: "Watercolour",
      usage: ["sns", "web"],
      sns_accounts: "@bluebird",
      revisions: 3,
      due_date: "2027-02-01",
      budget: { pending: true, note: "ask next week" },
    });
    const brief = read(path.join(dir, "walk.brief.md"));
    expect(brief).toContain("# Walk test hearing: Logo refresh");
    expect(brief).toContain("**Which style?**: Other: Watercolour");
    expect(brief).toContain("Mon, Feb 1, 2027");
    expect(brief).toContain("- [ ] What is the budget? (Deadline) — note: ask next week");
    expect(fs.existsSync(path.join(dir, "walk.message.md"))).toBe(true);
  });

  it("a Japanese answer that wraps keeps the cursor where the next character goes", { timeout: 120_000 }, async () => {
    const dir = tmpdir();
    const t = new Pty({ cwd: dir, args: ["start", "walk-test", "--client", "J", "--job", "L", "--platform", "direct", "-o", "a.answers.yaml"], env, cols: 40 });
    open.push(t);
    await t.waitFor(asking("What is the shop called?"));
    // "› a" then 18 wide characters fill 39 columns: the 19th cannot straddle the edge and
    // starts the second row, as readline counts it.
    const answer = `a${"青い鳥珈琲店".repeat(4)}大`;
    t.type(answer);
    /** The screen once it shows `typed` in the input, with the row where the input starts. */
    const input = async (typed: RegExp) => {
      await t.waitFor(typed);
      const rows = t.rows();
      return { at: rows.findIndex((r) => r.startsWith("› a")), rows };
    };
    let { at, rows } = await input(/珈琲店大\nEnter confirm/);
    expect(rows[at]).toBe(`› ${answer.slice(0, 19)}`);
    expect(rows[at + 1]).toBe(answer.slice(19));
    expect(rows[at + 2]).toMatch(/^Enter confirm/);
    expect(t.cursor()).toEqual({ row: at + 1, col: 14 });

    // Back onto the first row (its last column is free), then across the edge again.
    for (let i = 0; i < 7; i++) t.keys("BSpace");
    ({ at, rows } = await input(/› a(青い鳥珈琲店){3}\nEnter confirm/));
    expect(rows[at + 1]).toMatch(/^Enter confirm/);
    expect(t.cursor()).toEqual({ row: at, col: 39 });
    t.type("と森");
    ({ at, rows } = await input(/› a(青い鳥珈琲店){3}\n?と森\nEnter confirm/));
    expect(rows[at + 1]).toBe("と森");
    expect(t.cursor()).toEqual({ row: at + 1, col: 4 });
    t.keys("Left");
    const end = Date.now() + 5_000;
    while (t.cursor().col !== 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(t.cursor()).toEqual({ row: at + 1, col: 2 });
    t.keys("Enter");
    await t.waitFor(asking("Which style?"));
    t.keys("C-c");
    expect(await t.exitCode()).toBe(130);
    expect(parse(read(path.join(dir, "a.answers.yaml"))).answers.shop_name).toBe(`a${"青い鳥珈琲店".repeat(3)}と森`);
  });

  it("Ctrl-C midway keeps the answers so far (exit 130); resume finishes the hearing", { timeout: 180_000 }, async () => {
    const dir = tmpdir();
    const t = terminal(dir, ["start", "walk-test", "--client", "Jane", "--job", "Logo", "--platform", "direct", "-o", "job.answers.yaml"]);
    await t.waitFor(asking("What is the shop called?"));
    t.type("Blue Bird");
    t.keys("Enter");
    await t.waitFor(asking("Which style?"));
    t.keys("Enter");
    await t.waitFor(asking("Where will it be used?"));
    t.keys("C-c");
    expect(await t.exitCode()).toBe(130);
    const screen = await t.waitFor("Continue with: kikitori resume job.answers.yaml");
    expect(screen).toContain("Interrupted. The answers so far are saved in job.answers.yaml.");
    const partial = parse(read(path.join(dir, "job.answers.yaml")));
    expect(partial.status).toBe("in-progress");
    expect(partial.answers).toEqual({ shop_name: "Blue Bird", style: "modern" });
    expect(fs.existsSync(path.join(dir, "job.brief.md"))).toBe(false);

    const r = terminal(dir, ["resume", "job.answers.yaml"]);
    // It continues at the first unanswered question.
    await r.waitFor(asking("Where will it be used?"));
    r.keys("Down", "Space", "Enter");
    await r.waitFor(asking("How many revision rounds?"));
    r.type("2");
    r.keys("Enter");
    await r.waitFor(asking("When is it due?"));
    r.type("2027-03-01");
    r.keys("Enter");
    await r.waitFor(asking("What is the budget?"));
    r.keys("Enter");
    await r.waitFor("❯ Finish and save (Enter)");
    r.keys("Enter");
    expect(await r.exitCode()).toBe(0);

    const done = parse(read(path.join(dir, "job.answers.yaml")));
    expect(done.status).toBe("complete");
    expect(done.meta.created).toBe(partial.meta.created);
    expect(done.answers).toEqual({ shop_name: "Blue Bird", style: "modern", usage: ["web"], revisions: 2, due_date: "2027-03-01" });
    expect(read(path.join(dir, "job.brief.md"))).toContain("Mon, Mar 1, 2027");
  });

  it("SIGTERM keeps the answers so far and exits 143", { timeout: 120_000 }, async () => {
    const dir = tmpdir();
    const t = terminal(dir, ["start", "walk-test", "--client", "Jane", "--job", "Logo", "--platform", "direct", "-o", "job.answers.yaml"]);
    await t.waitFor(asking("What is the shop called?"));
    t.type("Blue Bird");
    t.keys("Enter");
    await t.waitFor(asking("Which style?"));
    process.kill(t.pid(), "SIGTERM");
    expect(await t.exitCode()).toBe(143);
    await t.waitFor("Continue with: kikitori resume job.answers.yaml");
    expect(parse(read(path.join(dir, "job.answers.yaml")))).toMatchObject({ status: "in-progress", answers: { shop_name: "Blue Bird" } });
  });

  it("a closed terminal window ends the hearing with the answers so far on disk", { timeout: 120_000 }, async () => {
    const dir = tmpdir();
    const t = terminal(dir, ["start", "walk-test", "--client", "Jane", "--job", "Logo", "--platform", "direct", "-o", "job.answers.yaml"]);
    await t.waitFor(asking("What is the shop called?"));
    t.type("Blue Bird");
    t.keys("Enter");
    await t.waitFor(asking("Which style?"));
    const pid = t.pid();
    t.hangUp();
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const end = Date.now() + 25_000;
    while (alive() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
    expect(parse(read(path.join(dir, "job.answers.yaml")))).toMatchObject({ status: "in-progress", answers: { shop_name: "Blue Bird" } });
  });
});

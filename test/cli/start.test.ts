/**
 * `start` and `resume` without a terminal: --defaults/--set for scripts, the refusal of
 * piped stdin, and the accessible line mode driven through a pipe.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "hearing") };
/** kikitori in-process with the hearing fixtures on KIKITORI_PATH, in a fresh folder unless `cwd` is given. */
const hearing = (args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) =>
  run(args, { cwd: opts.cwd ?? tmpdir(), env: { ...env, ...opts.env }, ...(opts.input !== undefined ? { input: opts.input } : {}) });

const complete = ["--set", "shop_name=Blue Bird", "--set", "style=classic", "--set", "usage=[sns, web]", "--set", "revisions=2", "--set", "due_date=pending"];

describe("start --defaults", () => {
  it("answers from --set and the pack's defaults, then writes the answers, brief and message", async () => {
    const dir = tmpdir();
    const r = await hearing(
      [
        "start",
        "walk-test",
        "--defaults",
        ...complete,
        "--set",
        "sns_accounts=@bb",
        "--client",
        "Jane Smith",
        "--platform",
        "upwork",
        "-o",
        "job.answers.yaml",
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe("answers: job.answers.yaml\njob.brief.md\njob.message.md\n");
    expect(r.code).toBe(0);
    const saved = parse(read(path.join(dir, "job.answers.yaml")));
    expect(saved).toMatchObject({ status: "complete", lang: "en", meta: { client: "Jane Smith", platform: "upwork" } });
    expect(saved.answers).toEqual({
      shop_name: "Blue Bird",
      style: "classic",
      usage: ["sns", "web"],
      sns_accounts: "@bb",
      revisions: 2,
      due_date: { pending: true },
    });
    expect(read(path.join(dir, "job.brief.md"))).toContain("| Client | Jane Smith |");
  });

  it.each([
    [
      "lists every required answer still missing in one error",
      ["--set", "shop_name=x"],
      ["style", "usage", "revisions", "due_date"],
      "4 required answers are missing",
    ],
    ["names an unknown id, with a suggestion", [...complete, "--set", "shopname=x"], ["shopname"], "1 problem with the answers given"],
    ["names a value of the wrong type", [...complete, "--set", "revisions=many"], ["revisions"], "1 problem with the answers given"],
    ["names a value out of range", [...complete, "--set", "revisions=9"], ["revisions"], "1 problem with the answers given"],
    ["names a choice that does not exist", [...complete, "--set", "usage=tv"], ["usage"], "1 problem with the answers given"],
  ])("%s (exit 65)", async (_name, sets, ids, title) => {
    const dir = tmpdir();
    const r = await hearing(["start", "walk-test", "--defaults", ...sets, "-o", "job.answers.yaml"], { cwd: dir });
    expect(r.code).toBe(65);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toBe(`error: ${title}`);
    expect(lines.slice(1).map((l) => /--set: (\w+):/.exec(l)?.[1])).toEqual(ids);
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith("."))).toEqual([]);
  });

  it("tells how to give a missing answer, and pending where the pack allows it", async () => {
    const r = await hearing([
      "start",
      "walk-test",
      "--defaults",
      "--set",
      "shop_name=x",
      "--set",
      "style=modern",
      "--set",
      "usage=web",
      "--set",
      "revisions=1",
    ]);
    expect(r.stderr).toContain("--set: due_date: required, no answer (When is it due?) — add --set due_date=… (or --set due_date=pending if not decided yet)");
  });

  it.each([
    ["a --set without =", ["--set", "shop_name"], 'error: --set "shop_name" must be id=value'],
    ["--defaults without a pack", [], "error: --defaults needs a pack"],
  ])("refuses %s (exit 2)", async (_name, args, message) => {
    const r = await hearing(["start", ...(args.length ? ["walk-test"] : []), "--defaults", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("warns about a --set for a question that does not apply", async () => {
    const r = await hearing([
      "start",
      "walk-test",
      "--defaults",
      ...complete.map((a) => a.replace("[sns, web]", "web")),
      "--set",
      "sns_accounts=@bb",
      "-o",
      "a.answers.yaml",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: --set sns_accounts: ignored, the question does not apply (its condition is false)");
  });

  it("does not overwrite an existing answers file without --force (exit 73)", async () => {
    const dir = tmpdir();
    write(dir, "job.answers.yaml", "keep me\n");
    const r = await hearing(["start", "walk-test", "--defaults", ...complete, "-o", "job.answers.yaml"], { cwd: dir });
    expect(r.code).toBe(73);
    expect(r.stderr).toBe("error: job.answers.yaml already exists: add --force to replace it\n");
    expect(read(path.join(dir, "job.answers.yaml"))).toBe("keep me\n");
    expect((await hearing(["start", "walk-test", "--defaults", ...complete, "-o", "job.answers.yaml", "--force"], { cwd: dir })).code).toBe(0);
    expect(parse(read(path.join(dir, "job.answers.yaml"))).status).toBe("complete");
  });

  it("names the file after the pack, the date and the client, never replacing one", async () => {
    const dir = tmpdir();
    const first = await hearing(["start", "walk-test", "--defaults", ...complete, "--client", "山田 花子 様"], { cwd: dir });
    const second = await hearing(["start", "walk-test", "--defaults", ...complete, "--client", "山田 花子 様"], { cwd: dir });
    const third = await hearing(["start", "walk-test", "--defaults", ...complete], { cwd: dir });
    expect([first.code, second.code, third.code]).toEqual([0, 0, 0]);
    expect(first.stderr).toContain("answers: walk-test-20261123-山田-花子-様.answers.yaml");
    expect(second.stderr).toContain("answers: walk-test-20261123-山田-花子-様-2.answers.yaml");
    expect(third.stderr).toContain("answers: walk-test-20261123.answers.yaml");
  });
});

describe("start and resume without a terminal", () => {
  it.each([
    ["start", ["start", "walk-test"]],
    ["start without a pack", ["start"]],
    ["resume", ["resume", "job.answers.yaml"]],
  ])("%s with piped stdin fails at once (exit 2)", async (_name, args) => {
    const r = await hearing(args, { input: "Blue Bird\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("but stdin is not a terminal");
    expect(r.stderr).toContain("--defaults");
    expect(r.stderr).toContain("--accessible");
  });
});

/** A whole hearing typed line by line: `<` goes back, `?` shows help, `pending` is not decided. */
const lines = [
  "Jane", // client
  "", // job: left empty
  "4", // platform: the fourth in the list
  "?", // help for shop_name
  "Blue Bird",
  "3", // style: other
  "Watercolour",
  "1,2", // usage: sns, web
  "<", // back from sns_accounts to usage
  "2", // usage: web only; sns_accounts no longer applies
  "9", // refused: out of range
  "3",
  "2027/2/1",
  "pending",
  "ask next week",
  "", // review: finish
];

describe("accessible mode (plain numbered lines)", () => {
  it.each([
    ["--accessible", ["--accessible"], {}],
    ["ACCESSIBLE=1", [], { ACCESSIBLE: "1" }],
  ])("runs a whole hearing through a pipe with %s", async (_name, flags, extraEnv) => {
    const dir = tmpdir();
    const r = await hearing(["start", "walk-test", ...flags, "-o", "a.answers.yaml"], { cwd: dir, input: `${lines.join("\n")}\n`, env: extraEnv });
    expect(r.stderr).toContain("Hearing complete. Answers: a.answers.yaml");
    expect(r.code).toBe(0);
    for (const shown of [
      "[Section 2/4: Basics / Question 1/2]",
      "A few basics first.",
      "Question 1: What is the shop called? (required)",
      "Why we ask: So we spell it right",
      "  3. Other (type it)",
      'Type "<" to go back, "?" for help.',
      'Type "pending" for not decided yet.',
      "✖ 9 is out of range (0 to 5) — use a value from 0 to 5",
      "Current answer: Social media, Website",
    ]) {
      expect(r.stderr).toContain(shown);
    }
    expect(r.stderr).not.toMatch(/\u001b\[/);
    const saved = parse(read(path.join(dir, "a.answers.yaml")));
    expect(saved.meta.client).toBe("Jane");
    expect(saved.answers).toEqual({
      shop_name: "Blue Bird",
      style: "other",
      style_other: "Watercolour",
      usage: ["web"],
      revisions: 3,
      due_date: "2027-02-01",
      budget: { pending: true, note: "ask next week" },
    });
  });

  it("the end of input stops the hearing like Ctrl-C (exit 130), and resume continues it", async () => {
    const dir = tmpdir();
    const r = await hearing(["start", "walk-test", "--accessible", "--client", "Jane", "--job", "Logo", "--platform", "direct", "-o", "a.answers.yaml"], {
      cwd: dir,
      input: "Blue Bird\n1\n",
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("Interrupted. The answers so far are saved in a.answers.yaml. Continue with: kikitori resume a.answers.yaml --accessible");
    expect(parse(read(path.join(dir, "a.answers.yaml")))).toMatchObject({ status: "in-progress", answers: { shop_name: "Blue Bird", style: "modern" } });

    const again = await hearing(["resume", "a.answers.yaml", "--accessible"], { cwd: dir, input: "2\n1\n2027-01-01\n\n\n" });
    expect(again.stderr).toContain("Question 1: Where will it be used? (required)");
    expect(again.code).toBe(0);
    expect(parse(read(path.join(dir, "a.answers.yaml")))).toMatchObject({
      status: "complete",
      answers: { usage: ["web"], revisions: 1, due_date: "2027-01-01" },
    });
  });

  it("resume against a changed pack warns, keeps the original, and asks the answers that no longer fit", async () => {
    const dir = tmpdir();
    const changed = read(path.join(FIXTURES, "hearing", "walk-test.yaml"))
      .replace("version: 1.0.0", "version: 1.1.0")
      .replace(/\n\s+- \{ value: classic.*\n/, "\n");
    write(path.join(dir, "packs"), "walk-test.yaml", changed);
    const original =
      "kikitori: 1\npack: { id: walk-test, version: 1.0.0 }\nstatus: in-progress\nmeta: { client: Jane }\nanswers: { shop_name: Blue Bird, style: classic }\n";
    write(dir, "a.answers.yaml", original);
    const r = await hearing(["resume", "a.answers.yaml", "--accessible"], {
      cwd: dir,
      env: { KIKITORI_PATH: path.join(dir, "packs") },
      input: "1\n2\n1\n2027-01-01\n\n\n",
    });
    expect(r.stderr).toContain("warning: a.answers.yaml: answered with walk-test@1.0.0, the pack is now 1.1.0; checking the answers again");
    expect(r.stderr).toContain('style: "classic" is not one of the choices');
    expect(r.stderr).toContain("the original file is kept as a.answers.yaml.bak");
    expect(r.code).toBe(0);
    expect(read(path.join(dir, "a.answers.yaml.bak"))).toBe(original);
    const saved = parse(read(path.join(dir, "a.answers.yaml")));
    expect(saved).toMatchObject({ pack: { version: "1.1.0" }, status: "complete", answers: { shop_name: "Blue Bird", style: "modern" } });
  });

  it("resume of an unknown pack says to give it with --pack (exit 66)", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", "kikitori: 1\npack: { id: gone, version: 1.0.0 }\nstatus: in-progress\nanswers: {}\n");
    const r = await hearing(["resume", "a.answers.yaml", "--accessible"], { cwd: dir });
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('pack "gone" not found: give its file with --pack');
  });
});

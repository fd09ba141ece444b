/**
 * Which command module function a command line reaches, with which arguments and options:
 * the program runs in-process in its dry-run mode, which parses and checks the line exactly
 * as a real run does, then records the call instead of loading the command.
 */
import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import type { IO } from "../../src/cli/output.ts";
import { type DryRunCall, runProgram } from "../../src/cli/program.ts";
import { COMMANDS } from "../../src/cli/specs/index.ts";
import { KikitoriError } from "../../src/errors.ts";

async function dryRun(line: string): Promise<{ code: number; calls: DryRunCall[]; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: IO = {
    stdout: {
      write: (s) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s) => {
        stderr += s;
        return true;
      },
    },
    stdin: new PassThrough(),
    env: { LANG: "C" },
    cwd: process.cwd(),
    now: () => new Date(2026, 10, 23),
  };
  const calls: DryRunCall[] = [];
  const argv = line === "" ? [] : line.split(" ").map((w) => w.replaceAll("~", " "));
  const code = await runProgram(argv, io, { dryRun: (c) => calls.push(c) });
  return { code, calls, stdout, stderr };
}

// One line per case: the command line (`~` stands for a space inside a word), the function
// of the command's module that runs, and what it receives after ctx.
const CASES: [string, string, unknown[]][] = [
  ["start", "runStart", [undefined, {}]],
  ["start design-general", "runStart", ["design-general", {}]],
  [
    "start design-general --client 山田~様 --job ロゴ --platform coconala",
    "runStart",
    ["design-general", { client: "山田 様", job: "ロゴ", platform: "coconala" }],
  ],
  [
    "start p --defaults --set a=1 --set b=2 -o job.answers.yaml --force",
    "runStart",
    ["p", { defaults: true, set: ["a=1", "b=2"], output: "job.answers.yaml", force: true }],
  ],
  ["start p --accessible --lang ja", "runStart", ["p", { accessible: true }]],
  ["--lang en start p", "runStart", ["p", {}]],
  ["resume a.answers.yaml", "runResume", ["a.answers.yaml", {}]],
  ["resume a.yaml --pack ./p.yaml --accessible --force", "runResume", ["a.yaml", { pack: "./p.yaml", accessible: true, force: true }]],
  ["render a.yaml", "runRender", [["a.yaml"], {}]],
  [
    "render a.yaml b.yaml - --out briefs --only brief --stdout --force",
    "runRender",
    [["a.yaml", "b.yaml", "-"], { out: "briefs", only: "brief", stdout: true, force: true }],
  ],
  ["render a.yaml --pack p", "runRender", [["a.yaml"], { pack: "p" }]],
  ["render a.yaml --draft", "runRender", [["a.yaml"], { draft: true }]],
  ["migrate a.yaml b.yaml --to 2.0.0 --dry-run", "runMigrate", [["a.yaml", "b.yaml"], { to: "2.0.0", dryRun: true }]],
  ["schedule --due 2027-01-22 --effort 30 --hours-per-day 4", "runSchedule", [{ due: "2027-01-22", effort: "30", hoursPerDay: "4" }, undefined]],
  ["schedule a.answers.yaml --pack p --json", "runSchedule", [{ pack: "p", json: true }, "a.answers.yaml"]],
  [
    "schedule --due 2027-01-22 --effort 30 --hours-per-day 4 --start 2027-01-04 --due-means first_draft --workdays mon,wed --calendar none --revisions 2 --review-days 5 --checkin-every 3 --draft-share 0.5 --platform fiverr --json",
    "runSchedule",
    [
      {
        due: "2027-01-22",
        effort: "30",
        hoursPerDay: "4",
        start: "2027-01-04",
        dueMeans: "first_draft",
        workdays: "mon,wed",
        calendar: "none",
        revisions: "2",
        reviewDays: "5",
        checkinEvery: "3",
        draftShare: "0.5",
        platform: "fiverr",
        json: true,
      },
      undefined,
    ],
  ],
  ["ask logo-design", "runAsk", ["logo-design", {}]],
  [
    "ask logo-design --format md --client Ms.~Smith --job Logo -o ask.md --force",
    "runAsk",
    ["logo-design", { format: "md", client: "Ms. Smith", job: "Logo", output: "ask.md", force: true }],
  ],
  ["import logo-design reply.txt", "runImport", ["logo-design", "reply.txt", {}]],
  [
    "import p - -o a.yaml --force --client c --job j --platform lancers",
    "runImport",
    ["p", "-", { output: "a.yaml", force: true, client: "c", job: "j", platform: "lancers" }],
  ],
  ["form logo-design", "runForm", ["logo-design", {}]],
  [
    "form p --first -o hearing.html --force --client 山田 --job ロゴ --platform coconala",
    "runForm",
    ["p", { first: true, output: "hearing.html", force: true, client: "山田", job: "ロゴ", platform: "coconala" }],
  ],
  ["message confirm a.yaml", "runMessage", ["confirm", "a.yaml", {}]],
  [
    "message progress a.yaml --percent 60 --done ラフ --done 配色 --next 清書",
    "runMessage",
    ["progress", "a.yaml", { percent: "60", done: ["ラフ", "配色"], next: ["清書"] }],
  ],
  [
    "message delay - --new-due 2026-12-18 --reason 体調不良 --pack p -o m.txt --force",
    "runMessage",
    ["delay", "-", { newDue: "2026-12-18", reason: "体調不良", pack: "p", output: "m.txt", force: true }],
  ],
  [
    "message delivery a.yaml --round 2 --items ロゴ --items 名刺 --final",
    "runMessage",
    ["delivery", "a.yaml", { round: "2", items: ["ロゴ", "名刺"], final: true }],
  ],
  ["pack list", "runPackList", [{}]],
  ["pack list --json", "runPackList", [{ json: true }]],
  ["pack show design-general --json", "runPackShow", ["design-general", { json: true }]],
  ["pack validate a.yaml b.yaml", "runPackValidate", [["a.yaml", "b.yaml"], {}]],
  ["pack skeleton design-general --client c --platform upwork", "runPackSkeleton", ["design-general", { client: "c", platform: "upwork" }]],
  ["pack new logo-design -o - --force", "runPackNew", ["logo-design", { output: "-", force: true }]],
  ["pack export logo-design -o x.yaml", "runPackExport", ["logo-design", { output: "x.yaml" }]],
  ["pack install ./x.tgz -y --force", "runPackInstall", ["./x.tgz", { yes: true, force: true }]],
  ["pack remove logo-design --yes", "runPackRemove", ["logo-design", { yes: true }]],
];

describe("command line → command", () => {
  test.each(CASES)("%s → %s", async (line, fn, args) => {
    const r = await dryRun(line);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([{ command: expect.any(String), fn, args }]);
  });

  test("every command of the table is reached by a case", () => {
    const reached = new Set(
      CASES.map(([line]) =>
        line
          .replace(/^--lang \w+ /, "")
          .split(" ")
          .slice(0, 2)
          .join(" "),
      ),
    );
    const missing = COMMANDS.map((c) => c.name).filter((name) => !reached.has(name) && ![...reached].some((r) => r.startsWith(`${name} `)));
    expect(missing).toEqual([]);
  });
});

// Lines commander refuses before any command runs: exit 2, one line of error and a pointer to --help.
const REFUSED: [string, RegExp][] = [
  ["bogus", /unknown command 'bogus'/],
  ["start --bogus", /unknown option '--bogus'/],
  ["render", /missing required argument 'answers'/],
  ["schedule a.yaml b.yaml", /too many arguments/],
  ["render a.yaml --only summary", /argument 'summary' is invalid/],
  ["ask p --format html", /argument 'html' is invalid/],
  ["resume a.yaml b.yaml", /too many arguments/],
  ["pack show", /missing required argument 'pack'/],
];

describe("command lines refused", () => {
  test.each(REFUSED)("%s", async (line, error) => {
    const r = await dryRun(line);
    expect(r.code).toBe(2);
    expect(r.calls).toEqual([]);
    expect(r.stderr).toMatch(error);
    expect(r.stderr).toMatch(/See kikitori --help for usage\.\n$/);
  });

  test.each([
    ["pack", /give a pack subcommand/],
    ["--lang fr start p", /--lang takes ja or en \(got fr\)/],
  ])("%s: a usage error (2) for main to report", async (line, error) => {
    const e = await dryRun(line).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KikitoriError);
    expect((e as KikitoriError).exitCode).toBe(2);
    expect((e as KikitoriError).lines("en").join("\n")).toMatch(error);
  });
});

describe("help", () => {
  test.each([[""], ["--help"], ["pack --help"], ["start --help"]])("%j prints help and runs nothing", async (line) => {
    const r = await dryRun(line);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.stdout).toMatch(/^Usage: kikitori/);
  });
});

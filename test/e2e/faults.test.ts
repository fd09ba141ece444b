/**
 * Faults from outside: a signal in the middle of a batch, several processes writing one
 * answers file, a reader that closes the pipe, and terminals that must get no colour.
 * (Ctrl-C and SIGTERM during an interactive hearing: test/e2e/start-pty.test.ts.)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const PACKS = path.join(FIXTURES, "packs");
const FULL = read(path.join(FIXTURES, "answers", "full.answers.yaml"));

function env(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    LANG: "C",
    KIKITORI_TODAY: "2026-11-23",
    XDG_DATA_HOME: path.join(dir, ".xdg"),
    KIKITORI_PATH: PACKS,
    ...extra,
  };
}

function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** Polls until `ok()` holds; a bounded wait for the process under test, not a timing check. */
async function until(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 4000; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Every file below `dir`, hidden ones included. */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" });
}

describe("a signal in the middle of a batch render", () => {
  it.each([
    ["SIGINT", 130, "worker threads"],
    ["SIGTERM", 143, "worker threads"],
    ["SIGINT", 130, "one thread"],
    ["SIGTERM", 143, "one thread"],
  ] as const)("%s (%s, %s): every output is complete or absent, pairs stay whole, no temporary file is left", async (signal, code, threads) => {
    const dir = tmpdir("kikitori-signal-");
    const names = Array.from({ length: 1000 }, (_, i) => `job${String(i).padStart(4, "0")}.answers.yaml`);
    for (const n of names) fs.writeFileSync(path.join(dir, n), FULL);
    // What a complete brief and message look like.
    const reference = await run(["render", names[0] ?? "", "--out", "ref"], { cwd: dir, env: { KIKITORI_PATH: PACKS } });
    expect(reference.code).toBe(0);
    const brief = read(path.join(dir, "ref", "job0000.brief.md"));
    const message = read(path.join(dir, "ref", "job0000.message.md"));

    const out = path.join(dir, "out");
    const jobs = threads === "one thread" ? { KIKITORI_JOBS: "1" } : { KIKITORI_JOBS: "2" };
    const child = spawn(process.execPath, [BIN, "render", ...names, "--out", "out"], { cwd: dir, env: env(dir, jobs) });
    const done = exited(child);
    await until(() => fs.existsSync(out) && fs.readdirSync(out).length >= 200, "200 outputs");
    child.kill(signal);
    const r = await done;

    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/Interrupted after \d+ of 1000 answers files \(every file written is complete\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const written = fs.readdirSync(out);
    const briefs = written.filter((f) => f.endsWith(".brief.md"));
    const messages = written.filter((f) => f.endsWith(".message.md"));
    // Interrupted for real, between files: both outputs of every file rendered, nothing else.
    expect(briefs.length).toBeLessThan(1000);
    expect(messages.map((f) => f.replace(".message.md", ""))).toEqual(briefs.map((f) => f.replace(".brief.md", "")));
    expect(written.length).toBe(briefs.length + messages.length);
    expect(r.stderr).toContain(`Interrupted after ${briefs.length} of 1000 `);
    for (const f of briefs) expect(read(path.join(out, f))).toBe(brief);
    for (const f of messages) expect(read(path.join(out, f))).toBe(message);
    expect(allFiles(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("several processes writing one answers file", () => {
  const writers: [string, (i: number) => string[], (i: number) => string][] = [
    [
      "start --defaults --force",
      (i) => [
        "start",
        "all-types",
        "--defaults",
        "-o",
        "x.answers.yaml",
        "--force",
        "--client",
        `client${i}`,
        "--set",
        `name=Name${i}`,
        "--set",
        "style=friendly",
        "--set",
        "due_date=pending",
      ],
      (i) => `Name${i}`,
    ],
    ["import --force", (i) => ["import", "all-types", "reply.txt", "-o", "x.answers.yaml", "--force", "--client", `client${i}`], () => "Yamada Cafe"],
  ];
  it.each(writers)("8 concurrent %s leave one whole, valid file", async (_name, args, nameOf) => {
    const dir = tmpdir("kikitori-race-");
    write(dir, "reply.txt", "1. Yamada Cafe\n2. 2\n10. 2027-01-10\n");
    const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => exited(spawn(process.execPath, [BIN, ...args(i)], { cwd: dir, env: env(dir) }))));
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
    }
    // Exactly one writer's file, not a mixture: its client goes with its own answers.
    const data = parse(read(path.join(dir, "x.answers.yaml"))) as { meta: { client: string }; answers: Record<string, unknown> };
    const i = Number(data.meta.client.replace("client", ""));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(i).toBeLessThan(8);
    expect(data.answers.name).toBe(nameOf(i));
    const check = await run(["render", "x.answers.yaml", "--stdout"], { cwd: dir, env: { KIKITORI_PATH: PACKS } });
    expect(check.code).toBe(0);
    expect(allFiles(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a reader that closes the pipe", () => {
  const big = tmpdir("kikitori-epipe-");
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(big, `j${i}.answers.yaml`), FULL);
  const cmds: [string, string, string][] = [
    ["pack show", "pack show design-general", process.cwd()],
    ["pack show --json", "pack show design-general --json", process.cwd()],
    ["render --stdout of 300 files", "render *.answers.yaml --stdout", big],
    ["ask", "ask design-general", process.cwd()],
  ];
  it.each(cmds)("%s | head -1: quiet, exit 0", (_name, cmd, cwd) => {
    const script = `"${process.execPath}" "${BIN}" ${cmd} 2>stderr.txt | head -1; echo "status:\${PIPESTATUS[0]}"`;
    const dir = tmpdir("kikitori-epipe-out-");
    const r = spawnSync("bash", ["-c", `cd "${cwd}" && ${script.replace("stderr.txt", path.join(dir, "stderr.txt"))}`], { env: env(dir), encoding: "utf8" });
    expect(r.stdout.trim().split("\n")).toHaveLength(2);
    expect(r.stdout).toMatch(/status:0\n$/);
    expect(read(path.join(dir, "stderr.txt"))).toBe("");
  });
});

describe("no escape codes where colour is off", () => {
  const dir = tmpdir("kikitori-color-");
  write(dir, "a.answers.yaml", FULL);
  write(dir, "bad.yaml", "kikitori: 1\nid: Bad\n");
  const cmds: string[][] = [
    ["pack", "list"],
    ["pack", "show", "design-general"],
    ["pack", "validate", path.join(PACKS, "all-types.yaml"), "bad.yaml"],
    ["schedule", "--due", "2027-01-22", "--effort", "30", "--hours-per-day", "4", "--revisions", "2"],
    ["render", "a.answers.yaml", "--stdout"],
  ];
  /** Runs in a pseudo-terminal (script(1)): stdout and stderr are both a TTY. */
  const inTerminal = (args: string[], extra: Record<string, string> = {}) => {
    const line = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
    // util-linux script(1) takes the command with -c; the BSD one (macOS) after the file.
    const how = process.platform === "darwin" ? ["-q", "/dev/null", "sh", "-c", line] : ["-qec", line, "/dev/null"];
    return spawnSync("script", how, { cwd: dir, env: env(dir, { TERM: "xterm-256color", ...extra }), encoding: "utf8" }).stdout;
  };

  it("a terminal gets colour otherwise (the check below is not vacuous)", () => {
    expect(inTerminal(["pack", "list"])).toContain("\x1b[");
  });
  it.each(cmds.map((c) => [c.join(" "), c]))("%s: none in a pipe, with NO_COLOR, FORCE_COLOR=0 or --no-color in a terminal", (_name, args) => {
    const piped = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: env(dir), encoding: "utf8" });
    expect(piped.stdout.length).toBeGreaterThan(0);
    expect(piped.stdout + piped.stderr).not.toContain("\x1b");
    const off = [
      inTerminal(args, { NO_COLOR: "1" }),
      inTerminal(args, { FORCE_COLOR: "0" }),
      inTerminal([...args, "--no-color"]),
      inTerminal(["--no-color", ...args]),
    ];
    for (const output of off) {
      expect(output.length).toBeGreaterThan(0);
      expect(output).not.toContain("\x1b");
    }
  });
});

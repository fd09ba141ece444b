/**
 * One writer per hearing. Generated: concurrent resumes of one file by several processes
 * under different names (all but one refused, naming the one that holds it), sequences of
 * takes, releases, crashed holders and foreign hosts on the lock (a model of who may hold
 * it), and the commands that must respect a running hearing (import -o, render).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it, test } from "vitest";
import { makeCtx } from "../../src/cli/context.ts";
import { HearingLock, LOCK_STALE_MS, lockOwner } from "../../src/cli/hearing-lock.ts";
import { createOutput } from "../../src/cli/output.ts";
import { OutputError } from "../../src/errors.ts";
import { BIN, read, run, tmpdir, write } from "../helpers.ts";

const THREE = `kikitori: 1
id: three
version: 1.0.0
title: { ja: 三問, en: Three questions }
languages: [en, ja]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
      - { id: one, type: text, message: { ja: 一, en: First? } }
      - { id: two, type: text, message: { ja: 二, en: Second? } }
      - { id: three, type: text, message: { ja: 三, en: Third? } }
`;
const IN_PROGRESS = `kikitori: 1
pack: { id: three, version: 1.0.0 }
lang: en
status: in-progress
meta: { client: A, job: J, platform: direct, created: 2026-11-23T10:00:00+09:00 }
answers:
  one: uno
`;

function setUp(): string {
  const dir = tmpdir();
  write(dir, "questionnaires/three.yaml", THREE);
  write(dir, "a.answers.yaml", IN_PROGRESS);
  return dir;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** `resume` in the background, its stdin kept open (a person who has not answered yet). */
function resume(dir: string, name: string): Running {
  const child = spawn(process.execPath, [BIN, "resume", name, "--accessible"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", HOME: dir, LANG: "C", KIKITORI_TODAY: "2026-11-23", XDG_DATA_HOME: path.join(dir, ".xdg") },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let err = "";
  child.stderr?.on("data", (d) => {
    err += String(d);
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stderr: () => err, exit };
}

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setTimeout(r, 20));
}

/** A pid that was a process and is no more. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("concurrent resumes of one file", () => {
  it("exactly one hearing runs; the others exit 73 naming its process; its lock goes with it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("a.answers.yaml", "./a.answers.yaml", "link.answers.yaml", "sub/../a.answers.yaml"), { minLength: 2, maxLength: 4 }),
        async (names) => {
          const dir = setUp();
          fs.mkdirSync(path.join(dir, "sub"));
          fs.symlinkSync("a.answers.yaml", path.join(dir, "link.answers.yaml"));
          const runs = names.map((n) => resume(dir, n));
          // Each either asks its first question (it holds the lock) or is refused.
          await until(() => runs.every((r) => r.stderr().includes("Question") || r.child.exitCode !== null));
          const holders = runs.filter((r) => r.child.exitCode === null);
          expect(holders.length, runs.map((r) => r.stderr()).join("\n---\n")).toBe(1);
          const holder = holders[0] as Running;
          for (const r of runs) {
            if (r === holder) continue;
            expect(await r.exit).toBe(73);
            expect(r.stderr()).toMatch(
              new RegExp(
                `is open in another hearing: pid ${holder.child.pid} on ${os.hostname()} \\(kikitori resume .*\\) — finish or stop that one, then try again`,
              ),
            );
          }
          // The holder answers and finishes; nothing it saved was overwritten by the others.
          holder.child.stdin?.end("dos\ntres\n\n");
          expect(await holder.exit).toBe(0);
          expect(read(path.join(dir, "a.answers.yaml"))).toMatch(/one: uno\n {2}two: dos\n {2}three: tres/);
          expect(fs.existsSync(path.join(dir, "a.answers.yaml.lock"))).toBe(false);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it("a holder killed with SIGKILL leaves a lock the next hearing takes over at once", async () => {
    const dir = setUp();
    const first = resume(dir, "a.answers.yaml");
    await until(() => first.stderr().includes("Question"));
    first.child.kill("SIGKILL");
    await first.exit;
    expect(fs.existsSync(path.join(dir, "a.answers.yaml.lock"))).toBe(true);
    const second = resume(dir, "a.answers.yaml");
    second.child.stdin?.end("dos\ntres\n\n");
    expect(await second.exit, second.stderr()).toBe(0);
  }, 60_000);
});

async function testCtx(dir: string) {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, env: { LANG: "C" }, cwd: dir, now: () => new Date() };
  return makeCtx(io, await createOutput(io, "en", true), "en");
}

/** A lock folder written as another process would leave it. */
function plant(file: string, owner: { pid: number; host: string }, ageMs = 0): void {
  const dir = `${file}.lock`;
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify({ ...owner, command: "kikitori resume x", since: new Date().toISOString() }));
  if (ageMs) {
    const t = new Date(Date.now() - ageMs);
    fs.utimesSync(dir, t, t);
  }
}

describe("who may hold the lock: a model", () => {
  test("any sequence of takes, releases, dead holders and other hosts", async () => {
    const dead = deadPid();
    type Model = { holder: "A" | "B" | "dead" | "foreign" | "old-foreign" | undefined };
    type Real = { file: string; A: HearingLock; B: HearingLock };
    class Hold implements fc.AsyncCommand<Model, Real> {
      constructor(readonly who: "A" | "B") {}
      check = () => true;
      async run(m: Model, r: Real) {
        const live = m.holder === "A" || m.holder === "B" || m.holder === "foreign";
        let refused: unknown;
        try {
          r[this.who].hold(r.file);
        } catch (e) {
          refused = e;
        }
        if (live && m.holder !== this.who) {
          expect(refused).toBeInstanceOf(OutputError);
          expect((refused as OutputError).text.en).toMatch(m.holder === "foreign" ? /pid 1 on elsewhere/ : new RegExp(`pid ${process.pid} on `));
        } else {
          expect(refused).toBeUndefined();
          m.holder = this.who;
          expect(lockOwner(r.file)).toMatchObject({ pid: process.pid, host: os.hostname() });
        }
      }
      toString = () => `hold ${this.who}`;
    }
    class Free implements fc.AsyncCommand<Model, Real> {
      constructor(readonly who: "A" | "B") {}
      check = () => true;
      async run(m: Model, r: Real) {
        r[this.who].free();
        if (m.holder === this.who) {
          m.holder = undefined;
          expect(lockOwner(r.file)).toBeUndefined();
        }
      }
      toString = () => `free ${this.who}`;
    }
    class Leave implements fc.AsyncCommand<Model, Real> {
      constructor(readonly kind: "dead" | "foreign" | "old-foreign") {}
      check = (m: Readonly<Model>) => m.holder === undefined;
      async run(m: Model, r: Real) {
        if (this.kind === "dead") plant(r.file, { pid: dead, host: os.hostname() });
        else plant(r.file, { pid: 1, host: "elsewhere" }, this.kind === "old-foreign" ? LOCK_STALE_MS + 5_000 : 0);
        m.holder = this.kind;
        // A dead holder on this host and an old lock are not held; a fresh foreign one is.
        expect(lockOwner(r.file) === undefined).toBe(this.kind !== "foreign");
      }
      toString = () => `leave ${this.kind}`;
    }
    class Expire implements fc.AsyncCommand<Model, Real> {
      check = (m: Readonly<Model>) => m.holder === "foreign";
      async run(m: Model, r: Real) {
        const t = new Date(Date.now() - LOCK_STALE_MS - 5_000);
        fs.utimesSync(`${r.file}.lock`, t, t);
        m.holder = "old-foreign";
      }
      toString = () => "expire";
    }
    const commands = [
      fc.constantFrom("A", "B").map((w) => new Hold(w as "A" | "B")),
      fc.constantFrom("A", "B").map((w) => new Free(w as "A" | "B")),
      fc.constantFrom("dead", "foreign", "old-foreign").map((k) => new Leave(k as "dead" | "foreign" | "old-foreign")),
      fc.constant(new Expire()),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const dir = tmpdir();
        const file = path.join(dir, "h.answers.yaml");
        fs.writeFileSync(file, IN_PROGRESS);
        const ctx = await testCtx(dir);
        const real: Real = { file, A: new HearingLock(ctx, "kikitori resume h"), B: new HearingLock(ctx, "kikitori resume h") };
        try {
          await fc.asyncModelRun(() => ({ model: { holder: undefined }, real }), cmds);
        } finally {
          real.A.free();
          real.B.free();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("commands that meet a running hearing", () => {
  it("import -o will not replace its file (73); render says it uses the answers saved so far", async () => {
    const dir = setUp();
    write(dir, "r.txt", "1. x\n");
    const lock = new HearingLock(await testCtx(dir), "kikitori resume a.answers.yaml");
    lock.hold(path.join(dir, "a.answers.yaml"));
    try {
      const imp = await run(["import", "three", "r.txt", "-o", "a.answers.yaml", "--force"], { cwd: dir });
      expect(imp.code).toBe(73);
      expect(imp.stderr).toMatch(
        /^error: a\.answers\.yaml is open in another hearing: pid \d+ on .* \(kikitori resume a\.answers\.yaml, since \d\d:\d\d\) — finish or stop that one/,
      );
      expect(read(path.join(dir, "a.answers.yaml"))).toBe(IN_PROGRESS);
      const defaults = await run(["start", "three", "--defaults", "-o", "a.answers.yaml", "--force"], { cwd: dir });
      expect(defaults.code).toBe(73);
      expect(defaults.stderr).toMatch(/a\.answers\.yaml is open in another hearing/);
      expect(read(path.join(dir, "a.answers.yaml"))).toBe(IN_PROGRESS);
      const ren = await run(["render", "a.answers.yaml", "--stdout"], { cwd: dir });
      expect(ren.stderr).toMatch(/^warning: a\.answers\.yaml is open in a hearing, pid \d+ on .*: using the answers saved so far$/m);
    } finally {
      lock.free();
    }
    const after = await run(["render", "a.answers.yaml", "--stdout"], { cwd: dir });
    expect(after.stderr).not.toMatch(/open in a hearing/);
  });
});

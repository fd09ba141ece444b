/**
 * Every file-system error is a user's error. node:fs is wrapped (a fake fs seam, vi.mock) so
 * that a chosen call fails with a chosen errno, as a full disk, a read-only folder, a quota
 * or a failing drive would make it fail; then each command that writes or reads is run
 * in-process. Whatever fails and wherever: the exit code is the documented one (73 for
 * outputs, 66 for inputs), the message is a few lines naming the file with no stack trace,
 * no temporary or staging file is left, and every output that exists is complete.
 */
import * as path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import { FIXTURES, type RunOptions, read, run as runAt, tmpdir, write } from "../helpers.ts";

/** In-process runs on one clock: a run's files are compared with a run without faults. */
const run = (args: string[], opts: RunOptions = {}) => runAt(args, { now: () => new Date("2026-11-23T10:00:00+09:00"), ...opts });

/** Fail the nth `op` of that kind (on a path containing `file`, when given). */
type Plan = { op: string; errno: string; nth: number; short?: boolean; when: "write" | "read"; file?: string; times?: number };
const faults = vi.hoisted(() => ({
  plan: undefined as Plan | undefined,
  seen: 0,
  fired: false,
  writable: new Set<number>(),
  paths: new Map<number, string>(),
  /** The write calls of a run, when recording (to aim faults at calls that happen). */
  log: undefined as string[] | undefined,
}));

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const WRITE_OPS = ["openSync", "writeSync", "linkSync", "renameSync", "mkdirSync"];
  const WRITE = real.constants.O_WRONLY | real.constants.O_RDWR | real.constants.O_CREAT;
  const isWriteFlag = (flags: unknown) => (typeof flags === "string" ? /[wa+]/.test(flags) : typeof flags === "number" && (flags & WRITE) !== 0);
  const kindOf = (op: string, args: unknown[]): "write" | "read" => {
    if (op === "openSync") return isWriteFlag(args[1]) ? "write" : "read";
    if (op === "writeSync") return faults.writable.has(args[0] as number) ? "write" : "read";
    if (op === "readSync" || op === "fstatSync" || op === "readFileSync") return "read";
    return "write";
  };
  const pathOf = (args: unknown[]) => (typeof args[0] === "number" ? (faults.paths.get(args[0]) ?? "") : String(args[0]));
  const wrap =
    (op: string) =>
    (...args: unknown[]) => {
      const p = faults.plan;
      if (faults.log && WRITE_OPS.includes(op) && kindOf(op, args) === "write") faults.log.push(op);
      if (
        p &&
        p.op === op &&
        kindOf(op, args) === p.when &&
        (!p.file || pathOf(args).includes(p.file)) &&
        ++faults.seen >= p.nth &&
        faults.seen < p.nth + (p.times ?? 1)
      ) {
        faults.fired = true;
        if (p.short && op === "writeSync") {
          // A short write: part of the data, as write(2) does when the disk fills up.
          const [fd, buf, off = 0, len = (buf as Buffer).length - (off as number)] = args as [number, Buffer, number?, number?];
          return (real.writeSync as (...a: unknown[]) => number)(fd, buf, off, Math.max(0, Math.min(len as number, 3)));
        }
        throw Object.assign(new Error(`${p.errno}: injected, ${op}`), { code: p.errno, syscall: op });
      }
      const out = (real[op as keyof typeof real] as (...a: unknown[]) => unknown)(...args);
      if (op === "openSync") {
        faults.paths.set(out as number, String(args[0]));
        if (isWriteFlag(args[1])) faults.writable.add(out as number);
        else faults.writable.delete(out as number);
      }
      return out;
    };
  const ops = ["openSync", "writeSync", "writeFileSync", "linkSync", "renameSync", "mkdirSync", "readSync", "fstatSync", "readFileSync"];
  const patched = Object.fromEntries(ops.map((op) => [op, wrap(op)]));
  return { ...real, ...patched, default: { ...real, ...patched } };
});

afterEach(() => {
  faults.plan = undefined;
});

const ALL_TYPES = read(path.join(FIXTURES, "packs", "all-types.yaml"));
const ANSWERS = read(path.join(FIXTURES, "answers", "full.answers.yaml"));
const REPLY = "1. カフェ山田\n2. 2\n3. 1、2\n";

/** A command, and the files it writes (relative to its folder). */
const COMMANDS: { name: string; args: string[]; outputs: string[] }[] = [
  { name: "render", args: ["render", "a.answers.yaml"], outputs: ["a.brief.md", "a.message.md"] },
  { name: "render --out", args: ["render", "a.answers.yaml", "--out", "out/x"], outputs: ["out/x/a.brief.md", "out/x/a.message.md"] },
  { name: "import -o", args: ["import", "all-types", "reply.txt", "-o", "b.answers.yaml"], outputs: ["b.answers.yaml"] },
  { name: "message -o", args: ["message", "confirm", "a.answers.yaml", "-o", "m.txt"], outputs: ["m.txt"] },
  { name: "ask -o", args: ["ask", "all-types", "-o", "ask.txt"], outputs: ["ask.txt"] },
  { name: "pack new", args: ["pack", "new", "shop", "-o", "shop.yaml"], outputs: ["shop.yaml", "pack.schema.json"] },
  { name: "pack export", args: ["pack", "export", "all-types", "-o", "e.yaml"], outputs: ["e.yaml"] },
  { name: "pack install", args: ["pack", "install", "questionnaires/all-types.yaml", "--yes"], outputs: [".xdg/kikitori/packs/all-types/pack.yaml"] },
];

function setUp(): string {
  const dir = tmpdir();
  write(dir, "questionnaires/all-types.yaml", ALL_TYPES);
  write(dir, "a.answers.yaml", ANSWERS);
  write(dir, "reply.txt", REPLY);
  return dir;
}

/** Every file under dir, relative, with its content. */
function tree(dir: string): Map<string, string> {
  const fs = require("node:fs") as typeof import("node:fs");
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

/** What a run without faults writes, and the write calls it makes, in order. */
const baselines = new Map<string, { files: Map<string, string>; calls: string[] }>();
async function baseline(c: (typeof COMMANDS)[number]): Promise<{ files: Map<string, string>; calls: string[] }> {
  let b = baselines.get(c.name);
  if (!b) {
    const dir = setUp();
    faults.log = [];
    const r = await run(c.args, { cwd: dir });
    const calls = faults.log;
    faults.log = undefined;
    expect(r.code, r.stderr).toBe(0);
    b = { files: tree(dir), calls };
    baselines.set(c.name, b);
  }
  return b;
}

const OUTPUT_ERRNOS = ["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "ENAMETOOLONG", "ELOOP", "EISDIR", "ENOTDIR", "EMFILE", "EIO"];

describe("a failed write is exit 73, names the file, and leaves nothing half-written", () => {
  test("any command, any write call, any errno (and short writes)", async () => {
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), fc.nat(), fc.constantFrom(...OUTPUT_ERRNOS), fc.boolean(), async (c, k, errno, short) => {
        const { files: expected, calls } = await baseline(c);
        // The kth write call of a run without faults, as (operation, its nth call).
        const op = calls[k % calls.length] ?? "openSync";
        const nth = calls.slice(0, (k % calls.length) + 1).filter((x) => x === op).length;
        const dir = setUp();
        const before = tree(dir);
        faults.seen = 0;
        faults.fired = false;
        faults.plan = { op, errno, nth, when: "write", short: short && op === "writeSync" };
        const r = await run(c.args, { cwd: dir });
        faults.plan = undefined;
        const after = tree(dir);
        // Nothing temporary is left, whatever happened.
        for (const f of after.keys()) expect(f, `${c.name}: ${op} ${errno} #${nth}`).not.toMatch(/\.tmp$|\.kikitori-(staging|old)-/);
        // Every file present is either as it was before or as a successful run writes it.
        for (const [f, text] of after) expect(text === before.get(f) || text === expected.get(f), `${f} is complete`).toBe(true);
        // No fault (the command made fewer calls), a short write it completed, or a file
        // system without hard links (link EPERM), where a rename takes the link's place.
        if (!faults.fired || (short && op === "writeSync") || (op === "linkSync" && errno === "EPERM")) {
          expect(r.code, r.stderr).toBe(0);
          return;
        }
        expect(r.code, `${c.name}: ${op} ${errno} #${nth}\n${r.stderr}`).toBe(73);
        failed++;
        expect(r.stderr).toMatch(/^error: .*(cannot be written|cannot be created)/m);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      }),
      { numRuns: 150 },
    );
    // Most runs did meet their fault (a run with fewer calls than nth succeeds).
    expect(failed).toBeGreaterThan(100);
  }, 300_000);
});

describe("a failed read is exit 66 and names the file", () => {
  test("any input, any errno", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<{ args: string[]; file: string }>(
          { args: ["render", "a.answers.yaml"], file: "a.answers.yaml" },
          { args: ["import", "all-types", "reply.txt"], file: "reply.txt" },
          { args: ["pack", "validate", "questionnaires/all-types.yaml"], file: "all-types.yaml" },
          { args: ["message", "confirm", "a.answers.yaml"], file: "a.answers.yaml" },
        ),
        fc.constantFrom("openSync", "readSync", "fstatSync"),
        fc.constantFrom("EACCES", "EPERM", "ELOOP", "ENAMETOOLONG", "EMFILE", "ENFILE", "EIO", "EISDIR"),
        async (c, op, errno) => {
          const dir = setUp();
          faults.seen = 0;
          faults.fired = false;
          faults.plan = { op, errno, nth: 1, when: "read", file: c.file };
          const r = await run(c.args, { cwd: dir });
          faults.plan = undefined;
          expect(faults.fired).toBe(true);
          expect(r.code, r.stderr).toBe(66);
          expect(r.stderr).toContain(c.file);
          expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe("standard output that fails is exit 74 with a message; a closed pipe is not", () => {
  test.each([
    ["ENOSPC", 74, /standard output could not be written: no space left on the disk/],
    ["EIO", 74, /standard output could not be written: an input\/output error/],
    ["EDQUOT", 74, /over your disk quota/],
    ["EPIPE", 0, /^$/],
  ])("%s", async (errno, code, says) => {
    const r = await run(["pack", "skeleton", "all-types"], {
      cwd: setUp(),
      stdoutWrite: () => {
        throw Object.assign(new Error(errno), { code: errno });
      },
    });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(says);
  });
});

const HEARING = `kikitori: 1
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

describe("a hearing whose autosave fails keeps every answer", () => {
  const start = (dir: string, input: string[]) =>
    run(["start", "./three.yaml", "--accessible", "-o", "a.answers.yaml", "--client", "A", "--job", "J", "--platform", "direct"], {
      cwd: dir,
      input: `${input.join("\n")}\n`,
    });
  const fs = require("node:fs") as typeof import("node:fs");
  const answersIn = (file: string) => fs.readFileSync(file, "utf8").match(/^ {2}(one|two|three): .*$/gm);

  test.each([
    ["try again", ["1"], "a.answers.yaml"],
    ["save to another file", ["2", "elsewhere.answers.yaml"], "elsewhere.answers.yaml"],
    ["carry on, saved after the next answer", ["3"], "a.answers.yaml"],
  ])("%s", async (_name, choice, file) => {
    const dir = tmpdir();
    write(dir, "three.yaml", HEARING);
    faults.seen = 0;
    faults.fired = false;
    // The second save (after the second answer) cannot create its temporary file.
    faults.plan = { op: "openSync", errno: "ENOSPC", nth: 2, when: "write", file: "a.answers.yaml" };
    const r = await start(dir, ["uno", "dos", ...choice, "tres", ""]);
    faults.plan = undefined;
    expect(faults.fired).toBe(true);
    expect(r.stderr).toContain("The answers could not be saved. What now? (nothing is lost)");
    expect(r.stderr).toMatch(/a\.answers\.yaml cannot be written: no space left on the disk — free some space/);
    expect(r.code, r.stderr).toBe(0);
    expect(answersIn(path.join(dir, file))).toEqual(["  one: uno", "  two: dos", "  three: tres"]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("interrupted while the file cannot be written: the answers go to a spare file", async () => {
    const dir = tmpdir();
    write(dir, "three.yaml", HEARING);
    faults.seen = 0;
    // The answers file's own temporary file only: the spare's name (`a-<pid>-<time>.answers.yaml`)
    // ends in "a.answers.yaml" whenever the time in base 36 ends in "a".
    faults.plan = { op: "openSync", errno: "EROFS", nth: 2, times: 1000, when: "write", file: `${path.sep}.a.answers.yaml.` };
    const r = await start(dir, ["uno", "dos"]);
    faults.plan = undefined;
    expect(r.code).toBe(130);
    const spare = /saved in (\S+\.answers\.yaml)\./.exec(r.stderr)?.[1] ?? "";
    expect(spare, r.stderr).not.toBe("");
    expect(answersIn(path.resolve(dir, spare))).toEqual(["  one: uno", "  two: dos"]);
    fs.rmSync(path.resolve(dir, spare));
  });

  test("interrupted with nowhere to write: the answers are printed", async () => {
    const dir = tmpdir();
    write(dir, "three.yaml", HEARING);
    faults.seen = 0;
    faults.plan = { op: "openSync", errno: "EIO", nth: 2, times: 1000, when: "write" };
    const r = await start(dir, ["uno", "dos"]);
    faults.plan = undefined;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("The answers could not be saved anywhere. Save the text below to a file and continue with kikitori resume:");
    expect(r.stderr).toMatch(/^ {2}one: uno\n {2}two: dos$/m);
    expect(r.stderr).toContain("Interrupted. The answers are printed above");
  });
});

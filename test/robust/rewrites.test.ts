/**
 * Rewrites keep what the user set up: a replaced file keeps its mode (and owner, where
 * permitted), a symbolic link stays a link and its target gets the text, only regular files
 * are replaced, new answers files are private, and an output never replaces an input of the
 * same run (nor a batch one of its own outputs). Generated: modes, link chains, file kinds,
 * spellings of one path, batches of stems.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const ALL_TYPES = read(path.join(FIXTURES, "packs", "all-types.yaml"));
const ANSWERS = read(path.join(FIXTURES, "answers", "full.answers.yaml"));
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
  two: dos
`;

function setUp(): string {
  const dir = tmpdir();
  write(dir, "questionnaires/all-types.yaml", ALL_TYPES);
  write(dir, "questionnaires/three.yaml", THREE);
  write(dir, "a.answers.yaml", ANSWERS);
  write(dir, "reply.txt", "1. カフェ山田\n");
  return dir;
}

const modeOf = (f: string) => fs.statSync(f).mode & 0o7777;

/** Commands that replace an existing file `f` (given relative to their folder). */
const REWRITERS: { name: string; args: (f: string) => string[]; input?: string }[] = [
  { name: "import -o --force", args: (f) => ["import", "all-types", "reply.txt", "-o", f, "--force"] },
  { name: "message -o --force", args: (f) => ["message", "confirm", "a.answers.yaml", "-o", f, "--force"] },
  { name: "ask -o --force", args: (f) => ["ask", "all-types", "-o", f, "--force"] },
  { name: "start --defaults --force", args: (f) => ["start", "three", "--defaults", "-o", f, "--force"] },
  { name: "resume", args: (f) => ["resume", f, "--accessible"], input: "tres\n\n" },
];

describe("a replaced file keeps its mode", () => {
  test("any mode, any command that rewrites", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REWRITERS), fc.integer({ min: 0o400, max: 0o777 }), async (c, mode) => {
        const dir = setUp();
        const f = path.join(dir, "out.answers.yaml");
        fs.writeFileSync(f, IN_PROGRESS);
        fs.chmodSync(f, mode);
        const r = await run(c.args("out.answers.yaml"), { cwd: dir, ...(c.input ? { input: c.input } : {}) });
        expect(r.code, r.stderr).toBe(0);
        expect(read(f)).not.toBe(IN_PROGRESS);
        expect(modeOf(f).toString(8)).toBe(mode.toString(8));
        expect(fs.readdirSync(dir).filter((x) => x.endsWith(".tmp"))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  test("new answers files are private (0600); briefs and messages follow the umask", async () => {
    const dir = setUp();
    const probe = path.join(dir, "probe");
    fs.writeFileSync(probe, "", { mode: 0o666 });
    const umasked = modeOf(probe);
    for (const args of [
      ["import", "all-types", "reply.txt", "-o", "i.answers.yaml"],
      ["start", "three", "--defaults", "-o", "s.answers.yaml"],
    ]) {
      expect((await run(args, { cwd: dir })).code).toBe(0);
    }
    expect(modeOf(path.join(dir, "i.answers.yaml"))).toBe(0o600);
    expect(modeOf(path.join(dir, "s.answers.yaml"))).toBe(0o600);
    expect(modeOf(path.join(dir, "s.brief.md"))).toBe(umasked);
    expect(modeOf(path.join(dir, "s.message.md"))).toBe(umasked);
  });

  test.skipIf(process.getuid?.() !== 0)("and its owner, where the process may give it (root)", async () => {
    const dir = setUp();
    const f = path.join(dir, "out.answers.yaml");
    fs.writeFileSync(f, IN_PROGRESS);
    fs.chownSync(f, 1234, 5678);
    expect((await run(REWRITERS[0]?.args("out.answers.yaml") ?? [], { cwd: dir })).code).toBe(0);
    const st = fs.statSync(f);
    expect([st.uid, st.gid]).toEqual([1234, 5678]);
  });
});

describe("a symbolic link stays a link; its target gets the text", () => {
  test("chains of links, relative or absolute, into other folders", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REWRITERS),
        fc.array(fc.tuple(fc.constantFrom("here", "sub", "other"), fc.boolean()), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0o600, max: 0o666 }),
        async (c, hops, mode) => {
          const dir = setUp();
          // The real file, then links to it: each in a folder of its own choosing.
          const folderOf = (where: string) => (where === "here" ? dir : path.join(dir, where));
          const real = path.join(dir, "store", "real.answers.yaml");
          write(dir, "store/real.answers.yaml", IN_PROGRESS);
          fs.chmodSync(real, mode);
          let target = real;
          const links: string[] = [];
          hops.forEach(([where, absolute], i) => {
            const folder = folderOf(where);
            fs.mkdirSync(folder, { recursive: true });
            const link = path.join(folder, `l${i}.answers.yaml`);
            fs.symlinkSync(absolute ? target : path.relative(folder, target), link);
            links.push(link);
            target = link;
          });
          const last = links[links.length - 1] as string;
          const r = await run(c.args(path.relative(dir, last)), { cwd: dir, ...(c.input ? { input: c.input } : {}) });
          expect(r.code, r.stderr).toBe(0);
          for (const l of links) expect(fs.lstatSync(l).isSymbolicLink()).toBe(true);
          expect(read(real)).not.toBe(IN_PROGRESS);
          expect(read(last)).toBe(read(real));
          expect(modeOf(real).toString(8)).toBe(mode.toString(8));
          for (const folder of [dir, path.join(dir, "store"), path.join(dir, "sub"), path.join(dir, "other")]) {
            if (fs.existsSync(folder)) expect(fs.readdirSync(folder).filter((x) => x.endsWith(".tmp"))).toEqual([]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("only regular files are replaced", () => {
  test("a FIFO, a device, a socket or a folder as -o with --force: 73, and it stays what it was", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("fifo", "/dev/null", "folder"), fc.constantFrom(...REWRITERS.slice(0, 4)), async (kind, c) => {
        const dir = setUp();
        let target: string;
        if (kind === "fifo") {
          target = path.join(dir, "fifo.md");
          execFileSync("mkfifo", [target]);
        } else if (kind === "folder") {
          target = path.join(dir, "folder.md");
          fs.mkdirSync(target);
        } else target = kind;
        const before = fs.statSync(target);
        const r = await run(c.args(target), { cwd: dir });
        expect(r.code, r.stderr).toBe(73);
        expect(r.stderr).toMatch(/is not a regular file but (a named pipe \(FIFO\)|a device): kikitori replaces only regular files|is a folder/);
        const after = fs.statSync(target);
        expect([after.isFIFO(), after.isCharacterDevice(), after.isDirectory(), after.ino]).toEqual([
          before.isFIFO(),
          before.isCharacterDevice(),
          before.isDirectory(),
          before.ino,
        ]);
      }),
      { numRuns: 20 },
    );
  });
});

const SAME_FILE = [
  { args: (o: string) => ["message", "confirm", "a.answers.yaml", "-o", o, "--force"], input: "a.answers.yaml" },
  { args: (o: string) => ["import", "all-types", "reply.txt", "-o", o, "--force"], input: "reply.txt" },
  { args: (o: string) => ["import", "all-types", "reply.txt", "-o", o, "--force"], input: "questionnaires/all-types.yaml" },
  { args: (o: string) => ["ask", "./questionnaires/all-types.yaml", "-o", o, "--force"], input: "questionnaires/all-types.yaml" },
  { args: (o: string) => ["pack", "export", "./questionnaires/all-types.yaml", "-o", o, "--force"], input: "questionnaires/all-types.yaml" },
  { args: (o: string) => ["start", "./questionnaires/three.yaml", "--defaults", "-o", o, "--force"], input: "questionnaires/three.yaml" },
];

describe("an output never replaces an input of the same run", () => {
  test("the same file by any name: as typed, ./, absolute, a symbolic link, a hard link", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SAME_FILE), fc.constantFrom("typed", "dot", "absolute", "symlink", "hardlink"), async (c, spelling) => {
        const dir = setUp();
        const input = path.join(dir, c.input);
        const before = read(input);
        let o = c.input;
        if (spelling === "dot") o = `./${c.input}`;
        if (spelling === "absolute") o = input;
        if (spelling === "symlink") {
          fs.symlinkSync(input, path.join(dir, "alias.yaml"));
          o = "alias.yaml";
        }
        if (spelling === "hardlink") {
          fs.linkSync(input, path.join(dir, "hard.yaml"));
          o = "hard.yaml";
        }
        const r = await run(c.args(o), { cwd: dir });
        expect(r.code, `${c.args(o).join(" ")}: ${r.stderr}`).toBe(73);
        expect(r.stderr).toMatch(/a file this command reads: it is not overwritten — give another file name/);
        expect(read(input)).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  test("a batch whose inputs share a stem writes nothing and names the pair", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.constantFrom("x", "y", "z"), fc.constantFrom("a", "b"), fc.constantFrom(".answers.yaml", ".yaml", ".yml")), {
          minLength: 1,
          maxLength: 5,
          selector: ([d, s, e]) => `${d}/${s}${e}`,
        }),
        fc.option(fc.constantFrom("out", "x"), { nil: undefined }),
        fc.boolean(),
        async (files, out, force) => {
          const dir = setUp();
          const names = files.map(([d, s, e]) => `${d}/${s}${e}`);
          for (const n of names) write(dir, n, ANSWERS);
          const before = new Set(fs.readdirSync(dir, { recursive: true }).map(String));
          const r = await run(["render", ...names, ...(out ? ["--out", out] : []), ...(force ? ["--force"] : [])], { cwd: dir });
          const key = ([d, s]: [string, string, string]) => `${out ?? d}/${s}`;
          const keys = files.map(key);
          if (new Set(keys).size < keys.length) {
            expect(r.code, r.stderr).toBe(73);
            expect(r.stderr).toMatch(
              /^error: \S+\.brief\.md would be written for both \S+ and \S+: render them into different folders \(--out\) or rename one\n$/,
            );
            expect(new Set(fs.readdirSync(dir, { recursive: true }).map(String))).toEqual(before);
          } else {
            expect(r.code, r.stderr).toBe(0);
            for (const k of keys) expect(fs.existsSync(path.join(dir, `${k}.brief.md`))).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

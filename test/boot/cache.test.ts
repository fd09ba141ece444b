/**
 * The code cache (src/code-cache.ts): where it goes, that only a private folder and private
 * files of the user's are used, and that a bundle loads the same with and without it.
 */
import * as fs from "node:fs";
import nodeModule from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cacheDir, cacheOff, loadBundle, privateFolder, readPrivateFile, writePrivateFile } from "../../src/code-cache.ts";
import { kikitori, ROOT } from "../helpers.ts";

let tmp = "";
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kikitori-cache-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const posix = process.platform !== "win32";

describe("where the cache goes", () => {
  test.each([
    ["linux", { XDG_CACHE_HOME: "/x/cache" }, "/home/u", "/x/cache/kikitori"],
    ["linux", { XDG_CACHE_HOME: "relative" }, "/home/u", "/home/u/.cache/kikitori"],
    ["linux", {}, "/home/u", "/home/u/.cache/kikitori"],
    ["linux", {}, "", undefined],
    ["darwin", { XDG_CACHE_HOME: "/x" }, "/Users/u", "/Users/u/Library/Caches/kikitori"],
    ["win32", { LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "C:\\Users\\u", path.join("C:\\Users\\u\\AppData\\Local", "kikitori", "Cache")],
    ["win32", {}, "C:\\Users\\u", undefined],
  ] as const)("%s %o %s → %s", (platform, env, home, want) => {
    expect(cacheDir(env, platform, home)).toBe(want);
  });

  test.each([
    [["render", "a.yaml"], {}, false],
    [["render", "a.yaml", "--no-cache"], {}, true],
    [["render", "--", "--no-cache"], {}, false],
    [["render", "a.yaml"], { KIKITORI_NO_CACHE: "1" }, true],
    [["render", "a.yaml"], { KIKITORI_NO_CACHE: "0" }, false],
  ])("%o %o: off %s", (argv, env, off) => {
    expect(cacheOff(argv, env)).toBe(off);
  });
});

describe.runIf(posix)("only what is private to the user", () => {
  test("a missing folder is made private (0700), its parents too", () => {
    const dir = path.join(tmp, "a", "kikitori");
    expect(privateFolder(dir)).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  test.each([0o755, 0o770, 0o777, 0o701])("a folder with mode %o is not used", (mode) => {
    const dir = path.join(tmp, "kikitori");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, mode);
    expect(privateFolder(dir)).toBe(false);
  });

  test("a link to a private folder is not used, nor a file in its place", () => {
    const real = path.join(tmp, "real");
    fs.mkdirSync(real, { mode: 0o700 });
    fs.symlinkSync(real, path.join(tmp, "link"));
    expect(privateFolder(path.join(tmp, "link"))).toBe(false);
    fs.writeFileSync(path.join(tmp, "file"), "");
    expect(privateFolder(path.join(tmp, "file"))).toBe(false);
  });

  test("cache files are written 0600 and read only when private and not a link", () => {
    const file = path.join(tmp, "c.v8");
    writePrivateFile(file, Buffer.from("data"));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readPrivateFile(file)?.toString()).toBe("data");
    fs.symlinkSync(file, path.join(tmp, "l.v8"));
    expect(readPrivateFile(path.join(tmp, "l.v8"))).toBeUndefined();
    fs.chmodSync(file, 0o644);
    expect(readPrivateFile(file)).toBeUndefined();
    expect(fs.readdirSync(tmp).sort()).toEqual(["c.v8", "l.v8"]);
  });
});

describe("loading a bundle", () => {
  const bundle = () => {
    const file = path.join(tmp, "b.cjs");
    fs.writeFileSync(
      file,
      "exports.twice = (n) => n * 2; exports.where = __filename; exports.dir = __dirname; exports.req = typeof require('node:path').join;\n",
    );
    return file;
  };

  test.runIf(posix)("the first load makes the cache, the next uses it, and both give the same module", () => {
    const file = bundle();
    const dir = path.join(tmp, "cache");
    const writes: (() => void)[] = [];
    const opts = { env: {}, argv: [], dir, nodeCache: false, atExit: (w: () => void) => writes.push(w) };
    const first = loadBundle(file, opts);
    expect(first.cache).toBe("made");
    for (const w of writes.splice(0)) w();
    const [name] = fs.readdirSync(dir);
    expect(name).toMatch(/^b\.cjs-[0-9a-f]{32}-\d+-\d+-v\d+\.\d+\.\d+-\w+\.v8$/);
    expect(fs.statSync(path.join(dir, name ?? "")).mode & 0o777).toBe(0o600);
    const second = loadBundle(file, opts);
    expect(second.cache).toBe("used");
    expect(writes).toEqual([]);
    for (const m of [first.exports, second.exports]) expect(m).toMatchObject({ where: file, dir: tmp, req: "function" });
    expect((second.exports as { twice(n: number): number }).twice(21)).toBe(42);
  });

  test.runIf(posix)("an edited bundle gets a cache of its own", () => {
    const file = bundle();
    const dir = path.join(tmp, "cache");
    const writes: (() => void)[] = [];
    const opts = { env: {}, argv: [], dir, nodeCache: false, atExit: (w: () => void) => writes.push(w) };
    loadBundle(file, opts);
    for (const w of writes.splice(0)) w();
    fs.appendFileSync(file, "exports.more = 1;\n");
    expect(loadBundle(file, opts)).toMatchObject({ cache: "made", exports: { more: 1 } });
  });

  test.runIf(posix)(
    "one cache per command; of other builds' caches of the same kind the three newest stay, none over 30 days; stale temporary files go",
    () => {
      const file = bundle();
      const dir = path.join(tmp, "cache");
      fs.mkdirSync(dir, { mode: 0o700 });
      const old = new Date(Date.now() - 31 * 86_400_000);
      const hourAgo = new Date(Date.now() - 2 * 3_600_000);
      const recent = (n: number) => new Date(Date.now() - n * 60_000);
      /** A cache of another build: its hash made of `digit`. */
      const build = (name: string, digit: number, command = "") => `${name}-${String(digit).repeat(32)}-100-1700000000000-v20.20.2-x64${command}.v8`;
      const files = [
        [build("b.cjs", 0, "-render"), old],
        [build("b.cjs", 1, "-render"), recent(1)],
        [build("b.cjs", 2, "-render"), recent(2)],
        [build("b.cjs", 3, "-render"), recent(3)],
        [build("b.cjs", 4, "-render"), recent(4)],
        [build("b.cjs", 5, "-import"), recent(5)],
        [build("b.cjs", 6), recent(6)],
        [`.${build("b.cjs", 7, "-render")}.1.abc.tmp`, hourAgo],
        [build("other.cjs", 8, "-render"), old],
        [build("bb.cjs", 9, "-render"), recent(9)],
      ] as const;
      for (const [f, when] of files) {
        fs.writeFileSync(path.join(dir, f), "", { mode: 0o600 });
        fs.utimesSync(path.join(dir, f), when, when);
      }
      const writes: (() => void)[] = [];
      const made = loadBundle(file, { env: {}, argv: [], dir, nodeCache: false, hash: "f".repeat(64), variant: "render", atExit: (w) => writes.push(w) });
      expect(made.cache).toBe("made");
      for (const w of writes) w();
      const left = fs.readdirSync(dir).sort();
      const kept = [build("b.cjs", 1, "-render"), build("b.cjs", 2, "-render"), build("b.cjs", 3, "-render"), build("b.cjs", 5, "-import"), build("b.cjs", 6)];
      expect(left.filter((f) => !/^b\.cjs-f{32}/.test(f))).toEqual([...kept, build("bb.cjs", 9, "-render"), build("other.cjs", 8, "-render")].sort());
      expect(left.filter((f) => /^b\.cjs-f{32}-\d+-\d+-v[\d.]+-\w+-render\.v8$/.test(f))).toHaveLength(1);
      // Another command makes a cache of its own; a run that hands its work elsewhere makes none.
      expect(loadBundle(file, { env: {}, argv: [], dir, nodeCache: false, hash: "f".repeat(64), variant: "import", atExit: (w) => w() }).cache).toBe("made");
      expect(fs.readdirSync(dir).filter((f) => /^b\.cjs-f{32}.*-import\.v8$/.test(f))).toHaveLength(1);
      const mark = Symbol.for("kikitori.code-cache.partial-run");
      (globalThis as Record<symbol, unknown>)[mark] = true;
      try {
        expect(loadBundle(file, { env: {}, argv: [], dir, nodeCache: false, hash: "f".repeat(64), variant: "ask", atExit: (w) => w() }).cache).toBe("made");
      } finally {
        delete (globalThis as Record<symbol, unknown>)[mark];
      }
      expect(fs.readdirSync(dir).filter((f) => f.endsWith("-ask.v8"))).toEqual([]);
    },
  );

  test.runIf(posix)("off, or refused, nothing is written", () => {
    const file = bundle();
    const dir = path.join(tmp, "cache");
    const atExit = () => {
      throw new Error("nothing to write");
    };
    expect(loadBundle(file, { env: { KIKITORI_NO_CACHE: "1" }, argv: [], dir, nodeCache: false, atExit }).cache).toBe("off");
    expect(loadBundle(file, { env: {}, argv: ["--no-cache"], dir, nodeCache: false, atExit }).cache).toBe("off");
    expect(fs.existsSync(dir)).toBe(false);
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    expect(loadBundle(file, { env: {}, argv: [], dir, nodeCache: false, atExit }).cache).toBe("refused");
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe.runIf(posix)("the binary's cache", () => {
  test("a render batch leaves the cache to a run that renders in its own thread", () => {
    const example = fs.readFileSync(path.join(ROOT, "questionnaires", "examples", "logo-design.answers.yaml"));
    const files = Array.from({ length: 70 }, (_, i) => `j${String(i).padStart(2, "0")}.answers.yaml`);
    for (const f of files) fs.writeFileSync(path.join(tmp, f), example);
    const env = { XDG_CACHE_HOME: path.join(tmp, "xdg"), KIKITORI_JOBS: "2" };
    const caches = () => fs.readdirSync(path.join(tmp, "xdg", "kikitori")).filter((f) => f.startsWith("render.cjs-"));
    expect(kikitori(["render", ...files, "--out", "batch"], { cwd: tmp, env }).code).toBe(0);
    expect(caches()).toEqual([]);
    expect(kikitori(["render", "j00.answers.yaml", "--stdout"], { cwd: tmp, env }).code).toBe(0);
    expect(caches()).toEqual([expect.stringMatching(/-render\.v8$/)]);
  }, 60_000);

  test("a run fills a private cache folder; the next run gives the same output; --no-cache and a shared folder leave it alone", () => {
    fs.writeFileSync(path.join(tmp, "a.answers.yaml"), fs.readFileSync(path.join(ROOT, "questionnaires", "examples", "logo-design.answers.yaml")));
    const xdg = path.join(tmp, "xdg");
    const render = (env: Record<string, string>, ...flags: string[]) =>
      kikitori(["render", "a.answers.yaml", "--stdout", ...flags], { cwd: tmp, env: { XDG_CACHE_HOME: xdg, ...env } });
    const off = render({}, "--no-cache");
    expect(off.code).toBe(0);
    expect(fs.existsSync(xdg)).toBe(false);
    expect(render({ KIKITORI_NO_CACHE: "1" }).stdout).toBe(off.stdout);
    expect(fs.existsSync(xdg)).toBe(false);

    expect(render({})).toMatchObject({ code: 0, stdout: off.stdout, stderr: "" });
    const dir = path.join(xdg, "kikitori");
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(0);
    // Node 22 and later keep their own cache files in the private folder; on Node 20 kikitori writes them, private too.
    if (!("enableCompileCache" in nodeModule)) for (const f of files) expect(fs.statSync(path.join(f.parentPath, f.name)).mode & 0o077).toBe(0);
    expect(render({})).toMatchObject({ code: 0, stdout: off.stdout, stderr: "" });

    // A damaged cache file (bit rot, a crash of the disk) is refused, and the output is the same.
    for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const file = path.join(f.parentPath, f.name);
      const bytes = fs.readFileSync(file);
      for (let i = 64; i < bytes.length; i += 97) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
      fs.writeFileSync(file, bytes);
    }
    expect(render({})).toMatchObject({ code: 0, stdout: off.stdout, stderr: "" });
    expect(render({})).toMatchObject({ code: 0, stdout: off.stdout, stderr: "" });

    fs.rmSync(dir, { recursive: true });
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    expect(render({})).toMatchObject({ code: 0, stdout: off.stdout, stderr: "" });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

/**
 * Compiled code kept between runs. Parsing and compiling kikitori's bundle costs about as much
 * as the rest of a render, so the bundle is loaded with V8's code cache: Node 22 and later
 * keep it themselves (`module.enableCompileCache`), Node 20 through `vm.Script` and its
 * `cachedData`. The cache is code that will run, so it lives only in a private folder of the
 * user's own (0700, owned by them, not a symbolic link), each file private too (0600); a
 * folder or file that is anything else is not read. V8 checks only a cache's length against
 * the source, so each file is named by a hash of the bundle's content (computed by the build,
 * which saves loading node:crypto, ~2 MB, on every run), its size and time, Node's version and
 * the architecture, and the command it is for (a cache holds what its first run compiled); of
 * other builds' caches of the same kind the three newest stay. V8 is told to
 * check a cache's checksum (src/boot/start.ts): a damaged file is refused and written again.
 * `--no-cache` or KIKITORI_NO_CACHE=1 turns it off.
 */
import { isAscii } from "node:buffer";
import * as fs from "node:fs";
import nodeModule, { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";

type Env = Record<string, string | undefined>;

/** Where the cache goes: the platform's per-user cache folder, then `kikitori`. */
export function cacheDir(env: Env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  if (platform === "win32") return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, "kikitori", "Cache") : undefined;
  if (platform === "darwin") return home ? path.join(home, "Library", "Caches", "kikitori") : undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "kikitori");
  return home ? path.join(home, ".cache", "kikitori") : undefined;
}

/** The cache is off for this run: the flag (before a `--`), or the environment. */
export function cacheOff(argv: readonly string[], env: Env): boolean {
  if (env.KIKITORI_NO_CACHE === "1") return true;
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--no-cache");
}

const uid = (): number | undefined => process.getuid?.();

/** A folder only this user can read and write, and not a link to one elsewhere. */
function isPrivate(st: fs.Stats): boolean {
  const me = uid();
  return me === undefined || (st.uid === me && (st.mode & 0o077) === 0);
}

/** Creates the folder private when it is missing; true when it is safe to use. */
export function privateFolder(dir: string): boolean {
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") return false;
  }
  try {
    const st = fs.lstatSync(dir);
    return st.isDirectory() && isPrivate(st);
  } catch {
    return false;
  }
}

/** A cache file's bytes, when it is a private regular file of this user's (never through a link). */
export function readPrivateFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile() || !isPrivate(st)) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes the file whole or not at all (a temporary file renamed over it), readable by this user only. */
export function writePrivateFile(file: string, data: Uint8Array): void {
  // Worker threads share the process id: the random part keeps their temporary files apart.
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600, flag: "wx" });
    fs.renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only makes the next run slower.
    fs.rmSync(tmp, { force: true });
  }
}

export interface LoadOptions {
  env: Env;
  argv: readonly string[];
  /** The cache folder (the platform's by default). */
  dir?: string;
  /** Use Node's own cache where it has one (22+); false takes the vm.Script path. */
  nodeCache?: boolean;
  /**
   * The command the run is for (`render`, `import`…): each gets a cache of its own, holding
   * the functions that command compiled (a cache holds what its first run compiled).
   */
  variant?: string;
  /** The sha256 of the bundle as the build wrote it (hex); computed here when absent. */
  hash?: string;
  /** Runs the cache's writing when the process ends (tests run it themselves). */
  atExit?: (write: () => void) => void;
}

/** What became of the cache in a load. */
export type CacheUse = "off" | "refused" | "node" | "used" | "made";

/** Loads a CommonJS bundle and returns its exports, through the code cache when it may be used. */
export function loadBundle(file: string, options: LoadOptions): { exports: unknown; cache: CacheUse } {
  const dir = cacheOff(options.argv, options.env) ? undefined : (options.dir ?? cacheDir(options.env));
  const usable = dir !== undefined && privateFolder(dir);
  const enable = (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (usable && enable && options.nodeCache !== false) {
    enable(path.join(dir, "node"));
    return { exports: createRequire(file)(file), cache: "node" };
  }
  const fd = fs.openSync(file, "r");
  let source: Buffer;
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
    source = fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const name = usable ? cacheName(file, options.hash ?? sha256(source), stat, options.variant) : undefined;
  const cacheFile = name ? path.join(dir as string, name) : undefined;
  const cached = cacheFile ? readPrivateFile(cacheFile) : undefined;
  // The build makes its files ASCII (scripts/build.mjs): latin1 then reads them as they are, into a one-byte string.
  const text = isAscii(source) ? source.toString("latin1") : source.toString("utf8");
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  let cache: CacheUse = dir === undefined ? "off" : usable ? "used" : "refused";
  if (cacheFile && (!cached || script.cachedDataRejected)) {
    cache = "made";
    // After the run, so the functions this command compiled are in the cache too.
    (options.atExit ?? ((w) => process.once("exit", w)))(() => {
      // A run that did not do its command's work itself (a render batch's main thread) leaves the cache to one that does.
      if ((globalThis as Record<symbol, unknown>)[PARTIAL_RUN]) return;
      writePrivateFile(cacheFile, script.createCachedData());
      removeOthers(cacheFile);
    });
  }
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return { exports: mod.exports, cache };
}

/**
 * `kikitori.cjs-<hash>-<size>-<time>-<node version>-<arch>[-<command>].v8`: an edited or
 * reinstalled bundle gets a cache of its own, and so does each command.
 */
export function cacheName(file: string, hash: string, stat: fs.Stats, variant?: string): string {
  const command = variant && /^[a-z][a-z-]*$/.test(variant) ? `-${variant}` : "";
  return `${path.basename(file)}-${hash.slice(0, 32)}-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}${command}.v8`;
}

/** Set (on globalThis: the boot and the bundles each have their copy of this module) by a run whose work happens elsewhere. */
const PARTIAL_RUN = Symbol.for("kikitori.code-cache.partial-run");

/** This run does not do its command's work itself (a render batch hands it to worker threads): it writes no cache. */
export function partialRun(): void {
  (globalThis as Record<symbol, unknown>)[PARTIAL_RUN] = true;
}

function sha256(data: Uint8Array): string {
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(data).digest("hex");
}

const DAY = 86_400_000;

/** Caches of other builds of a file kept besides the new one (another installation may still use them). */
const KEEP = 3;

/**
 * Caches of other builds of the same file beyond the KEEP newest, or that no run has made for
 * 30 days (an installation still in use makes its own again), and temporary files a crash
 * left, removed.
 */
function removeOthers(keep: string, now = Date.now()): void {
  const dir = path.dirname(keep);
  const name = path.basename(keep);
  const mine = kindOf(name);
  try {
    const others = fs
      .readdirSync(dir)
      .filter((f) => f !== name && (f.startsWith(".") ? f.startsWith(`.${mine.file}-`) : kindOf(f).key === mine.key))
      .map((f) => ({ file: path.join(dir, f), temp: f.startsWith("."), age: now - fs.lstatSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => a.age - b.age);
    let kept = 0;
    for (const o of others) {
      const old = o.temp ? o.age > DAY / 24 : o.age > 30 * DAY || ++kept > KEEP;
      if (old) fs.rmSync(o.file, { force: true });
    }
  } catch {
    // Nothing to tidy, or not allowed to: the next new cache tries again.
  }
}

/** The file a cache is of and the command it is for (`kikitori.cjs` + `render`): caches of one kind replace each other. */
function kindOf(name: string): { file: string; key: string } {
  const m = /^(.+?\.cjs)-[0-9a-f]+-\d+-\d+-v[\d.]+-[a-z0-9]+(?:-([a-z][a-z-]*))?\.v8$/.exec(name);
  const file = m?.[1] ?? name.slice(0, name.indexOf(".cjs") + 4);
  return { file, key: m ? `${file} ${m[2] ?? ""}` : name };
}

/**
 * What bin/kikitori.cjs runs (dist/boot.cjs): answers `--version` and, outside a terminal, the
 * help screens from text made at build time (dist/help/) without loading anything else; every
 * other command line loads the CLI bundle (dist/kikitori.cjs) through the code cache.
 * This file stays small: it is compiled on every run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { langFromEnv } from "../i18n.ts";

declare const KIKITORI_VERSION: string;
/** The sha256 of dist/kikitori.cjs and dist/render.cjs, written in by the build. */
declare const KIKITORI_BUNDLE_HASH: string;
declare const KIKITORI_RENDER_HASH: string;

/**
 * V8's flags for kikitori's runs: no optimizing compiler (Turbofan), and a young generation
 * that does not grow. A render peaks 11 MB lower, and even long runs gain: a batch of 1,000
 * renders took 1.4 s instead of 1.7 s, an agenda over 500 jobs 0.38 s instead of 0.41 s with a
 * third less CPU (Turbofan's compiling never paid back within a run). And V8 checks a code
 * cache's checksum before using it (off in release builds; a damaged cache file made the
 * process crash with SIGSEGV; now it is refused and written again).
 */
export const RUN_FLAGS = "--no-turbofan --semi-space-growth-factor=1 --verify-snapshot-checksum";

/** A command word as the table spells it; anything else is left to the CLI. */
const WORD = /^[a-z][a-z-]*$/;

/** The file of a screen: `kikitori`, `kikitori+render`, `kikitori+pack+list`; `kikitori.bare` for no arguments at all. */
export function screenFile(words: readonly string[], bare = false): string {
  return bare ? "kikitori.bare" : ["kikitori", ...words].join("+");
}

/**
 * The name of the prebuilt help screen a command line asks for, or undefined when the CLI
 * should answer: `--help`/`-h` after a command's words, `help` before them, nothing at all
 * (the root's short help), each with at most one `--lang ja|en`.
 */
export function helpScreen(argv: readonly string[], env: Record<string, string | undefined>): { lang: "ja" | "en"; name: string } | undefined {
  if (argv.length === 0) return { lang: langFromEnv(env), name: screenFile([], true) };
  let lang = langFromEnv(env);
  const words: string[] = [];
  let asked = false;
  let given = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const flag = a === "--lang" ? argv[++i] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (flag !== undefined || a === "--lang") {
      if (given || (flag !== "ja" && flag !== "en")) return undefined;
      lang = flag;
      given = true;
    } else if ((a === "--help" || a === "-h") && i === argv.length - 1 && argv[0] !== "help") asked = true;
    else if (a === "help" && i === 0) asked = true;
    else if (WORD.test(a)) words.push(a);
    else return undefined;
  }
  if (!asked) return undefined;
  return { lang, name: screenFile(words) };
}

/** Writes all of `text` to fd 1; false when the descriptor cannot take it synchronously. */
function writeOut(text: string): boolean {
  const b = Buffer.from(text, "utf8");
  try {
    for (let n = 0; n < b.length; ) n += fs.writeSync(1, b, n, b.length - n);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A closed pipe (`kikitori --help | head -1`) ends quietly, as everywhere else.
    if (code === "EPIPE") return true;
    return false;
  }
}

/**
 * Whether the descriptor may be a terminal: a character device other than /dev/null (node:tty
 * would say exactly, but costs ~2 MB and a few milliseconds to load).
 */
function mayBeTerminal(fd: number): boolean {
  try {
    const st = fs.fstatSync(fd);
    return st.isCharacterDevice() && st.rdev !== fs.statSync("/dev/null").rdev;
  } catch {
    return true;
  }
}

/** The prebuilt answer to this command line, printed; false when the CLI must run. */
function quickAnswer(argv: readonly string[], dist: string): boolean {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) return writeOut(`${KIKITORI_VERSION}\n`);
  // At a terminal commander wraps the help to its width: a pipe, a file or /dev/null gets the prebuilt text.
  if (mayBeTerminal(1)) return false;
  const screen = helpScreen(argv, process.env);
  if (!screen) return false;
  let text: string;
  try {
    text = fs.readFileSync(path.join(dist, "help", screen.lang, `${screen.name}.txt`), "utf8");
  } catch {
    return false;
  }
  return writeOut(text);
}

export async function start(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  if (quickAnswer(argv, __dirname)) return;
  // Loaded only here: node:vm is not needed for the version or the help.
  const { cacheOff, loadBundle } = await import("../code-cache.ts");
  // Before any of kikitori's code is compiled: V8 takes a code cache only under the flags it was made with.
  process.getBuiltinModule("node:v8").setFlagsFromString(RUN_FLAGS);
  // The render batch's worker threads inherit the environment: they leave the cache alone too.
  if (cacheOff(argv, process.env)) process.env.KIKITORI_NO_CACHE = "1";
  const env = process.env;
  // A plain `render` needs only the render bundle; it says no to any other line.
  if (argv[0] === "render") {
    const render = loadBundle(path.join(__dirname, "render.cjs"), { env, argv, hash: KIKITORI_RENDER_HASH, variant: "render" }).exports as {
      tryRun(): boolean;
    };
    if (render.tryRun()) return;
  }
  // One cache per command (the first word, when it names one: a typo makes no cache of its own).
  const word = argv[0] ?? "";
  const variant = WORD.test(word) && fs.existsSync(path.join(__dirname, "help", "en", `${screenFile([word])}.txt`)) ? word : undefined;
  const cli = loadBundle(path.join(__dirname, "kikitori.cjs"), { env, argv, hash: KIKITORI_BUNDLE_HASH, variant }).exports as { run(): void };
  cli.run();
}

/**
 * Test helpers: run kikitori in-process (`run`) or as the built binary (`kikitori`), make
 * temporary folders. Both give a command the same clean environment, so a test moves from one
 * to the other by its call alone.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli/main.ts";
import type { IO, Stream } from "../src/cli/output.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = path.join(ROOT, "bin", "kikitori.cjs");
export const FIXTURES = path.join(ROOT, "test", "fixtures");

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  /** In-process only: which of the streams claim to be a terminal (none by default). */
  tty?: { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  /** In-process only: replaces stdout's write (to make it fail, or to watch it). */
  stdoutWrite?: (chunk: string) => boolean;
  /** In-process only: the clock (default the real one; KIKITORI_TODAY fixes only the day). */
  now?: () => Date;
}

/** The code cache of the binary's runs (src/code-cache.ts), private to this user as the cache requires. */
export const TEST_CACHE = path.join(os.tmpdir(), `kikitori-test-cache-${process.getuid?.() ?? "user"}`);

/** The environment of a run: nothing from the test runner's own but PATH. */
export function cleanEnv(opts: RunOptions): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: opts.cwd ?? os.tmpdir(),
    LANG: "C",
    KIKITORI_TODAY: "2026-11-23",
    XDG_DATA_HOME: path.join(opts.cwd ?? os.tmpdir(), ".xdg"),
    // One code cache for every spawned run of the suite, outside the folders tests list.
    XDG_CACHE_HOME: TEST_CACHE,
  };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * Runs `main(argv, io)` in-process, as the binary would with these options: the same
 * environment, cwd through io (never process.chdir, so files may run side by side), stdin a
 * pipe holding `input`, stdout and stderr pipes collected as text, and no signal handlers.
 * For what only a process shows (signals, broken pipes, terminals, exit of the built bundle)
 * use `kikitori` in test/e2e/.
 */
export async function run(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const pipe = (add: (s: string) => void, isTTY?: boolean): Stream => ({
    write: (chunk: string) => {
      add(String(chunk));
      return true;
    },
    ...(isTTY ? { isTTY, columns: 80 } : {}),
  });
  const stdin = Object.assign(Readable.from([Buffer.from(opts.input ?? "")]), opts.tty?.stdin ? { isTTY: true } : {});
  const io: IO = {
    stdout: opts.stdoutWrite
      ? { write: (chunk: string) => opts.stdoutWrite?.(String(chunk)) ?? true }
      : pipe((s) => {
          stdout += s;
        }, opts.tty?.stdout),
    stderr: pipe((s) => {
      stderr += s;
    }, opts.tty?.stderr),
    stdin,
    env: cleanEnv(opts),
    cwd: opts.cwd ?? ROOT,
    now: opts.now ?? (() => new Date()),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the built `kikitori` with a clean, reproducible environment. */
export function kikitori(args: string[], opts: RunOptions = {}): RunResult {
  const env = cleanEnv(opts);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tmpdir(prefix = "kikitori-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export function read(file: string): string {
  return fs.readFileSync(file, "utf8");
}

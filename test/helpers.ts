/** Test helpers: run the built binary, make temporary folders. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = path.join(ROOT, "bin", "kikitori.js");
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
}

/** Runs the built `kikitori` with a clean, reproducible environment. */
export function kikitori(args: string[], opts: RunOptions = {}): RunResult {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: opts.cwd ?? os.tmpdir(),
    LANG: "C",
    KIKITORI_TODAY: "2026-11-23",
    XDG_DATA_HOME: path.join(opts.cwd ?? os.tmpdir(), ".xdg"),
  };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
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

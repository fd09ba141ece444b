/**
 * main(argv, io) in-process, with fake streams: what a user sees (stdout, stderr, exit code)
 * without starting a process. For what only a process shows (signals, terminals, fd 1
 * itself) the tests spawn the built binary instead.
 */
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/main.ts";
import type { IO } from "../../src/cli/output.ts";
import type { RunResult } from "../helpers.ts";

export interface InProcOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** What stdin holds (it ends after it). */
  input?: string;
  /** Replaces stdout's write: to make it fail. */
  stdoutWrite?: (chunk: string) => boolean;
}

export async function runMain(argv: string[], o: InProcOptions): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: o.cwd,
    LANG: "C",
    KIKITORI_TODAY: "2026-11-23",
    XDG_DATA_HOME: path.join(o.cwd, ".xdg"),
    TMPDIR: os.tmpdir(),
    ...o.env,
  };
  const stdin = Readable.from(o.input === undefined ? [] : [o.input]) as Readable & { isTTY?: boolean };
  const io: IO = {
    stdout: {
      write: (s: string) => {
        if (o.stdoutWrite) return o.stdoutWrite(s);
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
    stdin,
    env,
    cwd: o.cwd,
    now: () => new Date("2026-11-23T10:00:00+09:00"),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

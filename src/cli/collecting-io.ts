/**
 * An IO whose stdout and stderr collect into strings: a render batch's worker sends what each
 * file printed back to the main thread, the build keeps each help screen. It has no stdin.
 */
import type { IO } from "./output.ts";

export interface Collected {
  stdout: string;
  stderr: string;
}

export function collectingIO(into: Collected, env: Record<string, string | undefined>, cwd: string, stderrTTY = false): IO {
  return {
    stdout: {
      write: (s) => {
        into.stdout += s;
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (s) => {
        into.stderr += s;
        return true;
      },
      isTTY: stderrTTY,
    },
    get stdin(): never {
      throw new Error("this run has no stdin");
    },
    env,
    cwd,
    now: () => new Date(),
  };
}

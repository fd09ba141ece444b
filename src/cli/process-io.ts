/** The real process wired to a main function (main.ts, or render-entry.ts's), and the exit code set from it. */
import { NotFoundError } from "../errors.ts";
import { stdoutError } from "../file-errors.ts";
import { msg } from "../i18n.ts";
import type { IO } from "./output.ts";
import { processStream } from "./stdout.ts";

/** The working folder; gone (deleted under the shell) is the user's error, not a crash. */
function workingFolder(): string {
  try {
    return process.cwd();
  } catch {
    throw new NotFoundError(
      msg(
        "作業フォルダがなくなっています (削除されましたか)。存在するフォルダに移動してから実行してください",
        "the working folder no longer exists (was it deleted?): cd into an existing folder and run again",
      ),
    );
  }
}

/**
 * The terminal is gone (hang-up, or EIO writing to it). Node 20 aborts at exit when it
 * cannot restore the terminal's mode (nodejs/node#51519), so end the way a hang-up does by
 * default instead: the signal's own action, with no exit-time terminal reset. A hearing's
 * answers are saved after every answer, so nothing is lost.
 */
function hangUp(): void {
  process.removeAllListeners("SIGHUP");
  process.kill(process.pid, "SIGHUP");
}

export function runWith(main: (argv: string[], io: IO) => Promise<number>): void {
  let hungUp = false;
  const watch = (s: NodeJS.WriteStream) => {
    s.on("error", (e: NodeJS.ErrnoException) => {
      // A closed pipe (`kikitori … | head`) is not an error: stop writing and exit quietly.
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (e.code === "EIO") hangUp();
      else if (s === process.stdout) {
        // Output lost on its way (a pipe or socket that failed): say so, and do not exit 0.
        const err = stdoutError(e);
        process.stderr.write(`error: ${err.text.en}\n`);
        process.exit(err.exitCode);
      }
    });
  };
  const stderr = processStream(2, watch);
  main(process.argv.slice(2), {
    stdout: processStream(1, watch),
    stderr,
    // Creating the stdin stream costs a few milliseconds: only commands that read it pay.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    // Read when a command needs it: a deleted working folder must not stop --version.
    get cwd() {
      return workingFolder();
    },
    now: () => new Date(),
    onSignal: (handler) => {
      const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
      const h = (s: NodeJS.Signals) => {
        if (s === "SIGHUP") hungUp = true;
        handler(s);
      };
      for (const s of signals) process.on(s, h);
      return () => {
        for (const s of signals) process.off(s, h);
      };
    },
  }).then(
    (code) => {
      process.exitCode = code;
      if (hungUp) hangUp();
    },
    (e) => {
      // main() reports its own errors; this only catches a failure to report one.
      stderr.write(`internal error / 内部エラー: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

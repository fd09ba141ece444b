/** The bundle's entry: wires the real process to main() and sets the exit code. */
import { main } from "./main.ts";

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

export function run(): void {
  let hungUp = false;
  for (const s of [process.stdout, process.stderr]) {
    s.on("error", (e: NodeJS.ErrnoException) => {
      // A closed pipe (`kikitori … | head`) is not an error: stop writing and exit quietly.
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (e.code === "EIO") hangUp();
    });
  }
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // Creating the stdin stream costs a few milliseconds: only commands that read it pay.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
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
      process.stderr.write(`internal error / 内部エラー: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

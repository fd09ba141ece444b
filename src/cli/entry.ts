/** The bundle's entry: wires the real process to main() and sets the exit code. */
import { main } from "./main.ts";

export function run(): void {
  // A closed pipe (`kikitori … | head`) is not an error: stop writing and exit quietly.
  for (const s of [process.stdout, process.stderr]) {
    s.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
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
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`internal error: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

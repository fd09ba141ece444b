/**
 * The only place that turns errors into exit codes and decides about stack traces.
 * `main(argv, io)` returns the exit code; bin/kikitori.cjs (through dist/boot.cjs and entry.ts) sets process.exitCode from it.
 */
import { runPlainLine } from "./exec.ts";
import { uiLang, VERSION } from "./facts.ts";
import type { IO } from "./output.ts";
import { parsePlainLine } from "./plain-line.ts";
import { reportError } from "./report.ts";
import { COMMANDS, GLOBAL_OPTIONS, GROUPS } from "./specs/index.ts";
import { guardedIO } from "./stdout.ts";

export async function main(argv: string[], given: IO): Promise<number> {
  const io = guardedIO(given);
  const lang = uiLang(argv, io.env);
  try {
    // Scripts ask for the version often; answer without loading the command-line parser.
    if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    // A plain line runs without building commander's program (plain-line.ts).
    const line = parsePlainLine(argv, { commands: COMMANDS, groups: GROUPS, globals: GLOBAL_OPTIONS });
    if (line) return await runPlainLine(line, argv, io, { lang });
    const { runProgram } = await import("./program.ts");
    return await runProgram(argv, io, { lang });
  } catch (e) {
    return reportError(e, io, lang);
  }
}

/**
 * The render bundle's entry (dist/render.cjs): `render` with a plain command line, and the
 * render batch's worker threads, without the rest of the CLI (a quarter of its code, so less
 * to load and less memory). Any other line is the CLI bundle's (dist/boot.cjs loads it when
 * tryRun says no).
 */
import { runPlainLine } from "./exec.ts";
import { uiLang } from "./facts.ts";
import type { IO } from "./output.ts";
import { type LineTable, parsePlainLine } from "./plain-line.ts";
import { runWith } from "./process-io.ts";
import { reportError } from "./report.ts";
import { GLOBAL_OPTIONS } from "./specs/globals.ts";
import { RENDER } from "./specs/render.ts";
import { guardedIO } from "./stdout.ts";

/** The one command this bundle reads. */
export const RENDER_TABLE: LineTable = { commands: [RENDER], groups: [], globals: GLOBAL_OPTIONS };

/** Runs the command line when it is a plain `render`; false (nothing done) when it is not. */
export function tryRun(argv: string[] = process.argv.slice(2)): boolean {
  const line = parsePlainLine(argv, RENDER_TABLE);
  if (!line) return false;
  runWith(async (args: string[], given: IO) => {
    const io = guardedIO(given);
    const lang = uiLang(args, io.env);
    try {
      return await runPlainLine(line, args, io, { lang });
    } catch (e) {
      return reportError(e, io, lang);
    }
  });
  return true;
}

/** The render batch's worker thread (dist/render-worker.cjs calls it). */
export async function renderWorker(): Promise<void> {
  const { renderWorker: serve } = await import("./render-worker.ts");
  await serve();
}

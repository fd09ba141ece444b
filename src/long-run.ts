/**
 * How hard V8 works on the code of this run. Most runs last a few tens of milliseconds, too
 * short for V8's optimizing compiler (Turbofan) to pay back what it costs, or for a growing young
 * generation: dist/boot.cjs turns both off before the CLI loads (11 MB less peak memory for a
 * render, no slower). A run that goes
 * on over many files turns it back on here, before the work starts (worker threads share the
 * setting).
 */
import * as v8 from "node:v8";

/** Files from which a run counts as long. */
export const LONG_RUN_FILES = 32;

/** Set when a run turned the compiler back on: the code cache is not written then (src/code-cache.ts). */
export const LONG_RUN = Symbol.for("kikitori.long-run");

export function longRun(files: number): void {
  if (files < LONG_RUN_FILES) return;
  // V8's defaults again (src/boot/start.ts turned them off for a short run).
  v8.setFlagsFromString("--turbofan --semi-space-growth-factor=2");
  // V8 refuses a cache made under other flags than the next run's: this run's code is not cached.
  (globalThis as Record<symbol, unknown>)[LONG_RUN] = true;
}

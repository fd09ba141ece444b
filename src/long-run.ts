/**
 * How hard V8 works on the code of this run. Most runs last a few tens of milliseconds, too
 * short for V8's optimizing compiler (Turbofan) to pay back what it costs: dist/boot.cjs turns
 * it off before the CLI loads (8 MB less peak memory for a render, no slower). A run that goes
 * on over many files turns it back on here, before the work starts (worker threads share the
 * setting).
 */
import * as v8 from "node:v8";

/** Files from which a run counts as long. */
export const LONG_RUN_FILES = 32;

export function longRun(files: number): void {
  if (files >= LONG_RUN_FILES) v8.setFlagsFromString("--turbofan");
}

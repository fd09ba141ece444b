/**
 * A worker thread of a large render batch (dist/render-worker.cjs): loads the CLI bundle
 * through the same code cache as the main thread and serves the batch (cli/render-worker.ts).
 */
import * as path from "node:path";
import { loadBundle } from "./cache.ts";

/** The sha256 of dist/kikitori.cjs, written in by the build. */
declare const KIKITORI_BUNDLE_HASH: string;

// The batch runs with the optimizing compiler on (src/long-run.ts), and V8 takes a cache only
// under the flags it was made with: the workers keep a cache of their own, written as soon as
// the bundle is loaded (a worker is stopped, not ended).
const cli = loadBundle(path.join(__dirname, "kikitori.cjs"), {
  env: process.env,
  argv: [],
  hash: KIKITORI_BUNDLE_HASH,
  tag: "batch",
  atExit: (write) => write(),
}).exports as { renderWorker(): Promise<void> };
void cli.renderWorker();

/**
 * A worker thread of a large render batch (dist/render-worker.cjs): loads the render bundle
 * through the same code cache as the main thread and serves the batch (cli/render-worker.ts).
 */
import * as path from "node:path";
import { loadBundle } from "../code-cache.ts";

/** The sha256 of dist/render.cjs, written in by the build. */
declare const KIKITORI_RENDER_HASH: string;

// The batch runs with the optimizing compiler on (src/long-run.ts), and V8 takes a cache only
// under the flags it was made with: the workers keep a cache of their own, written as soon as
// the bundle is loaded (a worker is stopped, not ended).
const cli = loadBundle(path.join(__dirname, "render.cjs"), {
  env: process.env,
  argv: [],
  hash: KIKITORI_RENDER_HASH,
  tag: "batch",
  atExit: (write) => write(),
}).exports as { renderWorker(): Promise<void> };
void cli.renderWorker();

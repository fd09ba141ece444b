/**
 * A worker thread of a large render batch (dist/render-worker.cjs): loads the render bundle
 * through the same code cache as the main thread and serves the batch (cli/render-worker.ts).
 */
import * as path from "node:path";
import { loadBundle } from "../code-cache.ts";

/** The sha256 of dist/render.cjs, written in by the build. */
declare const KIKITORI_RENDER_HASH: string;

// The flags of the main thread (dist/boot.cjs set them), so the main thread's cache serves here too.
const cli = loadBundle(path.join(__dirname, "render.cjs"), { env: process.env, argv: [], hash: KIKITORI_RENDER_HASH, variant: "render" }).exports as {
  renderWorker(): Promise<void>;
};
void cli.renderWorker();

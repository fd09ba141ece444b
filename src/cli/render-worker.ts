/** A worker thread of a large render batch (see render-pool.ts; started by dist/render-worker.cjs). */
import { parentPort, workerData } from "node:worker_threads";
import { KikitoriError } from "../errors.ts";
import { collectingIO } from "./collecting-io.ts";
import { makeCtx } from "./context.ts";
import { resolveLang } from "./facts.ts";
import { fileRenderer, reportFailure } from "./file-renderer.ts";
import { createOutput } from "./output.ts";
import type { FileResult, WorkerInit } from "./render-pool.ts";

/** Renders the runs of files the main thread sends, and sends back what each printed. */
export async function renderWorker(): Promise<void> {
  const init = workerData as WorkerInit;
  const out = { stdout: "", stderr: "" };
  const io = collectingIO(out, init.env, init.cwd, init.stderrTTY);
  const lang = resolveLang(init.langFlag, undefined, init.env);
  const ctx = makeCtx(io, await createOutput(io, lang, init.noColor), init.langFlag);
  const render = fileRenderer(ctx, init.flags);

  parentPort?.on("message", async (run: { index: number; file: string }[]) => {
    const results: FileResult[] = [];
    for (const { index, file } of run) {
      out.stdout = "";
      out.stderr = "";
      let code = 0;
      let crash: string | undefined;
      try {
        await render(file);
      } catch (e) {
        if (e instanceof KikitoriError) {
          reportFailure(ctx, e);
          code = e.exitCode;
        } else crash = e instanceof Error ? (e.stack ?? e.message) : String(e);
      }
      results.push({ index, stdout: out.stdout, stderr: out.stderr, code, ...(crash ? { crash } : {}) });
    }
    parentPort?.postMessage(results);
  });
}

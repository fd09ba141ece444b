/** A worker thread of a large render batch (see render-pool.ts; started by dist/render-worker.cjs). */
import { parentPort, workerData } from "node:worker_threads";
import { KikitoriError } from "../errors.ts";
import { makeCtx } from "./context.ts";
import { resolveLang } from "./facts.ts";
import { fileRenderer, reportFailure } from "./file-renderer.ts";
import { createOutput, type IO } from "./output.ts";
import type { FileResult, WorkerInit } from "./render-pool.ts";

/** Renders the runs of files the main thread sends, and sends back what each printed. */
export async function renderWorker(): Promise<void> {
  const init = workerData as WorkerInit;
  let stdout = "";
  let stderr = "";
  const io: IO = {
    stdout: {
      write: (s) => {
        stdout += s;
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (s) => {
        stderr += s;
        return true;
      },
      isTTY: init.stderrTTY,
    },
    get stdin(): never {
      throw new Error("a render worker has no stdin");
    },
    env: init.env,
    cwd: init.cwd,
    now: () => new Date(),
  };
  const lang = resolveLang(init.langFlag, undefined, init.env);
  const ctx = makeCtx(io, await createOutput(io, lang, init.noColor), init.langFlag);
  const render = fileRenderer(ctx, init.flags);

  parentPort?.on("message", async (run: { index: number; file: string }[]) => {
    const out: FileResult[] = [];
    for (const { index, file } of run) {
      stdout = "";
      stderr = "";
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
      out.push({ index, stdout, stderr, code, ...(crash ? { crash } : {}) });
    }
    parentPort?.postMessage(out);
  });
}

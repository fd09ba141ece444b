/**
 * Ctrl-C or SIGTERM during a render batch: the batch stops between two answers files, never
 * inside a write, so every output written is complete, both outputs of a file are there, and
 * no temporary file is left. Shared by the one-thread loop and the worker pool.
 */
import { CancelledError } from "../errors.ts";
import { msg } from "../i18n.ts";
import type { Ctx } from "./context.ts";

export interface BatchSignals {
  /** The signal received so far, if any. */
  caught(): NodeJS.Signals | undefined;
  /** Gives a pending signal's handler its turn first (writes are synchronous), then as caught(). */
  pending(): Promise<NodeJS.Signals | undefined>;
  close(): void;
}

export function batchSignals(ctx: Ctx, count: number): BatchSignals {
  let caught: NodeJS.Signals | undefined;
  const close =
    count > 1
      ? ctx.io.onSignal?.((s) => {
          caught ??= s;
        })
      : undefined;
  return {
    caught: () => caught,
    async pending() {
      if (!close) return undefined;
      await new Promise((resolve) => setImmediate(resolve));
      return caught;
    },
    close: () => close?.(),
  };
}

export function interruptedBatch(ctx: Ctx, signal: NodeJS.Signals, done: number, total: number, progress: boolean): CancelledError {
  if (progress) ctx.io.stderr.write("\n");
  return new CancelledError(
    msg(
      `中断しました。${total} 件中 ${done} 件の回答ファイルを処理しました (書き出したファイルはすべて完全です)`,
      `Interrupted after ${done} of ${total} answers files (every file written is complete)`,
    ),
    signal === "SIGTERM" ? 143 : 130,
  );
}

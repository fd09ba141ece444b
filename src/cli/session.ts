/**
 * The interactive edge of `start` and `resume`: checks there is someone to ask, picks the
 * terminal UI or the accessible line mode (loading inquirer only for the former), and turns
 * signals and a closed terminal into an interrupted hearing rather than a dead process.
 */
import { UsageError } from "../errors.ts";
import type { Prompter } from "../flow/prompter.ts";
import { msg } from "../i18n.ts";
import type { Ctx } from "./context.ts";

export interface Session {
  prompter: Prompter;
  /** The signal that ended the hearing, if one did. */
  signal(): NodeJS.Signals | undefined;
  close(): void;
}

/** ACCESSIBLE=1 (or any value but 0/false/no) asks for the line mode, as --accessible does. */
export function accessibleFromEnv(env: Record<string, string | undefined>): boolean {
  const v = (env.ACCESSIBLE ?? "").trim().toLowerCase();
  return v !== "" && v !== "0" && v !== "false" && v !== "no";
}

/** Without a terminal on stdin a prompt would wait forever: refuse at once (exit 2). */
export function requireTerminal(ctx: Ctx, accessible: boolean, command: "start" | "resume"): void {
  if (accessible || ctx.io.stdin.isTTY) return;
  throw new UsageError(
    msg(
      `kikitori ${command} は端末で質問に答えるコマンドですが、標準入力が端末ではありません`,
      `kikitori ${command} asks questions in a terminal, but stdin is not a terminal`,
    ),
    [
      msg(
        "スクリプトからは: kikitori start <パック> --defaults --set id=値 … -o ファイル",
        "from a script: kikitori start <pack> --defaults --set id=value … -o FILE",
      ),
      msg("1行ずつ答えるには --accessible を付けてください (パイプからも読めます)", "to answer line by line (also from a pipe): add --accessible"),
    ],
  );
}

export async function openSession(ctx: Ctx, accessible: boolean): Promise<Session> {
  const controller = new AbortController();
  let caught: NodeJS.Signals | undefined;
  const stopSignals =
    ctx.io.onSignal?.((s) => {
      caught ??= s;
      controller.abort(s);
    }) ?? (() => {});
  const stderr = ctx.io.stderr as unknown as NodeJS.WritableStream & { columns?: number; rows?: number };
  let close = () => {};
  let prompter: Prompter;
  if (accessible) {
    const { LinePrompter, LineReader } = await import("../prompt/lines.ts");
    const reader = new LineReader(ctx.io.stdin, controller.signal);
    prompter = new LinePrompter(reader, stderr);
    close = () => reader.close();
  } else {
    const { TerminalPrompter, measureFromEnv } = await import("../prompt/terminal.ts");
    const c = ctx.out.errColor;
    const style = { bold: c.bold, dim: c.dim, accent: c.cyan, error: c.red, ok: c.green, highlight: c.cyan };
    prompter = new TerminalPrompter({ input: ctx.io.stdin, output: stderr, style, signal: controller.signal, measure: measureFromEnv(ctx.io.env) });
  }
  return {
    prompter,
    signal: () => caught,
    close: () => {
      stopSignals();
      close();
    },
  };
}

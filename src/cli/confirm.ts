/**
 * A plain y/N question on stderr, for the few commands that change the user's pack folder.
 * Deliberately not the prompt module: no dependency, and it works on any terminal.
 */
import * as readline from "node:readline";
import { CancelledError, UsageError } from "../errors.ts";
import { msg } from "../i18n.ts";
import type { Ctx } from "./context.ts";

/**
 * Asks `question` when there is a terminal; `yes` (the --yes flag) answers it in advance.
 * Without a terminal and without --yes nothing is changed: a usage error (2). A "no" or
 * Ctrl-C/Ctrl-D is a CancelledError (130).
 */
export async function confirmOrCancel(ctx: Ctx, question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!ctx.io.stdin.isTTY) {
    throw new UsageError(msg("確認のための端末がありません。続けるには --yes を付けてください", "no terminal to confirm on: add --yes to go ahead"));
  }
  const answer = await ask(ctx, `${question} ${ctx.out.t("[y/N]", "[y/N]")} `);
  if (!/^\s*(y|yes|はい)\s*$/i.test(answer ?? "")) {
    throw new CancelledError(msg("中止しました。何も変更していません", "cancelled: nothing was changed"));
  }
}

function ask(ctx: Ctx, question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: ctx.io.stdin, output: ctx.io.stderr as unknown as NodeJS.WritableStream, terminal: true });
    let done = false;
    const finish = (v: string | undefined) => {
      if (done) return;
      done = true;
      rl.close();
      resolve(v);
    };
    rl.on("SIGINT", () => {
      ctx.io.stderr.write("\n");
      finish(undefined);
    });
    rl.on("close", () => finish(undefined));
    rl.question(question, (a) => finish(a));
  });
}

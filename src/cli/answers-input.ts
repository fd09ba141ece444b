/** An answers file named on the command line (`-` for stdin), and the pack it was made with. */
import * as path from "node:path";
import { parseAnswersBytes, type ReadAnswers, readAnswersFile } from "../answers/io.ts";
import { findPack } from "../pack/lookup.ts";
import type { LoadedPack } from "../pack/types.ts";
import type { Ctx } from "./context.ts";
import { readStdin } from "./stdin.ts";

export async function readAnswersArg(ctx: Ctx, arg: string): Promise<ReadAnswers> {
  return arg === "-" ? parseAnswersBytes(await readStdin(ctx.io.stdin), "<stdin>") : readAnswersFile(path.resolve(ctx.io.cwd, arg), arg);
}

/** The pack given with --pack, else the one the file names, in the version it was made with when that is installed. */
export function packForAnswers(ctx: Ctx, read: ReadAnswers, explicit?: string): LoadedPack {
  return explicit ? findPack(explicit, ctx.lookup) : findPack(read.file.pack.id, ctx.lookup, { version: read.file.pack.version });
}

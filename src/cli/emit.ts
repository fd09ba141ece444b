/** Text a command produces: to stdout, or atomically to `-o FILE` (73 if it exists without --force). */
import * as path from "node:path";
import { writeFileAtomic } from "../write-file.ts";
import type { Ctx } from "./context.ts";
import { shown } from "./outputs.ts";
import { refuseInputAsOutput } from "./overlap.ts";

export interface EmitFlags {
  output?: string;
  force?: boolean;
}

export interface EmitOptions {
  /** The files this run reads: `-o` may not name one of them (it would destroy it). */
  inputs?: readonly (string | undefined)[];
  /** The mode of a new file (0o600 for answers files). */
  mode?: number;
}

export function emitText(ctx: Ctx, text: string, flags: EmitFlags, o: EmitOptions = {}): void {
  if (!flags.output || flags.output === "-") {
    ctx.out.out(text);
    return;
  }
  const target = path.resolve(ctx.io.cwd, flags.output);
  refuseInputAsOutput(ctx, target, o.inputs ?? []);
  writeFileAtomic(target, text, { force: flags.force === true, ...(o.mode ? { mode: o.mode } : {}) });
  ctx.out.info(ctx.out.t(`${shown(ctx, target)} に書き出しました`, `wrote ${shown(ctx, target)}`));
}

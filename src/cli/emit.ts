/** Text a command produces: to stdout, or atomically to `-o FILE` (73 if it exists without --force). */
import * as path from "node:path";
import { writeFileAtomic } from "../files.ts";
import type { Ctx } from "./context.ts";

export interface EmitFlags {
  output?: string;
  force?: boolean;
}

export function emitText(ctx: Ctx, text: string, flags: EmitFlags): void {
  if (!flags.output || flags.output === "-") {
    ctx.out.out(text);
    return;
  }
  const target = path.resolve(ctx.io.cwd, flags.output);
  writeFileAtomic(target, text, { force: flags.force === true });
  ctx.out.info(ctx.out.t(`${flags.output} に書き出しました`, `wrote ${flags.output}`));
}

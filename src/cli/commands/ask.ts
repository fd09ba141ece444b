/** `kikitori ask <pack>`: the questionnaire as one polite message to paste into a chat. */
import { type AskFormat, buildAskContext } from "../../ask/context.ts";
import { UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import { tidy } from "../../render/render.ts";
import { templateStore } from "../../render/templates.ts";
import { type Ctx, outputLang } from "../context.ts";
import { emitText } from "../emit.ts";

export interface AskFlags {
  format?: string;
  client?: string;
  job?: string;
  output?: string;
  force?: boolean;
}

export async function runAsk(ctx: Ctx, ref: string, flags: AskFlags): Promise<number> {
  const format = parseFormat(flags.format);
  const loaded = findPack(ref, ctx.lookup);
  const lang = outputLang(ctx);
  const context = buildAskContext(loaded.pack, { lang, format, client: flags.client, job: flags.job });
  const text = templateStore(ctx.templatesDir).get("ask", lang, loaded)(context);
  emitText(ctx, tidy(text), flags, { inputs: [loaded.file] });
  return 0;
}

function parseFormat(v: string | undefined): AskFormat {
  if (v === undefined || v === "text" || v === "md") return v ?? "text";
  throw new UsageError(msg(`--format には text か md を指定してください (指定値: ${v})`, `--format takes text or md (got ${v})`));
}

/**
 * `kikitori ask <pack>`: the questionnaire as one polite message to paste into a chat: all of
 * it, a short first round (--first), or what an answers file still lacks (--missing), in parts
 * a chat box accepts (--split N).
 */
import * as path from "node:path";
import { readAnswersFile } from "../../answers/io.ts";
import { validateAnswers } from "../../answers/validate.ts";
import { type AskFormat, buildAskContext } from "../../ask/context.ts";
import { splitMessage } from "../../ask/split.ts";
import { UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import { tidy } from "../../render/render.ts";
import { templateStore } from "../../render/templates.ts";
import { type Ctx, outputLang } from "../context.ts";
import { emitText } from "../emit.ts";
import { readPlatforms } from "../planning.ts";
import { readSettings } from "../settings.ts";

export interface AskFlags {
  format?: string;
  client?: string;
  job?: string;
  platform?: string;
  from?: string;
  formal?: boolean;
  first?: boolean;
  split?: string;
  missing?: string;
  output?: string;
  force?: boolean;
}

/** Between the parts of a split questionnaire: for the worker's eyes, not to be pasted. */
export const PART_BREAK = "\n\n-------- ✂ --------\n\n";

export async function runAsk(ctx: Ctx, ref: string, flags: AskFlags): Promise<number> {
  const format = parseFormat(flags.format);
  const split = parseSplit(flags.split);
  if (flags.first && flags.missing) {
    throw new UsageError(msg("--first と --missing は同時に使えません", "--first and --missing cannot be used together"));
  }
  const loaded = findPack(ref, ctx.lookup);
  const answersFile = flags.missing ? readAnswersFile(path.resolve(ctx.io.cwd, flags.missing), flags.missing) : undefined;
  if (answersFile && answersFile.file.pack.id !== loaded.pack.id) {
    throw new UsageError(
      msg(
        `${flags.missing} は ${answersFile.file.pack.id} の回答です (指定したパックは ${loaded.pack.id})`,
        `${flags.missing} holds answers to ${answersFile.file.pack.id}, not ${loaded.pack.id}`,
      ),
    );
  }
  // Answers that no longer fit are asked again rather than refused: the client fixes them.
  const answers = answersFile ? validateAnswers(loaded.pack, answersFile.file.answers).answers : undefined;
  const meta = answersFile?.file.meta ?? {};
  const lang = outputLang(ctx, answersFile?.file.lang);
  const platformId = flags.platform ?? meta.platform;
  const platform = platformId ? readPlatforms(ctx.root).find((p) => p.id === platformId) : undefined;
  const settings = readSettings(ctx);
  const from = flags.from ?? (typeof settings.from === "string" ? settings.from : settings.from?.[lang]);
  const context = buildAskContext(loaded.pack, {
    lang,
    format,
    client: flags.client ?? meta.client,
    job: flags.job ?? meta.job,
    first: flags.first === true,
    answers,
    platform,
    from,
    formal: flags.formal,
    style: settings.salutation,
  });
  if (answers && context.count === 0) {
    ctx.out.info(
      ctx.out.t(
        `${flags.missing} にはクライアントに聞くべき残りの質問がありません`,
        `${flags.missing} lacks nothing the client is asked: no questions to send`,
      ),
    );
    return 0;
  }
  const text = tidy(templateStore(ctx.templatesDir).get("ask", lang, loaded)(context));
  if (split === undefined) {
    emitText(ctx, text, flags, { inputs: [loaded.file] });
    return 0;
  }
  const r = splitMessage(text, split, lang);
  emitText(ctx, `${r.parts.join(PART_BREAK)}\n`, flags, { inputs: [loaded.file] });
  if (r.parts.length > 1)
    ctx.out.info(ctx.out.t(`${r.parts.length} 通に分けました (✂ の行で区切っています)`, `split into ${r.parts.length} parts (cut at the ✂ lines)`));
  for (const n of r.oversize) {
    ctx.out.warn(
      ctx.out.t(
        `質問${n} は1問だけで ${split} 文字を超えるため、分けずにそのまま入れました`,
        `question ${n} alone is longer than ${split} characters: it is sent whole`,
      ),
    );
  }
  return 0;
}

function parseFormat(v: string | undefined): AskFormat {
  if (v === undefined || v === "text" || v === "md") return v ?? "text";
  throw new UsageError(msg(`--format には text か md を指定してください (指定値: ${v})`, `--format takes text or md (got ${v})`));
}

function parseSplit(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 200) {
    throw new UsageError(msg(`--split には 200 以上の文字数を指定してください (指定値: ${v})`, `--split takes a number of characters, 200 or more (got ${v})`));
  }
  return n;
}

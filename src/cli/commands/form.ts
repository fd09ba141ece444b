/**
 * `kikitori form <pack>`: the client's form, one HTML file that works offline. Its copied
 * reply and its downloaded answers file are read back by `kikitori import`.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultStem } from "../../answers/names.ts";
import { contentHash } from "../../builtin.ts";
import { DataError, NotFoundError, UsageError } from "../../errors.ts";
import { buildFormModel } from "../../form/build-model.ts";
import { type FormAssets, renderFormHtml } from "../../form/html.ts";
import { msg } from "../../i18n.ts";
import { findPack } from "../../pack/lookup.ts";
import { type Ctx, outputLang } from "../context.ts";
import { emitText } from "../emit.ts";
import { readPlatforms } from "../planning.ts";

export interface FormFlags {
  output?: string;
  force?: boolean;
  client?: string;
  job?: string;
  platform?: string;
  first?: boolean;
}

export async function runForm(ctx: Ctx, ref: string, flags: FormFlags): Promise<number> {
  const loaded = findPack(ref, ctx.lookup);
  const { pack } = loaded;
  const lang = outputLang(ctx);
  const platform = flags.platform === undefined ? undefined : platformOf(ctx, flags.platform);
  const offPlatform = platform?.rules.find((r) => r.kind === "conduct" && r.platform_only === true);
  const stem = defaultStem(pack.id, ctx.today(), flags.client);
  const model = buildFormModel(pack, {
    lang,
    first: flags.first === true,
    // The same form made again (a typo fixed) keeps the client's saved answers; another
    // client's or job's form never sees them.
    formId: contentHash(JSON.stringify([pack.id, pack.version, flags.client ?? "", flags.job ?? "", lang, flags.first === true])).slice(0, 12),
    download: `${stem}.answers.yaml`,
    client: flags.client,
    job: flags.job,
    platform: platform ? { id: platform.id, name: platform.name[lang], offPlatform: offPlatform !== undefined } : undefined,
  });
  if (model.sections.length === 0) {
    throw new DataError(msg(`${pack.id} にはクライアントへの質問がありません`, `${pack.id} has no questions for the client`), [
      {
        file: loaded.file,
        message: msg("すべての質問が audience: worker です", "every question is audience: worker"),
        fix: msg("クライアントに聞く質問を追加してください", "add questions for the client"),
      },
    ]);
  }
  const html = renderFormHtml(model, readAssets(ctx.root), (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  const output = flags.output ?? `${stem}.form.html`;
  emitText(ctx, html, { output, force: flags.force === true });
  const t = ctx.out.t.bind(ctx.out);
  const count = model.sections.reduce((n, s) => n + s.questions.length, 0);
  const kb = Math.ceil(Buffer.byteLength(html) / 1024);
  ctx.out.info(
    t(
      `${count} 問、${kb} KB。クライアントに送り、返ってきた回答は kikitori import ${pack.id} <返信またはファイル> で取り込めます。`,
      `${count} questions, ${kb} KB. Send it to the client; read what comes back with kikitori import ${pack.id} <reply or file>.`,
    ),
  );
  if (platform && offPlatform) {
    const name = platform.name[ctx.lang];
    ctx.out.info(
      ctx.out.errColor.yellow(
        t(
          `注意: ${name}では外部サイトへの誘導が禁止されています (${offPlatform.source})。このファイルをリンクで共有せず、メッセージに添付して送ってください。回答はクライアントにチャットへ貼り付けてもらいます。`,
          `note: ${name} forbids sending people to outside sites (${offPlatform.source}). Never share this file as a link: attach it to a message, and the client pastes the answers into the chat.`,
        ),
      ),
    );
  }
  return 0;
}

function platformOf(ctx: Ctx, id: string) {
  const all = readPlatforms(ctx.root);
  const found = all.find((p) => p.id === id);
  if (!found) {
    const ids = all.map((p) => p.id).join(", ");
    throw new UsageError(msg(`--platform「${id}」は不明です。次のいずれかにしてください: ${ids}`, `unknown --platform "${id}": use one of ${ids}`));
  }
  return found;
}

/** The page's script and style, built by scripts/build.mjs. */
function readAssets(root: string): FormAssets {
  const dir = path.join(root, "dist", "form");
  try {
    return { script: fs.readFileSync(path.join(dir, "page.js"), "utf8"), css: fs.readFileSync(path.join(dir, "page.css"), "utf8") };
  } catch {
    throw new NotFoundError(
      msg(`フォームのページ (${dir}) がビルドされていません。npm run build を実行してください`, `the form page (${dir}) is not built: run npm run build`),
    );
  }
}

/**
 * Where a pack's editor line points (`# yaml-language-server: $schema=…`): at a copy of the
 * schema that exists where the pack is. A pack written to a folder gets `pack.schema.json`
 * beside it; installed packs and packs printed to stdout point at the copy in the user's data
 * folder, refreshed by every kikitori that writes one, so it outlives an npx cache.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { errnoOf, outputFileError } from "../file-errors.ts";
import { userSchemaFile } from "../pack/lookup.ts";
import { writeFileAtomic } from "../write-file.ts";
import type { Ctx } from "./context.ts";

function schemaText(ctx: Ctx): string {
  return fs.readFileSync(path.join(ctx.root, "questionnaires", "pack.schema.json"), "utf8");
}

/** `pack.schema.json` beside a pack written into `dir` (kept if it is there, unless --force). */
export function placeSchemaBeside(ctx: Ctx, dir: string, force: boolean): void {
  const schema = path.join(dir, "pack.schema.json");
  const shown = path.relative(ctx.io.cwd, schema) || schema;
  const text = schemaText(ctx);
  if (!fs.existsSync(schema) || force) {
    writeFileAtomic(schema, text, { force: true });
    ctx.out.info(ctx.out.t(`${shown} を作成しました (エディタの補完用)`, `created ${shown} (for editor completion)`));
  } else if (fs.readFileSync(schema, "utf8") !== text) {
    ctx.out.warn(
      ctx.out.t(
        `${shown} は今の kikitori のものと違います。更新するには --force を付けてください`,
        `${shown} differs from this kikitori's schema: add --force to refresh it`,
      ),
    );
  }
}

/**
 * The user folder's copy, brought up to date; its file URL, for a pack printed to stdout.
 * `required` (pack install, which writes into that folder anyway): any failure is an error.
 */
export function userSchemaUrl(ctx: Ctx, opts: { required?: boolean } = {}): string {
  const file = userSchemaFile(ctx.lookup);
  const text = schemaText(ctx);
  try {
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, text, { force: true });
    }
  } catch (e) {
    // A read-only data folder: point at the schema of this installation instead. Anything
    // else (a full disk) is the user's to know about.
    const code = errnoOf(e);
    if (!opts.required && (code === "EROFS" || code === "EACCES" || code === "EPERM")) {
      return pathToFileURL(path.join(ctx.root, "questionnaires", "pack.schema.json")).href;
    }
    throw outputFileError(e, file);
  }
  return pathToFileURL(file).href;
}

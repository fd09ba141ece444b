/** `kikitori pack new|export|install|remove`: making, passing on and installing packs. */
import * as fs from "node:fs";
import * as path from "node:path";
import { stripControls } from "../../controls.ts";
import { formatProblem, NotFoundError, OutputError, UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { capLines } from "../../listing.ts";
import { comparePacks, describePackChanges } from "../../pack/diff.ts";
import { exportPack } from "../../pack/export.ts";
import { cleanUp, commitPack, type InstalledCopy, installedCopies, installTarget, removeCopy, stagePacks } from "../../pack/install.ts";
import { readPackFile } from "../../pack/load.ts";
import { findPack, locatePack, looksLikePath, packHeaderOf, userPackDir } from "../../pack/lookup.ts";
import { isTemplatePath } from "../../pack/pack-rules.ts";
import { renderNewPack } from "../../pack/scaffold.ts";
import { PACK_ID_RE } from "../../pack/schema.ts";
import { withSchemaLine } from "../../pack/schema-line.ts";
import { openSource } from "../../pack/source.ts";
import { allQuestions, type LoadedPack } from "../../pack/types.ts";
import { byNewest } from "../../pack/versions.ts";
import { existsError, writeFileAtomic } from "../../write-file.ts";
import { confirmOrCancel } from "../confirm.ts";
import { type Ctx, outputLang } from "../context.ts";
import { refuseInputAsOutput } from "../overlap.ts";
import { placeSchemaBeside, userSchemaUrl } from "../pack-schema.ts";

export async function runPackNew(ctx: Ctx, id: string, flags: { output?: string; force?: boolean }): Promise<number> {
  if (!PACK_ID_RE.test(id)) {
    throw new UsageError(
      msg(
        `パックの id「${id}」は使えません: 英小文字・数字・ハイフンで書いてください (例: logo-design)`,
        `"${id}" cannot be a pack id: use a-z, 0-9 and hyphens (e.g. logo-design)`,
      ),
    );
  }
  if (flags.output === "-") {
    // No folder to put the schema in: point at the user folder's copy.
    ctx.out.out(renderNewPack(id, userSchemaUrl(ctx)));
    return 0;
  }
  const file = path.resolve(ctx.io.cwd, flags.output ?? `${id}.yaml`);
  const shown = path.relative(ctx.io.cwd, file) || file;
  if (!flags.force && fs.existsSync(file)) throw existsError(shown);
  // The schema goes beside the pack, so the editor line is a plain relative name that keeps
  // working when the folder is moved or shared.
  writeFileAtomic(file, renderNewPack(id, "pack.schema.json"), { force: flags.force === true });
  ctx.out.info(ctx.out.t(`${shown} を作成しました`, `created ${shown}`));
  placeSchemaBeside(ctx, path.dirname(file), flags.force === true);
  try {
    const other = locatePack(id, ctx.lookup);
    if (path.resolve(other.file) !== file) {
      ctx.out.warn(
        ctx.out.t(
          `id「${id}」のパックは既にあります (${other.file})。共有する前に別の id にしてください`,
          `a pack "${id}" already exists (${other.file}): pick another id before sharing`,
        ),
      );
    }
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  ctx.out.info(ctx.out.t(`次: kikitori pack validate ${shown}`, `next: kikitori pack validate ${shown}`));
  return 0;
}

export async function runPackExport(ctx: Ctx, ref: string, flags: { output?: string; force?: boolean }): Promise<number> {
  const loaded = looksLikePath(ref) ? readPackFile(path.resolve(ctx.io.cwd, ref)) : findPack(ref, ctx.lookup);
  const text = exportPack(loaded);
  if (!flags.output || flags.output === "-") {
    ctx.out.out(withSchemaLine(text, userSchemaUrl(ctx)));
    return 0;
  }
  const file = path.resolve(ctx.io.cwd, flags.output);
  refuseInputAsOutput(ctx, file, [loaded.file]);
  writeFileAtomic(file, withSchemaLine(text, "pack.schema.json"), { force: flags.force === true });
  placeSchemaBeside(ctx, path.dirname(file), false);
  ctx.out.info(
    ctx.out.t(
      `${loaded.pack.id}@${loaded.pack.version} を ${flags.output} に書き出しました`,
      `exported ${loaded.pack.id}@${loaded.pack.version} to ${flags.output}`,
    ),
  );
  return 0;
}

export async function runPackInstall(ctx: Ctx, source: string, flags: { yes?: boolean; force?: boolean }): Promise<number> {
  const userDir = userPackDir(ctx.lookup);
  const tree = await openSource(source, ctx.io.cwd);
  const staging = stagePacks(tree, userDir);
  try {
    for (const w of capLines(
      staging.warnings.map((w) => formatProblem({ ...w, severity: undefined }, ctx.lang)),
      ctx.lang,
    ))
      ctx.out.warn(w);
    const plan = staging.packs.map((staged) => {
      const { id, version } = staged.loaded.pack;
      const copies = installedCopies(userDir, id);
      const same = copies.find((c) => c.version === version);
      if (same && !flags.force) {
        throw new OutputError(
          msg(
            `${id}@${version} は既にインストールされています (${same.entry})。入れ直すには --force を付けてください`,
            `${id}@${version} is already installed (${same.entry}): add --force to install it again`,
          ),
        );
      }
      return { staged, copies, target: installTarget(userDir, id, version, copies) };
    });
    ctx.out.err(plan.map((p) => describeInstall(ctx, p.staged.loaded, p.staged.files, p.copies, p.target)).join("\n\n"));
    await confirmOrCancel(ctx, ctx.out.t("インストールしますか？", "Install?"), flags.yes);
    // Installed packs point at the user folder's schema copy (pack/schema-line.ts).
    userSchemaUrl(ctx, { required: true });
    for (const p of plan) {
      commitPack(p.staged, p.target, p.copies);
      const { id, version } = p.staged.loaded.pack;
      ctx.out.out(
        ctx.out.t(`${id}@${version} をインストールしました: ${stripControls(p.target)}`, `installed ${id}@${version} into ${stripControls(p.target)}`),
      );
      const winner = locatePack(id, ctx.lookup);
      if (path.resolve(winner.file) !== path.join(p.target, "pack.yaml")) {
        const newer = winner.source === "user" ? packHeaderOf(winner.file).version : undefined;
        ctx.out.warn(
          newer
            ? ctx.out.t(
                `新しいヒアリングには ${id}@${newer} が使われます。${version} はこの版で作った回答ファイルに使われます`,
                `new hearings use ${id}@${newer}; ${version} is used for answers files made with it`,
              )
            : ctx.out.t(
                `このフォルダでは ${winner.file} の ${id} が優先されます (kikitori pack list)`,
                `here, ${id} from ${winner.file} comes first (see kikitori pack list)`,
              ),
        );
      }
    }
  } finally {
    cleanUp(staging, userDir);
  }
  return 0;
}

function describeInstall(ctx: Ctx, loaded: LoadedPack, files: string[], copies: InstalledCopy[], target: string): string {
  const { pack } = loaded;
  const lang = outputLang(ctx);
  const c = ctx.out.errColor;
  const templates = Object.entries(pack.templates ?? {}).map(([name, ref]) =>
    ref !== undefined && isTemplatePath(ref) ? `${name} (${ref})` : `${name} (${ctx.out.t("インライン", "inline")})`,
  );
  const lines = [
    `${c.bold(`${pack.id}@${pack.version}`)}  ${pack.title[lang]}`,
    ctx.out.t(
      `  質問 ${allQuestions(pack).length} 問 (${pack.sections.length} セクション)`,
      `  ${allQuestions(pack).length} questions in ${pack.sections.length} sections`,
    ),
    `  ${ctx.out.t("テンプレート", "templates")}: ${templates.length ? templates.join(", ") : ctx.out.t("なし (組み込みを使用)", "none (the built-in ones)")}`,
    ...(files.length ? [`  ${ctx.out.t("ファイル", "files")}: pack.yaml, ${files.join(", ")}`] : []),
    `  ${ctx.out.t("インストール先", "into")}: ${target}`,
  ];
  for (const copy of copies) {
    if (copy.version === pack.version) lines.push(c.yellow(`  ${ctx.out.t("同じ版を入れ直します", "replaces the same version")} (${copy.entry})`));
    else
      lines.push(
        `  ${ctx.out.t("残します", "keeps")} ${pack.id}@${copy.version ?? "?"} (${copy.entry}) ${c.dim(ctx.out.t("この版で作った回答ファイル用", "for answers files made with it"))}`,
      );
  }
  // What changed since the newest version already installed.
  const previous = copies.filter((x) => x.version !== undefined && x.version !== pack.version).sort((a, b) => byNewest(a.version ?? "", b.version ?? ""))[0];
  if (previous) {
    try {
      const before = readPackFile(previous.file, "user").pack;
      lines.push(`  ${ctx.out.t(`${previous.version} からの変更`, `changes since ${previous.version}`)}:`);
      for (const l of describePackChanges(comparePacks(before, pack))) lines.push(`    ${l}`);
    } catch {
      // An invalid old copy: nothing to compare with.
    }
  }
  return lines.join("\n");
}

export async function runPackRemove(ctx: Ctx, ref: string, flags: { yes?: boolean }): Promise<number> {
  const userDir = userPackDir(ctx.lookup);
  // `id@version` removes that version only; `id` every installed version.
  const [id = ref, version] = ref.includes("@") ? ref.split("@", 2) : [ref];
  const all = installedCopies(userDir, id);
  const copies = version === undefined ? all : all.filter((c) => c.version === version);
  if (version !== undefined && all.length > 0 && copies.length === 0) {
    throw new NotFoundError(
      msg(
        `${id}@${version} はインストールされていません (インストール済み: ${all.map((c) => c.version ?? "?").join(", ")})`,
        `${id}@${version} is not installed (installed: ${all.map((c) => c.version ?? "?").join(", ")})`,
      ),
    );
  }
  if (copies.length === 0) {
    let where = "";
    try {
      const loc = locatePack(id, ctx.lookup);
      where = ctx.out.t(
        ` (${loc.file} にありますが、削除できるのはユーザーフォルダのパックだけです)`,
        ` (it is at ${loc.file}; only packs in the user folder can be removed)`,
      );
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
    throw new NotFoundError(msg(`ユーザーフォルダ ${userDir} にパック「${id}」はありません${where}`, `pack "${id}" is not installed in ${userDir}${where}`));
  }
  ctx.out.err(copies.map((c) => `${id}@${c.version ?? "?"}  ${c.entry}`).join("\n"));
  await confirmOrCancel(ctx, ctx.out.t("削除しますか？", "Remove?"), flags.yes);
  for (const copy of copies) {
    removeCopy(copy);
    ctx.out.out(
      ctx.out.t(
        `${id}@${copy.version ?? "?"} を削除しました: ${stripControls(copy.entry)}`,
        `removed ${id}@${copy.version ?? "?"} from ${stripControls(copy.entry)}`,
      ),
    );
  }
  try {
    const next = locatePack(id, ctx.lookup);
    ctx.out.info(ctx.out.t(`今後は ${next.file} の ${id} が使われます`, `${id} now comes from ${next.file}`));
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return 0;
}

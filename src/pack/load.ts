/** Reading a pack file from disk: bounded read, YAML with positions, validation, template files. */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, type Problem } from "../errors.ts";
import { LIMITS, readTextFile } from "../files.ts";
import { msg } from "../i18n.ts";
import { parseYaml } from "../yaml/parse.ts";
import type { LoadedPack, PackSource } from "./types.ts";
import { isTemplatePath, validatePack } from "./validate.ts";

export interface PackCheck {
  loaded?: LoadedPack;
  problems: Problem[];
}

/**
 * Validates a pack file; never throws for data problems (they are returned), only when the
 * file cannot be read at all. `display` is how messages name it (default: `file`).
 */
export function checkPackFile(file: string, source: PackSource = "path", display = file): PackCheck {
  const abs = path.resolve(file);
  let parsed: ReturnType<typeof parseYaml>;
  try {
    // Too large, binary, not UTF-8 or not YAML: all data problems of this file.
    parsed = parseYaml(readTextFile(abs, LIMITS.packBytes, display), display);
  } catch (e) {
    if (e instanceof DataError) return { problems: e.problems };
    throw e;
  }
  const { pack, problems } = validatePack(parsed.data, display, parsed);
  if (!pack) return { problems };
  const dir = path.dirname(abs);
  for (const [name, ref] of Object.entries(pack.templates ?? {})) {
    if (!ref || !isTemplatePath(ref)) continue;
    const why = templateFileProblem(dir, ref);
    if (why) problems.push({ file: display, ...parsed.locate(["templates", name]), path: `templates.${name}`, ...why });
  }
  if (problems.some((p) => p.severity !== "warning")) return { problems };
  return { loaded: { pack, file: abs, dir, source, warnings: problems }, problems };
}

/** Loads a pack or throws a DataError (65) listing every problem. */
export function readPackFile(file: string, source: PackSource = "path"): LoadedPack {
  const { loaded, problems } = checkPackFile(file, source);
  if (!loaded) {
    const errors = problems.filter((p) => p.severity !== "warning");
    throw new DataError(
      msg(`パック ${file} に ${errors.length} 件の問題があります`, `pack ${file} has ${errors.length} problem${errors.length === 1 ? "" : "s"}`),
      problems,
    );
  }
  return loaded;
}

/**
 * A template file must be a regular file inside the pack folder: no `..`, no absolute path,
 * no symlink anywhere on the way (a link could point at any file of the user's).
 */
function templateFileProblem(dir: string, ref: string): Pick<Problem, "message" | "fix"> | undefined {
  const target = path.resolve(dir, ref);
  const rel = path.relative(dir, target);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    return {
      message: msg(`テンプレート「${ref}」はパックのフォルダの外です`, `template "${ref}" is outside the pack folder`),
      fix: msg("パックのフォルダ内に置いてください", "keep templates inside the pack folder"),
    };
  }
  let cur = dir;
  for (const part of rel.split(path.sep)) {
    cur = path.join(cur, part);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      return {
        message: msg(`テンプレート「${ref}」が見つかりません`, `template "${ref}" does not exist`),
        fix: msg("パスを確認するか、templates: から外してください", "check the path, or remove it from templates:"),
      };
    }
    if (st.isSymbolicLink()) {
      return {
        message: msg(`テンプレート「${ref}」はシンボリックリンクを通っています`, `template "${ref}" goes through a symbolic link`),
        fix: msg("リンクではなく実際のファイルを置いてください", "put the real file there, not a link"),
      };
    }
  }
  if (!fs.statSync(target).isFile()) {
    return {
      message: msg(`テンプレート「${ref}」はファイルではありません`, `template "${ref}" is not a file`),
      fix: msg("ファイルを指定してください", "name a file"),
    };
  }
  return undefined;
}

/** Reads a pack's template override: inline text, or the file it names (checked at load). */
export function readPackTemplate(loaded: LoadedPack, ref: string): string {
  if (!isTemplatePath(ref)) return ref;
  return readTextFile(path.resolve(loaded.dir, ref), LIMITS.templateBytes);
}

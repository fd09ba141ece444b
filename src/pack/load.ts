/** Reading a pack file from disk: bounded read, YAML with positions, validation, template files. */
import * as fs from "node:fs";
import * as path from "node:path";
import { stripControls } from "../controls.ts";
import { DataError, type Problem } from "../errors.ts";
import { LIMITS, readTextFile } from "../files.ts";
import { count, msg } from "../i18n.ts";
import { parseYaml } from "../yaml/parse.ts";
import { isTemplatePath } from "./pack-rules.ts";
import { checkTemplateSource } from "./template-guard.ts";
import type { LoadedPack, Pack, PackSource } from "./types.ts";
import { validatePack } from "./validate.ts";

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
    if (ref === undefined) continue;
    const where = { file: display, ...parsed.locate(["templates", name]), path: `templates.${name}` };
    if (!isTemplatePath(ref)) {
      // Inline text: its issues are placed at the key, with the line inside the template.
      for (const i of checkTemplateSource(ref)) {
        problems.push({
          ...where,
          message: msg(`templates.${name} の ${i.line} 行目: ${i.message.ja}`, `templates.${name}, line ${i.line}: ${i.message.en}`),
          fix: i.fix,
        });
      }
      continue;
    }
    for (const one of templateFiles(pack, ref)) {
      const why = templateFileProblem(dir, one);
      if (why) {
        problems.push({ ...where, ...why });
        continue;
      }
      const shown = path.join(path.dirname(display), one);
      try {
        const source = readTextFile(path.join(dir, one), LIMITS.templateBytes, shown);
        for (const i of checkTemplateSource(source)) problems.push({ file: shown, line: i.line, col: i.col, message: i.message, fix: i.fix });
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        problems.push(...e.problems);
      }
    }
  }
  if (problems.some((p) => p.severity !== "warning")) return { problems };
  return { loaded: { pack, file: abs, dir, source, warnings: problems }, problems };
}

/** Loads a pack or throws a DataError (65) listing every problem. */
export function readPackFile(file: string, source: PackSource = "path"): LoadedPack {
  const { loaded, problems } = checkPackFile(file, source);
  if (!loaded) {
    const errors = problems.filter((p) => p.severity !== "warning");
    throw new DataError(msg(`パック ${file} に ${errors.length} 件の問題があります`, `pack ${file} has ${count(errors.length, "problem")}`), problems);
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

/** The files a template reference names: one per pack language when it holds `{lang}`. */
export function templateFiles(pack: Pack, ref: string): string[] {
  return ref.includes("{lang}") ? [...new Set(pack.languages.map((l) => ref.replaceAll("{lang}", l)))] : [ref];
}

/**
 * Reads a pack's template override: inline text, or the file it names. The file was checked
 * at load; it is checked again here because the pack folder may have changed since.
 */
export function readPackTemplate(loaded: LoadedPack, ref: string): string {
  if (!isTemplatePath(ref)) return ref;
  const why = templateFileProblem(loaded.dir, ref);
  if (why)
    throw new DataError(msg(`パック ${loaded.file} のテンプレートを読めません`, `a template of pack ${loaded.file} cannot be read`), [
      { file: loaded.file, ...why },
    ]);
  return stripControls(readTextFile(path.resolve(loaded.dir, ref), LIMITS.templateBytes));
}

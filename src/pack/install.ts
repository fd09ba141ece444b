/**
 * Installing packs into the user pack folder, and removing them. Every pack is validated on
 * the exact bytes that will be installed: they are copied into a hidden staging folder
 * inside the user folder, loaded from there as any pack is, and only then renamed into
 * place. Lookup skips dot-folders, so a pack is either wholly installed or not there.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, OutputError, type Problem } from "../errors.ts";
import { outputFileError } from "../file-errors.ts";
import { decodeText, LIMITS } from "../files.ts";
import { count, msg } from "../i18n.ts";
import { parseYaml } from "../yaml/parse.ts";
import { checkPackFile, templateFiles } from "./load.ts";
import { packFilesIn, packIdOf } from "./lookup.ts";
import { isTemplatePath } from "./pack-rules.ts";
import { SEMVER_RE } from "./schema.ts";
import { INSTALLED_SCHEMA_REF, withSchemaLine } from "./schema-line.ts";
import type { SourceTree } from "./source.ts";
import type { LoadedPack } from "./types.ts";
import { validatePack } from "./validate.ts";

export interface StagedPack {
  loaded: LoadedPack;
  /** Where it came from inside the source, for messages. */
  from: string;
  /** The staged folder, renamed into place by commitPack. */
  dir: string;
  /** Template files copied with it, relative to the pack. */
  files: string[];
}

export interface Staging {
  root: string;
  /** The first folder stagePacks had to create (the user folder or a parent), for cleanUp. */
  created?: string;
  packs: StagedPack[];
  /** Warnings (missing translations…): shown, not fatal. */
  warnings: Problem[];
}

/** Copies each pack of the source, with its template files, into a staging folder and validates it there. */
export function stagePacks(source: SourceTree, userDir: string): Staging {
  const parsed = readSourcePacks(source);
  const problems: Problem[] = [];
  let created: string | undefined;
  const root = path.join(userDir, `.kikitori-staging-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    created = fs.mkdirSync(userDir, { recursive: true });
    fs.mkdirSync(root);
  } catch (e) {
    throw writeError(e, userDir);
  }
  try {
    const packs: StagedPack[] = [];
    const warnings: Problem[] = [];
    parsed.forEach(({ rel, text, files }, i) => {
      const dir = path.join(root, String(i));
      fs.mkdirSync(dir);
      // Editors find the schema copy of the user folder (kept by pack install) from here.
      fs.writeFileSync(path.join(dir, "pack.yaml"), withSchemaLine(text, INSTALLED_SCHEMA_REF), { flag: "wx", mode: 0o644 });
      const base = path.posix.dirname(rel);
      const copied: string[] = [];
      for (const f of files) {
        // Missing files are left for checkPackFile to report, with the pack's line.
        const bytes = source.read(base === "." ? f : `${base}/${f}`, LIMITS.templateBytes);
        if (!bytes) continue;
        const target = path.join(dir, f);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, bytes, { flag: "wx", mode: 0o644 });
        copied.push(f);
      }
      // Messages name the source's files, not the staging folder.
      const staged = path.join(dir, "pack.yaml");
      const rename = (p: Problem): Problem => {
        if (p.file === staged) return { ...p, file: source.name(rel) };
        if (p.file?.startsWith(dir + path.sep)) return { ...p, file: source.name(path.posix.join(base, path.relative(dir, p.file).split(path.sep).join("/"))) };
        return p;
      };
      const check = checkPackFile(staged, "user");
      const shown = check.problems.map(rename);
      if (!check.loaded) problems.push(...shown);
      else {
        warnings.push(...shown);
        packs.push({ loaded: check.loaded, from: rel, dir, files: copied });
      }
    });
    if (problems.length > 0) throw invalid(source.display, problems);
    const ids = packs.map((p) => p.loaded.pack.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) {
      throw invalid(source.display, [
        {
          file: source.display,
          message: msg(`パック「${twice}」が2回含まれています`, `pack "${twice}" is in it twice`),
          fix: msg("1つにしてください", "keep one"),
        },
      ]);
    }
    return { root, packs, warnings, ...(created ? { created } : {}) };
  } catch (e) {
    // A full disk or a folder that turned read-only: no staging folder is left behind.
    try {
      cleanUp({ root, packs: [], warnings: [], ...(created ? { created } : {}) }, userDir);
    } catch {
      // what cannot be removed now is a hidden folder that lookup skips
    }
    throw writeError(e, userDir);
  }
}

/** Every pack of the source read and validated, with its template files, before anything is written. */
function readSourcePacks(source: SourceTree): { rel: string; text: string; files: string[] }[] {
  const problems: Problem[] = [];
  const parsed: { rel: string; text: string; files: string[] }[] = [];
  for (const rel of source.packs) {
    const shown = source.name(rel);
    try {
      const bytes = source.read(rel, LIMITS.packBytes);
      if (!bytes) {
        problems.push({ file: shown, message: msg("ファイルがありません", "the file is missing"), fix: msg("パスを確認してください", "check the path") });
        continue;
      }
      const text = decodeText(bytes, shown, LIMITS.packBytes);
      const yaml = parseYaml(text, shown);
      const { pack, problems: found } = validatePack(yaml.data, shown, yaml);
      if (!pack) {
        problems.push(...found);
        continue;
      }
      const files = Object.values(pack.templates ?? {}).flatMap((ref) => (ref && isTemplatePath(ref) ? templateFiles(pack, ref) : []));
      parsed.push({ rel, text, files: [...new Set(files)] });
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw invalid(source.display, problems);
  return parsed;
}

/** Removes the staging folder, and the folders it created if nothing was installed in them. */
export function cleanUp(staging: Staging, userDir: string): void {
  fs.rmSync(staging.root, { recursive: true, force: true });
  if (!staging.created) return;
  for (let dir = userDir; dir.length >= staging.created.length; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
  }
}

function invalid(display: string, problems: Problem[]): DataError {
  const n = problems.filter((p) => p.severity !== "warning").length;
  return new DataError(msg(`${display} に ${n} 件の問題があるためインストールできません`, `${display} cannot be installed: ${count(n, "problem")}`), problems);
}

export interface InstalledCopy {
  /** What to remove: the pack's folder (`<id>/<version>/`, or `<name>/` of an older install) or its file. */
  entry: string;
  file: string;
  version?: string;
}

/** The copies of pack `id` in the user pack folder: one per installed version (`<id>/<version>/`). */
export function installedCopies(userDir: string, id: string): InstalledCopy[] {
  return packFilesIn(userDir, "user")
    .filter((f) => packIdOf(f) === id)
    .map((file) => {
      let version: string | undefined;
      try {
        version = checkPackFile(file, "user").loaded?.pack.version;
      } catch {
        version = undefined;
      }
      const entry = path.basename(file) === "pack.yaml" ? path.dirname(file) : file;
      return { entry, file, ...(version ? { version } : {}) };
    });
}

/**
 * Where a version goes: `<user folder>/<id>/<version>/`, beside the versions already there
 * (answers made with an older version keep rendering with it), unless something that is not
 * this pack already lives at `<id>/`.
 */
export function installTarget(userDir: string, id: string, version: string, copies: InstalledCopy[]): string {
  const home = path.join(userDir, id);
  const ours = (p: string) => copies.some((c) => c.entry === p || path.dirname(c.entry) === p);
  if (fs.existsSync(home) && !ours(home) && fs.readdirSync(home).some((n) => !n.startsWith("."))) {
    throw new OutputError(
      msg(
        `${home} は既にあり、パック ${id} ではありません。移動してから再実行してください`,
        `${home} exists and is not pack ${id}: move it away, then try again`,
      ),
    );
  }
  return path.join(home, version);
}

/**
 * Puts a staged pack in place: a copy of the same version is renamed aside first and deleted
 * after; other versions stay. An install of the older layout (`<id>/pack.yaml`) is first moved
 * into its own version folder, so every version has one.
 */
export function commitPack(staged: StagedPack, target: string, copies: InstalledCopy[]): void {
  const home = path.dirname(target);
  const userDir = path.dirname(home);
  const aside = (p: string) => {
    const to = path.join(userDir, `.kikitori-old-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      fs.renameSync(p, to);
    } catch (e) {
      throw writeError(e, p);
    }
    return to;
  };
  try {
    const legacy = copies.find((c) => c.entry === home);
    if (legacy) {
      const moved = aside(home);
      fs.mkdirSync(home);
      fs.renameSync(moved, path.join(home, legacy.version ?? "0.0.0"));
    }
    fs.mkdirSync(home, { recursive: true });
  } catch (e) {
    throw writeError(e, home);
  }
  const old = fs.existsSync(target) ? aside(target) : undefined;
  try {
    fs.renameSync(staged.dir, target);
  } catch (e) {
    if (old) fs.renameSync(old, target);
    throw writeError(e, target);
  }
  if (old) fs.rmSync(old, { recursive: true, force: true });
}

/** Removes a copy: out of sight by one rename first, then deleted; an emptied `<id>/` goes too. */
export function removeCopy(copy: InstalledCopy): void {
  const to = path.join(path.dirname(copy.entry), `.kikitori-old-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    fs.renameSync(copy.entry, to);
  } catch (e) {
    throw writeError(e, copy.entry);
  }
  fs.rmSync(to, { recursive: true, force: true });
  if (!SEMVER_RE.test(path.basename(copy.entry))) return;
  try {
    fs.rmdirSync(path.dirname(copy.entry));
  } catch {
    // Other versions are still there.
  }
}

function writeError(e: unknown, file: string): Error {
  return outputFileError(e, file);
}

/**
 * Finding a pack by id. First match wins: an explicit path; folders in KIKITORI_PATH; the
 * working directory's ./questionnaires/; the user pack folder; `kikitori-pack-*` npm packages
 * in ./node_modules; the built-ins. A folder holds packs as `*.yaml` (or `*.json`: what
 * `pack show --json` prints is a pack) or `<name>/pack.yaml`.
 *
 * Which file holds an id is decided in one place, `packIdOf` and `firstDeclaring`, used by
 * lookup and by `pack list` alike, so the two can never disagree.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { builtinPackFile, builtinPackJson } from "../builtin.ts";
import { KikitoriError, NotFoundError } from "../errors.ts";
import { LIMITS, readTextFile } from "../files.ts";
import { msg } from "../i18n.ts";
import { parseYaml } from "../yaml/parse.ts";
import { readPackFile } from "./load.ts";
import type { LoadedPack, Pack, PackSource } from "./types.ts";

export interface LookupEnv {
  cwd: string;
  env: Record<string, string | undefined>;
  /** The folder of the built-in packs (the package's questionnaires/). */
  builtinDir: string;
  home: string;
}

export interface PackLocation {
  file: string;
  source: PackSource;
  /** The folder or package it was found in, for `pack list`. */
  origin: string;
}

const NOT_PACKS = new Set(["platforms.yaml", "platforms.yml", "platforms.json", "pack.schema.json", "package.json"]);
const PACK_FILE = /\.(?:ya?ml|json)$/;
const ANSWERS_FILE = /\.answers\.(?:ya?ml|json)$/;

export function userPackDir(le: LookupEnv): string {
  const base = le.env.XDG_DATA_HOME || path.join(le.home, ".local", "share");
  return path.join(base, "kikitori", "packs");
}

/** The folders searched, in order, with their source names. */
export function searchRoots(le: LookupEnv): { dir: string; source: PackSource }[] {
  const roots: { dir: string; source: PackSource }[] = [];
  for (const d of (le.env.KIKITORI_PATH ?? "").split(path.delimiter)) {
    if (d) roots.push({ dir: path.resolve(le.cwd, d), source: "env" });
  }
  roots.push({ dir: path.join(le.cwd, "questionnaires"), source: "project" });
  roots.push({ dir: userPackDir(le), source: "user" });
  for (const dir of npmPackDirs(le.cwd)) roots.push({ dir, source: "npm" });
  roots.push({ dir: le.builtinDir, source: "builtin" });
  return roots;
}

/** Pack files of `kikitori-pack-*` packages, from their package.json `kikitori.packs`. */
function npmPackDirs(cwd: string): string[] {
  const nm = path.join(cwd, "node_modules");
  const out: string[] = [];
  for (const name of safeReaddir(nm)) {
    const dirs = name.startsWith("@") ? safeReaddir(path.join(nm, name)).map((n) => path.join(name, n)) : [name];
    for (const d of dirs) {
      if (!path.basename(d).startsWith("kikitori-pack-")) continue;
      out.push(path.join(nm, d));
    }
  }
  return out.sort();
}

/** Candidate pack files in a folder (or an npm package), without parsing them. */
export function packFilesIn(dir: string, source: PackSource): string[] {
  if (source === "npm") {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { kikitori?: { packs?: unknown } };
      const packs = pkg.kikitori?.packs;
      if (!Array.isArray(packs)) return [];
      return packs
        .filter((p): p is string => typeof p === "string")
        .map((p) => path.resolve(dir, p))
        .filter((p) => !path.relative(dir, p).startsWith("..") && isFile(p));
    } catch {
      return [];
    }
  }
  const out: string[] = [];
  for (const name of safeReaddir(dir).sort()) {
    const full = path.join(dir, name);
    if (PACK_FILE.test(name) && !NOT_PACKS.has(name) && !ANSWERS_FILE.test(name)) {
      if (isFile(full)) out.push(full);
    } else if (!name.startsWith(".") && isDir(full) && isFile(path.join(full, "pack.yaml"))) {
      out.push(path.join(full, "pack.yaml"));
    }
  }
  return out;
}

/**
 * The id a pack file declares at its top level: a cheap look at the first 64 KB for a block
 * `id:` line, else (JSON, a flow map, an id after 64 KB) the parsed file's own `id`. Full
 * validation comes later; a file that cannot be read or parsed declares nothing.
 */
export function packIdOf(file: string): string | undefined {
  return peekPackId(file) ?? parsedPackId(file);
}

/** The `id:` of a pack file, read cheaply from its top level: a block `id:` line near the start. */
export function peekPackId(file: string): string | undefined {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const buf = Buffer.alloc(64 * 1024);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      const m = /^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$/m.exec(buf.toString("utf8", 0, n));
      return m?.[1];
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function parsedPackId(file: string): string | undefined {
  try {
    const data = parseYaml(readTextFile(file, LIMITS.packBytes), file).data as { id?: unknown } | null;
    return data && typeof data === "object" && typeof data.id === "string" ? data.id : undefined;
  } catch (e) {
    if (e instanceof KikitoriError) return undefined;
    throw e;
  }
}

/**
 * Of a folder's pack files, the one that holds `id`: a file named after the id first (most
 * packs are), else the first in name order. Lookup and `pack list` both ask this.
 */
export function firstDeclaring(files: readonly string[], id: string, idOf: (file: string) => string | undefined = packIdOf): string | undefined {
  const named = (f: string) => path.basename(f, path.extname(f)) === id || (path.basename(f).startsWith("pack.") && path.basename(path.dirname(f)) === id);
  return files.find((f) => named(f) && idOf(f) === id) ?? files.find((f) => !named(f) && idOf(f) === id);
}

export function looksLikePath(ref: string): boolean {
  return ref.includes("/") || ref.includes(path.sep) || PACK_FILE.test(ref) || ref.startsWith(".");
}

export function locatePack(ref: string, le: LookupEnv): PackLocation {
  if (looksLikePath(ref)) {
    const file = path.resolve(le.cwd, ref);
    if (isDir(file) && isFile(path.join(file, "pack.yaml"))) return { file: path.join(file, "pack.yaml"), source: "path", origin: file };
    if (!isFile(file)) {
      throw new NotFoundError(msg(`パックのファイル ${ref} が見つかりません。パスを確認してください`, `pack file ${ref} not found: check the path`));
    }
    return { file, source: "path", origin: path.dirname(file) };
  }
  for (const root of searchRoots(le)) {
    // Fast path first: most packs are named after their id.
    if (root.source === "builtin") {
      // The build knows which built-in file holds which id (while the file is unchanged).
      const known = builtinPackFile(path.dirname(le.builtinDir), ref);
      if (known) return { file: known, source: "builtin", origin: root.dir };
    }
    const file = firstDeclaring(packFilesIn(root.dir, root.source), ref);
    if (file) return { file, source: root.source, origin: root.dir };
  }
  throw new NotFoundError(
    msg(
      `パック「${ref}」が見つかりません。kikitori pack list で一覧を確認してください`,
      `pack "${ref}" not found: see kikitori pack list for the packs available`,
    ),
  );
}

export function findPack(ref: string, le: LookupEnv): LoadedPack {
  return readLocatedPack(locatePack(ref, le), le);
}

/** Reads a located pack; a built-in comes from the build's validated copy when it is current. */
export function readLocatedPack(loc: PackLocation, le: LookupEnv): LoadedPack {
  if (loc.source === "builtin") {
    const json = builtinPackJson(path.dirname(le.builtinDir), loc.file);
    if (json) return { pack: JSON.parse(json) as Pack, file: loc.file, dir: path.dirname(loc.file), source: "builtin", warnings: [] };
  }
  return readPackFile(loc.file, loc.source);
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

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
import { SEMVER_RE } from "./schema.ts";
import type { LoadedPack, Pack, PackSource } from "./types.ts";
import { compareVersions } from "./versions.ts";

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
    } else if (!name.startsWith(".") && isDir(full)) {
      if (isFile(path.join(full, "pack.yaml"))) out.push(path.join(full, "pack.yaml"));
      // The user folder keeps each installed version: `<id>/<version>/pack.yaml`.
      if (source === "user") {
        for (const v of safeReaddir(full).sort()) {
          if (SEMVER_RE.test(v) && isFile(path.join(full, v, "pack.yaml"))) out.push(path.join(full, v, "pack.yaml"));
        }
      }
    }
  }
  return out;
}

/** What a pack file says it is, read before (and without) validating it. */
export interface PackHeader {
  id?: string;
  version?: string;
}

/**
 * The id and version a pack file declares at its top level: a cheap look at the first 64 KB
 * for block `id:` and `version:` lines, else (JSON, a flow map, keys after 64 KB) the parsed
 * file's own. Full validation comes later; a file that cannot be read or parsed declares nothing.
 */
export function packHeaderOf(file: string): PackHeader {
  const peeked = peekHeader(file);
  if (peeked.id !== undefined && peeked.version !== undefined) return peeked;
  return parsedHeader(file);
}

export function packIdOf(file: string): string | undefined {
  return packHeaderOf(file).id;
}

/** The `id:` of a pack file, read cheaply from its top level: a block `id:` line near the start. */
export function peekPackId(file: string): string | undefined {
  return peekHeader(file).id;
}

function peekHeader(file: string): PackHeader {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const buf = Buffer.alloc(64 * 1024);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      const text = buf.toString("utf8", 0, n);
      const id = /^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
      const version = /^version:[ \t]*["']?([0-9A-Za-z.+-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
      return { ...(id ? { id } : {}), ...(version ? { version } : {}) };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return {};
  }
}

function parsedHeader(file: string): PackHeader {
  try {
    const data = parseYaml(readTextFile(file, LIMITS.packBytes), file).data as { id?: unknown; version?: unknown } | null;
    if (!data || typeof data !== "object") return {};
    return { ...(typeof data.id === "string" ? { id: data.id } : {}), ...(typeof data.version === "string" ? { version: data.version } : {}) };
  } catch (e) {
    if (e instanceof KikitoriError) return {};
    throw e;
  }
}

/**
 * Of a folder's pack files, the one that holds `id`: the newest version it declares (a user
 * folder keeps every installed version), or exactly `version` when one is asked for; among
 * equals, a file named after the id (most packs are), else the first in name order. Lookup and
 * `pack list` both ask this, so they cannot disagree.
 */
export function pickDeclaring(
  files: readonly string[],
  id: string,
  opts: { version?: string; header?: (file: string) => PackHeader } = {},
): string | undefined {
  const header = opts.header ?? packHeaderOf;
  const named = (f: string) => path.basename(f, path.extname(f)) === id || (path.basename(f).startsWith("pack.") && isNamedFolder(f, id));
  const declaring = files.filter((f) => header(f).id === id && (opts.version === undefined || header(f).version === opts.version));
  const rank = (f: string) => header(f).version ?? "";
  return [...declaring].sort((a, b) => compareVersions(rank(b), rank(a)) || Number(named(b)) - Number(named(a)) || (a < b ? -1 : a > b ? 1 : 0))[0];
}

/** `<id>/pack.yaml`, or a version folder `<id>/<version>/pack.yaml` of the user folder. */
function isNamedFolder(file: string, id: string): boolean {
  const dir = path.dirname(file);
  return path.basename(dir) === id || (SEMVER_RE.test(path.basename(dir)) && path.basename(path.dirname(dir)) === id);
}

export function looksLikePath(ref: string): boolean {
  return ref.includes("/") || ref.includes(path.sep) || PACK_FILE.test(ref) || ref.startsWith(".");
}

export interface LocateOptions {
  /**
   * The version an answers file was made with: a pack of exactly that version is preferred,
   * wherever it is in the lookup order; without one, the usual first match.
   */
  version?: string;
}

export function locatePack(ref: string, le: LookupEnv, opts: LocateOptions = {}): PackLocation {
  if (looksLikePath(ref)) {
    const file = path.resolve(le.cwd, ref);
    if (isDir(file) && isFile(path.join(file, "pack.yaml"))) return { file: path.join(file, "pack.yaml"), source: "path", origin: file };
    if (!isFile(file)) {
      throw new NotFoundError(msg(`パックのファイル ${ref} が見つかりません。パスを確認してください`, `pack file ${ref} not found: check the path`));
    }
    return { file, source: "path", origin: path.dirname(file) };
  }
  const roots = searchRoots(le);
  const find = (version: string | undefined): PackLocation | undefined => {
    for (const root of roots) {
      if (root.source === "builtin") {
        // The build knows which built-in file holds which id (while the file is unchanged).
        const known = builtinPackFile(path.dirname(le.builtinDir), ref);
        if (known && (version === undefined || packHeaderOf(known).version === version)) return { file: known, source: "builtin", origin: root.dir };
        if (known) continue;
      }
      const file = pickDeclaring(packFilesIn(root.dir, root.source), ref, version === undefined ? {} : { version });
      if (file) return { file, source: root.source, origin: root.dir };
    }
    return undefined;
  };
  const found = (opts.version !== undefined ? find(opts.version) : undefined) ?? find(undefined);
  if (found) return found;
  throw new NotFoundError(
    msg(
      `パック「${ref}」が見つかりません。kikitori pack list で一覧を確認してください`,
      `pack "${ref}" not found: see kikitori pack list for the packs available`,
    ),
  );
}

export function findPack(ref: string, le: LookupEnv, opts: LocateOptions = {}): LoadedPack {
  return readLocatedPack(locatePack(ref, le, opts), le);
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

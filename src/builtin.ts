/**
 * The build's precompiled built-ins (dist/builtin/, see scripts/gen-builtin.ts): packs
 * already validated, platform profiles, template specs, the holiday table. An entry is used
 * only while its source file still has the content it was built from, so an edited file is
 * never stale.
 *
 * How a source is checked (every render checks a pack, the platforms and a template or two):
 * a different size means edited, without reading it; the size and modification time the
 * build recorded mean unchanged, without reading it (a checkout built in place: an edit sets
 * a new time, so only a deliberate same-size rewrite that puts the old time back goes
 * unseen); any other time (an installed package: npm gives its files the install's time)
 * means reading the bytes and comparing their CRC-32 (zlib's, native: ~0.05 ms for a 140 KB
 * pack, where an FNV-1a loop in JavaScript took 3–8 ms on a cold start).
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { loadBundle } from "./code-cache.ts";

/** What the build saw of a source file. */
export interface Seen {
  hash: string;
  size: number;
  mtimeMs: number;
}

interface BuiltinData {
  packs: Record<string, Seen & { id: string; file: string }>;
  platforms: Seen & { json: string };
  templates: Record<string, Seen & { file: string }>;
}

const requireHere = createRequire(import.meta.url);

/** The sha256 of each .cjs file of dist/builtin/, written into the bundle by the build. */
declare const KIKITORI_BUILTIN_HASHES: Record<string, string> | undefined;

/** A precompiled file of dist/builtin/: through the code cache in the bundle, as its own code is. */
function requireBuiltin(root: string, name: string): unknown {
  const file = path.join(root, "dist", "builtin", name);
  if (typeof KIKITORI_BUILTIN_HASHES === "undefined") return requireHere(file);
  return loadBundle(file, { env: process.env, argv: [], hash: KIKITORI_BUILTIN_HASHES[name] }).exports;
}

let data: BuiltinData | null | undefined;
let dataRoot = "";

function load(root: string): BuiltinData | null {
  if (data !== undefined && dataRoot === root) return data;
  dataRoot = root;
  try {
    data = requireBuiltin(root, "index.cjs") as BuiltinData;
  } catch {
    data = null;
  }
  return data;
}

/**
 * FNV-1a over the text, as 16 hex digits: a short stable name for a text (form ids), without
 * loading node:crypto.
 */
export function contentHash(text: string): string {
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // 64-bit multiply by the FNV prime 0x100000001b3, kept in two 32-bit halves.
    const a = lo * 0x1b3;
    const b = hi * 0x1b3 + lo * 0x100 + Math.floor(a / 0x100000000);
    lo = a >>> 0;
    hi = b >>> 0;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** CRC-32 of the bytes as 8 hex digits: tells an edited file from the one the build saw (not a security check). */
export function sourceHash(bytes: Uint8Array): string {
  // Loaded here, not at the top: only a run that finds a built-in with a new time needs zlib.
  const { crc32 } = requireHere("node:zlib") as typeof import("node:zlib");
  return crc32(bytes).toString(16).padStart(8, "0");
}

/** What the build records of a source file. */
export function seenOf(file: string): Seen {
  const st = fs.statSync(file);
  return { hash: sourceHash(fs.readFileSync(file)), size: st.size, mtimeMs: st.mtimeMs };
}

/** The validated pack of a built-in file, as the JSON the build made of it. */
export function builtinPackJson(root: string, file: string): string | undefined {
  const d = load(root);
  const rel = path.relative(path.join(root, "questionnaires"), file);
  const entry = d?.packs[rel];
  if (!entry || !unchanged(file, entry)) return undefined;
  try {
    return fs.readFileSync(path.join(root, "dist", "builtin", entry.file), "utf8");
  } catch {
    return undefined;
  }
}

/** Whether a built-in source file is still what the build saw (see the top of this file). */
function unchanged(file: string, seen: Seen): boolean {
  try {
    const st = fs.statSync(file);
    if (st.size !== seen.size) return false;
    if (st.mtimeMs === seen.mtimeMs) return true;
    return sourceHash(fs.readFileSync(file)) === seen.hash;
  } catch {
    return false;
  }
}

/** The built-in pack file that holds `id`, if the build saw it there and it is unchanged since. */
export function builtinPackFile(root: string, id: string): string | undefined {
  const d = load(root);
  if (!d) return undefined;
  for (const [rel, e] of Object.entries(d.packs)) {
    if (e.id !== id) continue;
    const file = path.join(root, "questionnaires", rel);
    return unchanged(file, e) ? file : undefined;
  }
  return undefined;
}

/** The Japanese holiday table the build derived from @holiday-jp/holiday_jp. */
export function builtinHolidaysJson(root: string): string | undefined {
  if (!load(root)) return undefined;
  try {
    return fs.readFileSync(path.join(root, "dist", "builtin", "holidays.json"), "utf8");
  } catch {
    return undefined;
  }
}

export function builtinPlatformsJson(root: string, file: string): string | undefined {
  const d = load(root);
  return d && unchanged(file, d.platforms) ? d.platforms.json : undefined;
}

/** A precompiled template spec for `templates/<lang>/<name>.md.hbs`. */
export function builtinTemplateSpec(root: string, file: string, key: string): object | undefined {
  const entry = load(root)?.templates[key];
  if (!entry || !unchanged(file, entry)) return undefined;
  try {
    return requireBuiltin(root, entry.file) as object;
  } catch {
    return undefined;
  }
}

/**
 * The build's precompiled built-ins (dist/builtin/, see scripts/gen-builtin.ts): packs
 * already validated, platform profiles, template specs, the holiday table. An entry is used
 * only while its source file still has the content it was built from, so an edited file is
 * never stale.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

interface BuiltinData {
  packs: Record<string, { hash: string; size: number; mtimeMs: number; id: string; file: string }>;
  platforms: { hash: string; json: string };
  templates: Record<string, { hash: string; file: string }>;
}

let data: BuiltinData | null | undefined;
let dataRoot = "";

function load(root: string): BuiltinData | null {
  if (data !== undefined && dataRoot === root) return data;
  dataRoot = root;
  try {
    data = createRequire(import.meta.url)(path.join(root, "dist", "builtin", "index.cjs")) as BuiltinData;
  } catch {
    data = null;
  }
  return data;
}

/**
 * FNV-1a over the text, as 13 hex digits. It only tells an edited file from the one the build
 * saw (not a security check), and avoids loading node:crypto on every run.
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

function sameContent(file: string, hash: string): string | undefined {
  try {
    const text = fs.readFileSync(file, "utf8");
    return contentHash(text) === hash ? text : undefined;
  } catch {
    return undefined;
  }
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

/**
 * Whether a built-in pack file is still what the build saw: the same size and modification
 * time (a checkout built in place), else the same content (an installed package, whose files
 * get new times).
 */
function unchanged(file: string, entry: { hash: string; size: number; mtimeMs: number }): boolean {
  try {
    const st = fs.statSync(file);
    if (st.size !== entry.size) return false;
    if (st.mtimeMs === entry.mtimeMs) return true;
  } catch {
    return false;
  }
  return sameContent(file, entry.hash) !== undefined;
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
  return d && sameContent(file, d.platforms.hash) !== undefined ? d.platforms.json : undefined;
}

/** A precompiled template spec for `templates/<lang>/<name>.md.hbs`. */
export function builtinTemplateSpec(root: string, file: string, key: string): object | undefined {
  const entry = load(root)?.templates[key];
  if (!entry || sameContent(file, entry.hash) === undefined) return undefined;
  try {
    return createRequire(import.meta.url)(path.join(root, "dist", "builtin", entry.file)) as object;
  } catch {
    return undefined;
  }
}

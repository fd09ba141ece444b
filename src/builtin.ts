/**
 * The build's precompiled built-ins (dist/builtin.cjs, see scripts/gen-builtin.ts): packs
 * already validated, platform profiles, template specs. An entry is used only while the
 * source file still has the content it was built from, so an edited file is never stale.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

interface BuiltinData {
  packs: Record<string, { sha1: string; json: string }>;
  platforms: { sha1: string; json: string };
  templates: Record<string, { sha1: string; spec: object }>;
}

let data: BuiltinData | null | undefined;
let dataRoot = "";

function load(root: string): BuiltinData | null {
  if (data !== undefined && dataRoot === root) return data;
  dataRoot = root;
  try {
    data = createRequire(import.meta.url)(path.join(root, "dist", "builtin.cjs")) as BuiltinData;
  } catch {
    data = null;
  }
  return data;
}

function sameContent(file: string, sha1: string): string | undefined {
  try {
    const text = fs.readFileSync(file, "utf8");
    return createHash("sha1").update(text).digest("hex") === sha1 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The validated pack of a built-in file, as the JSON the build made of it. */
export function builtinPackJson(root: string, file: string): string | undefined {
  const d = load(root);
  const rel = path.relative(path.join(root, "questionnaires"), file);
  const entry = d?.packs[rel];
  return entry && sameContent(file, entry.sha1) !== undefined ? entry.json : undefined;
}

export function builtinPlatformsJson(root: string, file: string): string | undefined {
  const d = load(root);
  return d && sameContent(file, d.platforms.sha1) !== undefined ? d.platforms.json : undefined;
}

/** A precompiled template spec for `templates/<lang>/<name>.md.hbs`. */
export function builtinTemplateSpec(root: string, file: string, key: string): object | undefined {
  const entry = load(root)?.templates[key];
  return entry && sameContent(file, entry.sha1) !== undefined ? entry.spec : undefined;
}

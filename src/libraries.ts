/**
 * The libraries kikitori loads only when a run needs them: zod (to check a pack or answers
 * that are not built-in), the full Handlebars (to compile a pack's own templates) and yaml
 * (to read a text outside the subset src/yaml/plain.ts reads, or to write one). From
 * source they come from node_modules; in the bundle each is a file of its own in dist/vendor/
 * (scripts/build.mjs), so an installed kikitori has no dependencies to fetch.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { loadBundle } from "./code-cache.ts";

declare const KIKITORI_BUNDLE: boolean | undefined;
/** The sha256 of each file of dist/vendor/, written in by the build. */
declare const KIKITORI_VENDOR_HASHES: Record<string, string> | undefined;

export function requireLibrary(name: "zod" | "handlebars" | "yaml"): unknown {
  if (typeof KIKITORI_BUNDLE === "undefined") return createRequire(import.meta.url)(name);
  // This code runs from dist/kikitori.cjs or dist/render.cjs; the library is compiled through
  // the code cache, as the bundles are (the yaml writer of import: ~4 ms of compiling otherwise).
  const file = fileURLToPath(new URL(`./vendor/${name}.cjs`, import.meta.url));
  return loadBundle(file, { env: process.env, argv: [], hash: KIKITORI_VENDOR_HASHES?.[name] }).exports;
}

/**
 * The libraries kikitori loads only when a run needs them: zod (to check a pack or answers
 * that are not built-in), the full Handlebars (to compile a pack's own templates) and yaml
 * (to read a text outside the subset src/yaml/plain.ts reads, or to write one). From
 * source they come from node_modules; in the bundle each is a file of its own in dist/vendor/
 * (scripts/build.mjs), so an installed kikitori has no dependencies to fetch.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

declare const KIKITORI_BUNDLE: boolean | undefined;

export function requireLibrary(name: "zod" | "handlebars" | "yaml"): unknown {
  const require = createRequire(import.meta.url);
  if (typeof KIKITORI_BUNDLE === "undefined") return require(name);
  // This code runs from dist/kikitori.cjs.
  return require(fileURLToPath(new URL(`./vendor/${name}.cjs`, import.meta.url)));
}

/**
 * YAML text → plain data, with a way back from a data path to line:column. Shared by packs,
 * answers files and platform profiles. Texts in the subset kikitori writes are read by
 * plain.ts without the `yaml` library; every other text, and every question of where a value
 * is (asked when there is a problem to report), goes to the library (full.ts), which also
 * reports every error and bounds what a hostile file could use against us.
 */
import { parseYamlFully } from "./full.ts";
import { readPlainYaml } from "./plain.ts";
import type { ParsedYaml } from "./types.ts";

export type { DataPath, ParsedYaml, Position } from "./types.ts";
export { YAML_LIMITS } from "./types.ts";

export function parseYaml(text: string, file: string): ParsedYaml {
  const plain = readPlainYaml(text);
  if (!plain) return parseYamlFully(text, file);
  // The text is well formed (the library would read the same data without an error), so
  // reading it again with the library only to find positions is left until one is asked for.
  let full: ParsedYaml | undefined;
  return {
    data: plain.data,
    source: plain.source,
    locate: (path, opts) => {
      full ??= parseYamlFully(text, file);
      return full.locate(path, opts);
    },
  };
}

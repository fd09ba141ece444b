/** What reading a YAML text gives (parse.ts), and the bounds every reading keeps. */

export type DataPath = readonly (string | number)[];

export interface Position {
  line: number;
  col: number;
}

export interface ParsedYaml {
  data: unknown;
  /** Where the value at `path` starts; with `key`, where its key starts. Falls back to the nearest parent. */
  locate(path: DataPath, opts?: { key?: boolean }): Position | undefined;
  /**
   * The text as written of a plain scalar read as a number or boolean (`0312345678`, `1.10`,
   * `true`), for values that are text after all; undefined for anything else.
   */
  source(path: DataPath): string | undefined;
}

/**
 * maxDepth: nesting refused with its position (packs need about 10). scanDepth: the bound of
 * the pre-parse scan (depth.ts), generous so that ordinary indentation never trips it, and far
 * below the depth at which the parser runs out of stack (about 1000).
 */
export const YAML_LIMITS = { maxDepth: 32, maxAliases: 50, scanDepth: 160 };

/**
 * The `yaml` library, loaded the first time a text needs it: a well-formed answers file is
 * read without it (plain.ts), and loading it costs a render more than reading the file.
 */
import type * as Yaml from "yaml";
import { requireLibrary } from "../libraries.ts";

let library: typeof Yaml | undefined;

export function yamlLibrary(): typeof Yaml {
  library ??= requireLibrary("yaml") as typeof Yaml;
  return library;
}

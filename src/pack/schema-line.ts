/**
 * The line that tells editors (yaml-language-server) which JSON Schema a pack follows:
 * `# yaml-language-server: $schema=<ref>`, a path relative to the pack file or a URL. Packs
 * move (installed, exported, shared), so kikitori sets it to a schema that exists where the
 * pack goes.
 */

const LINE = /^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=.*$/gm;

/** Where an installed pack (`<user folder>/<id>/<version>/pack.yaml`) finds the user schema copy. */
export const INSTALLED_SCHEMA_REF = "../../../pack.schema.json";

/** The text with its editor line pointing at `ref`: the line replaced where it is, else added first. */
export function withSchemaLine(text: string, ref: string): string {
  const line = `# yaml-language-server: $schema=${ref}`;
  if (LINE.test(text)) return text.replace(LINE, line);
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  return `${bom}${line}\n${text.slice(bom.length)}`;
}

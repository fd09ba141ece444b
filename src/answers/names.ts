/**
 * The names of the files that belong to an answers file: its stem, the brief and message
 * written next to it, and the default name of a new one.
 */
import * as path from "node:path";

export type OutputKind = "brief" | "message";

/** The file name without .answers.yaml / .yaml / .yml / .json. */
export function stemOf(file: string): string {
  const base = path.basename(file);
  for (const ext of [".answers.yaml", ".answers.yml", ".yaml", ".yml", ".json"]) {
    if (base.toLowerCase().endsWith(ext) && base.length > ext.length) return base.slice(0, -ext.length);
  }
  return base;
}

/** `<dir>/<stem>.brief.md` and `<dir>/<stem>.message.md` (or one of them). */
export function outputFiles(dir: string, stem: string, only?: OutputKind): { kind: OutputKind; file: string }[] {
  const kinds: OutputKind[] = only ? [only] : ["brief", "message"];
  return kinds.map((kind) => ({ kind, file: path.join(dir, `${stem}.${kind}.md`) }));
}

/** `<pack-id>-<YYYYMMDD>[-<client>]`, the client's name kept in any script but without punctuation. */
export function defaultStem(packId: string, today: string, client: string | undefined): string {
  const slug = (client ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const cut = [...slug].slice(0, 32).join("").replace(/-+$/, "");
  return [packId, today.replaceAll("-", ""), cut].filter(Boolean).join("-");
}

/** `<dir>/<stem>.brief.draft.md`: a draft brief (`render --draft`), beside and apart from the brief. */
export function draftFile(dir: string, stem: string): string {
  return path.join(dir, `${stem}.brief.draft.md`);
}

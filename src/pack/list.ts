/** The packs a user can use, in lookup order, with what each one shadows. */
import { KikitoriError, type Problem } from "../errors.ts";
import { type Lang, msg } from "../i18n.ts";
import { checkPackFile } from "./load.ts";
import { type LookupEnv, packFilesIn, peekPackId, searchRoots } from "./lookup.ts";
import type { PackSource } from "./types.ts";

export interface ListedPack {
  id: string;
  version: string;
  title: string;
  source: PackSource;
  file: string;
  shadows: { source: PackSource; file: string; version: string }[];
}

/** Every valid pack in lookup order; the first of an id wins and shadows the rest. */
export function listPacks(env: LookupEnv, lang: Lang): { packs: ListedPack[]; problems: Problem[] } {
  const packs: ListedPack[] = [];
  const byId = new Map<string, ListedPack>();
  const problems: Problem[] = [];
  const seenFiles = new Set<string>();
  for (const root of searchRoots(env)) {
    for (const file of packFilesIn(root.dir, root.source)) {
      if (seenFiles.has(file)) continue;
      seenFiles.add(file);
      let check: ReturnType<typeof checkPackFile> | undefined;
      try {
        check = checkPackFile(file, root.source);
      } catch (e) {
        if (!(e instanceof KikitoriError)) throw e;
      }
      if (!check?.loaded) {
        // Lookup goes by the id at the top of the file: an invalid pack still takes its id.
        const id = peekPackId(file);
        const blocks = id !== undefined && !byId.has(id);
        problems.push({
          file,
          message: blocks
            ? msg(
                `パックとして読み込めないため一覧から外しました (「${id}」はこのファイルを指すため使えません)`,
                `left out: not a valid pack (and "${id}" refers to it, so it fails)`,
              )
            : msg("パックとして読み込めないため一覧から外しました", "left out: not a valid pack"),
          fix: msg(`kikitori pack validate ${file} で詳細を確認できます`, `see kikitori pack validate ${file}`),
          severity: "warning",
        });
        continue;
      }
      const p = check.loaded.pack;
      const winner = byId.get(p.id);
      if (winner) {
        winner.shadows.push({ source: root.source, file, version: p.version });
        continue;
      }
      const entry: ListedPack = { id: p.id, version: p.version, title: p.title[lang], source: root.source, file, shadows: [] };
      byId.set(p.id, entry);
      packs.push(entry);
    }
  }
  return { packs, problems };
}

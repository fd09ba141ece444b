/** The packs a user can use, in lookup order, with what each one shadows. */
import { KikitoriError, type Problem } from "../errors.ts";
import { type Lang, msg } from "../i18n.ts";
import { checkPackFile } from "./load.ts";
import { firstDeclaring, type LookupEnv, packFilesIn, packIdOf, searchRoots } from "./lookup.ts";
import type { PackSource } from "./types.ts";

export interface ListedPack {
  id: string;
  version: string;
  title: string;
  source: PackSource;
  file: string;
  shadows: { source: PackSource; file: string; version: string }[];
}

/**
 * Every valid pack in lookup order; the first of an id wins and shadows the rest. Which file
 * of a folder holds an id is decided as lookup decides it (firstDeclaring), so `pack show`,
 * `start` and `render` use the file this list names.
 */
export function listPacks(env: LookupEnv, lang: Lang): { packs: ListedPack[]; problems: Problem[] } {
  const packs: ListedPack[] = [];
  const byId = new Map<string, ListedPack>();
  const problems: Problem[] = [];
  const seenFiles = new Set<string>();
  for (const root of searchRoots(env)) {
    const files = packFilesIn(root.dir, root.source).filter((f) => !seenFiles.has(f));
    for (const f of files) seenFiles.add(f);
    const ids = new Map(files.map((f) => [f, packIdOf(f)] as const));
    const idOf = (f: string) => ids.get(f);
    // The folder's files in lookup's order: for each id, the file lookup takes comes first.
    const winners = new Set([...new Set(ids.values())].flatMap((id) => (id === undefined ? [] : [firstDeclaring(files, id, idOf) ?? ""])));
    for (const file of [...files.filter((f) => winners.has(f)), ...files.filter((f) => !winners.has(f))]) {
      let check: ReturnType<typeof checkPackFile> | undefined;
      try {
        check = checkPackFile(file, root.source);
      } catch (e) {
        if (!(e instanceof KikitoriError)) throw e;
      }
      const id = idOf(file);
      if (!check?.loaded) {
        // Lookup goes by the id the file declares: an invalid pack still takes its id.
        const blocks = id !== undefined && !byId.has(id) && winners.has(file);
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
        if (blocks && id !== undefined) byId.set(id, { id, version: "", title: "", source: root.source, file, shadows: [] });
        continue;
      }
      const p = check.loaded.pack;
      const winner = byId.get(p.id);
      if (winner) {
        if (winner.version !== "") winner.shadows.push({ source: root.source, file, version: p.version });
        continue;
      }
      const entry: ListedPack = { id: p.id, version: p.version, title: p.title[lang], source: root.source, file, shadows: [] };
      byId.set(p.id, entry);
      packs.push(entry);
    }
  }
  return { packs, problems };
}

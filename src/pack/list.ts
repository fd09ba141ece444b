/** The packs a user can use, in lookup order, with what each one shadows. */
import { KikitoriError, type Problem } from "../errors.ts";
import { type Lang, msg } from "../i18n.ts";
import { checkPackFile } from "./load.ts";
import { type LookupEnv, packFilesIn, packHeaderOf, pickDeclaring, searchRoots } from "./lookup.ts";
import type { PackSource } from "./types.ts";
import { byNewest } from "./versions.ts";

export interface ListedPack {
  id: string;
  version: string;
  title: string;
  source: PackSource;
  file: string;
  /** Every version of this id in the same place, newest first (a user folder keeps each installed one). */
  versions: string[];
  shadows: { source: PackSource; file: string; version: string }[];
}

/**
 * Every valid pack in lookup order; the first of an id wins and shadows the rest. Which file
 * of a folder holds an id is decided as lookup decides it (pickDeclaring), so `pack show`,
 * `start` and `render` use the file this list names; the folder's other versions of it are
 * listed with it (answers made with them render with them).
 */
export function listPacks(env: LookupEnv, lang: Lang): { packs: ListedPack[]; problems: Problem[] } {
  const packs: ListedPack[] = [];
  const byId = new Map<string, ListedPack>();
  const problems: Problem[] = [];
  const seenFiles = new Set<string>();
  for (const root of searchRoots(env)) {
    const files = packFilesIn(root.dir, root.source).filter((f) => !seenFiles.has(f));
    for (const f of files) seenFiles.add(f);
    const headers = new Map(files.map((f) => [f, packHeaderOf(f)] as const));
    const header = (f: string) => headers.get(f) ?? {};
    // The folder's files in lookup's order: for each id, the file lookup takes comes first.
    const ids = new Set([...headers.values()].flatMap((h) => (h.id === undefined ? [] : [h.id])));
    const winners = new Set([...ids].flatMap((id) => pickDeclaring(files, id, { header }) ?? []));
    const local = new Map<string, ListedPack>();
    for (const file of [...files.filter((f) => winners.has(f)), ...files.filter((f) => !winners.has(f))]) {
      let check: ReturnType<typeof checkPackFile> | undefined;
      try {
        check = checkPackFile(file, root.source);
      } catch (e) {
        if (!(e instanceof KikitoriError)) throw e;
      }
      const id = header(file).id;
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
        if (blocks && id !== undefined) byId.set(id, { id, version: "", title: "", source: root.source, file, versions: [], shadows: [] });
        continue;
      }
      const p = check.loaded.pack;
      const same = local.get(p.id);
      if (same && same.version !== p.version && !same.versions.includes(p.version)) {
        same.versions.push(p.version);
        same.versions.sort(byNewest);
        continue;
      }
      const winner = byId.get(p.id);
      if (winner) {
        if (winner.version !== "") winner.shadows.push({ source: root.source, file, version: p.version });
        continue;
      }
      const entry: ListedPack = { id: p.id, version: p.version, title: p.title[lang], source: root.source, file, versions: [p.version], shadows: [] };
      byId.set(p.id, entry);
      local.set(p.id, entry);
      packs.push(entry);
    }
  }
  return { packs, problems };
}

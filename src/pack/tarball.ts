/**
 * Reading a pack package (`npm pack` output: a .tgz whose entries sit under `package/`) into
 * memory, without running or extracting anything. A tarball from a stranger can hold links,
 * devices, absolute or `..` paths, or a decompression bomb: each is refused, and the whole
 * archive is bounded in compressed size, unpacked size and entry count. Parsing the tar
 * format is node-tar's (npm's own reader); every decision about an entry is ours.
 */
import { gunzipSync } from "node:zlib";
import { Parser, type ReadEntry } from "tar";
import { stripControls } from "../controls.ts";
import { DataError, type Problem } from "../errors.ts";
import { type Msg, msg } from "../i18n.ts";

export const TARBALL_LIMITS = {
  /** The .tgz file itself. */
  packedBytes: 8 * 1024 * 1024,
  /** All of its content, unpacked (tar headers included). */
  unpackedBytes: 32 * 1024 * 1024,
  entries: 2000,
};

/** A file tree read from an archive: relative path (top folder removed) → content. */
export type FileMap = Map<string, Buffer>;

const REGULAR = new Set(["File", "OldFile", "ContiguousFile"]);

const REBUILD = msg("npm pack で作り直してください", "make it again with npm pack");

type Refuse = (en: string, ja: string, fixJa: string, fixEn: string) => never;

export async function readTarball(buf: Buffer, name: string): Promise<FileMap> {
  const refuse: Refuse = (en, ja, fixJa, fixEn) => {
    throw new DataError(msg(`${name} は読み込めないパッケージです`, `${name} is not a package kikitori can install`), [
      { file: name, message: msg(ja, en), fix: msg(fixJa, fixEn) },
    ]);
  };
  const { files, problems } = await readEntries(unzipped(buf, refuse), name);
  if (problems.length > 0) {
    throw new DataError(msg(`${name} はインストールできません`, `${name} cannot be installed`), problems);
  }
  if (files.size === 0) refuse("it holds no files", "ファイルがありません", REBUILD.ja, REBUILD.en);
  return files;
}

/** The tar data: the .tgz unzipped, bounded in both its packed and its unpacked size. */
function unzipped(buf: Buffer, refuse: Refuse): Buffer {
  if (buf.length > TARBALL_LIMITS.packedBytes) {
    refuse(
      `it has ${buf.length} bytes (the limit is ${TARBALL_LIMITS.packedBytes / 1024 / 1024} MiB)`,
      `${buf.length} バイトあります (上限 ${TARBALL_LIMITS.packedBytes / 1024 / 1024} MiB)`,
      "パックとテンプレートだけを含めてください",
      "include only the packs and their templates",
    );
  }
  if (buf[0] !== 0x1f || buf[1] !== 0x8b) return buf;
  try {
    // maxOutputLength stops a decompression bomb as soon as it passes the limit.
    return gunzipSync(buf, { maxOutputLength: TARBALL_LIMITS.unpackedBytes });
  } catch (e) {
    const big = (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError;
    if (big)
      refuse(
        `it unpacks to more than ${TARBALL_LIMITS.unpackedBytes / 1024 / 1024} MiB`,
        `展開すると ${TARBALL_LIMITS.unpackedBytes / 1024 / 1024} MiB を超えます`,
        "パックとテンプレートだけを含めてください",
        "include only the packs and their templates",
      );
    return refuse("it is not valid gzip data", "gzip として正しくありません", REBUILD.ja, REBUILD.en);
  }
}

/** The regular files of the archive, under its one top folder, or every entry refused and why. */
async function readEntries(tar: Buffer, name: string): Promise<{ files: FileMap; problems: Problem[] }> {
  const files: FileMap = new Map();
  const problems: Problem[] = [];
  let entries = 0;
  let top: string | undefined;
  let archiveBroken = false;
  const broken = (detail: string) => {
    // One line is enough: a broken archive makes every later header look broken too.
    if (archiveBroken) return;
    archiveBroken = true;
    problems.push({
      file: name,
      message: msg(`tar として正しくありません (${detail})`, `it is not a valid tar archive (${detail})`),
      fix: REBUILD,
    });
  };
  const bad = (path: string, ja: string, en: string) => {
    if (problems.length < 20) {
      problems.push({
        file: `${name}: ${stripControls(path)}`,
        message: msg(ja, en),
        fix: msg("リンクや特殊なファイルを含めず、通常のファイルだけで作り直してください", "make it again with regular files only"),
      });
    }
  };

  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      maxMetaEntrySize: 64 * 1024,
      onReadEntry: (entry: ReadEntry) => {
        entries++;
        if (entries > TARBALL_LIMITS.entries) {
          bad(entry.path, `${TARBALL_LIMITS.entries} 個を超えるファイルがあります`, `it holds more than ${TARBALL_LIMITS.entries} entries`);
          entry.resume();
          parser.abort(new Error("too many entries"));
          return;
        }
        const rel = checkEntry(entry);
        if (typeof rel !== "string") {
          bad(entry.path, rel.ja, rel.en);
          entry.resume();
          return;
        }
        // npm pack puts everything under one folder (package/): it is removed.
        const [first, ...rest] = rel.split("/");
        if (top === undefined) top = first;
        if (first !== top) bad(entry.path, "最上位のフォルダが複数あります", "the archive has more than one top folder");
        const inner = rest.join("/");
        if (entry.type === "Directory" || inner === "") {
          entry.resume();
          return;
        }
        if (files.has(inner)) bad(entry.path, "同じパスが2回あります", "the same path appears twice");
        const chunks: Buffer[] = [];
        entry.on("data", (c: Buffer) => chunks.push(c));
        entry.on("end", () => files.set(inner, Buffer.concat(chunks)));
      },
    });
    parser.on("warn", (_code: string, message: string | Error) => broken(stripControls(String(message))));
    parser.on("error", (e: Error) => broken(stripControls(e.message)));
    parser.on("abort", () => resolve());
    parser.on("end", () => resolve());
    parser.on("close", () => resolve());
    try {
      parser.end(tar);
    } catch (e) {
      reject(e);
    }
  });
  return { files, problems };
}

const KINDS: Record<string, [string, string]> = {
  SymbolicLink: ["シンボリックリンク", "a symbolic link"],
  Link: ["ハードリンク", "a hard link"],
  CharacterDevice: ["デバイスファイル", "a device file"],
  BlockDevice: ["デバイスファイル", "a device file"],
  FIFO: ["名前付きパイプ", "a named pipe"],
};

/** The entry's path, or why it is refused: a path outside the archive, or not a file or folder. */
function checkEntry(entry: ReadEntry): string | Msg {
  const rel = checkEntryPath(entry.path);
  if (typeof rel !== "string" || REGULAR.has(entry.type) || entry.type === "Directory") return rel;
  const [ja, en] = KINDS[entry.type] ?? [`未対応の種類 (${entry.type})`, `an unsupported kind of entry (${entry.type})`];
  return { ja: `${ja}です`, en: `it is ${en}` };
}

/** The entry's path as `a/b/c`, or why it is refused. */
export function checkEntryPath(raw: string): string | Msg {
  if (raw.includes("\0") || /[\x00-\x1f\x7f]/.test(raw)) return { ja: "パスに制御文字があります", en: "its path holds control characters" };
  if (raw.startsWith("/") || /^[A-Za-z]:/.test(raw) || raw.startsWith("\\")) return { ja: "絶対パスです", en: "its path is absolute" };
  if (raw.includes("\\")) return { ja: "パスに \\ があります", en: "its path holds a backslash" };
  const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return { ja: "パスに .. があります", en: "its path holds .." };
  if (parts.length === 0) return { ja: "パスが空です", en: "its path is empty" };
  return parts.join("/");
}

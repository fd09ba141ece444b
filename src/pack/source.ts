/**
 * Where `pack install` reads from: a pack file, a folder, or a package tarball, all seen as
 * one read-only tree of regular files. Nothing is followed or executed: a symbolic link,
 * device or path leaving the tree is an error, never a file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, NotFoundError, UsageError } from "../errors.ts";
import { decodeText, LIMITS, openRegularFile, readTextFile } from "../files.ts";
import { type Msg, msg } from "../i18n.ts";
import { checkEntryPath, type FileMap, readTarball, TARBALL_LIMITS } from "./tarball.ts";

export interface SourceTree {
  /** What the user named, for messages. */
  display: string;
  /** The packs to install, as paths inside the tree. */
  packs: string[];
  /** A regular file's bytes (at most maxBytes + 1 of them), or undefined when it is absent. */
  read(rel: string, maxBytes: number): Buffer | undefined;
  /** How a file of the tree is named in messages. */
  name(rel: string): string;
}

const NOT_PACKS = /(^|\/)(platforms\.ya?ml|[^/]*\.answers\.ya?ml)$/;

export async function openSource(arg: string, cwd: string): Promise<SourceTree> {
  const abs = path.resolve(cwd, arg);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new NotFoundError(msg(`${arg} が見つかりません。パスを確認してください`, `${arg} not found: check the path`));
  }
  if (st.isDirectory()) return folderTree(abs, arg, undefined);
  // A FIFO or a device: refused (by what it is) before its name is looked at.
  if (!st.isFile()) fs.closeSync(openRegularFile(abs, arg));
  if (/\.(tgz|tar\.gz|tar)$/i.test(abs)) {
    const buf = Buffer.from(readTextFileBytes(abs, TARBALL_LIMITS.packedBytes, arg));
    const files = await readTarball(buf, arg);
    return mapTree(files, arg);
  }
  // A pack file: YAML, or JSON (what `pack show --json` prints is a pack).
  if (/\.(?:ya?ml|json)$/i.test(abs)) return folderTree(path.dirname(abs), arg, path.basename(abs));
  throw new UsageError(
    msg(
      `${arg} はパックのファイル (.yaml、.json)、フォルダ、パッケージ (.tgz) のいずれでもありません`,
      `${arg} is not a pack file (.yaml, .json), a folder or a package (.tgz)`,
    ),
  );
}

/** Bytes of a file, bounded (readTextFile's checks would refuse binary data). */
function readTextFileBytes(file: string, max: number, display: string): Buffer {
  const fd = openRegularFile(file, display);
  try {
    const st = fs.fstatSync(fd);
    if (st.size > max) {
      throw new DataError(msg(`${display} が大きすぎます`, `${display} is too large`), [
        { file: display, message: msg(`${st.size} バイトあります (上限 ${max} バイト)`, `it has ${st.size} bytes (the limit is ${max})`) },
      ]);
    }
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function folderTree(root: string, display: string, single: string | undefined): SourceTree {
  const read = (rel: string, maxBytes: number): Buffer | undefined => {
    const clean = safeRel(rel, display);
    let cur = root;
    for (const part of clean.split("/")) {
      cur = path.join(cur, part);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(cur);
      } catch {
        return undefined;
      }
      if (st.isSymbolicLink()) throw refused(display, clean, msg("シンボリックリンクを通っています", "it goes through a symbolic link"));
    }
    if (!fs.lstatSync(cur).isFile()) throw refused(display, clean, msg("通常のファイルではありません", "it is not a regular file"));
    return Buffer.from(readTextFile(cur, maxBytes, path.join(display, clean)), "utf8");
  };
  const topYaml = (): string[] =>
    fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name) && !NOT_PACKS.test(d.name))
      .map((d) => d.name)
      .sort();
  const name = (rel: string) => (single ? path.join(path.dirname(display), rel) : path.join(display, rel));
  const tree = { display, packs: [] as string[], read, name };
  tree.packs = single ? [single] : choosePacks(tree, topYaml());
  return tree;
}

function mapTree(files: FileMap, display: string): SourceTree {
  const read = (rel: string, maxBytes: number): Buffer | undefined => {
    const b = files.get(safeRel(rel, display));
    return b && b.length > maxBytes ? b.subarray(0, maxBytes + 1) : b;
  };
  const tree = { display, packs: [] as string[], read, name: (rel: string) => `${display}: ${rel}` };
  const topYaml = [...files.keys()].filter((k) => !k.includes("/") && /\.ya?ml$/i.test(k) && !NOT_PACKS.test(k)).sort();
  tree.packs = choosePacks(tree, topYaml);
  return tree;
}

/**
 * Which packs a folder or package holds: package.json `kikitori.packs` (as for npm lookup),
 * else `pack.yaml`, else its only YAML file.
 */
function choosePacks(tree: Pick<SourceTree, "display" | "read">, topYaml: string[]): string[] {
  const pkg = tree.read("package.json", 64 * 1024);
  if (pkg) {
    let packs: unknown;
    try {
      packs = (JSON.parse(decodeText(pkg, `${tree.display}: package.json`, 64 * 1024)) as { kikitori?: { packs?: unknown } })?.kikitori?.packs;
    } catch (e) {
      if (e instanceof DataError) throw e;
      throw refused(tree.display, "package.json", msg("JSON として読めません", "it is not valid JSON"));
    }
    if (packs !== undefined) {
      if (!Array.isArray(packs) || packs.length === 0 || !packs.every((p) => typeof p === "string")) {
        throw refused(
          tree.display,
          "package.json",
          msg('"kikitori": { "packs": [...] } はパックのパスのリストにしてください', '"kikitori": { "packs": [...] } must list pack paths'),
        );
      }
      return packs.map((p) => safeRel(p, tree.display));
    }
  }
  if (tree.read("pack.yaml", LIMITS.packBytes)) return ["pack.yaml"];
  if (topYaml.length === 1) return topYaml;
  if (topYaml.length === 0) {
    throw new NotFoundError(
      msg(
        `${tree.display} にパックがありません (pack.yaml か package.json の "kikitori": { "packs": [...] } が必要です)`,
        `${tree.display} holds no pack: it needs a pack.yaml, or "kikitori": { "packs": [...] } in package.json`,
      ),
    );
  }
  throw new UsageError(
    msg(
      `${tree.display} には YAML ファイルが複数あります (${topYaml.join(", ")})。インストールするファイルを指定してください`,
      `${tree.display} holds several YAML files (${topYaml.join(", ")}): name the one to install`,
    ),
  );
}

function safeRel(rel: string, display: string): string {
  const r = checkEntryPath(rel);
  if (typeof r !== "string") throw refused(display, rel, msg(r.ja, r.en));
  return r;
}

function refused(display: string, rel: string, why: Msg): DataError {
  return new DataError(msg(`${display} はインストールできません`, `${display} cannot be installed`), [
    {
      file: `${display}: ${rel}`,
      message: msg(why.ja, why.en),
      fix: msg("パックのフォルダ内の通常のファイルにしてください", "use regular files inside the pack's folder"),
    },
  ]);
}

/**
 * The file edge: reading text safely (size, encoding, binary) and writing atomically, so
 * that an output is either complete or absent and nothing is overwritten without --force.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, NotFoundError, OutputError } from "./errors.ts";
import { msg } from "./i18n.ts";

export const LIMITS = {
  packBytes: 1024 * 1024,
  answersBytes: 2 * 1024 * 1024,
  replyBytes: 1024 * 1024,
  templateBytes: 256 * 1024,
};

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes bytes that must be UTF-8 text; `file` names the source in messages. */
export function decodeText(buf: Uint8Array, file: string, maxBytes: number): string {
  if (buf.byteLength > maxBytes) {
    const mib = (maxBytes / 1024 / 1024).toFixed(maxBytes < 1024 * 1024 ? 2 : 0);
    throw new DataError(msg(`${file} が大きすぎます`, `${file} is too large`), [
      {
        file,
        message: msg(`${buf.byteLength} バイトあります (上限 ${mib} MiB)`, `it has ${buf.byteLength} bytes (the limit is ${mib} MiB)`),
        fix: msg("正しいファイルを指定しているか確認してください", "check that this is the file you meant"),
      },
    ]);
  }
  if (buf.includes(0)) {
    throw new DataError(msg(`${file} はテキストファイルではありません`, `${file} is not a text file`), [
      {
        file,
        message: msg("NUL バイトを含んでいます", "it contains NUL bytes"),
        fix: msg("YAML のテキストファイルを指定してください", "give a YAML text file"),
      },
    ]);
  }
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    throw new DataError(msg(`${file} は UTF-8 ではありません`, `${file} is not UTF-8`), [
      {
        file,
        message: msg("文字コードが UTF-8 ではありません", "the text is not valid UTF-8"),
        fix: msg("UTF-8 で保存し直してください", "save it again as UTF-8"),
      },
    ]);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readTextFile(path: string, maxBytes: number, file = path): string {
  let fd: number;
  try {
    fd = fs.openSync(path, "r");
  } catch (e) {
    throw openError(e, file);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) {
      throw new NotFoundError(msg(`${file} はフォルダです。ファイルを指定してください`, `${file} is a folder: give a file`));
    }
    // Read at most one byte past the limit, so a huge file is refused without loading it.
    const cap = Math.min(st.size, maxBytes + 1);
    const buf = Buffer.alloc(st.isFile() ? cap : maxBytes + 1);
    let n = 0;
    while (n < buf.length) {
      const r = fs.readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
    }
    const total = st.isFile() ? st.size : n;
    if (total > maxBytes) return decodeText(Buffer.alloc(maxBytes + 1), file, maxBytes);
    return decodeText(buf.subarray(0, n), file, maxBytes);
  } catch (e) {
    if (e instanceof Error && "code" in e && (e as NodeJS.ErrnoException).code === "EISDIR") {
      throw new NotFoundError(msg(`${file} はフォルダです。ファイルを指定してください`, `${file} is a folder: give a file`));
    }
    throw e;
  } finally {
    fs.closeSync(fd);
  }
}

function openError(e: unknown, file: string): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new NotFoundError(msg(`${file} が見つかりません。パスを確認してください`, `${file} not found: check the path`));
  }
  if (code === "EACCES" || code === "EPERM") {
    return new NotFoundError(msg(`${file} を読む権限がありません`, `${file} cannot be read: permission denied`));
  }
  return e as Error;
}

let tmpCounter = 0;

/**
 * A new temporary file beside the target. pid + a per-process counter is unique among live
 * processes (no node:crypto needed); a leftover of a dead process with a reused pid is skipped.
 */
function createTemp(dir: string, file: string, content: string): string {
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${(tmpCounter++).toString(36)}.tmp`);
    try {
      fs.writeFileSync(tmp, content, { flag: "wx", mode: 0o644 });
      return tmp;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && attempt < 100) continue;
      throw writeError(e, file);
    }
  }
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is an OutputError (73). */
  force?: boolean;
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, flushed, then
 * linked (no clobber) or renamed (with force) into place. A crash leaves the old file or the
 * new one, never half of either.
 */
export function writeFileAtomic(file: string, content: string, opts: WriteOptions = {}): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = createTemp(dir, file, content);
  try {
    if (opts.force) {
      fs.renameSync(tmp, file);
    } else {
      // link() fails with EEXIST instead of replacing: no window in which we clobber a
      // file created by someone else after an existence check.
      try {
        fs.linkSync(tmp, file);
        fs.unlinkSync(tmp);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // Some file systems have no hard links: fall back to check-then-rename.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw e;
        if (fs.existsSync(file)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        fs.renameSync(tmp, file);
      }
    }
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw writeError(e, file);
  }
}

/** The error for an output that exists and may not be replaced. */
export function existsError(file: string): OutputError {
  return new OutputError(msg(`${file} は既にあります。上書きするには --force を付けてください`, `${file} already exists: add --force to replace it`));
}

function writeError(e: unknown, file: string): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EEXIST") return existsError(file);
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new OutputError(msg(`${file} に書き込めません: フォルダがありません`, `${file} cannot be written: the folder does not exist`));
  }
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new OutputError(msg(`${file} に書き込む権限がありません`, `${file} cannot be written: permission denied`));
  }
  if (code === "EISDIR") {
    return new OutputError(msg(`${file} はフォルダです`, `${file} is a folder`));
  }
  return e as Error;
}

export function exists(file: string): boolean {
  return fs.existsSync(file);
}

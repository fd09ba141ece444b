/**
 * Writing an output atomically: complete or absent, never over a file without --force, and a
 * replaced file keeps what the user set up (mode, owner, its place behind symbolic links).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { OutputError } from "./errors.ts";
import { fileErrorReason, outputFileError } from "./file-errors.ts";
import { closeQuietly } from "./files.ts";
import { msg } from "./i18n.ts";

let tmpCounter = 0;

/**
 * A new temporary file beside the target. pid + a per-process counter is unique among live
 * processes (no node:crypto needed); a leftover of a dead process with a reused pid is skipped.
 * A failed write (a full disk) removes the temporary file before the error goes up.
 */
function createTemp(dir: string, file: string, content: string | Uint8Array, like: fs.Stats | undefined, mode: number): string {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, tempName(path.basename(file), `.${process.pid}.${(tmpCounter++).toString(36)}.tmp`));
    let fd: number;
    try {
      // A new file gets `mode` less the umask; a replacement starts private and then takes
      // the mode (and owner, where permitted) of the file it replaces.
      fd = fs.openSync(tmp, "wx", like ? 0o600 : mode);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && attempt < 100) continue;
      throw writeError(e, file);
    }
    try {
      for (let n = 0; n < data.length; ) n += fs.writeSync(fd, data, n, data.length - n);
      if (like) keepOwnerAndMode(fd, like);
      fs.closeSync(fd);
      return tmp;
    } catch (e) {
      closeQuietly(fd);
      removeQuietly(tmp);
      throw writeError(e, file);
    }
  }
}

/** Longest file name (bytes) on the usual file systems (NAME_MAX). */
const NAME_MAX = 255;

/**
 * `.<name><suffix>`, hidden; a name too long to take the suffix within NAME_MAX is cut (at a
 * character) and marked with a hash of the whole name, so that a legal 250-byte output name
 * still has a legal temporary name, and two long names do not share one.
 */
export function tempName(name: string, suffix: string): string {
  const full = `.${name}${suffix}`;
  if (Buffer.byteLength(full) <= NAME_MAX) return full;
  const mark = `~${fnv1a(name)}`;
  let cut = "";
  let bytes = 0;
  const room = NAME_MAX - 1 - Buffer.byteLength(mark + suffix);
  for (const ch of name) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > room) break;
    cut += ch;
    bytes += b;
  }
  return `.${cut}${mark}${suffix}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable mark (not a security hash). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, "utf8")) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Owner first (a chown clears set-id bits), then mode; an owner we may not give is left as ours. */
function keepOwnerAndMode(fd: number, like: fs.Stats): void {
  if (like.uid !== process.getuid?.() || like.gid !== process.getgid?.()) {
    try {
      fs.fchownSync(fd, like.uid, like.gid);
    } catch {
      // not permitted (not root): the file is ours, with the mode below
    }
  }
  fs.fchmodSync(fd, like.mode & 0o7777);
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is an OutputError (73). */
  force?: boolean;
  /** The mode of a file created new, less the umask (default 0o666). Answers files use 0o600. */
  mode?: number;
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, flushed, then
 * linked (no clobber) or renamed (with force) into place. A crash leaves the old file or the
 * new one, never half of either.
 *
 * A replaced file keeps what the user set up: its mode and owner, and its place behind a
 * symbolic link (the link stays; its target is replaced, atomically, in the target's
 * folder). Only regular files are written: a device, a FIFO or a folder is refused.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, opts: WriteOptions = {}): void {
  const target = opts.force ? followLinks(file) : path.resolve(file);
  const existing = statIfAny(target, file);
  if (existing && !existing.isFile()) throw notRegularOutput(file, existing);
  const tmp = createTemp(path.dirname(target), file, content, opts.force ? existing : undefined, opts.mode ?? 0o666);
  try {
    if (opts.force) {
      fs.renameSync(tmp, target);
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

/** Where a write to `file` lands: past every symbolic link of its last part (the folders resolve as they are). */
function followLinks(file: string): string {
  let p = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return p; // not there (a link to a file yet to be made): create it
    }
    if (!st.isSymbolicLink()) return p;
    let to: string;
    try {
      to = fs.readlinkSync(p);
    } catch (e) {
      throw writeError(e, file);
    }
    p = path.resolve(path.dirname(p), to);
  }
  throw writeError(Object.assign(new Error("ELOOP"), { code: "ELOOP" }), file);
}

function statIfAny(target: string, file: string): fs.Stats | undefined {
  try {
    return fs.statSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw writeError(e, file);
  }
}

function notRegularOutput(file: string, st: fs.Stats): OutputError {
  if (st.isDirectory()) return new OutputError(msg(`${file} はフォルダです`, `${file} is a folder`));
  const kind = st.isFIFO() ? msg("名前付きパイプ", "a named pipe (FIFO)") : st.isSocket() ? msg("ソケット", "a socket") : msg("デバイス", "a device");
  return new OutputError(
    msg(
      `${file} は通常のファイルではない (${kind.ja}) ため置き換えません。通常のファイルを指定するか、標準出力に出してください`,
      `${file} is not a regular file but ${kind.en}: kikitori replaces only regular files — give a file, or print to standard output`,
    ),
  );
}

/** The error for an output that exists and may not be replaced. */
export function existsError(file: string): OutputError {
  return new OutputError(msg(`${file} は既にあります。上書きするには --force を付けてください`, `${file} already exists: add --force to replace it`));
}

function writeError(e: unknown, file: string): Error {
  if ((e as NodeJS.ErrnoException).code === "EEXIST") return existsError(file);
  return outputFileError(e, file);
}

/**
 * Creates a folder and any missing parents; `display` names it in messages. Not mkdirSync's
 * recursive mode: under /proc it retries for ever (Node 20) instead of failing.
 */
export function makeDir(dir: string, display: string): void {
  const fail = (ja: string, en: string) =>
    new OutputError(msg(`出力先フォルダ ${display} を作れません: ${ja}`, `output folder ${display} cannot be created: ${en}`));
  const failFor = (e: unknown, ja: string, en: string) => {
    const r = fileErrorReason(e);
    return r ? fail(`${r.why.ja} — ${r.fix.ja}`, `${r.why.en} — ${r.fix.en}`) : fail(ja, en);
  };
  const missing: string[] = [];
  for (let cur = path.resolve(dir); ; cur = path.dirname(cur)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(cur);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") throw fail("途中にファイルがあります", "a file is in the way");
      if (code !== "ENOENT") throw failFor(e, "アクセスできません", "it cannot be accessed");
    }
    if (st) {
      if (!st.isDirectory()) throw fail("途中にファイルがあります", "a file is in the way");
      break;
    }
    missing.unshift(cur);
    if (path.dirname(cur) === cur) break;
  }
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST" && fs.statSync(d).isDirectory()) continue;
      throw failFor(e, "この場所にはフォルダを作れません", "this place does not take folders");
    }
  }
}

/**
 * The file edge: reading text safely (size, encoding, binary). Writing is in write-file.ts.
 */
import * as fs from "node:fs";
import { DataError, NotFoundError } from "./errors.ts";
import { inputFileError } from "./file-errors.ts";
import { type Msg, msg } from "./i18n.ts";

export const LIMITS = {
  packBytes: 1024 * 1024,
  answersBytes: 2 * 1024 * 1024,
  replyBytes: 1024 * 1024,
  templateBytes: 256 * 1024,
};

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes bytes that must be UTF-8 text; `file` names the source in messages. `size` is the
 * whole input's size when known (a file cut at the limit); without it the size reported is
 * "more than the limit".
 */
export function decodeText(buf: Uint8Array, file: string, maxBytes: number, size?: number): string {
  if (buf.byteLength > maxBytes || (size ?? 0) > maxBytes) throw tooLarge(file, maxBytes, size);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new DataError(msg(`${file} は UTF-16 で保存されています`, `${file} is saved as UTF-16`), [
      {
        file,
        line: 1,
        col: 1,
        message: msg("UTF-16 には対応していません", "UTF-16 is not supported"),
        fix: msg("UTF-8 で保存し直してください", "save it again as UTF-8"),
      },
    ]);
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    throw new DataError(msg(`${file} はテキストファイルではありません`, `${file} is not a text file`), [
      {
        file,
        ...placeOf(buf, nul),
        message: msg("NUL バイトを含んでいます (画像などのバイナリファイルではありませんか)", "it contains NUL bytes (is it an image or another binary file?)"),
        fix: msg("テキストファイルを指定してください", "give a text file"),
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
        ...placeOf(buf, firstInvalidUtf8(buf)),
        message: msg(
          "ここから UTF-8 として読めません (Shift_JIS などで保存されていませんか)",
          "the text is not valid UTF-8 from here (saved as Shift_JIS or Latin-1?)",
        ),
        fix: msg("UTF-8 で保存し直してください", "save it again as UTF-8"),
      },
    ]);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(file: string, maxBytes: number, size: number | undefined): DataError {
  const limit = maxBytes < 1024 * 1024 ? `${maxBytes / 1024} KiB` : `${maxBytes / 1024 / 1024} MiB`;
  const exact = size !== undefined && size > maxBytes;
  return new DataError(msg(`${file} が大きすぎます`, `${file} is too large`), [
    {
      file,
      message: exact
        ? msg(`${size} バイトあります (上限 ${limit})`, `it has ${size} bytes (the limit is ${limit})`)
        : msg(`上限の ${limit} を超えています`, `it is larger than the limit of ${limit}`),
      fix: msg("正しいファイルを指定しているか確認してください", "check that this is the file you meant"),
    },
  ]);
}

/** The first byte where the bytes stop being UTF-8: where decoding with replacement differs. */
function firstInvalidUtf8(buf: Uint8Array): number {
  const replaced = Buffer.from(new TextDecoder().decode(buf));
  let i = 0;
  while (i < buf.length && buf[i] === replaced[i]) i++;
  return i;
}

/** Line and column (in characters) of a byte offset, for messages. */
function placeOf(buf: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: new TextDecoder().decode(buf.subarray(start, offset)).length + 1 };
}

export function readTextFile(path: string, maxBytes: number, file = path): string {
  const { fd, size } = openRegular(path, file);
  try {
    // Read at most one byte past the limit, so a huge file is refused without loading it.
    // (Unsafe: only the bytes read are used.)
    const buf = Buffer.allocUnsafe(Math.min(size, maxBytes + 1));
    let n = 0;
    while (n < buf.length) {
      const r = fs.readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
    }
    return decodeText(buf.subarray(0, n), file, maxBytes, size);
  } catch (e) {
    if (e instanceof Error && "code" in e && (e as NodeJS.ErrnoException).code === "EISDIR") {
      throw new NotFoundError(msg(`${file} はフォルダです。ファイルを指定してください`, `${file} is a folder: give a file`));
    }
    throw inputFileError(e, file);
  } finally {
    closeQuietly(fd);
  }
}

/**
 * Opens an input that must be a regular file. A FIFO would wait for a writer for ever and a
 * device (`/dev/zero`) never ends: both are refused before anything is read. The open does
 * not block (O_NONBLOCK), so naming a FIFO cannot hang either.
 */
export function openRegularFile(path: string, file = path): number {
  return openRegular(path, file).fd;
}

/** The descriptor of a regular file and its size (one fstat for both). */
function openRegular(path: string, file: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    // A socket cannot be opened at all.
    if ((e as NodeJS.ErrnoException).code === "ENXIO") throw notRegular(file, msg("ソケット", "a socket"));
    throw openError(e, file);
  }
  let st: fs.Stats;
  try {
    st = fs.fstatSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    throw openError(e, file);
  }
  if (st.isFile()) return { fd, size: st.size };
  fs.closeSync(fd);
  if (st.isDirectory()) {
    throw new NotFoundError(msg(`${file} はフォルダです。ファイルを指定してください`, `${file} is a folder: give a file`));
  }
  throw notRegular(
    file,
    st.isFIFO() ? msg("名前付きパイプ", "a named pipe (FIFO)") : st.isSocket() ? msg("ソケット", "a socket") : msg("デバイス", "a device"),
  );
}

function notRegular(file: string, kind: Msg): NotFoundError {
  return new NotFoundError(
    msg(
      `${file} は通常のファイルではありません (${kind.ja})。ファイルを指定してください (標準入力は -)`,
      `${file} is not a regular file but ${kind.en}: give a file (or - for stdin)`,
    ),
  );
}

function openError(e: unknown, file: string): Error {
  if ((e as NodeJS.ErrnoException).code === "ENOTDIR") {
    return new NotFoundError(msg(`${file} が見つかりません。パスを確認してください`, `${file} not found: check the path`));
  }
  return inputFileError(e, file);
}

/** Closes a descriptor on a path that is already failing: a second error would hide the first. */
export function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
}

export function exists(file: string): boolean {
  return fs.existsSync(file);
}

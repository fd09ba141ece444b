/**
 * A minimal tar writer for tests: builds archives a hostile packer could make (links,
 * devices, absolute and `..` paths) without depending on the library under test.
 */
import { gzipSync } from "node:zlib";

export interface TarEntry {
  path: string;
  /** ustar type flag: 0 file, 1 hard link, 2 symlink, 3 char device, 4 block device, 5 dir, 6 fifo. */
  type?: "0" | "1" | "2" | "3" | "4" | "5" | "6";
  data?: string | Buffer;
  linkpath?: string;
}

function header(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512, 0);
  const put = (s: string, off: number, len: number) => h.write(s.slice(0, len), off, len, "utf8");
  const oct = (n: number, len: number) => `${n.toString(8).padStart(len - 1, "0")}\0`;
  let name = e.path;
  let prefix = "";
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  put(name, 0, 100);
  put(oct(e.type === "5" ? 0o755 : 0o644, 8), 100, 8);
  put(oct(0, 8), 108, 8);
  put(oct(0, 8), 116, 8);
  put(oct(size, 12), 124, 12);
  put(oct(0, 12), 136, 12);
  h.fill(0x20, 148, 156);
  put(e.type ?? "0", 156, 1);
  if (e.linkpath) put(e.linkpath, 157, 100);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  put(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
  return h;
}

export function makeTar(entries: TarEntry[], opts: { gzip?: boolean } = { gzip: true }): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.type && e.type !== "0" ? Buffer.alloc(0) : Buffer.from(e.data ?? "");
    parts.push(header(e, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  const tar = Buffer.concat(parts);
  return opts.gzip === false ? tar : gzipSync(tar);
}

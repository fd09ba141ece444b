/**
 * Standard output that reports failure. Redirected to a file or a device, Node's stdout
 * writes with writeSync and ignores a short count, and its errors are events nobody waits
 * for: `pack skeleton > file` on a full disk exited 0 with 4 KB of 24 KB written. Here a
 * file or device is written in a loop until every byte is out, a failed write throws, and
 * main turns it into exit 74 with a message. A closed pipe (EPIPE) stays quiet, as before.
 */
import * as fs from "node:fs";
import { errnoOf, stdoutError } from "../file-errors.ts";
import type { Stream } from "./output.ts";

/** fd 1 written directly when it is a file or a device (not a terminal, pipe or socket). */
export function processStdout(): Stream {
  let st: fs.Stats | undefined;
  try {
    st = fs.fstatSync(1);
  } catch {
    st = undefined;
  }
  if (!st || process.stdout.isTTY || !(st.isFile() || st.isCharacterDevice())) return process.stdout;
  return {
    isTTY: false,
    write(chunk: string): boolean {
      const b = Buffer.from(chunk, "utf8");
      for (let n = 0; n < b.length; ) n += fs.writeSync(1, b, n, b.length - n);
      return true;
    },
  };
}

/** The stream, with a failed write turned into StdoutError (exit 74); EPIPE goes up as it is. */
export function guardStdout(s: Stream): Stream {
  return {
    get isTTY() {
      return s.isTTY;
    },
    get columns() {
      return s.columns;
    },
    write(chunk: string): boolean {
      try {
        return s.write(chunk);
      } catch (e) {
        if (errnoOf(e) === "EPIPE") throw e;
        throw stdoutError(e);
      }
    },
  };
}

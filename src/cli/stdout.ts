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

/**
 * fd 1 (or 2) written directly unless it is a terminal: a file, a device, a pipe or a socket
 * takes the bytes with writeSync, in a loop until every byte is out. Node's own stream (given
 * to `watch` first) serves a terminal, and a pipe or socket that its other end made
 * non-blocking (EAGAIN: the rest of that run goes through the stream). Setting up Node's
 * stream costs ~1 ms and ~1.5 MB, so a run whose output goes to a file, /dev/null or another
 * program never does.
 */
export function processStream(fd: 1 | 2, watch: (s: NodeJS.WriteStream) => void): Stream {
  let st: fs.Stats | undefined;
  try {
    st = fs.fstatSync(fd);
  } catch {
    st = undefined;
  }
  let stream: NodeJS.WriteStream | undefined;
  const own = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = fd === 1 ? process.stdout : process.stderr;
      watch(stream);
    }
    return stream;
  };
  if (st === undefined || (st.isCharacterDevice() && isTerminal(fd, st))) return own();
  return {
    isTTY: false,
    write(chunk: string): boolean {
      if (stream) return stream.write(chunk);
      const b = Buffer.from(chunk, "utf8");
      let n = 0;
      try {
        while (n < b.length) n += fs.writeSync(fd, b, n, b.length - n);
      } catch (e) {
        if (errnoOf(e) === "EAGAIN") return own().write(b.subarray(n));
        // Diagnostics that cannot be written cannot be reported either.
        if (fd === 1) throw e;
      }
      return true;
    },
  };
}

/** /dev/null is no terminal; another character device is asked (node:tty loads only then). */
function isTerminal(fd: number, st: fs.Stats): boolean {
  let devNull: fs.Stats | undefined;
  try {
    devNull = fs.statSync("/dev/null");
  } catch {
    devNull = undefined;
  }
  if (devNull && st.rdev === devNull.rdev) return false;
  return (process.getBuiltinModule("node:tty") as typeof import("node:tty")).isatty(fd);
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

/** The run's IO with its stdout guarded. Not a spread: cwd and stdin may be getters that only run when a command needs them. */
export function guardedIO<T extends { stdout: Stream }>(given: T): T {
  return Object.create(given, { stdout: { value: guardStdout(given.stdout), enumerable: true } });
}

/**
 * Output to a pipe is written directly (src/cli/stdout.ts), without Node's stream: with a slow
 * reader the pipe fills up and the writes wait, and every byte arrives, in order.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test } from "vitest";
import { BIN, cleanEnv, ROOT, run, tmpdir } from "../helpers.ts";

test.runIf(process.platform !== "win32")(
  "a pipe read slowly: every byte of the output arrives, in order",
  async () => {
    const dir = tmpdir();
    const example = fs.readFileSync(path.join(ROOT, "questionnaires", "examples", "design-general.answers.yaml"));
    // Twelve renders to stdout: ~180 KB, well over a pipe's 64 KB.
    const files = Array.from({ length: 12 }, (_, i) => `a-${String(i).padStart(2, "0")}.answers.yaml`);
    for (const f of files) fs.writeFileSync(path.join(dir, f), example);
    const argv = ["render", ...files, "--stdout"];
    const expected = (await run(argv, { cwd: dir })).stdout;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(128 * 1024);

    const fifo = path.join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: dir, env: cleanEnv({ cwd: dir }), stdio: ["ignore", writer, "ignore"] });
    fs.closeSync(writer);
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(8192);
    /** Reads what the pipe has now; false at its end (the writer gone). */
    const drain = (): boolean => {
      for (;;) {
        try {
          const n = fs.readSync(reader, buf);
          if (n === 0) return false;
          chunks.push(Buffer.from(buf.subarray(0, n)));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === "EAGAIN") return true;
          throw e;
        }
      }
    };
    // A slow reader: the pipe fills up between reads.
    const code = await new Promise<number | null>((resolve) => {
      const slow = setInterval(() => {
        try {
          chunks.push(Buffer.from(buf.subarray(0, fs.readSync(reader, buf, 0, 4096, null))));
        } catch {
          // empty for now
        }
      }, 20);
      child.on("exit", (c) => {
        clearInterval(slow);
        resolve(c);
      });
    });
    while (drain()) await new Promise((r) => setTimeout(r, 10));
    fs.closeSync(reader);
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(expected);
  },
  60_000,
);

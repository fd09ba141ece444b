import { LIMITS } from "../files.ts";
import type { Output } from "./output.ts";

/**
 * Reads all of stdin, stopping one byte past the largest input we accept. On a terminal,
 * with `out`, it first says that it is waiting (`render -` typed by hand otherwise looks hung).
 */
export async function readStdin(stdin: NodeJS.ReadableStream & { isTTY?: boolean }, out?: Output): Promise<Buffer> {
  if (stdin.isTTY && out) {
    out.info(
      out.t(
        "標準入力 (-) から読み込みます: 貼り付けるか入力して、最後に新しい行で Ctrl-D を押してください (中止は Ctrl-C)",
        "Reading from stdin (-): paste or type it, then press Ctrl-D on a new line (Ctrl-C to stop)",
      ),
    );
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    n += b.length;
    if (n > LIMITS.answersBytes) break;
  }
  return Buffer.concat(chunks);
}

import { LIMITS } from "../files.ts";

/** Reads all of stdin, stopping one byte past the largest input we accept. */
export async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
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

/** Runs `main(argv, io)` in this process with fake streams: for tests where the process does not matter. */
import { Readable } from "node:stream";
import { main } from "../src/cli/main.ts";
import { ROOT } from "./helpers.ts";

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<InProcessResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: { write: (s: string) => out.push(s) > 0 },
    stderr: { write: (s: string) => err.push(s) > 0 },
    stdin: Readable.from([]),
    env: { LANG: "C", KIKITORI_TODAY: "2026-11-23", HOME: opts.cwd ?? ROOT, ...opts.env },
    cwd: opts.cwd ?? ROOT,
    now: () => new Date("2026-11-23T10:00:00+09:00"),
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

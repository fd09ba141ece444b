/**
 * An output never replaces an input of the same run: `message confirm a.yaml -o a.yaml
 * --force` destroyed the answers file it read, and a batch whose inputs share a stem
 * (`x/a.answers.yaml`, `y/a.answers.yaml`, `--out o`) silently replaced the first brief with
 * the second. Both are found before anything is written (exit 73, naming the pair).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { OutputError } from "../errors.ts";
import { msg } from "../i18n.ts";
import type { Ctx } from "./context.ts";
import { shown } from "./outputs.ts";

/** Whether two paths name one file: the same path, or (both existing) the same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** 73 when `output` is one of `inputs` (through links and other names of it too). */
export function refuseInputAsOutput(ctx: Ctx, output: string, inputs: readonly (string | undefined)[]): void {
  for (const input of inputs) {
    if (input === undefined || input === "-") continue;
    const abs = path.resolve(ctx.io.cwd, input);
    if (!sameFile(output, abs)) continue;
    const [o, i] = [shown(ctx, output), shown(ctx, abs)];
    throw new OutputError(
      msg(
        `${o} はこのコマンドが読むファイル${o === i ? "" : ` (${i})`}のため、上書きしません。別のファイル名を指定してください`,
        `${o} is${o === i ? "" : ` ${i},`} a file this command reads: it is not overwritten — give another file name`,
      ),
    );
  }
}

/**
 * 73 when two inputs of a batch would write the same output, or an output is an input.
 * `targets` gives the outputs of each input.
 */
export function refuseCollisions(
  ctx: Ctx,
  inputs: readonly string[],
  targets: (input: string) => string[],
  others: readonly (string | undefined)[] = [],
): void {
  // Each input known by its path and, when it exists, by its device and inode: one pass over
  // a batch of thousands, not every output against every input.
  const byPath = new Map<string, string>();
  const byInode = new Map<string, string>();
  for (const input of [...inputs, ...others]) {
    if (input === undefined || input === "-") continue;
    const abs = path.resolve(ctx.io.cwd, input);
    byPath.set(abs, abs);
    const id = inode(abs);
    if (id) byInode.set(id, abs);
  }
  const owner = new Map<string, string>();
  for (const input of inputs) {
    for (const out of targets(input)) {
      const key = path.resolve(out);
      const first = owner.get(key);
      if (first !== undefined && first !== input) {
        throw new OutputError(
          msg(
            `${shown(ctx, key)} を ${first} と ${input} の両方から書くことになります。--out で別々のフォルダに出すか、ファイル名を変えてください`,
            `${shown(ctx, key)} would be written for both ${first} and ${input}: render them into different folders (--out) or rename one`,
          ),
        );
      }
      owner.set(key, input);
      const id = inode(key);
      const read = byPath.get(key) ?? (id ? byInode.get(id) : undefined);
      if (read) refuseInputAsOutput(ctx, key, [read]);
    }
  }
}

function inode(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

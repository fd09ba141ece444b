/** `kikitori completion <shell>` and `kikitori __complete -- <words…>`, the callback of its scripts. */
import * as path from "node:path";
import { UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { packFilesIn, peekPackId, searchRoots, userPackDir } from "../../pack/lookup.ts";
import { suggest } from "../../yaml/issues.ts";
import { type Candidate, complete, formatCompletion } from "../complete.ts";
import type { Ctx } from "../context.ts";
import { platformChoices } from "../platforms.ts";
import { isShell, SHELLS, shellScript } from "../shell-scripts.ts";
import type { CommandTable } from "../spec.ts";

export function runCompletion(ctx: Ctx, shell: string): number {
  if (!isShell(shell)) {
    const guess = suggest(shell, SHELLS);
    throw new UsageError(msg(`${shell} の補完には対応していません`, `no completion for the shell "${shell}"`), [
      msg(
        `使えるシェル: ${SHELLS.join(", ")}${guess ? ` (${guess} のことですか？)` : ""}`,
        `shells: ${SHELLS.join(", ")}${guess ? ` (did you mean ${guess}?)` : ""}`,
      ),
    ]);
  }
  ctx.io.stdout.write(shellScript(shell));
  return 0;
}

/**
 * The candidates for the last word. Never fails: a shell shows nothing rather than an error,
 * so whatever goes wrong here (an unreadable folder) just leaves that source out.
 */
export function runComplete(ctx: Ctx, words: string[], table: CommandTable): number {
  const sources = (kind: "pack" | "user-pack" | "platform"): Candidate[] => {
    try {
      if (kind === "platform") return platformChoices(ctx.root).map((p) => ({ value: p.id, help: p.name[ctx.lang] }));
      return packIds(ctx, kind === "user-pack");
    } catch {
      return [];
    }
  };
  ctx.io.stdout.write(formatCompletion(complete(table, words, ctx.lang, sources)));
  return 0;
}

/** Pack ids in lookup order, read from the top of each file (no validation: Tab must be quick). */
function packIds(ctx: Ctx, userOnly: boolean): Candidate[] {
  const roots = userOnly ? [{ dir: userPackDir(ctx.lookup), source: "user" as const }] : searchRoots(ctx.lookup);
  const seen = new Map<string, Candidate>();
  for (const root of roots) {
    for (const file of packFilesIn(root.dir, root.source)) {
      const id = peekPackId(file);
      if (id && !seen.has(id))
        seen.set(id, { value: id, help: root.source === "builtin" ? ctx.out.t("組み込み", "built-in") : path.relative(ctx.io.cwd, file) });
    }
  }
  return [...seen.values()];
}

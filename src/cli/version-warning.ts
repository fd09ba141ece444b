/** The warning when answers were made with another version of their pack. */
import { compareAnswers } from "../answers/compare.ts";
import type { Answers } from "../answers/types.ts";
import type { LoadedPack } from "../pack/types.ts";
import type { Ctx } from "./context.ts";

export interface AnsweredWith {
  pack: { id: string; version: string };
  answers: Answers;
}

/** Answers made with another version of the pack: say so, and list what no longer fits. */
export function warnVersion(ctx: Ctx, display: string, read: { file: AnsweredWith }, loaded: LoadedPack, again = false): void {
  const changes = compareAnswers(loaded.pack, read.file.answers);
  const head = ctx.out.t(
    `${display}: 回答は ${read.file.pack.id}@${read.file.pack.version} のものですが、パックは ${loaded.pack.version} です。${again ? "現在のパックで検査し直します" : "現在のパックで検査します"}`,
    `${display}: answered with ${read.file.pack.id}@${read.file.pack.version}, the pack is now ${loaded.pack.version}; ${again ? "checking the answers again" : "checking against the current pack"}`,
  );
  const mark = { removed: "-", changed: "~", missing: "+" } as const;
  // checkValue's reasons already start with the question id.
  const lines = changes.slice(0, 15).map((c) => `  ${mark[c.kind]} ${c.kind === "changed" ? "" : `${c.id}: `}${c.reason[ctx.lang]}`);
  if (changes.length > 15) lines.push(`  … +${changes.length - 15}`);
  const summary = changes.length
    ? ctx.out.t(`\n  変わった点 (${changes.length} 件):\n`, `\n  what changed for these answers (${changes.length}):\n`) + lines.join("\n")
    : ctx.out.t("\n  この回答に影響する変更はありません", "\n  no change affects these answers");
  // Not an error yet: the answers may still fit. migrate carries them for good.
  const migrate = changes.length
    ? ctx.out.t(
        `\n  回答を ${loaded.pack.version} に移すには: kikitori migrate ${display}`,
        `\n  to carry the answers to ${loaded.pack.version}: kikitori migrate ${display}`,
      )
    : "";
  ctx.out.warn(head + summary + migrate);
}

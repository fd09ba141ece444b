/**
 * `kikitori set <answers> id=value… [meta.key=value…] [--note T]`: changes agreed answers
 * after the hearing, checked as `start --set` checks them, each change kept in `history:`
 * (old value, new value, when, why) so later messages can say what changed.
 */
import * as path from "node:path";
import { amendAnswersText } from "../../answers/amend.ts";
import { splitSetArg } from "../../answers/coerce.ts";
import { parseAnswersText } from "../../answers/io.ts";
import type { AnswerValue } from "../../answers/types.ts";
import { DataError, UsageError } from "../../errors.ts";
import { LIMITS, readTextFile } from "../../files.ts";
import { msg } from "../../i18n.ts";
import { planChanges } from "../../jobs/changes.ts";
import { command } from "../../jobs/words.ts";
import { findPack } from "../../pack/lookup.ts";
import { writeFileAtomic } from "../../write-file.ts";
import { type Ctx, clock } from "../context.ts";

export interface SetFlags {
  note?: string;
}

export async function runSet(ctx: Ctx, fileArg: string, pairs: string[], flags: SetFlags): Promise<number> {
  if (pairs.length === 0) {
    throw new UsageError(
      msg(
        "変更する回答を id=値 で指定してください (例: kikitori set a.yaml due_date=2026-12-18)",
        "give the answers to change as id=value (e.g. kikitori set a.yaml due_date=2026-12-18)",
      ),
    );
  }
  const sets = pairs.map((a) => {
    const s = splitSetArg(a);
    if (!s) throw new UsageError(msg(`「${a}」は id=値 の形で指定してください`, `"${a}" must be id=value`));
    return s;
  });
  const file = path.resolve(ctx.io.cwd, fileArg);
  const text = readTextFile(file, LIMITS.answersBytes, fileArg);
  const read = parseAnswersText(text, fileArg);
  const loaded = findPack(read.file.pack.id, ctx.lookup);
  // KIKITORI_TODAY moves the day of the change too, so a reproducible run dates it consistently.
  const { now, offset } = clock(ctx);
  const at = ctx.now();
  const note = flags.note?.trim();
  const change = planChanges(loaded.pack, read.file, sets, {
    file: fileArg,
    at,
    ...(note ? { note } : {}),
    now: new Date(now),
    localOffset: offset,
  });
  if (change.problems.length > 0) {
    const n = change.problems.length;
    throw new DataError(
      msg(`${fileArg} を変更できません: ${n} 件の問題があります`, `${fileArg} was not changed: ${n} problem${n === 1 ? "" : "s"}`),
      change.problems,
    );
  }
  if (change.history.length === 0) {
    ctx.out.info(ctx.out.t(`${fileArg}: 変更はありません (同じ値です)`, `${fileArg}: nothing changed (the values are the same)`));
    return 0;
  }
  const updated = amendAnswersText(text, {
    answers: change.answers,
    meta: { ...change.meta, updated: at },
    history: change.history,
  });
  // What is written must read back as a valid answers file.
  parseAnswersText(updated, fileArg);
  writeFileAtomic(file, updated, { force: true });
  for (const h of change.history) ctx.out.info(`  ${h.key}: ${show(h.from)} → ${show(h.to)}`);
  ctx.out.info(ctx.out.t(`${fileArg} を更新しました (history: に記録)`, `updated ${fileArg} (recorded in history:)`));
  const bound = new Set(Object.values(loaded.pack.schedule ?? {}).flatMap((b) => (b && typeof b === "object" && "question" in b ? [String(b.question)] : [])));
  if (change.history.some((h) => bound.has(h.key) || h.key === "meta.ordered" || h.key === "meta.platform")) {
    ctx.out.info(
      ctx.out.t(
        `計画が変わりました: ${command("status", fileArg)} で新しい日程を確認できます`,
        `the plan changed: ${command("status", fileArg)} shows the new dates`,
      ),
    );
  }
  return 0;
}

function show(v: AnswerValue | null): string {
  if (v === null) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

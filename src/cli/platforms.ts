/**
 * The platforms offered when the hearing asks where the job is: the profiles of
 * questionnaires/platforms.yaml (the planner's own source), by id and name.
 */
import { UsageError } from "../errors.ts";
import type { PlatformChoice } from "../flow/steps.ts";
import { msg } from "../i18n.ts";
import type { Ctx } from "./context.ts";
import { readPlatforms } from "./planning.ts";

export function platformChoices(root: string): PlatformChoice[] {
  return readPlatforms(root).map((p) => ({ id: p.id, name: p.name }));
}

/** `--platform` takes a known platform id only (exit 2 with the list otherwise). */
export function checkPlatformFlag(ctx: Ctx, value: string): string {
  const ids = readPlatforms(ctx.root).map((p) => p.id);
  const id = value.trim();
  if (ids.includes(id)) return id;
  throw new UsageError(msg(`--platform「${value}」は登録されていません`, `--platform "${value}" is not a known platform`), [
    msg(`次のいずれかを指定してください: ${ids.join(", ")}`, `use one of: ${ids.join(", ")}`),
  ]);
}

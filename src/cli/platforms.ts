/**
 * The platforms offered when the hearing asks where the job is: the profiles of
 * questionnaires/platforms.yaml (the planner's own source), by id and name.
 */
import type { PlatformChoice } from "../flow/steps.ts";
import { readPlatforms } from "./planning.ts";

export function platformChoices(root: string): PlatformChoice[] {
  return readPlatforms(root).map((p) => ({ id: p.id, name: p.name }));
}

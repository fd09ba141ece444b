/**
 * A pack's `schedule.stages` with the answers applied: the stages whose `when` holds, and
 * the checks the client wants (a check's `when`). Pure.
 */

import { evaluate } from "../answers/conditions.ts";
import type { Answers } from "../answers/types.ts";
import type { PackStage } from "../pack/types.ts";
import type { Stage } from "./types.ts";

export function bindStages(stages: readonly PackStage[], answers: Answers): Stage[] {
  return stages
    .filter((s) => s.when === undefined || evaluate(s.when, answers))
    .map((s): Stage => {
      if (s.actor === "client") return { actor: "client", id: s.id, label: s.label, days: s.days ?? 0 };
      const checked = s.check !== undefined && (s.check.when === undefined || evaluate(s.check.when, answers));
      return {
        id: s.id,
        label: s.label,
        ...(s.share !== undefined ? { share: s.share } : {}),
        ...(s.hours !== undefined ? { hours: s.hours } : {}),
        ...(checked ? { check: { ...(s.check?.days !== undefined ? { days: s.check.days } : {}), ...(s.check?.label ? { label: s.check.label } : {}) } } : {}),
        ...(s.revisions ? { revisions: true } : {}),
        ...(s.first_draft ? { firstDraft: true } : {}),
      };
    });
}

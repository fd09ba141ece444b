/**
 * The shape of one entry of a pack's `schedule.stages` (README "Stages"): a stage of the work
 * or a step the client owes. Only the shape: the rules across stages are in stages.ts.
 */
import { z } from "zod";

/** `schedule.stages`: a stage of the work, or a step the client owes (ids as question ids). */
export function stageSchema<C>(Text: z.ZodType<string | Record<string, string>>, Condition: z.ZodType<C>, idPattern: RegExp) {
  const Days = z.int().min(0).max(365);
  const Stage = z
    .strictObject({
      id: z.string().regex(idPattern),
      actor: z.enum(["worker", "client"]).optional().describe("client: a step the client owes before the next stage (default worker)."),
      label: Text,
      share: z.number().gt(0).max(1).optional().describe("Share of the effort hours (the shares add up to at most 1; the rest is for revisions)."),
      hours: z.number().gt(0).max(100_000).optional().describe("Fixed hours instead of a share."),
      days: Days.optional().describe("Client steps: calendar days the client needs (the lead time)."),
      check: z
        .union([
          z.boolean(),
          z.strictObject({
            when: Condition.optional().describe("Checked only when this holds for the answers."),
            days: Days.optional().describe("Review days (default: the schedule's review_days)."),
            label: Text.optional(),
          }),
        ])
        .optional()
        .describe("The client checks the stage's result before the next stage starts."),
      revisions: z.boolean().optional().describe("The revision rounds follow this stage (default: the last stage)."),
      first_draft: z.boolean().optional().describe('What "the first draft" is when the deadline means it (default: the first stage the client checks).'),
      when: Condition.optional().describe("The stage or step happens only when this holds for the answers (not on the last stage)."),
    })
    .meta({ id: "stage", description: "A stage of the work, or (actor: client) a step the client owes." });
  return Stage;
}

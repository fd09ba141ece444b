import type { Localized, MilestoneKind, PlanInput, Stage, WorkStage } from "./types.ts";

// What a plan is made of, before any date: a row of work blocks, each with the client's
// turns before it and the milestone that ends it. Without stages a job is the first draft
// and its revision rounds; with stages it is the pack's stages in order, the revision
// rounds after the stage they follow, and the client's checks and steps in between.

export const DEFAULT_DRAFT_SHARE = 0.7;

// Hours are shown to people; float noise like 27.999999999999996 must not be.
export const roundHours = (n: number) => Math.round(n * 1e6) / 1e6;

/** A turn of the client's: reviewing a delivery, checking a stage, or a step they owe. */
export interface ClientTurn {
  kind: "review" | "check" | "client_step";
  /** The milestone id; the phase id is `review_<round>` for reviews, else `<id>_window`. */
  id: string;
  days: number;
  round?: number;
  stage?: string;
  label?: Localized;
}

export interface BlockSpec {
  effort: number;
  /** The client's turns before the block's work starts, in order. */
  before: ClientTurn[];
  /** The milestone that ends the block. */
  end: { id: string; kind: MilestoneKind; round?: number; stage?: string; label?: Localized };
  /** The work bar. */
  phase: { id: string; round?: number; stage?: string; label?: Localized };
}

export interface Layout {
  blocks: BlockSpec[];
  /** The block delivered on the due date. */
  anchor: number;
  /** The block that is "the first draft" (the first delivery the client sees, unless a stage is marked). */
  firstDraft: number;
  /** Laid out from the pack's stages. */
  staged: boolean;
}

export function isClientStep(stage: Stage): stage is Extract<Stage, { actor: "client" }> {
  return stage.actor === "client";
}

export function workStages(stages: readonly Stage[]): WorkStage[] {
  return stages.filter((s): s is WorkStage => !isClientStep(s));
}

/** The stage the revision rounds follow: the one marked `revisions: true`, else the last. */
export function revisionStageOf(stages: readonly Stage[]): WorkStage | undefined {
  const work = workStages(stages);
  return work.find((s) => s.revisions === true) ?? work[work.length - 1];
}

export function layoutPlan(input: PlanInput): Layout {
  return input.stages && input.stages.length > 0 ? stagedLayout(input, input.stages) : draftLayout(input);
}

/** First draft, then for each round the client's review and a revision; the last is the final delivery. */
function draftLayout(input: PlanInput): Layout {
  const rounds = input.revisionRounds;
  const draft = rounds === 0 ? roundHours(input.effortHours) : roundHours(input.effortHours * (input.draftShare ?? DEFAULT_DRAFT_SHARE));
  const each = rounds === 0 ? 0 : roundHours((input.effortHours - draft) / rounds);
  const blocks: BlockSpec[] = [
    {
      effort: draft,
      before: [],
      end: rounds === 0 ? { id: "final_delivery", kind: "final_delivery" } : { id: "first_draft", kind: "first_draft" },
      phase: { id: "work_first_draft" },
    },
  ];
  for (let round = 1; round <= rounds; round++) blocks.push(revisionBlock(round, rounds, each, input.reviewDays, true));
  return { blocks, anchor: input.dueMeans === "final" ? blocks.length - 1 : 0, firstDraft: 0, staged: false };
}

function revisionBlock(round: number, rounds: number, effort: number, reviewDays: number, last: boolean, stage?: string): BlockSpec {
  const at = stage === undefined ? {} : { stage };
  return {
    effort,
    before: [{ kind: "review", id: `revision_${round}_review`, days: reviewDays, round, ...at }],
    end:
      round === rounds && last ? { id: "final_delivery", kind: "final_delivery", round, ...at } : { id: `revision_${round}`, kind: "revision", round, ...at },
    phase: { id: `work_revision_${round}`, round, ...at },
  };
}

/**
 * Effort per stage: its share of the effort or its fixed hours. What is left is the
 * revision rounds' (evenly); with no rounds the stages with a share take it in proportion
 * (fixed hours stay fixed, unless every stage has them).
 */
export function stageEfforts(input: Pick<PlanInput, "effortHours" | "revisionRounds">, stages: readonly WorkStage[]): { stages: number[]; eachRound: number } {
  const own = stages.map((s) => (s.hours !== undefined ? s.hours : (s.share ?? 0) * input.effortHours));
  const rest = Math.max(0, input.effortHours - own.reduce((a, b) => a + b, 0));
  if (input.revisionRounds > 0) return { stages: own.map(roundHours), eachRound: roundHours(rest / input.revisionRounds) };
  const growing = stages.some((s) => s.hours === undefined) ? (i: number) => stages[i]?.hours === undefined : () => true;
  const weight = own.reduce((sum, e, i) => (growing(i) ? sum + e : sum), 0);
  return { stages: own.map((e, i) => roundHours(growing(i) && weight > 0 ? e + (rest * e) / weight : e)), eachRound: 0 };
}

function stagedLayout(input: PlanInput, stages: readonly Stage[]): Layout {
  const work = workStages(stages);
  const rounds = input.revisionRounds;
  const efforts = stageEfforts(input, work);
  const revisionStage = revisionStageOf(stages);
  const lastStage = work[work.length - 1];
  const blocks: BlockSpec[] = [];
  let pending: ClientTurn[] = [];
  let w = 0;
  for (const stage of stages) {
    if (isClientStep(stage)) {
      pending.push({ kind: "client_step", id: `client_${stage.id}`, days: stage.days, stage: stage.id, label: stage.label });
      continue;
    }
    const effort = efforts.stages[w++] ?? 0;
    const followedByRounds = stage === revisionStage && rounds > 0;
    const isLast = stage === lastStage;
    // The last stage's check is the client's acceptance; a stage with revision rounds is
    // checked after its last round (the client approves it before the next stage).
    const checked = stage.check !== undefined && !isLast;
    const end: BlockSpec["end"] =
      isLast && !followedByRounds
        ? { id: "final_delivery", kind: "final_delivery", stage: stage.id }
        : followedByRounds || checked
          ? { id: `stage_${stage.id}`, kind: "stage", stage: stage.id, label: deliveredLabel(stage.label) }
          : { id: `stage_${stage.id}`, kind: "stage_done", stage: stage.id, label: doneLabel(stage.label) };
    blocks.push({ effort, before: pending, end, phase: { id: `work_${stage.id}`, stage: stage.id, label: stage.label } });
    pending = [];
    if (followedByRounds) {
      for (let round = 1; round <= rounds; round++) blocks.push(revisionBlock(round, rounds, efforts.eachRound, input.reviewDays, isLast, stage.id));
    }
    if (checked) {
      pending.push({
        kind: "check",
        id: `check_${stage.id}`,
        days: stage.check?.days ?? input.reviewDays,
        stage: stage.id,
        label: stage.check?.label ?? checkLabel(stage.label),
      });
    }
  }
  const firstDraft = firstDraftBlock(blocks, work);
  // The first draft keeps its usual milestone id, so every consumer finds it by name.
  const first = blocks[firstDraft];
  if (first && (first.end.kind === "stage" || first.end.kind === "stage_done")) {
    first.end = { ...first.end, id: "first_draft", kind: "first_draft", ...(first.phase.label ? { label: deliveredLabel(first.phase.label) } : {}) };
  }
  const anchor = input.dueMeans === "final" ? blocks.length - 1 : firstDraft;
  return { blocks, anchor, firstDraft, staged: true };
}

/**
 * The block that is "the first draft": the stage marked `firstDraft`, else the first one
 * the client sees (a checked stage, the one the rounds follow, or the final delivery).
 */
export function firstDraftBlock(blocks: readonly BlockSpec[], work: readonly WorkStage[] = []): number {
  const marked = work.find((s) => s.firstDraft === true);
  const index = marked ? blocks.findIndex((b) => b.phase.id === `work_${marked.id}`) : blocks.findIndex((b) => b.end.kind !== "stage_done");
  return Math.max(0, index);
}

/** A stage delivered: the same words for the worker's table, the client's messages and the picture. */
function deliveredLabel(label: Localized): Localized {
  return { ja: `${label.ja}のお届け`, en: `${label.en} delivered` };
}

function doneLabel(label: Localized): Localized {
  return { ja: `${label.ja}完了`, en: `${label.en} done` };
}

/** The client's check, said to the client as much as to the worker. */
function checkLabel(label: Localized): Localized {
  return { ja: `${label.ja}のご確認`, en: `${label.en} feedback` };
}

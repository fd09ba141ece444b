// Shared vocabulary of the deadline planner. Everything here is plain data so
// that a plan can be printed as JSON, fed to templates, and compared in tests.

import type { Lang, Msg } from "../i18n.ts";
import type { IsoDate, Weekday } from "../iso-date.ts";

export type { Lang };
/** Text in both languages; the same shape as the rest of the tool's messages. */
export type Localized = Msg;

export type { IsoDate, Weekday } from "../iso-date.ts";

export type DueMeans = "final" | "first_draft";
export type CalendarId = "jp" | "none";

export interface PlanInput {
  /** First day the worker can work on the job (the hearing is done by then). */
  start: IsoDate;
  /** What the client calls "the deadline". */
  due: IsoDate;
  /** Whether `due` is the final delivery or the first draft. */
  dueMeans: DueMeans;
  /** Rounds of client feedback followed by a revision; 0 = one delivery. */
  revisionRounds: number;
  /** Calendar days the client gets to review each version (weekends count). */
  reviewDays: number;
  /** Total work hours for the job, first draft and all revisions together. */
  effortHours: number;
  /** Share of `effortHours` spent before the first draft; default 0.7. */
  draftShare?: number;
  hoursPerDay: number;
  /** `mon-fri`, `mon,wed,fri`, `sat-mon`, or a list of such tokens. */
  workdays: string | readonly string[];
  calendar: CalendarId;
  /** Workdays between progress reports; default 2. */
  checkinEvery?: number;
  /** Platform profile id (`coconala`, `direct`…); omitted = no platform rules. */
  platform?: string;
  /**
   * When the client ordered or sent the request, for platform first-reply
   * windows; defaults to `start`.
   */
  requestedOn?: IsoDate;
  /**
   * The order's exact time, ISO date-time with offset (`meta.ordered`): a first-reply window
   * then ends at a time of day too (48 hours after 10:00 is 10:00), in the order's offset.
   */
  requestedAt?: string;
  /**
   * The job's stages in order, the pack's answers already applied (which checks the client
   * wants). Without stages a job is a first draft and its revision rounds.
   */
  stages?: Stage[];
}

/** A piece of the worker's work. */
export interface WorkStage {
  actor?: "worker";
  /** `[a-z0-9_]+`, unique among the stages. */
  id: string;
  label: Localized;
  /** Share of `effortHours` (0 < share ≤ 1); or */
  share?: number;
  /** fixed hours. A stage has exactly one of the two. */
  hours?: number;
  /** The client checks the stage's result before the next step: for `days` (default `reviewDays`). */
  check?: { days?: number; label?: Localized };
  /** The revision rounds follow this stage (default: the last stage). */
  revisions?: boolean;
  /** What "the first draft" is when due means it (default: the first stage the client checks). */
  firstDraft?: boolean;
}

/** Something the client owes before the next stage can start: materials, the final script. */
export interface ClientStep {
  actor: "client";
  id: string;
  label: Localized;
  /** Calendar days the client needs for it (its lead time); the worker waits meanwhile. */
  days: number;
}

export type Stage = WorkStage | ClientStep;

export type Actor = "worker" | "client" | "platform";

export type MilestoneKind =
  | "hearing"
  | "first_draft"
  | "review"
  | "revision"
  | "final_delivery"
  | "acceptance_end"
  | "first_reply"
  // Plans with stages: a stage delivered for the client's check, a stage done (no check),
  // the client's check of a stage, and a step the client owes.
  | "stage"
  | "stage_done"
  | "check"
  | "client_step";

export interface Milestone {
  /**
   * `hearing_done`, `first_draft`, `revision_1_review`, `revision_1`, `final_delivery`, `acceptance_end`,
   * `first_reply_by`; with stages also `stage_<id>` (delivered or done), `check_<id>`, `client_<id>`.
   */
  id: string;
  date: IsoDate;
  kind: MilestoneKind;
  actor: Actor;
  /** Worker hours available from start up to and including this date (worker milestones only). */
  hoursBefore?: number;
  /** Effort that must be done by this date (worker milestones only). */
  effortBefore?: number;
  round?: number;
  /** `HH:MM` where the milestone ends at a time of day (a first-reply window counted from the order). */
  time?: string;
  /** The pack stage (or client step) this milestone belongs to. */
  stage?: string;
  /** What the milestone is called, in both languages: set on stage, check and client-step milestones. */
  label?: Localized;
}

/** A span of days, both ends inclusive; what the Gantt chart draws as a bar. */
export interface Phase {
  id: string;
  kind: "work" | "review" | "acceptance" | "client_step";
  actor: Actor;
  start: IsoDate;
  end: IsoDate;
  round?: number;
  stage?: string;
  /** The bar's name in both languages, where the pack gives it (stages, checks, client steps). */
  label?: Localized;
}

/**
 * A fact for templates to phrase. `id` is stable (`coconala.acceptance`,
 * `schedule.due_moved`); the core writes no sentences of its own.
 */
export interface PlanNote {
  id: string;
  platform?: string;
  rule?: string;
  kind?: string;
  date?: IsoDate;
  days?: number;
  lapse?: string;
  summary?: Localized;
  source?: string;
  verified?: boolean;
}

export type Verdict = "ok" | "tight" | "late";

/** The worker milestone with the least slack, which decides the verdict. */
export interface Bottleneck {
  id: string;
  date: IsoDate;
  hoursBefore: number;
  effortBefore: number;
  slackRatio: number;
}

export interface Plan {
  verdict: Verdict;
  /** Worker hours available from start to the last worker milestone on or before due. */
  capacityHours: number;
  /** Effort that has to fit into `capacityHours` (all of it when due means final). */
  effortHours: number;
  /** All effort of the job, including revisions scheduled after a first-draft due date. */
  totalEffortHours: number;
  /** (capacity − effort) / effort over the whole span up to due. */
  slackRatio: number;
  /**
   * The milestone with the least slack. Its slack decides the verdict: below 0
   * is `late`, below 0.2 is `tight`. It is never more than `slackRatio`.
   */
  bottleneck: Bottleneck;
  start: IsoDate;
  due: IsoDate;
  dueMeans: DueMeans;
  /** The first delivery the client sees: the first draft, or with stages the first stage they check. */
  firstDraftDate: IsoDate;
  finalDate: IsoDate;
  milestones: Milestone[];
  phases: Phase[];
  checkins: IsoDate[];
  earliestFeasibleDue?: IsoDate;
  notes: PlanNote[];
  calendar: CalendarId;
  /** Sorted weekday numbers the worker works on. */
  workdays: Weekday[];
  hoursPerDay: number;
  platform?: string;
}

export interface PlanProblem {
  /** The `PlanInput` key at fault. */
  field: keyof PlanInput;
  code: string;
  message: Localized;
}

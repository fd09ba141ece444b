import type { Msg } from "../i18n.ts";
import type { CheckCondition } from "./check-schema.ts";
import type { SCHEDULE_KEYS } from "./schedule-values.ts";
import type { AUDIENCES, ConditionInput, PROPOSE_AT, QUESTION_TYPES, TEMPLATE_NAMES, TERMS_KEYS } from "./schema.ts";

export type QuestionType = (typeof QUESTION_TYPES)[number];
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type ScheduleKey = (typeof SCHEDULE_KEYS)[number];
export type Condition = ConditionInput;
export type Scalar = string | number | boolean;

/** A localized text after normalization: both tool languages present (fallbacks filled). */
export type Text = Msg;

export interface Choice {
  value: string;
  label: Text;
  hint?: Text;
  other?: boolean;
  /** How the worker restates this choice to the client (the label is the client's voice). */
  statement?: Text;
}

export interface QuestionRules {
  min?: number;
  max?: number;
  pattern?: string;
  min_items?: number;
  max_items?: number;
  min_length?: number;
  max_length?: number;
  /** Whole numbers only; set for number questions the planner reads as a count. */
  integer?: boolean;
}

export interface Question {
  id: string;
  type: QuestionType;
  message: Text;
  /** Short name for briefs and messages; falls back to `message`. */
  label?: Text;
  help?: Text;
  choices?: Choice[];
  examples?: Text[];
  default?: Scalar | string[];
  required: boolean;
  allow_pending: boolean;
  when?: Condition;
  validate?: QuestionRules;
  unit?: Text;
  summary?: boolean;
  audience?: (typeof AUDIENCES)[number];
  /** A pending answer the worker proposes: with the first draft, or by the next contact. */
  propose?: (typeof PROPOSE_AT)[number];
  /** An amount in the job's currency. */
  money?: boolean;
  /** Category tags from the documented vocabulary (src/pack/tags.ts). */
  tags?: string[];
  min?: number;
  max?: number;
  min_label?: Text;
  max_label?: Text;
}

export interface Section {
  id: string;
  title: Text;
  intro?: Text;
  questions: Question[];
}

export type Binding = Scalar | { question: string; map?: Record<string, Scalar>; default?: Scalar };

/** A stage of `schedule.stages`, normalized: `check: true` is `{}`, `check: false` is absent. */
export interface PackStage {
  id: string;
  actor: "worker" | "client";
  label: Text;
  share?: number;
  hours?: number;
  /** Client steps: calendar days the client needs. */
  days?: number;
  check?: { when?: Condition; days?: number; label?: Text };
  revisions?: boolean;
  first_draft?: boolean;
  /** Only when this holds for the answers. */
  when?: Condition;
}

export interface Pack {
  kikitori: 1;
  id: string;
  version: string;
  title: Text;
  description?: Text;
  languages: ("ja" | "en")[];
  sections: Section[];
  schedule?: Partial<Record<ScheduleKey, Binding>> & { terms?: Partial<Record<TermKey, Text>>; stages?: PackStage[] };
  templates?: Partial<Record<TemplateName, string>>;
  /** Question ids whose (first answered) answer is the job's goal in one line. */
  goal?: string[];
  /** Question ids that state the agreed work. */
  scope?: string[];
  currency?: string;
  salutation?: "formal" | "casual";
  checks?: PackCheck[];
  written_terms?: Partial<Record<TermsKey, string>>;
}

export type TermsKey = (typeof TERMS_KEYS)[number];

/** A check of the brief's "check before you start" section, its message normalized. */
export interface PackCheck {
  id: string;
  when: CheckCondition;
  message: Text;
  source?: string;
}

/** The pack's own words: 初稿/初回納品, 修正/リテイク, 納品/最終納品, 納期/締め切り. */
export type TermKey = "first_draft" | "revision" | "final_delivery" | "deadline";

/** Where a pack came from, for messages, template paths and `pack list`. */
export type PackSource = "path" | "env" | "project" | "user" | "npm" | "builtin";

export interface LoadedPack {
  pack: Pack;
  /** Absolute path of the pack file (or a `builtin:` name for precompiled built-ins). */
  file: string;
  /** Folder that template paths are relative to. */
  dir: string;
  source: PackSource;
  warnings: import("../errors.ts").Problem[];
}

export function allQuestions(pack: Pack): Question[] {
  return pack.sections.flatMap((s) => s.questions);
}

export function otherChoice(q: Question): Choice | undefined {
  return q.choices?.find((c) => c.other);
}

/** The answers key that holds an `other: true` choice's free text. */
export function otherKey(id: string): string {
  return `${id}_other`;
}

/** Questions for the worker (effort, availability) are never put to the client. */
export function isWorkerQuestion(q: Question): boolean {
  return q.audience === "worker";
}

/** The worker's offer (fee, revision rounds, payment date): stated to the client for agreement, not asked. */
export function isTermsQuestion(q: Question): boolean {
  return q.audience === "terms";
}

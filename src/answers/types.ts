export interface Pending {
  pending: true;
  note?: string;
}

export interface Reference {
  source: string;
  note?: string;
  kind?: "like" | "avoid";
}

export type AnswerValue = string | number | boolean | string[] | Reference[] | Pending;

/** Question id (or `<id>_other`) → value. Keys are checked with Object.hasOwn only. */
export type Answers = Record<string, AnswerValue>;

export type Status = "in-progress" | "complete";

export interface Meta {
  client?: string;
  job?: string;
  platform?: string;
  /** When the client ordered (ISO date-time with offset): the plan's anchor when present. */
  ordered?: string;
  created?: string;
  updated?: string;
}

/** What `kikitori migrate` did: answers not carried to the new version are kept here, never lost. */
export interface MigrationRecord {
  /** The version the answers were made with, and the one they were carried to. */
  version: string;
  to: string;
  /** When (a timestamp with offset). */
  at: string;
  dropped?: { id: string; value: AnswerValue; reason: "removed" | "changed" | "hidden" }[];
  /** Questions `resume` asks again. */
  ask_again?: string[];
}

export interface AnswersFile {
  kikitori: 1;
  pack: { id: string; version: string };
  lang?: "ja" | "en";
  status: Status;
  meta: Meta;
  answers: Answers;
  migrated_from?: MigrationRecord[];
}

export function isPending(v: unknown): v is Pending {
  return typeof v === "object" && v !== null && !Array.isArray(v) && (v as { pending?: unknown }).pending === true;
}

export function has(answers: Answers, id: string): boolean {
  return Object.hasOwn(answers, id);
}

export function get(answers: Answers, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

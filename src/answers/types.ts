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
  /** When the client ordered (ISO date-time with offset): the plan's anchor when present; platform reply windows count from it. */
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

/** The messages `log --sent` records; a check-in counts as done once one of them went out. */
export const SENT_KINDS = ["confirm", "progress", "delay", "delivery", "checkin"] as const;
export type SentKind = (typeof SENT_KINDS)[number];

/** One line of the job's `progress:` log. */
export interface ProgressEntry {
  /** The day the work was done or the message sent, YYYY-MM-DD. */
  date: string;
  hours?: number;
  /** Percent of the whole job done, 0-100, as of this day. */
  done?: number;
  sent?: SentKind;
  note?: string;
}

/** One change of an agreed answer (`kikitori set`): `key` is a question id or `meta.<key>`. */
export interface HistoryEntry {
  /** When it changed, ISO date-time with offset. */
  at: string;
  key: string;
  /** The value before and after; null for none. */
  from: AnswerValue | null;
  to: AnswerValue | null;
  note?: string;
}

export interface AnswersFile {
  kikitori: 1;
  pack: { id: string; version: string };
  lang?: "ja" | "en";
  status: Status;
  meta: Meta;
  answers: Answers;
  migrated_from?: MigrationRecord[];
  progress?: ProgressEntry[];
  history?: HistoryEntry[];
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

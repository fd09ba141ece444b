/**
 * What the hearing flow needs from a user interface, and nothing more. The flow decides
 * which question comes next; a Prompter only shows one question (or the review screen) and
 * returns what the person did. Implementations: src/prompt/terminal.ts (a terminal UI),
 * src/prompt/lines.ts (plain numbered lines, for screen readers), scripted ones in tests.
 */
import type { AnswerValue } from "../answers/types.ts";
import type { Lang } from "../i18n.ts";
import type { QuestionType } from "../pack/types.ts";

/** Where the person is: always shown next to a question. */
export interface Frame {
  /** The pack title. */
  title: string;
  /** 1-based section number among the sections with something to ask, and their count. */
  section: number;
  sections: number;
  sectionTitle: string;
  /** The section's intro, set on its first question only. */
  intro?: string;
  /** 1-based question number inside the section, and the section's question count. */
  question: number;
  questions: number;
}

export interface AskChoice {
  value: string;
  label: string;
  hint?: string;
  /** Picking it asks for free text next. */
  other?: boolean;
}

/**
 * One question to show. `kind` tells a pack question from the follow-ups the flow asks
 * itself: the free text of an "other" choice, the note of a pending answer, the job details.
 */
export interface Ask {
  kind: "question" | "other" | "note" | "meta";
  id: string;
  type: QuestionType;
  lang: Lang;
  frame: Frame;
  message: string;
  help?: string;
  examples: string[];
  choices?: AskChoice[];
  unit?: string;
  /** scale: the range and its labelled ends. */
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  required: boolean;
  /** "Not decided yet" may be given (the prompter offers a key or word for it). */
  canPending: boolean;
  /** The answer shown at first: the current one, else the pack's default. */
  initial?: AnswerValue;
  /** The current answer is "not decided yet" (with its note). */
  pendingNow?: { note?: string };
  /** A line to show above the question (a refusal of the last reply, "this is the first question"). */
  notice?: string;
  /** Why a typed value is refused (localized), or undefined when it is fine. */
  validate(raw: unknown): string | undefined;
}

/** What the person did. An `answer` of null, "" or [] means "left empty". */
export type Reply = { type: "answer"; value: unknown } | { type: "back" } | { type: "pending" };

export interface ReviewItem {
  /** A question id, or `meta.client`, `meta.job`, `meta.platform`. */
  id: string;
  label: string;
  /** The answer in one line, as shown (empty when not answered). */
  text: string;
  pending: boolean;
  required: boolean;
}

export interface ReviewSection {
  title: string;
  items: ReviewItem[];
}

export interface Review {
  lang: Lang;
  title: string;
  sections: ReviewSection[];
  notice?: string;
}

export type ReviewReply = { type: "finish" } | { type: "edit"; id: string };

export interface PackChoice {
  id: string;
  title: string;
  version: string;
}

export interface Prompter {
  ask(q: Ask): Promise<Reply>;
  review(r: Review): Promise<ReviewReply>;
  choosePack(lang: Lang, packs: PackChoice[]): Promise<string>;
  /** Shows a line that is not a question (section intros in line mode, notices). */
  say(text: string): void;
}

/**
 * The person left: Ctrl-C, the terminal closed, input ended, or the process was told to
 * stop. Prompters throw it; the command saves nothing more and says how to resume.
 */
export class Interrupted extends Error {
  constructor(readonly how: "interrupt" | "closed" | "aborted") {
    super(`hearing interrupted (${how})`);
    this.name = "Interrupted";
  }
}

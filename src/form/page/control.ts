/// <reference lib="dom" />
/**
 * What every question type's control gives the question around it: its element, what is
 * picked or typed, a way to put an answer back, to switch it off ("not decided yet") and to
 * focus it.
 */
import type { Lang } from "../../i18n.ts";
import type { FormQuestion } from "../model.ts";
import type { FormStrings } from "../strings.ts";

export interface WidgetContext {
  q: FormQuestion;
  lang: Lang;
  s: FormStrings;
  /** Ids of the hint and error texts, for aria-describedby. */
  describedBy: string;
  /** Something changed; `settled` when the person left the control (change, not input). */
  changed(settled: boolean): void;
}

export interface Widget {
  el: HTMLElement;
  /** What is picked or typed now, raw; undefined when nothing is. */
  read(): unknown;
  /** Puts a stored answer or draft back. */
  write(v: unknown): void;
  disable(off: boolean): void;
  focusTarget(): HTMLElement | undefined;
  /** The text of an `other: true` choice ("" when none). */
  otherText(): string;
  writeOther(s: string): void;
}

/** For the types without an "other" choice. */
export const noOther = { otherText: () => "", writeOther: () => {} };

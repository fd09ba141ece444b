/**
 * What reading one reply item gives: a value (with remarks on any judgment made), "not
 * decided yet", nothing, or the reason it cannot be read. Every reader in import/ returns one.
 */
import type { AnswerValue } from "../answers/types.ts";
import type { Msg } from "../i18n.ts";

export type Reading =
  | { kind: "value"; value: AnswerValue; other?: string; remarks: Msg[] }
  | { kind: "pending"; note?: string }
  | { kind: "blank" }
  | { kind: "unreadable"; why: Msg };

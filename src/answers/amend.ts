/**
 * Small changes to an answers file's text (`kikitori log`, `kikitori set`): the YAML document
 * is edited in place, so the worker's comments, key order and layout stay as they were, and
 * the result is read back before it is returned: what it says is what was meant. Pure.
 */
import { isDeepStrictEqual } from "node:util";
import type { Document } from "yaml";
import { yamlLibrary } from "../yaml/library.ts";
import type { AnswerValue, HistoryEntry, Meta, ProgressEntry } from "./types.ts";

export interface Amendment {
  /** A value sets the key, undefined removes it. */
  meta?: Partial<Record<keyof Meta, string | undefined>>;
  answers?: Record<string, AnswerValue | undefined>;
  progress?: ProgressEntry[];
  history?: HistoryEntry[];
}

const OPTIONS = { version: "1.2", schema: "core", uniqueKeys: false, merge: false } as const;

/** The text with the amendment applied. `text` must be an answers file that was read and validated. */
export function amendAnswersText(text: string, change: Amendment): string {
  const { parse, parseDocument } = yamlLibrary();
  const doc = parseDocument(text, OPTIONS);
  for (const [k, v] of Object.entries(change.meta ?? {})) {
    if (v === undefined) doc.deleteIn(["meta", k]);
    else setIn(doc, ["meta", k], v);
  }
  for (const [k, v] of Object.entries(change.answers ?? {})) {
    if (v === undefined) doc.deleteIn(["answers", k]);
    else setIn(doc, ["answers", k], v);
  }
  append(doc, "progress", change.progress ?? [], true);
  append(doc, "history", change.history ?? [], false);
  const expected = doc.toJS();
  const out = doc.toString({ lineWidth: 0 });
  // The writer turns some strings into block scalars that read back differently
  // (eemeli/yaml#692): then every string is written quoted instead.
  if (isDeepStrictEqual(parse(out, OPTIONS), expected)) return out;
  const quoted = doc.toString({ lineWidth: 0, blockQuote: false });
  if (isDeepStrictEqual(parse(quoted, OPTIONS), expected)) return quoted;
  throw new Error("the amended answers file does not read back as written");
}

type Doc = Document.Parsed;

/** setIn that also replaces a parent left empty (`meta:` with nothing after it). */
function setIn(doc: Doc, path: [string, string], value: unknown): void {
  const parent = doc.get(path[0]);
  if (!yamlLibrary().isMap(parent)) doc.set(path[0], doc.createNode({}));
  doc.setIn(path, doc.createNode(value));
}

function append(doc: Doc, key: string, items: readonly object[], oneLine: boolean): void {
  if (items.length === 0) return;
  const { isMap, isSeq } = yamlLibrary();
  let seq = doc.get(key);
  if (!isSeq(seq)) {
    seq = doc.createNode([]);
    doc.set(key, seq);
  }
  if (!isSeq(seq)) return;
  for (const item of items) {
    const node = doc.createNode(item);
    // One line per log entry: `- { date: 2026-12-01, hours: 3, done: 40 }`.
    if (oneLine && isMap(node)) node.flow = true;
    seq.items.push(node);
  }
}

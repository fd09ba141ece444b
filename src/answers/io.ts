/** Reading and writing answers files. Writes are atomic (see files.ts). */
import { isDeepStrictEqual } from "node:util";
import { DataError } from "../errors.ts";
import { decodeText, LIMITS, readTextFile } from "../files.ts";
import { msg } from "../i18n.ts";
import { allQuestions, otherKey, type Pack } from "../pack/types.ts";
import { type WriteOptions, writeFileAtomic } from "../write-file.ts";
import { yamlLibrary } from "../yaml/library.ts";
import { type ParsedYaml, parseYaml } from "../yaml/parse.ts";
import { readPlainYaml } from "../yaml/plain.ts";
import type { AnswersFile } from "./types.ts";
import { validateAnswersHeader } from "./validate.ts";

export interface ReadAnswers {
  file: AnswersFile;
  name: string;
  locate: ParsedYaml["locate"];
  /** The text as written of an answer YAML read as a number (see ParsedYaml.source); absent for answers not read from text. */
  source?: ParsedYaml["source"];
}

export function parseAnswersText(text: string, name: string): ReadAnswers {
  const parsed = parseYaml(text, name);
  if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    throw new DataError(msg(`${name} は回答ファイルではありません`, `${name} is not an answers file`), [
      {
        file: name,
        line: 1,
        col: 1,
        message: msg("先頭がキーと値のマップになっていません", "the top level is not a map of keys"),
        fix: msg("kikitori pack skeleton <パック> で雛形を作れます", "kikitori pack skeleton <pack> prints a template to fill"),
      },
    ]);
  }
  const { file, problems } = validateAnswersHeader(parsed.data, name, parsed);
  if (!file) throw new DataError(msg(`${name} は回答ファイルとして正しくありません`, `${name} is not a valid answers file`), problems);
  return { file, name, locate: parsed.locate, source: parsed.source };
}

/** `file` is opened; `name` (what the user typed) is used in messages. */
export function readAnswersFile(file: string, name = file): ReadAnswers {
  return parseAnswersText(readTextFile(file, LIMITS.answersBytes, name), name);
}

export function parseAnswersBytes(buf: Uint8Array, name: string): ReadAnswers {
  return parseAnswersText(decodeText(buf, name, LIMITS.answersBytes), name);
}

/** The answers file as YAML, keys in a fixed order and answers in pack order. */
export function renderAnswersYaml(a: AnswersFile, pack?: Pack): string {
  const ordered: Record<string, unknown> = {};
  const order = pack ? allQuestions(pack).flatMap((q) => [q.id, otherKey(q.id)]) : [];
  for (const k of order) if (Object.hasOwn(a.answers, k)) ordered[k] = a.answers[k];
  for (const [k, v] of Object.entries(a.answers)) if (!Object.hasOwn(ordered, k)) ordered[k] = v;
  const doc = {
    kikitori: 1,
    pack: { id: a.pack.id, version: a.pack.version },
    ...(a.lang ? { lang: a.lang } : {}),
    status: a.status,
    meta: a.meta,
    answers: ordered,
    ...(a.migrated_from?.length ? { migrated_from: a.migrated_from } : {}),
    ...(a.progress?.length ? { progress: a.progress } : {}),
    ...(a.history?.length ? { history: a.history } : {}),
  };
  // Writing needs the library; reading a file kikitori wrote does not (yaml/plain.ts).
  const { Document, isMap, isSeq, parse } = yamlLibrary();
  const yaml = new Document(doc, { version: "1.2" });
  // One line per log entry: `- { date: 2026-12-01, hours: 3, done: 40 }`.
  const log = yaml.get("progress");
  if (isSeq(log)) for (const item of log.items) if (isMap(item)) item.flow = true;
  const text = yaml.toString({ lineWidth: 0 });
  // yaml writes some strings as block scalars that read back differently (a first line of
  // only spaces loses them: eemeli/yaml#692). Check, and quote every string if that happened.
  // The plain reader reads what the library reads, or declines (test/yaml/plain-diff.test.ts):
  // ~3 ms less than the library's parse for an import.
  const plain = readPlainYaml(text);
  const back = plain ? plain.data : parse(text, { version: "1.2", schema: "core" });
  if (isDeepStrictEqual(back, yaml.toJS())) return text;
  return yaml.toString({ lineWidth: 0, blockQuote: false });
}

/** A new answers file is private (0600): it holds a client's answers. A replaced one keeps its mode. */
export function writeAnswersFile(path: string, a: AnswersFile, pack: Pack | undefined, opts: WriteOptions): void {
  writeFileAtomic(path, renderAnswersYaml(a, pack), { mode: 0o600, ...opts });
}

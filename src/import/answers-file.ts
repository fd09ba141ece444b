/**
 * `import` of an answers file rather than a reply: the file the client's form downloads (or
 * any answers file for the pack). Its answers are checked as `render` checks them, its
 * signature comment as a form's reply's. Pure: the text is passed in.
 */
import { parseAnswersText } from "../answers/io.ts";
import type { AnswersFile } from "../answers/types.ts";
import { validateAnswers } from "../answers/validate.ts";
import { numberQuestions } from "../ask/numbering.ts";
import { DataError } from "../errors.ts";
import { findSignature } from "../form/reply-read.ts";
import { msg } from "../i18n.ts";
import { allQuestions, type Pack } from "../pack/types.ts";
import { formCheck } from "./form.ts";
import { type ImportNote, type ImportResult, missingRequired, otherPackError } from "./import.ts";

/** Whether a text is an answers file (YAML with `kikitori: 1` at the top level) rather than a reply. */
export function isAnswersFileText(text: string): boolean {
  return /^kikitori:[ \t]*1[ \t]*(?:#.*)?$/m.test(text) && /^answers:/m.test(text);
}

export interface ImportedFile extends ImportResult {
  /** The file as read: its language and job details are kept. */
  file: AnswersFile;
}

export function importAnswersFile(pack: Pack, text: string, name: string): ImportedFile {
  const read = parseAnswersText(text, name);
  const signature = findSignature(text.split("\n", 3).join("\n"));
  if (read.file.pack.id !== pack.id) throw otherPackError(read.file.pack.id, pack.id);
  const { answers, problems } = validateAnswers(pack, read.file.answers, { file: name, locate: read.locate, requireComplete: false });
  const errors = problems.filter((p) => p.severity !== "warning");
  if (errors.length > 0) {
    throw new DataError(
      msg(`${name} の回答に ${errors.length} 件の問題があります`, `${name}: ${errors.length} answer problem${errors.length === 1 ? "" : "s"}`),
      errors,
    );
  }
  const numbered = numberQuestions(pack);
  const byId = new Map(numbered.map((x) => [x.question.id, x]));
  const remarks: ImportNote[] = problems.flatMap((p) => {
    const x = p.path ? byId.get(p.path) : undefined;
    return x ? [{ n: x.n, id: x.question.id, question: x.question, why: p.message, text: "" }] : [];
  });
  const missing = missingRequired(pack, answers);
  const ids = new Set(allQuestions(pack).map((q) => q.id));
  return {
    file: read.file,
    answers,
    status: missing.length > 0 ? "in-progress" : "complete",
    found: Object.keys(answers).filter((k) => ids.has(k)).length,
    unreadable: [],
    remarks,
    skipped: [],
    missing,
    // A file carries every answer as written; nothing is filled in from the pack's defaults.
    defaulted: [],
    ...(signature?.packId === pack.id ? { form: formCheck(signature, answers) } : {}),
  };
}

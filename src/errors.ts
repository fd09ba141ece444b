import { stripControls } from "./controls.ts";
import type { Lang, Msg } from "./i18n.ts";
import { capLines } from "./listing.ts";

/**
 * The error vocabulary of kikitori. Everything below `cli/main.ts` throws one of these;
 * main maps them to exit codes and prints their message without a stack trace.
 */

export interface Place {
  file?: string;
  line?: number;
  col?: number;
}

/** One problem found in a file: where, what, and how to fix it. */
export interface Problem extends Place {
  message: Msg;
  fix?: Msg;
  severity?: "error" | "warning";
  /** Question id or key path the problem is about, when known. */
  path?: string;
}

export abstract class KikitoriError extends Error {
  abstract readonly exitCode: number;
  readonly text: Msg;
  /** Extra lines shown under the message (e.g. one per problem), in both languages. */
  readonly details: Msg[];
  /** The language to report it in, when the command knows better than the locale (resume of a Japanese hearing). */
  lang?: Lang;
  constructor(text: Msg, details: Msg[] = []) {
    super(text.en);
    this.name = new.target.name;
    this.text = text;
    this.details = details;
  }
  /**
   * The message and its details as the lines a user sees: without control sequences (they
   * quote file names and file content) and, past 20 details, with a count of the rest.
   */
  lines(lang: Lang): string[] {
    return [
      this.text[lang],
      ...capLines(
        this.details.map((d) => `  ${d[lang]}`),
        lang,
      ),
    ].map(stripControls);
  }
}

/** Bad flags, arguments or combinations of them. Exit 2. */
export class UsageError extends KikitoriError {
  readonly exitCode = 2;
}

/** A pack, answers file or reply that is not valid. Exit 65. */
export class DataError extends KikitoriError {
  readonly exitCode = 65;
  readonly problems: Problem[];
  constructor(text: Msg, problems: Problem[] = []) {
    super(
      text,
      problems.map((p) => ({ ja: formatProblem(p, "ja"), en: formatProblem(p, "en") })),
    );
    this.problems = problems;
  }
}

/** A file, pack or input that does not exist. Exit 66. */
export class NotFoundError extends KikitoriError {
  readonly exitCode = 66;
}

/** Output that cannot be written: exists without --force, no permission. Exit 73. */
export class OutputError extends KikitoriError {
  readonly exitCode = 73;
}

/** The user interrupted (Ctrl-C, closed terminal). Exit 130. */
export class CancelledError extends KikitoriError {
  readonly exitCode: number;
  constructor(text: Msg, exitCode = 130) {
    super(text);
    this.exitCode = exitCode;
  }
}

export function formatPlace(p: Place): string {
  if (!p.file) return "";
  if (p.line === undefined) return p.file;
  return `${p.file}:${p.line}:${p.col ?? 1}`;
}

/** `file:line:col: what — how to fix` */
export function formatProblem(p: Problem, lang: Lang): string {
  const where = formatPlace(p);
  const sev = p.severity === "warning" ? (lang === "ja" ? "警告: " : "warning: ") : "";
  const head = where ? `${where}: ${sev}` : sev;
  // Problems quote what a (possibly hostile) file contains: never pass its escapes through.
  return stripControls(p.fix ? `${head}${p.message[lang]} — ${p.fix[lang]}` : `${head}${p.message[lang]}`);
}

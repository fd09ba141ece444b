/**
 * Running a command once its line is read, the same whether commander read it (program.ts)
 * or the plain reader did (plain-line.ts): the run's context, the command's module, and the
 * language of an error from a command that switched languages.
 */
import { KikitoriError } from "../errors.ts";
import type { Lang } from "../i18n.ts";
import { makeCtx, parseLangFlag } from "./context.ts";
import { uiLang } from "./facts.ts";
import { createOutput, type IO, type Output } from "./output.ts";
import type { PlainLine } from "./plain-line.ts";
import type { Command } from "./spec.ts";

/** What a dry run records instead of running a command: the module function and its arguments (without ctx). */
export interface DryRunCall {
  command: string;
  fn: string;
  args: unknown[];
}

/** A command line as read, before its command runs (the argument table test compares the two readers with it). */
export interface ReadLine {
  command: string;
  args: string[];
  opts: object;
  lang?: unknown;
}

export interface ProgramOptions {
  /** The interface language, when main has worked it out already. */
  lang?: Lang;
  /** Parse and check the command line, then report the call instead of loading the command. */
  dryRun?: (call: DryRunCall) => void;
  /** Told how the line was read, just before the command runs. */
  onRead?: (line: ReadLine) => void;
}

/** Runs the command with the options read from its line. */
export async function runCommand(command: Command, line: Omit<ReadLine, "command">, io: IO, out: Output, lang: Lang, options: ProgramOptions): Promise<number> {
  options.onRead?.({ command: command.name, ...line });
  const ctx = makeCtx(io, out, parseLangFlag(line.lang));
  const standIn = options.dryRun ? recorder(command.name, options.dryRun) : undefined;
  try {
    // Commands return their exit code (0 unless they report a partial failure themselves).
    return await command.exec(ctx, line.args, line.opts, standIn);
  } catch (e) {
    // A command that switched its language (resume) reports its errors in it too.
    if (e instanceof KikitoriError && ctx.lang !== lang) e.lang ??= ctx.lang;
    throw e;
  }
}

/** Runs a line the plain reader accepted: no commander. */
export async function runPlainLine(line: PlainLine, argv: readonly string[], io: IO, options: ProgramOptions = {}): Promise<number> {
  const lang = options.lang ?? uiLang([...argv], io.env);
  const out = await createOutput(io, lang, argv.includes("--no-color"));
  return runCommand(line.command, { args: line.args, opts: line.opts, ...(line.lang ? { lang: line.lang } : {}) }, io, out, lang, options);
}

/** A stand-in for a command's module that records the call it receives. */
function recorder(command: string, record: (call: DryRunCall) => void): unknown {
  return new Proxy(
    {},
    {
      get:
        (_target, fn) =>
        (_ctx: unknown, ...args: unknown[]) => {
          record({ command, fn: String(fn), args });
          return 0;
        },
    },
  );
}

/**
 * Commander wiring of the command table (specs/): every command's arguments, options and
 * help come from there; each command's code is a module under commands/ imported only when
 * that command runs.
 */
import { Command as Commander, CommanderError, Option } from "commander";
import { KikitoriError, UsageError } from "../errors.ts";
import type { Lang, Msg } from "../i18n.ts";
import { type Ctx, makeCtx, parseLangFlag } from "./context.ts";
import { uiLang, VERSION } from "./facts.ts";
import { createOutput, type IO } from "./output.ts";
import type { Command, OptionSpec } from "./spec.ts";
import { COMMANDS, GROUPS, ROOT } from "./specs/index.ts";

/** What a dry run records instead of running a command: the module function and its arguments (without ctx). */
export interface DryRunCall {
  command: string;
  fn: string;
  args: unknown[];
}

export interface ProgramOptions {
  /** The interface language, when main has worked it out already. */
  lang?: Lang;
  /** Parse and check the command line, then report the call instead of loading the command. */
  dryRun?: (call: DryRunCall) => void;
}

export async function runProgram(argv: string[], io: IO, options: ProgramOptions = {}): Promise<number> {
  const lang = options.lang ?? uiLang(argv, io.env);
  const out = await createOutput(io, lang, argv.includes("--no-color"));
  let ctx: Ctx | undefined;
  let code = 0;
  const program = buildProgram(lang, io, async (spec, cmd) => {
    ctx ??= makeCtx(io, out, parseLangFlag(cmd.optsWithGlobals().lang));
    const standIn = options.dryRun ? recorder(spec.name, options.dryRun) : undefined;
    // Commands return their exit code (0 unless they report a partial failure themselves).
    code = await spec.exec(ctx, cmd.args, cmd.opts(), standIn);
  });
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return commanderExit(e, io, lang);
    // A command that switched its language (resume) reports its errors in it too.
    if (e instanceof KikitoriError && ctx && ctx.lang !== lang) e.lang ??= ctx.lang;
    throw e;
  }
}

/** A stand-in for a command's module that records the call it receives. */
function recorder(command: string, record: (call: DryRunCall) => void): unknown {
  return new Proxy(
    {},
    {
      get:
        (_target, fn) =>
        (_ctx: Ctx, ...args: unknown[]) => {
          record({ command, fn: String(fn), args });
          return 0;
        },
    },
  );
}

const COMMANDER_JA: Record<string, string> = {
  "commander.unknownOption": "不明なオプションです",
  "commander.unknownCommand": "不明なコマンドです",
  "commander.missingArgument": "必要な引数がありません",
  "commander.optionMissingArgument": "オプションに値がありません",
  "commander.missingMandatoryOptionValue": "必須のオプションがありません",
  "commander.excessArguments": "引数が多すぎます",
  "commander.invalidArgument": "引数の値が正しくありません",
  "commander.conflictingOption": "同時に使えないオプションです",
};

function commanderExit(e: CommanderError, io: IO, lang: Lang): number {
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
  const detail = e.message.replace(/^error: /, "");
  const text =
    lang === "ja"
      ? `エラー: ${COMMANDER_JA[e.code] ?? "コマンドラインが正しくありません"} (${detail})\n使い方は kikitori --help で確認できます。\n`
      : `error: ${detail}\nSee kikitori --help for usage.\n`;
  io.stderr.write(text);
  return 2;
}

const TITLES_JA: Record<string, string> = {
  "Usage:": "使い方:",
  "Options:": "オプション:",
  "Commands:": "コマンド:",
  "Arguments:": "引数:",
  "Global Options:": "共通オプション:",
};

type Exec = (spec: Command, cmd: Commander) => Promise<void>;

function buildProgram(lang: Lang, io: IO, exec: Exec): Commander {
  const t = (m: Msg) => m[lang];
  /** Every command throws instead of exiting, writes through io, and titles its help in the interface language. */
  const wire = (c: Commander): Commander =>
    c
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
      .configureHelp({ styleTitle: (s) => (lang === "ja" ? (TITLES_JA[s] ?? s) : s), showGlobalOptions: true });
  const program = new Commander("kikitori");
  program
    .description(t(ROOT.summary))
    .version(VERSION, "-V, --version", t(ROOT.version))
    .helpOption("-h, --help", t(ROOT.help))
    .helpCommand(false)
    .option("--lang <lang>", t(ROOT.lang))
    .option("--no-color", t(ROOT.noColor))
    .showHelpAfterError(false)
    .addHelpText("after", rootHelp(t));
  wire(program);

  // A group (`pack`) is created where its first command comes, so the help keeps table order.
  const parents = new Map<string, Commander>([["", program]]);
  const parentOf = (name: string): Commander => {
    const found = parents.get(name);
    if (found) return found;
    const group = GROUPS.find((g) => g.name === name);
    if (!group) throw new Error(`command group ${name} is not in GROUPS`);
    const c = wire(program.command(name)).description(t(group.summary));
    c.action(() => {
      throw new UsageError(group.missing);
    });
    parents.set(name, c);
    return c;
  };

  for (const spec of COMMANDS) {
    const words = spec.name.split(" ");
    const c = wire(parentOf(words.slice(0, -1).join(" ")).command(words.at(-1) ?? ""));
    c.description(t(spec.summary));
    for (const a of spec.args ?? []) c.argument(a.name, t(a.help));
    for (const o of spec.options ?? []) c.addOption(toOption(o, t));
    const after = helpAfter(spec, lang);
    if (after) c.addHelpText("after", after);
    c.action(async function (this: Commander) {
      await exec(spec, this);
    });
  }
  return program;
}

function toOption(spec: OptionSpec, t: (m: Msg) => string): Option {
  const o = new Option(spec.flags, t(spec.help));
  if (spec.default !== undefined) o.default(spec.default);
  if (spec.choices) o.choices(spec.choices);
  if (spec.repeatable) o.argParser((v: string, prev: string[] = []) => [...prev, v]);
  if (spec.required) o.makeOptionMandatory();
  return o;
}

/** The examples (and notes) under a command's help. */
function helpAfter(spec: Command, lang: Lang): string {
  const examples = spec.examples ?? [];
  if (examples.length === 0) return spec.notes ? `\n${spec.notes[lang]}` : "";
  const title = lang === "ja" ? "例:" : examples.length === 1 ? "Example:" : "Examples:";
  const notes = spec.notes ? `\n\n${spec.notes[lang]}` : "";
  return `\n${title}\n${examples.map((e) => `  ${e[lang]}`).join("\n")}${notes}`;
}

function rootHelp(t: (m: Msg) => string): string {
  const lines = ROOT.examples.map(([cmd, what]) => `  ${cmd}\n      ${t(what)}`);
  return `\n${t({ ja: "例:", en: "Examples:" })}\n${lines.join("\n")}\n\n${t(ROOT.exitCodes)}`;
}

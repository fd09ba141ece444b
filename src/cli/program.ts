/**
 * Commander wiring of the command table (specs/): every command's arguments, options and
 * help come from there; each command's code is a module under commands/ imported only when
 * that command runs.
 */
import { Command as Commander, CommanderError, Option } from "commander";
import { UsageError } from "../errors.ts";
import type { Lang, Msg } from "../i18n.ts";
import { suggest } from "../yaml/issues.ts";
import { type ProgramOptions, runCommand } from "./exec.ts";
import { uiLang, VERSION } from "./facts.ts";
import { createOutput, type IO } from "./output.ts";
import type { Command, OptionSpec } from "./spec.ts";
import { COMMANDS, GLOBAL_OPTIONS, GROUPS, ROOT } from "./specs/index.ts";

export type { DryRunCall, ProgramOptions } from "./exec.ts";

export async function runProgram(argv: string[], io: IO, options: ProgramOptions = {}): Promise<number> {
  const lang = options.lang ?? uiLang(argv, io.env);
  const out = await createOutput(io, lang, argv.includes("--no-color"));
  let code = 0;
  const program = buildProgram(lang, io, async (spec, cmd) => {
    code = await runCommand(spec, { args: cmd.args, opts: cmd.opts(), lang: cmd.optsWithGlobals().lang }, io, out, lang, options);
  });
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    if (argv[0] === "help") return showHelp(program, argv.slice(1));
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return commanderExit(e, io, lang);
    throw e;
  }
}

/**
 * `kikitori help [command…]`: the help of that command, as `--help` after it would print.
 * (Commander's own help command stops at the first word: `help pack list` showed `pack`.)
 */
function showHelp(program: Commander, argv: string[]): number {
  let cmd = program;
  for (const word of argv.filter((a) => !a.startsWith("-"))) {
    const visible = cmd.commands.filter((c) => !(c as Commander & { _hidden?: boolean })._hidden);
    const next = visible.find((c) => c.name() === word);
    if (!next)
      throw unknownCommand(
        word,
        visible.map((c) => c.name()),
      );
    cmd = next;
  }
  cmd.outputHelp();
  return 0;
}

/** Commander's error for an unknown command, with its "Did you mean" (for groups and help topics). */
function unknownCommand(word: string, names: string[]): CommanderError {
  const guess = suggest(word, names);
  return new CommanderError(2, "commander.unknownCommand", `error: unknown command '${word}'${guess ? `\n(Did you mean ${guess}?)` : ""}`);
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
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        outputError: () => {},
        // The width of the streams this run writes to (80 columns outside a terminal, as the prebuilt help of dist/help/).
        getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns) || 80,
        getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns) || 80,
      })
      .configureHelp({ styleTitle: (s) => (lang === "ja" ? (TITLES_JA[s] ?? s) : s), showGlobalOptions: true });
  const program = new Commander("kikitori");
  program
    .description(t(ROOT.summary))
    .version(VERSION, "-V, --version", t(ROOT.version))
    .helpOption("-h, --help", t(ROOT.help))
    .helpCommand("help [command]", t(ROOT.helpCommand))
    .showHelpAfterError(false)
    .addHelpText("after", rootHelp(t));
  for (const o of GLOBAL_OPTIONS) program.addOption(toOption(o, t));
  wire(program);

  // A group (`pack`) is created where its first command comes, so the help keeps table order.
  const parents = new Map<string, Commander>([["", program]]);
  const parentOf = (name: string): Commander => {
    const found = parents.get(name);
    if (found) return found;
    const group = GROUPS.find((g) => g.name === name);
    if (!group) throw new Error(`command group ${name} is not in GROUPS`);
    const c = wire(program.command(name)).description(t(group.summary)).allowExcessArguments();
    c.action(function (this: Commander) {
      const [word] = this.args;
      if (word)
        throw unknownCommand(
          word,
          COMMANDS.filter((s) => s.name.startsWith(`${name} `) && !s.hidden).map((s) => s.name.slice(name.length + 1)),
        );
      throw new UsageError(group.missing);
    });
    parents.set(name, c);
    return c;
  };

  for (const spec of COMMANDS) {
    const words = spec.name.split(" ");
    const c = wire(parentOf(words.slice(0, -1).join(" ")).command(words.at(-1) ?? "", { hidden: spec.hidden === true }));
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

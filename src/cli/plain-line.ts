/**
 * The everyday command line read without commander: a command's words, its own long or short
 * options as the table declares them (`--out dir`, `-o file`, `--force`), the global
 * `--lang ja|en`, `--no-color` and `--no-cache`, and its arguments. Building commander's
 * program for the whole table costs more than most commands' work, so a line that is plain
 * in this sense runs straight away; anything else (help, `--opt=value`, `--`, combined or
 * unknown flags, a missing or extra argument, a value that is not one of the choices, an
 * option given twice) is left to commander, which parses it and reports its errors as
 * before. The argument table test (test/cli/plain-line.test.ts) checks that every line this
 * accepts reaches the same command with the same arguments and options as through commander.
 */
import type { Command, GroupSpec, OptionSpec } from "./spec.ts";

/** The commands a reader knows: the whole table (main.ts), or render's alone (render-entry.ts). */
export interface LineTable {
  commands: readonly Command[];
  groups: readonly GroupSpec[];
  globals: readonly OptionSpec[];
}

export interface PlainLine {
  command: Command;
  args: string[];
  /** The command's options, as commander's `opts()` gives them. */
  opts: Record<string, unknown>;
  /** The global --lang, when given. */
  lang?: string;
}

interface Flag {
  key: string;
  takesValue: boolean;
  spec: OptionSpec;
  /** A `--no-…` flag: sets its key to false. */
  negated: boolean;
  global: boolean;
}

const FLAGS = /^(?:(-[A-Za-z]), )?--([a-z][a-z0-9-]*)(?: <[^<>[\]]+>)?$/;

const camel = (s: string): string => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The flags a command takes, by spelling; undefined for a flag spelled in a way not handled here. */
function flagTable(command: Command, globals: readonly OptionSpec[]): Map<string, Flag | undefined> {
  const table = new Map<string, Flag | undefined>();
  const add = (spec: OptionSpec, global: boolean) => {
    const m = FLAGS.exec(spec.flags);
    const long = m?.[2];
    const negated = long?.startsWith("no-") === true;
    const flag: Flag | undefined =
      m && long ? { key: camel(negated ? long.slice(3) : long), takesValue: spec.flags.includes("<"), spec, negated, global } : undefined;
    for (const spelling of [long ? `--${long}` : undefined, m?.[1]]) {
      if (!spelling) continue;
      // The program takes a global flag wherever it comes: a command's flag of the same spelling is never its own.
      table.set(spelling, table.has(spelling) ? undefined : flag);
    }
  };
  for (const o of globals) add(o, true);
  for (const o of command.options ?? []) add(o, false);
  return table;
}

/** The command a line's first words name (a visible one), with the words after them. */
function findCommand(argv: readonly string[], table: LineTable): { command: Command; rest: readonly string[] } | undefined {
  const [first, second] = argv;
  const grouped = table.groups.some((g) => g.name === first);
  const name = grouped ? `${first} ${second}` : first;
  const command = table.commands.find((c) => c.name === name && !c.hidden);
  return command ? { command, rest: argv.slice(grouped ? 2 : 1) } : undefined;
}

/** How many arguments the command takes: at least, at most. */
function arity(command: Command): [number, number] {
  let min = 0;
  let max = 0;
  for (const a of command.args ?? []) {
    if (a.name.startsWith("<")) min++;
    max = a.name.endsWith("...>") || a.name.endsWith("...]") ? Number.POSITIVE_INFINITY : max + 1;
  }
  return [min, max];
}

/** The line as commander would read it, or undefined when commander should read it. */
export function parsePlainLine(argv: readonly string[], table: LineTable): PlainLine | undefined {
  const found = findCommand(argv, table);
  if (!found) return undefined;
  const { command, rest } = found;
  // A command with an option spelled otherwise (an optional value, `--no-…`) is commander's.
  if (command.options?.some((o) => !FLAGS.test(o.flags) || o.flags.includes("--no-"))) return undefined;
  const flags = flagTable(command, table.globals);
  const opts: Record<string, unknown> = {};
  const globals: Record<string, unknown> = {};
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? "";
    if (!word.startsWith("-") || word === "-") {
      args.push(word);
      continue;
    }
    const flag = flags.get(word);
    if (!flag) return undefined;
    const into = flag.global ? globals : opts;
    let value: unknown = !flag.negated;
    if (flag.takesValue) {
      value = rest[++i];
      if (typeof value !== "string" || value.startsWith("-")) return undefined;
      if (flag.spec.choices && !flag.spec.choices.includes(value)) return undefined;
      if (flag.global && value !== "ja" && value !== "en") return undefined;
    }
    if (flag.spec.repeatable) {
      into[flag.key] = [...((into[flag.key] as string[] | undefined) ?? []), value];
      continue;
    }
    if (Object.hasOwn(into, flag.key)) return undefined;
    into[flag.key] = value;
  }
  const [min, max] = arity(command);
  if (args.length < min || args.length > max) return undefined;
  for (const o of command.options ?? []) {
    const key = camel(FLAGS.exec(o.flags)?.[2] ?? "");
    if (o.default !== undefined && !Object.hasOwn(opts, key)) opts[key] = o.default;
    if (o.required && !Object.hasOwn(opts, key)) return undefined;
  }
  return { command, args, opts, ...(typeof globals.lang === "string" ? { lang: globals.lang } : {}) };
}

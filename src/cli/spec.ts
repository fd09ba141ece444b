/**
 * A command line as data: what each command is called, takes and says in its help, and the
 * module that runs it (loaded only when the command runs). program.ts turns the table in
 * specs/ into commander calls; nothing else about a command lives there.
 */
import type { Msg } from "../i18n.ts";
import type { Ctx } from "./context.ts";

export interface ArgSpec {
  /** As commander writes it: `<pack>`, `[pack]`, `<files...>`. */
  name: string;
  help: Msg;
}

export interface OptionSpec {
  /** As commander writes it: `-o, --output <file>`, `--force`. */
  flags: string;
  help: Msg;
  default?: string;
  /** The only values accepted (commander refuses others with exit 2). */
  choices?: readonly string[];
  /** Given again, it adds to a list instead of replacing the value. */
  repeatable?: boolean;
  /** The command cannot run without it. */
  required?: boolean;
}

/** What a command receives from the command line: its arguments, then its options by name. */
export type Run<M, O> = (module: M, ctx: Ctx, args: string[], opts: O) => Promise<number> | number;

export interface CommandSpec<M, O> {
  /** `start`, or `pack list` for a command of a group. */
  name: string;
  summary: Msg;
  args?: readonly ArgSpec[];
  options?: readonly OptionSpec[];
  /** Command lines shown under "Example(s):" in the help. */
  examples?: readonly Msg[];
  /** Text after the examples (keys, exit codes). */
  notes?: Msg;
  /** The module that runs the command: `() => import("../commands/<name>.ts")`. */
  load: () => Promise<M>;
  /** Calls the module; `opts` are the command's options, typed by the module's flags interface. */
  run: Run<M, O>;
}

/** A command as program.ts sees it: the spec with its module and option types erased. */
export interface Command extends Omit<CommandSpec<unknown, unknown>, "load" | "run"> {
  /**
   * Runs the command with commander's parsed options. `standIn` replaces the loaded module
   * (the dry run of the command-line tests).
   */
  exec(ctx: Ctx, args: string[], opts: object, standIn?: unknown): Promise<number>;
}

/** One entry of the command table. */
export function command<M, O extends object>(spec: CommandSpec<M, O>): Command {
  const { load, run, ...rest } = spec;
  return {
    ...rest,
    // Commander parses options into plain objects keyed by the camel-cased long flag: the
    // one place where they are taken as the command's own flags type.
    exec: async (ctx, args, opts, standIn) => run((standIn ?? (await load())) as M, ctx, args, opts as O),
  };
}

/** A command that only groups others (`pack`): its help lists them; alone it is a usage error. */
export interface GroupSpec {
  name: string;
  summary: Msg;
  /** The error for the group given without one of its commands. */
  missing: Msg;
}

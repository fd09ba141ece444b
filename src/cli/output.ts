/**
 * The process edge for text: data to stdout, diagnostics to stderr, colour for a terminal
 * (or as FORCE_COLOR says) and never with NO_COLOR or --no-color. A closed pipe (`| head`)
 * ends quietly.
 */
import type { ChalkInstance } from "chalk";
import { stripControls } from "../controls.ts";
import type { Lang } from "../i18n.ts";

export interface Stream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface IO {
  stdout: Stream;
  stderr: Stream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** The clock, injected so tests never depend on today. */
  now: () => Date;
  /**
   * Calls `handler` when the process is told to stop (SIGINT, SIGTERM, SIGHUP) instead of
   * dying at once, so a hearing can say how to resume; returns the function that stops it.
   * Absent in tests that run main() in-process.
   */
  onSignal?: (handler: (signal: NodeJS.Signals) => void) => () => void;
}

/** Stands in for chalk where there is no colour: every style returns the text unchanged. */
const plain: ChalkInstance = new Proxy((() => "") as unknown as ChalkInstance, {
  get: (_target, key) => (key === "level" ? 0 : plain),
  apply: (_target, _this, args: unknown[]) => args.map(String).join(" "),
});

type ChalkClass = typeof import("chalk").Chalk;

type Level = 0 | 1 | 2 | 3;

/**
 * The colour level of a stream, as Node's own hasColors() reads the environment: --no-color
 * always wins; then FORCE_COLOR (`""`, 1, true: 16 colours, 2: 256, 3: 16 million, even in a
 * pipe; 0, false or any other value: none, even on a terminal); then NO_COLOR,
 * NODE_DISABLE_COLORS or TERM=dumb: none; else colour only on a terminal.
 */
export function colourLevel(env: Record<string, string | undefined>, isTTY: boolean | undefined, noColor: boolean): Level {
  if (noColor) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return ({ "": 1, "1": 1, true: 1, "2": 2, "3": 3 } as Record<string, Level>)[force] ?? 0;
  if (env.NO_COLOR || env.NODE_DISABLE_COLORS !== undefined || env.TERM === "dumb") return 0;
  return isTTY ? 1 : 0;
}

/**
 * The Output for this run. chalk is loaded only when a stream will be coloured: its colour
 * detection costs ~5 ms at start-up, and scripts and pipes never see colour anyway.
 */
export async function createOutput(io: IO, lang: Lang, noColor: boolean): Promise<Output> {
  const wanted = colourLevel(io.env, io.stdout.isTTY, noColor) > 0 || colourLevel(io.env, io.stderr.isTTY, noColor) > 0;
  const chalk = wanted ? (await import("chalk")).Chalk : undefined;
  return new Output(io, lang, noColor, chalk);
}

export class Output {
  readonly color: ChalkInstance;
  readonly errColor: ChalkInstance;
  constructor(
    readonly io: IO,
    /** The language of what it prints; a command may switch it (resume speaks the hearing's language). */
    public lang: Lang,
    noColor: boolean,
    Chalk?: ChalkClass,
  ) {
    const out = colourLevel(io.env, io.stdout.isTTY, noColor);
    const err = colourLevel(io.env, io.stderr.isTTY, noColor);
    this.color = out > 0 && Chalk ? new Chalk({ level: out }) : plain;
    this.errColor = err > 0 && Chalk ? new Chalk({ level: err }) : plain;
  }
  out(text: string): void {
    this.io.stdout.write(text.endsWith("\n") || text === "" ? text : `${text}\n`);
  }
  json(data: unknown): void {
    this.out(`${JSON.stringify(data, null, 2)}\n`);
  }
  err(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
  t(ja: string, en: string): string {
    return this.lang === "ja" ? ja : en;
  }
  /** A warning; it may quote file names and content, so control sequences are dropped first. */
  warn(text: string): void {
    this.err(this.errColor.yellow(`${this.t("警告", "warning")}: ${stripControls(text)}`));
  }
  info(text: string): void {
    this.err(text);
  }
}

/**
 * The process edge for text: data to stdout, diagnostics to stderr, colour only for a
 * terminal and never with NO_COLOR or --no-color. A closed pipe (`| head`) ends quietly.
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

function colourOff(io: IO, noColor: boolean): boolean {
  return noColor || Boolean(io.env.NO_COLOR) || io.env.TERM === "dumb";
}

/**
 * The Output for this run. chalk is loaded only when a stream will be coloured: its colour
 * detection costs ~5 ms at start-up, and scripts and pipes never see colour anyway.
 */
export async function createOutput(io: IO, lang: Lang, noColor: boolean): Promise<Output> {
  const wanted = !colourOff(io, noColor) && (io.stdout.isTTY === true || io.stderr.isTTY === true);
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
    const off = colourOff(io, noColor) || !Chalk;
    this.color = !off && io.stdout.isTTY && Chalk ? new Chalk({ level: 1 }) : plain;
    this.errColor = !off && io.stderr.isTTY && Chalk ? new Chalk({ level: 1 }) : plain;
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

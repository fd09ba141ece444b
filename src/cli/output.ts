/**
 * The process edge for text: data to stdout, diagnostics to stderr, colour only for a
 * terminal and never with NO_COLOR or --no-color. A closed pipe (`| head`) ends quietly.
 */
import { Chalk, type ChalkInstance } from "chalk";
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

export class Output {
  readonly color: ChalkInstance;
  readonly errColor: ChalkInstance;
  constructor(
    readonly io: IO,
    readonly lang: Lang,
    noColor: boolean,
  ) {
    const off = noColor || Boolean(io.env.NO_COLOR) || io.env.TERM === "dumb";
    this.color = new Chalk({ level: !off && io.stdout.isTTY ? 1 : 0 });
    this.errColor = new Chalk({ level: !off && io.stderr.isTTY ? 1 : 0 });
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
  warn(text: string): void {
    this.err(this.errColor.yellow(`${this.t("警告", "warning")}: ${text}`));
  }
  info(text: string): void {
    this.err(text);
  }
}

/**
 * The built binary in a real pseudo-terminal (tmux), typed into as a person would. Each
 * terminal has its own tmux server (`-L`, a unique socket), so tests never share state;
 * `close()` kills that server. Screens are polled with a bounded wait, never slept on.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN } from "../helpers.ts";

let counter = 0;

export function hasTmux(): boolean {
  return spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
}

export interface PtyOptions {
  cwd: string;
  args: string[];
  /** Another program instead of kikitori (a shell, for completion). */
  command?: string[];
  env?: Record<string, string>;
  cols?: number;
  rows?: number;
}

/** Single quotes for sh. */
function sh(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

export class Pty {
  readonly socket = `kikitori-test-${process.pid}-${Date.now()}-${++counter}`;
  private readonly exitFile: string;
  private readonly pidFile: string;

  constructor(o: PtyOptions) {
    this.exitFile = path.join(o.cwd, `.${this.socket}.exit`);
    this.pidFile = path.join(o.cwd, `.${this.socket}.pid`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: o.cwd,
      LANG: "C",
      KIKITORI_TODAY: "2026-11-23",
      XDG_DATA_HOME: path.join(o.cwd, ".xdg"),
      ...o.env,
    };
    // The inner sh writes its pid and becomes node (exec), so the pid is node's and node
    // stays in the terminal's foreground; the outer sh records the exit status, then waits
    // so the last screen can still be read.
    const inner = `echo $$ > ${sh(this.pidFile)}; exec ${(o.command ?? [process.execPath, BIN, ...o.args]).map(sh).join(" ")}`;
    const script = [
      `cd ${sh(o.cwd)}`,
      ...Object.entries(env).map(([k, v]) => `export ${k}=${sh(v)}`),
      `sh -c ${sh(inner)}`,
      `echo $? > ${sh(this.exitFile)}`,
      "exec sleep 600",
    ].join("\n");
    const file = path.join(o.cwd, `.${this.socket}.sh`);
    fs.writeFileSync(file, script);
    this.tmux("new-session", "-d", "-x", String(o.cols ?? 120), "-y", String(o.rows ?? 40), "-s", "t", `sh ${sh(file)}`);
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-u", "-L", this.socket, ...args], {
      encoding: "utf8",
      env: { ...process.env, LANG: "C.UTF-8" },
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  /** The visible screen, wrapped lines joined. */
  screen(): string {
    return this.tmux("capture-pane", "-p", "-J", "-t", "t");
  }

  /** Waits until the screen matches, returning it; fails with the last screen after `ms`. */
  async waitFor(pattern: string | RegExp, ms = 25_000): Promise<string> {
    const test = typeof pattern === "string" ? (s: string) => s.includes(pattern) : (s: string) => pattern.test(s);
    const end = Date.now() + ms;
    let last = "";
    while (Date.now() < end) {
      last = this.screen();
      if (test(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the screen never showed ${String(pattern)}; it shows:\n${last}`);
  }

  /** Where the terminal's cursor is: column and row, from 0 at the top left of the screen. */
  cursor(): { col: number; row: number } {
    const [col, row] = this.tmux("display-message", "-p", "-t", "t", "#{cursor_x} #{cursor_y}").trim().split(" ").map(Number);
    return { col: col ?? -1, row: row ?? -1 };
  }

  /** The visible screen row by row, as the terminal shows it (wrapped lines not joined). */
  rows(): string[] {
    return this.tmux("capture-pane", "-p", "-t", "t").split("\n");
  }

  /** Key names as tmux knows them: Enter, Escape, Down, Space, BSpace, C-c… */
  keys(...keys: string[]): void {
    this.tmux("send-keys", "-t", "t", ...keys);
  }

  /** Text typed literally. */
  type(text: string): void {
    this.tmux("send-keys", "-t", "t", "-l", text);
  }

  pid(): number {
    return Number(fs.readFileSync(this.pidFile, "utf8").trim());
  }

  /** The exit status of kikitori, once it has ended. */
  async exitCode(ms = 25_000): Promise<number> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (fs.existsSync(this.exitFile)) {
        const text = fs.readFileSync(this.exitFile, "utf8").trim();
        if (text) return Number(text);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`kikitori did not exit; the screen shows:\n${this.screen()}`);
  }

  /** Closes the terminal window, as a person closing it would (the program gets SIGHUP). */
  hangUp(): void {
    this.tmux("kill-session", "-t", "t");
  }

  close(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // already gone
    }
    // tmux leaves its socket file behind; remove it so test runs do not pile them up in /tmp.
    const uid = process.getuid?.() ?? 0;
    const dir = process.env.TMUX_TMPDIR ?? "/tmp";
    fs.rmSync(path.join(dir, `tmux-${uid}`, this.socket), { force: true });
  }
}

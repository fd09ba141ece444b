/**
 * The terminal's keys for inquirer, with a run of typed characters delivered as one
 * keypress. Node's readline takes a paste one character at a time and measures the whole
 * line again after each (to place the cursor), so a 10 KB paste cost seconds of CPU, a
 * longer one minutes, and Ctrl-C waited behind it. Delivered as one keypress, the run is
 * inserted in one step: the cost follows the length of the paste, not its square.
 *
 * The stream readline reads is a stand-in that emits `keypress` events only: it decodes
 * the terminal's keys itself (readline's own decoder, on the real input) and forwards
 * every key that is not plain text at once, after the text typed before it.
 */
import { EventEmitter } from "node:events";
import * as readline from "node:readline";

type Key = { sequence?: string; name?: string; ctrl?: boolean; meta?: boolean; shift?: boolean };
type TtyInput = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?(mode: boolean): unknown };

/** Plain text: printable characters typed without Ctrl or Meta (a space counts). */
function isText(s: unknown, key: Key | undefined): s is string {
  if (typeof s !== "string" || s === "" || key?.ctrl || key?.meta) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

export class CoalescedKeys extends EventEmitter {
  readonly isTTY: boolean;
  /** Runs of text as one keypress (line widgets); off, every key is forwarded as it came. */
  coalesce = true;
  private text = "";
  private single: [string, Key | undefined] | undefined;
  private flushing: NodeJS.Immediate | undefined;
  private attached = false;

  constructor(private readonly real: TtyInput) {
    super();
    this.isTTY = real.isTTY === true;
    readline.emitKeypressEvents(real);
    // Listen to the real input only while someone listens here (one readline per question).
    this.on("newListener", (event) => {
      if (event === "keypress" && !this.attached) {
        this.attached = true;
        real.on("keypress", this.onKey);
      }
    });
    this.on("removeListener", (event) => {
      if (event === "keypress" && this.listenerCount("keypress") === 0 && this.attached) {
        this.attached = false;
        real.off("keypress", this.onKey);
        this.flush();
      }
    });
    for (const event of ["end", "close", "error"] as const) real.on(event, (...args: unknown[]) => this.emit(event, ...args));
  }

  get isRaw(): boolean | undefined {
    return this.real.isRaw;
  }

  setRawMode(mode: boolean): this {
    this.real.setRawMode?.(mode);
    return this;
  }

  pause(): this {
    this.flush();
    this.real.pause();
    return this;
  }

  resume(): this {
    this.real.resume();
    return this;
  }

  isPaused(): boolean {
    return this.real.isPaused();
  }

  private readonly onKey = (s: unknown, key: Key | undefined): void => {
    if (this.coalesce && isText(s, key)) {
      // A single key keeps its own event (a digit picks a choice by its name).
      if (this.text === "" && this.single === undefined) this.single = [s, key];
      else {
        this.text = (this.single?.[0] ?? "") + this.text + s;
        this.single = undefined;
      }
      this.flushing ??= setImmediate(() => this.flush());
      return;
    }
    this.flush();
    this.emit("keypress", s, key);
  };

  /** Sends the text typed so far: one key as it came, a run as one keypress. */
  private flush(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = undefined;
    const single = this.single;
    const text = this.text;
    this.single = undefined;
    this.text = "";
    if (single) this.emit("keypress", single[0], single[1]);
    else if (text) this.emit("keypress", text, { sequence: text, name: undefined, ctrl: false, meta: false, shift: false });
  }
}

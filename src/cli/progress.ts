/**
 * The `12/150` counter of a render batch on a terminal's last line. It is wiped before
 * anything else is printed and drawn again after, so a printed path never runs into it
 * (`147/150out2/job148.brief.md`). Spaces wipe it, not an escape code: TERM=dumb shows those.
 */
import type { Stream } from "./output.ts";

export interface Counter {
  /** Removes the counter from the line (before printing anything). */
  clear(): void;
  show(done: number): void;
  /** Whether the counter is on screen. */
  shown(): boolean;
}

export function counter(stream: Stream, total: number, on: boolean): Counter {
  let text = "";
  return {
    clear() {
      if (text) stream.write(`\r${" ".repeat(text.length)}\r`);
      text = "";
    },
    show(done) {
      if (!on) return;
      const next = `${done}/${total}`;
      stream.write(`\r${next}`);
      text = next;
    },
    shown: () => text !== "",
  };
}

/**
 * A long paste into a terminal hearing: the text arrives as one keypress per character,
 * and the prompt stays responsive. Without coalescing (src/prompt/keys.ts), readline and the
 * redraw took time in the square of the paste's length: minutes for these pastes, far past
 * the bounded waits below. Then Ctrl-C is obeyed at once and the answers are on disk.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tmpdir, write } from "../helpers.ts";
import { hasTmux, Pty } from "./pty.ts";

const PACK = `kikitori: 1
id: paste
version: 1.0.0
title: { ja: 貼り付け, en: Paste test }
languages: [en, ja]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
      - { id: name, type: text, message: { ja: 名前は？, en: Your name? } }
      - { id: story, type: paragraph, message: { ja: 詳しく, en: Tell us more } }
      - { id: last, type: text, message: { ja: 最後, en: Last one? } }
`;

const open: Pty[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

/** Pastes as a terminal does: the whole text written to the program at once. */
function paste(pty: Pty, dir: string, text: string): void {
  const file = path.join(dir, ".paste.txt");
  fs.writeFileSync(file, text);
  execFileSync("tmux", ["-L", pty.socket, "load-buffer", file]);
  execFileSync("tmux", ["-L", pty.socket, "paste-buffer", "-t", "t"]);
}

describe.skipIf(!hasTmux())("a long paste in a terminal hearing", () => {
  it("is taken whole, quickly, in a line and in a paragraph; Ctrl-C then keeps it", { timeout: 240_000 }, async () => {
    const samples = fc.sample(fc.tuple(fc.constantFrom("abcdefghi ", "あいうえお", "1 ", "# ", "\u3000"), fc.integer({ min: 20_000, max: 60_000 })), {
      numRuns: 2,
      seed: 14,
    });
    for (const [unit, n] of samples) {
      const dir = tmpdir();
      write(dir, "paste.yaml", PACK);
      const pty = new Pty({ cwd: dir, args: ["start", "./paste.yaml", "-o", "p.answers.yaml", "--client", "A", "--job", "J", "--platform", "direct"] });
      open.push(pty);
      const line = `${unit.repeat(Math.ceil(n / unit.length)).trim()}END`;
      await pty.waitFor(/^\? Your name\?/m);
      paste(pty, dir, line);
      await pty.waitFor("END", 60_000);
      pty.keys("Enter");
      await pty.waitFor(/^\? Tell us more/m);
      paste(pty, dir, `${line}2`);
      await pty.waitFor("END2", 60_000);
      pty.keys("Enter", "Enter");
      await pty.waitFor(/^\? Last one\?/m);
      paste(pty, dir, "x".repeat(30_000));
      pty.keys("C-c");
      expect(await pty.exitCode()).toBe(130);
      const saved = parse(fs.readFileSync(path.join(dir, "p.answers.yaml"), "utf8"));
      expect(saved.answers.name).toBe(line);
      expect(saved.answers.story).toBe(`${line}2`);
    }
  });
});

/**
 * The terminal widgets in-process, keys written to a fake terminal: a digit jumps in a
 * multiple choice too; an optional choice with no answer starts on "leave empty"; Ctrl-N on a
 * question without allow_pending says why nothing happened.
 */
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import type { Ask, Reply } from "../../src/flow/prompter.ts";
import { TerminalPrompter } from "../../src/prompt/terminal.ts";

const plain = (s: string) => s;
const style = { bold: plain, dim: plain, accent: plain, error: plain, ok: plain, highlight: plain };

function terminal() {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode(): void };
  input.isTTY = true;
  input.setRawMode = () => {};
  let screen = "";
  const output = new PassThrough() as PassThrough & { columns: number; rows: number; isTTY: boolean };
  output.columns = 100;
  output.rows = 40;
  output.isTTY = true;
  output.on("data", (b) => {
    screen += String(b);
  });
  const prompter = new TerminalPrompter({ input, output, style, signal: new AbortController().signal });
  const text = () => stripVTControlCharacters(screen);
  /** Waits (a bounded number of event-loop turns, never a clock) until the screen shows `want`. */
  const until = async (want: string) => {
    for (let i = 0; i < 5000 && !text().includes(want); i++) await new Promise((r) => setImmediate(r));
    expect(text()).toContain(want);
  };
  return {
    prompter,
    until,
    /** Writes the keys (raw sequences) once the prompt has drawn its question. */
    async keys(...seq: string[]) {
      await until("?");
      for (const k of seq) input.write(k);
    },
    screen: text,
  };
}

const KEY = { enter: "\r", down: "\u001b[B", space: " ", ctrlN: "\u000e" };
const frame = { title: "T", section: 1, sections: 1, sectionTitle: "S", question: 1, questions: 1 };
const ask = (over: Partial<Ask>): Ask => ({
  kind: "question",
  id: "q",
  type: "select",
  lang: "en",
  frame,
  message: "Which?",
  examples: [],
  choices: [
    { value: "a", label: "Alpha" },
    { value: "b", label: "Beta" },
    { value: "c", label: "Gamma" },
  ],
  required: false,
  canPending: false,
  validate: () => undefined,
  ...over,
});

async function answer(t: ReturnType<typeof terminal>, a: Ask, ...seq: string[]): Promise<Reply> {
  const reply = t.prompter.ask(a);
  await t.keys(...seq);
  return reply;
}

describe("the terminal widgets", () => {
  it("a digit jumps to that choice in a multiple choice, and Space picks it", async () => {
    const t = terminal();
    const r = await answer(t, ask({ type: "multiselect" }), "3", KEY.space, "1", KEY.space, KEY.enter);
    expect(r).toEqual({ type: "answer", value: ["a", "c"] });
  });

  it("an optional choice without an answer starts on (leave empty): Enter records nothing", async () => {
    const t = terminal();
    expect(await answer(t, ask({}), KEY.enter)).toEqual({ type: "answer", value: null });
    const yesNo = terminal();
    expect(await answer(yesNo, ask({ type: "confirm", choices: undefined }), KEY.enter)).toEqual({ type: "answer", value: null });
  });

  it("a required choice, or one with a current answer, starts there as before", async () => {
    expect(await answer(terminal(), ask({ required: true }), KEY.enter)).toEqual({ type: "answer", value: "a" });
    expect(await answer(terminal(), ask({ initial: "b" }), KEY.enter)).toEqual({ type: "answer", value: "b" });
  });

  it("Ctrl-N where not decided yet is not allowed says why, and the question stays", async () => {
    for (const type of ["select", "text"] as const) {
      const t = terminal();
      const a = type === "text" ? ask({ type, choices: undefined }) : ask({ required: true });
      const reply = t.prompter.ask(a);
      await t.keys(KEY.ctrlN);
      await t.until('This question cannot be "not decided yet" (the pack does not set allow_pending for it)');
      await t.keys(...(type === "text" ? ["x", KEY.enter] : [KEY.enter]));
      expect((await reply).type).toBe("answer");
    }
  });

  it("Ctrl-N where it is allowed gives not decided yet", async () => {
    expect(await answer(terminal(), ask({ canPending: true }), KEY.ctrlN)).toEqual({ type: "pending" });
  });
});

import { describe, expect, it } from "vitest";
import type { Ask } from "../../src/flow/prompter.ts";
import { choiceRows, displayWidth, questionKeys, renderHead, rowText, screenHeight, truncate } from "../../src/prompt/screen.ts";

const plain = { bold: String, dim: String, accent: String, error: String, ok: String, highlight: String };
const brackets = { ...plain, dim: (s: string) => `[${s}]` };

const ask = (over: Partial<Ask>): Ask => ({
  kind: "question",
  id: "q",
  type: "text",
  lang: "en",
  frame: { title: "Pack", section: 2, sections: 4, sectionTitle: "Tone", question: 1, questions: 3, intro: "About the feel." },
  message: "What feel?",
  examples: [],
  required: false,
  canPending: false,
  validate: () => undefined,
  ...over,
});

describe("terminal layout", () => {
  it.each([
    ["abc", 3],
    ["山田", 4],
    ["ＡＢ", 4],
    ["\u001b", 0],
  ])("displayWidth(%j) = %i", (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });

  it.each([
    ["short", 10, "short"],
    ["a longer line", 8, "a longe…"],
    ["山田花子様", 6, "山田…"],
    ["two\nlines", 20, "two lines"],
  ])("truncate(%j, %i)", (s, w, out) => {
    expect(truncate(s, w)).toBe(out);
  });

  it("styles a hint only after cutting, so no escape code is cut in half", () => {
    expect(rowText("Modern", "Clean lines", 40, brackets.dim)).toBe("Modern[ — Clean lines]");
    expect(rowText("Modern", "Clean lines", 12, brackets.dim)).toBe("Modern[ — Cl…]");
    expect(rowText("A very long label", "hint", 8, brackets.dim)).toBe("A very …");
  });

  it("counts wrapped rows", () => {
    expect(screenHeight(["", "x".repeat(25), "山".repeat(10)], 10)).toBe(1 + 3 + 2);
  });

  it("shows progress, intro, help, examples and the refusal above the answer area", () => {
    const head = renderHead(ask({ help: "So we spell it right", examples: ["Blue Bird", "Cafe"], required: true, notice: "Too long" }), plain, 80);
    expect(head).toEqual([
      "Pack",
      "Section 2/4: Tone · Question 1/3",
      "About the feel.",
      "",
      "? What feel? (required)",
      "  Why we ask: So we spell it right",
      "  Examples: Blue Bird / Cafe",
      "  Too long",
    ]);
  });

  it.each([
    ["text", false, "line", "Enter confirm · Esc back"],
    ["date", true, "line", "Enter confirm · Esc back · Ctrl-N not decided yet"],
    ["multiselect", false, "checkbox", "↑↓ move · Space pick/unpick · Enter confirm · Esc back"],
    ["list", false, "lines", "Enter next line · Enter on an empty line: done · Esc back"],
  ] as const)("keys of a %s question (pending allowed: %s)", (type, canPending, area, line) => {
    expect(
      questionKeys(ask({ type, canPending }), area)
        .map(([k, a]) => (k ? `${k} ${a}` : a))
        .join(" · "),
    ).toBe(line);
  });

  it("offers yes/no for confirm, a row per step of a short scale, and a way to leave an optional one empty", () => {
    expect(choiceRows(ask({ type: "confirm", required: true })).map((r) => r.value)).toEqual([true, false]);
    expect(choiceRows(ask({ type: "scale", min: 1, max: 3, minLabel: "low", maxLabel: "high" }))).toEqual([
      { label: "1", hint: "low", value: 1 },
      { label: "2", value: 2 },
      { label: "3", hint: "high", value: 3 },
      { label: "(leave empty)", value: null },
    ]);
  });
});

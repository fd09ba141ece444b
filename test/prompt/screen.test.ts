import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import type { Ask } from "../../src/flow/prompter.ts";
import { loneRanges } from "../../src/lone-units.ts";
import { choiceRows, questionKeys, renderHead, rowText, screenHeight, truncate } from "../../src/prompt/screen.ts";
import { graphemes, measureFromEnv, narrow, wide, wrapText } from "../../src/prompt/width.ts";
import { mixedText } from "../ground/lone-text.ts";

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
    ["abc", 3, 3],
    ["山田", 4, 4],
    ["ＡＢ", 4, 4],
    ["\u001b[1m太\u001b[22m", 2, 2],
    // Decomposed カタカナ as macOS pastes it: the voiced mark joins its letter.
    ["カ\u3099ト\u3099", 4, 4],
    ["☕ ✅", 5, 5],
    ["👨‍👩‍👧", 2, 2],
    ["🇯🇵", 2, 2],
    ["e\u0301", 1, 1],
    // Ambiguous: one column, or two where the terminal shows East Asian text wide.
    ["…※①○", 4, 8],
  ])("%j takes %i columns (%i with ambiguous characters wide)", (s, n, w) => {
    expect(narrow(s)).toBe(n);
    expect(wide(s)).toBe(w);
  });

  it("measures every lone unit as string-width does, in both modes", () => {
    const wrong: string[] = [];
    for (const [first, last] of loneRanges()) {
      for (let u = first; u <= last; u++) {
        const c = String.fromCharCode(u);
        if (narrow(c) !== stringWidth(c) || wide(c) !== stringWidth(c, { ambiguousIsNarrow: false })) wrong.push(u.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it("measures and splits as string-width and Intl.Segmenter do, on any text (property)", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    fc.assert(
      fc.property(mixedText, (s) => {
        expect(narrow(s)).toBe(stringWidth(s));
        expect(wide(s)).toBe(stringWidth(s, { ambiguousIsNarrow: false }));
        expect(graphemes(s)).toEqual(Array.from(segmenter.segment(s), (g) => g.segment));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    [{ KIKITORI_AMBIGUOUS: "wide" }, 2],
    [{ KIKITORI_AMBIGUOUS: "WIDE " }, 2],
    [{ KIKITORI_AMBIGUOUS: "narrow" }, 1],
    [{}, 1],
  ])("KIKITORI_AMBIGUOUS %j measures ※ as %i", (env, n) => {
    expect(measureFromEnv(env)("※")).toBe(n);
  });

  it.each([
    ["short", 10, "short"],
    ["a longer line", 8, "a lon..."],
    ["山田花子様", 7, "山田..."],
    ["two\nlines", 20, "two lines"],
    ["カ\u3099カ\u3099カ\u3099カ\u3099", 7, "カ\u3099カ\u3099..."],
    ["👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 5, "👨‍👩‍👧..."],
  ])("truncate(%j, %i)", (s, w, out) => {
    expect(truncate(s, w)).toBe(out);
  });

  it("cuts by the terminal's width of ambiguous characters", () => {
    expect(truncate("※※※※※※", 9, narrow)).toBe("※※※※※※");
    expect(truncate("※※※※※※", 9, wide)).toBe("※※※...");
  });

  it("styles a hint only after cutting, so no escape code is cut in half", () => {
    expect(rowText("Modern", "Clean lines", 40, brackets.dim)).toBe("Modern[ - Clean lines]");
    expect(rowText("Modern", "Clean lines", 14, brackets.dim)).toBe("Modern[ - Cl...]");
    expect(rowText("A very long label", "hint", 8, brackets.dim)).toBe("A ver...");
  });

  it("counts wrapped rows", () => {
    expect(screenHeight(["", "x".repeat(25), "山".repeat(10)], 10)).toBe(1 + 3 + 2);
    expect(screenHeight(["※".repeat(10)], 10, narrow)).toBe(1);
    expect(screenHeight(["※".repeat(10)], 10, wide)).toBe(2);
  });

  it.each([
    ["Why we ask: so we spell it right", 12, ["Why we ask:", "so we spell", "it right"]],
    ["一二三四五六七八九十", 7, ["一二三", "四五六", "七八九", "十"]],
    ["ab山", 3, ["ab", "山"]],
    ["supercalifragilistic", 8, ["supercal", "ifragili", "stic"]],
    ["※※※※", 4, ["※※", "※※"], wide],
  ] as const)("wraps %j at %i columns", (text, width, rows, measure = narrow) => {
    expect(wrapText(text, width, measure)).toEqual(rows);
  });

  it("wraps any text into rows that fit, losing nothing but the spaces at the breaks", () => {
    const text = fc.array(fc.constantFrom("a", "b", " ", "山", "カ\u3099", "☕", "※", "👨‍👩‍👧", "é"), { maxLength: 60 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 30 }), fc.boolean(), (t, width, isWide) => {
        const m = isWide ? wide : narrow;
        const rows = wrapText(t, width, m);
        for (const r of rows) expect(m(r)).toBeLessThanOrEqual(width);
        expect(rows.join("").replaceAll(" ", "")).toBe(t.replaceAll(" ", ""));
      }),
    );
  });

  it("wraps the question block itself, by the terminal's measure", () => {
    const head = renderHead(ask({ message: "※".repeat(12), help: "※".repeat(12) }), plain, 20, wide);
    expect(head.slice(4)).toEqual(["? " + "※".repeat(9), "※※※", "  Why we ask: ※※※", "※".repeat(9)]);
  });

  it("shows progress, intro, help, examples and the refusal above the answer area", () => {
    const head = renderHead(ask({ help: "So we spell it right", examples: ["Blue Bird", "Cafe"], required: true, notice: "Too long" }), plain, 80);
    expect(head).toEqual([
      "Pack",
      "Section 2/4: Tone / Question 1/3",
      "About the feel.",
      "",
      "? What feel? (required)",
      "  Why we ask: So we spell it right",
      "  Examples: Blue Bird / Cafe",
      "  Too long",
    ]);
  });

  it.each([
    ["text", false, "line", "Enter confirm | Esc back"],
    ["date", true, "line", "Enter confirm | Esc back | Ctrl-N not decided yet"],
    ["multiselect", false, "checkbox", "Up/Down move | Space pick/unpick | Enter confirm | Esc back"],
    ["list", false, "lines", "Enter next line | Enter on an empty line: done | Esc back"],
  ] as const)("keys of a %s question (pending allowed: %s)", (type, canPending, area, line) => {
    expect(
      questionKeys(ask({ type, canPending }), area)
        .map(([k, a]) => (k ? `${k} ${a}` : a))
        .join(" | "),
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

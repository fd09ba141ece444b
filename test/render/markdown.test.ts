import { describe, expect, it } from "vitest";
import { escapeBlock, escapeCell, escapeInline, escapeLine, linkOrText, quoteBlock } from "../../src/render/markdown.ts";

describe("escapeInline", () => {
  it.each([
    ["plain words", "plain words"],
    ["日本語のテキスト", "日本語のテキスト"],
    ["a *b* _c_", "a \\*b\\* \\_c\\_"],
    ["[link](x)", "\\[link\\](x)"],
    ["<b>", "\\<b\\>"],
    ["a|b", "a\\|b"],
    ["`code`", "\\`code\\`"],
    ["back\\slash", "back\\\\slash"],
    ["R&D", "R&D"],
    ["&amp;", "\\&amp;"],
    ["~~x~~", "\\~\\~x\\~\\~"],
    ["e.g. 1.5", "e.g. 1.5"],
  ])("%j → %j", (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });
});

describe("escapeLine (line-start constructs)", () => {
  it.each([
    ["# heading", "\\# heading"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["1. first", "1\\. first"],
    ["2) second", "2\\) second"],
    ["> quote", "\\> quote"],
    ["===", "\\==="],
    ["2026年", "2026年"],
    ["  indented", "\u00a0\u00a0indented"],
  ])("%j → %j", (input, expected) => {
    expect(escapeLine(input)).toBe(expected);
  });
});

describe("blocks", () => {
  it("keeps every line of a paragraph with hard breaks", () => {
    expect(escapeBlock("one\n# two\nthree")).toBe("one\\\n\\# two\\\nthree");
  });
  it("quotes every line, blank lines included", () => {
    expect(quoteBlock("a\n\n- b")).toBe("> a\n>\n> \\- b");
  });
  it("folds line breaks in table cells", () => {
    expect(escapeCell("a\nb|c")).toBe("a b\\|c");
  });
  it.each([
    ["https://example.com/a.png", "<https://example.com/a.png>"],
    ["refs/a_b.png", "refs/a\\_b.png"],
    ["javascript:alert(1)", "javascript:alert(1)"],
  ])("link %j → %j", (input, expected) => {
    expect(linkOrText(input)).toBe(expected);
  });
});

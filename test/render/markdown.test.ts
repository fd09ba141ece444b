import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, escapeBlock, escapeCell, escapeInline, escapeLine, linkOrText, quoteBlock } from "../../src/render/markdown.ts";

/** escapeInline's replacements, every one run on every text: what its shortcut must agree with. */
const allReplacements = (s: string) =>
  cleanText(s)
    .replace(/(?<![ \t])[ \t]*\n[ \t]*|\n[ \t]*/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
    .replace(/(?<!#)#+(?=[ \t]*$)/, "\\$&")
    .replace(/(https?|ftp):(?=\/\/)/gi, "$1\\:")
    .replace(/(www)\./gi, "$1\\.")
    .replace(/(?<=\S)@/g, "\\@");

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
    expect(allReplacements(input)).toBe(expected);
  });

  it("gives what all its replacements give, on any text (property)", () => {
    const unit = fc.oneof(
      fc.constantFrom("a", "w", "W", ".", ":", "/", "#", "@", "&", ";", " ", "\t", "\n", "\r", "\u001b", "\u202e", "*", "`", "山"),
      fc.constantFrom("www.", "WwW.", "ww", "://", "http", "HTTPS", "ftp:", "&amp;", " #"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        expect(escapeInline(s)).toBe(allReplacements(s));
      }),
      { numRuns: 5000 },
    );
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

/**
 * The smallest examples of the bugs the property and matrix tests found, kept as plain cases
 * so a regression names itself.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderAnswersYaml } from "../../src/answers/io.ts";
import type { AnswersFile } from "../../src/answers/types.ts";
import { escapeInline, escapeLine, linkOrText, plainLine } from "../../src/render/markdown.ts";
import { run } from "../helpers.ts";

describe("Markdown escaping", () => {
  it.each([
    ["a trailing # is not a heading's closing sequence", escapeInline("SNS #"), "SNS \\#"],
    ["a line break in an inline value is folded", escapeLine("a\n# b"), "a # b"],
    ["a lone CR is a line break too", escapeLine("a\r- b"), "a - b"],
    ["a reference that is not a URL cannot start a list", linkOrText("1. item"), "1\\. item"],
    ["nor a heading", linkOrText("# x"), "\\# x"],
    ["terminal escape sequences are dropped", escapeInline("\u001b[31mred\u001b[0m"), "red"],
    ["NUL and other controls are dropped", escapeInline("a\u0000b\u0007c"), "abc"],
    ["a plain message line drops them too", plainLine("\u001b]0;title\u0007Hi\rthere"), "Hi / there"],
  ])("%s", (_why, got, want) => {
    expect(got).toBe(want);
  });
});

describe("answers files", () => {
  it.each([" \n", "  \n\n", " \n a", "\t\n", "a\n \n"])("%j survives a save", (text) => {
    const file: AnswersFile = { kikitori: 1, pack: { id: "p", version: "1.0.0" }, status: "complete", meta: {}, answers: { note: text } };
    expect((parse(renderAnswersYaml(file), { version: "1.2" }) as AnswersFile).answers.note).toBe(text);
  });

  it("keeps multi-line answers readable as block scalars", () => {
    const file: AnswersFile = { kikitori: 1, pack: { id: "p", version: "1.0.0" }, status: "complete", meta: {}, answers: { note: "line one\nline two\n" } };
    expect(renderAnswersYaml(file)).toContain("note: |\n    line one\n    line two\n");
  });
});

describe("planner limits", () => {
  it.each([
    [["--due", "2200-01-01", "--calendar", "none"], /more than thirty years after the start date/],
    [["--revisions", "100000000"], /Revision rounds must be a whole number from 0 to 50/],
    [["--effort", "90000", "--hours-per-day", "1"], /takes more than thirty years/],
    [["--hours-per-day", "1e-300"], /takes more than thirty years/],
  ])("schedule %j is refused (exit 2), not an internal error", async (args, says) => {
    const r = await run(["schedule", "--due", "2027-01-01", "--effort", "30", "--hours-per-day", "4", ...args]);
    expect(r.stderr).toMatch(says);
    expect(r.code).toBe(2);
  });

  it("a tiny draft share with revisions plans instead of crashing", async () => {
    const r = await run([
      "schedule",
      "--due",
      "2027-01-01",
      "--effort",
      "30",
      "--hours-per-day",
      "4",
      "--calendar",
      "none",
      "--revisions",
      "3",
      "--draft-share",
      "0.000000001",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

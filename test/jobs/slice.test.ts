/**
 * The slicer's shortcuts (a regular expression run only on lines that may match, indentation
 * counted without cutting lines) cut every text as the plain line-by-line reading does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerBlocks, topLevelBlocks } from "../../src/jobs/slice.ts";

const TOP_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]|\r?$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?\r?$/;

/** topLevelBlocks as first written: every line tested with the expressions. */
function referenceBlocks(text: string): { key: string; lines: string[] }[] | undefined {
  const blocks: { key: string; lines: string[] }[] = [];
  const lead: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split("\n")) {
    const current = blocks[blocks.length - 1];
    if (BLANK_OR_COMMENT.test(line) || line.startsWith(" ")) {
      if (line.startsWith(" ") && !current) return undefined;
      (current?.lines ?? lead).push(line);
      continue;
    }
    const m = TOP_KEY.exec(line);
    if (!m?.[1] || seen.has(m[1])) return undefined;
    seen.add(m[1]);
    blocks.push({ key: m[1], lines: [line] });
  }
  return blocks;
}

/** answerBlocks as first written: indentation measured with trimStart. */
function referenceAnswers(lines: string[]): Map<string, string[]> | undefined {
  const [head = "", ...body] = lines;
  if (!/^answers:[ \t]*(?:#.*)?\r?$/.test(head)) return undefined;
  const out = new Map<string, string[]>();
  let indent = -1;
  let current: string[] | undefined;
  for (const line of body) {
    if (BLANK_OR_COMMENT.test(line)) {
      current?.push(line);
      continue;
    }
    const n = line.length - line.trimStart().length;
    if (line.slice(0, n).includes("\t")) return undefined;
    if (indent < 0) indent = n;
    if (n > indent) {
      if (!current) return undefined;
      current.push(line);
      continue;
    }
    if (n < indent) return undefined;
    const rest = line.slice(n);
    if (/^-(?:[ \t]|\r?$)/.test(rest)) {
      if (!current) return undefined;
      current.push(line);
      continue;
    }
    const m = /^([a-z0-9_]+):(?:[ \t]|\r?$)/.exec(rest);
    if (!m?.[1] || out.has(m[1])) return undefined;
    current = [line];
    out.set(m[1], current);
  }
  return out;
}

const piece = fc.constantFrom(
  " ",
  "  ",
  "\t",
  " \t",
  "  a: 1",
  "  - x",
  "\u3000",
  "\u00a0",
  "\u2028",
  "#",
  "# x",
  "\r",
  "-",
  "- ",
  "a",
  "b_1",
  ":",
  ": ",
  "x: 1",
  "answers:",
  "meta:",
  "Ab",
);
const line = fc.array(piece, { maxLength: 5 }).map((p) => p.join(""));
const texts = fc.array(line, { maxLength: 12 }).map((ls) => ["answers:", ...ls].join("\n"));

describe("slicing answers files", () => {
  it("cuts any text into the same blocks and answers as the line-by-line reading (property)", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const blocks = topLevelBlocks(text);
        expect(blocks).toEqual(referenceBlocks(text));
        const answers = blocks?.find((b) => b.key === "answers");
        if (answers) expect(answerBlocks(answers)).toEqual(referenceAnswers(answers.lines));
      }),
      { numRuns: 3000 },
    );
  });
});

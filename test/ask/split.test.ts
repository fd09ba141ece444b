/** ask --split: parts within the limit, headed (k/n), never cutting a question or stranding a section title. */
import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/ask/split.ts";

const questions = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${from + i}. Question ${from + i}?\n    1) Yes\n    2) No`).join("\n");
const TEXT = `Hi Jane,\n\nIntro paragraph.\n\n== Part one ==\nAbout this part.\n\n${questions(1, 6)}\n\n== Part two ==\n\n${questions(7, 12)}\n\nBest regards,\n`;

describe("splitMessage", () => {
  it.each([200, 260, 400])("at %i characters: every part fits, each question whole, in order", (max) => {
    const { parts, oversize } = splitMessage(TEXT, max, "en");
    expect(oversize).toEqual([]);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(p.length).toBeLessThanOrEqual(max);
      expect(p.startsWith(`(${i + 1}/${parts.length})\n`)).toBe(true);
      expect(p).not.toMatch(/== Part (one|two) ==\s*$/);
    });
    const joined = parts.join("\n");
    for (let n = 1; n <= 12; n++) expect(joined).toContain(`${n}. Question ${n}?\n    1) Yes\n    2) No`);
    expect(joined.indexOf("12. Question")).toBeGreaterThan(joined.indexOf("11. Question"));
  });

  it("keeps a short message whole, without a heading", () => {
    expect(splitMessage(TEXT, 5000, "ja").parts).toEqual([TEXT.trimEnd()]);
  });

  it("sends an over-long question whole and says so", () => {
    const long = `1. ${"x".repeat(400)}\n2. Short?`;
    const { parts, oversize } = splitMessage(long, 200, "ja");
    expect(oversize).toEqual([1]);
    expect(parts[0]).toContain("x".repeat(400));
    expect(parts[0]?.startsWith("（1/2）")).toBe(true);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allLone, isLoneUnit, loneRanges } from "../../src/lone-units.ts";
import { JOINERS, mixedText } from "./lone-text.ts";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const count = (s: string) => [...segmenter.segment(s)].length;
const hex = (u: number) => `U+${u.toString(16).toUpperCase().padStart(4, "0")}`;

describe("lone units", () => {
  it("every unit of every range is a grapheme of its own, whatever lone unit is next to it", () => {
    // A unit that is Other, Control or LF breaks from anything lone on both sides (UAX #29):
    // these neighbours catch every other Grapheme_Cluster_Break value.
    const wrong: string[] = [];
    for (const [first, last] of loneRanges()) {
      for (let u = first; u <= last; u++) {
        const c = String.fromCharCode(u);
        const ok = count(`a${c}${c}a`) === 4 && count(`${c}\n`) === 2 && count(`${c}\u11a8`) === 2 && count(`\u1100${c}`) === 2 && count(`\u1161${c}`) === 2;
        if (!ok || !isLoneUnit(u)) wrong.push(hex(u));
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([...JOINERS.flatMap((j) => [...j]), "\u0000", "\u001b", "\u007f", "\u0085", "\u009b", "\u3164", "\uffa0", "\ufeff"])("%j is not lone", (c) => {
    expect(isLoneUnit(c.charCodeAt(0))).toBe(false);
  });

  it("a text of lone units has as many graphemes as units (property)", () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        if (allLone(s)) expect(count(s)).toBe(s.length);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["", true],
    ["Logo, 2 rounds\n\tok", true],
    ["山田様 · カフェのモーニング告知（A4）", true],
    ["ｶﾌｪ", true],
    ["ｶﾞ", false],
    ["line\r\n", false],
    ["e\u0301", false],
    ["👍", false],
  ])("allLone(%j) is %s", (s, lone) => {
    expect(allLone(s)).toBe(lone);
  });
});

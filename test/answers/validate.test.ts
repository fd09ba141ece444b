import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnswersText, renderAnswersYaml } from "../../src/answers/io.ts";
import type { Answers } from "../../src/answers/types.ts";
import { validateAnswers } from "../../src/answers/validate.ts";
import { readPackFile } from "../../src/pack/load.ts";
import { FIXTURES } from "../helpers.ts";

const { pack } = readPackFile(path.join(FIXTURES, "packs", "all-types.yaml"));
const BASE: Answers = { name: "Yamada", style: "friendly", due_date: "2026-12-11" };

function problemsOf(extra: Record<string, unknown>, base: Answers = BASE) {
  return validateAnswers(pack, { ...base, ...extra } as Answers).problems.filter((p) => p.severity !== "warning");
}

describe("answers against their pack", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["value outside the choices", { style: "cute" }, /style: "cute" is not one of the choices/],
    ["unknown id with a suggestion", { nmae: "x" }, /nmae: no question.*did you mean "name"/],
    ["wrong type for confirm", { colors_fixed: "maybe" }, /colors_fixed: must be true or false/],
    ["number above its maximum", { revisions: 11 }, /revisions: 11 is out of range/],
    ["scale not a whole number", { friendliness: 2.5 }, /friendliness: must be a whole number/],
    ["scale out of range", { friendliness: 9 }, /friendliness: 9 is out of range/],
    ["invalid date", { due_date: "2026-02-30" }, /due_date: "2026-02-30" is not a date/],
    ["multiselect outside choices", { usage: ["sns", "tv"] }, /usage: "tv" is not among the choices/],
    ["multiselect below min_items", { usage: [] }, /usage: needs at least 1 items/],
    ["text too long", { name: "x".repeat(41) }, /name: must be at most 40 characters/],
    ["pending where not allowed", { style: { pending: true } }, /style: this question cannot be "not decided yet"/],
    ["bad reference", { refs: [{ url: "x" }] }, /refs: a reference has the wrong form/],
  ])("%s", (_name, extra, pattern) => {
    const problems = problemsOf(extra);
    expect(problems.map((p) => `${p.message.en} — ${p.fix?.en}`).join("\n")).toMatch(pattern);
    for (const p of problems) expect(p.message.ja).not.toBe("");
  });

  it("lists every missing required answer at once", () => {
    const problems = validateAnswers(pack, {}).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(["due_date", "name", "style"]);
  });

  it("does not report an invalid required answer as missing too", () => {
    expect(problemsOf({ style: "cute" })).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, Answers]>([
    ["a number where text is asked", { name: 123 }, { ...BASE, name: "123" }],
    ["a single value for a multiselect", { usage: "web" }, { ...BASE, usage: ["web"] }],
    ["a plain string reference", { refs: ["https://x.test/a.png"] }, { ...BASE, refs: [{ source: "https://x.test/a.png" }] }],
    ["a pending answer with a note", { due_date: { pending: true, note: "相談" } }, { ...BASE, due_date: { pending: true, note: "相談" } }],
    ["answers of hidden questions dropped", { colors_fixed: false, palette: "blue" }, { ...BASE, colors_fixed: false }],
    ["other text dropped when other is not chosen", { style_other: "水彩" }, BASE],
    ["empty values are not answers", { palette: null, usage: null }, BASE],
  ])("normalizes %s", (_name, extra, expected) => {
    const r = validateAnswers(pack, { ...BASE, ...extra } as Answers);
    expect(r.problems.filter((p) => p.severity !== "warning")).toEqual([]);
    expect(r.answers).toEqual(expected);
  });

  it("round-trips YAML-special strings through the answers file", () => {
    const specials = ["no", "~", "null", "2026-01-01", "#x", "a: b", "  lead", "yes", "0x1F", "'q'", '"dq"', "- dash", "@at", "%pct", "multi\nline"];
    for (const s of specials) {
      const file = { kikitori: 1 as const, pack: { id: pack.id, version: pack.version }, status: "complete" as const, meta: {}, answers: { ...BASE, name: s } };
      const back = parseAnswersText(renderAnswersYaml(file, pack), "x.yaml");
      expect(back.file.answers.name).toBe(s);
    }
  });
});

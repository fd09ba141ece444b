import { describe, expect, it } from "vitest";
import { compareAnswers } from "../../src/answers/compare.ts";
import { comparePacks, describePackChanges } from "../../src/pack/diff.ts";
import type { Pack, Question } from "../../src/pack/types.ts";

const t = (s: string) => ({ ja: s, en: s });
const q = (id: string, extra: Partial<Question> = {}): Question => ({ id, type: "text", message: t(id), required: false, allow_pending: false, ...extra });
const pack = (version: string, questions: Question[]): Pack => ({
  kikitori: 1,
  id: "p",
  version,
  title: t("P"),
  languages: ["en"],
  sections: [{ id: "s", title: t("S"), questions }],
});
const choices = (...values: string[]) => values.map((value) => ({ value, label: t(value) }));

const v1 = pack("1.0.0", [q("name"), q("style", { type: "select", choices: choices("a", "b") }), q("gone"), q("count", { type: "number" })]);
const v2 = pack("2.0.0", [
  q("name", { required: true }),
  q("style", { type: "select", choices: choices("a", "c") }),
  q("count", { type: "text" }),
  q("due", { type: "date", required: true }),
]);

describe("comparePacks", () => {
  it("lists added, removed and changed questions with what changed", () => {
    expect(comparePacks(v1, v2)).toEqual([
      { id: "name", kind: "changed", aspects: ["required"] },
      { id: "style", kind: "changed", aspects: ["choices"] },
      { id: "count", kind: "changed", aspects: ["type"] },
      { id: "due", kind: "added", aspects: [] },
      { id: "gone", kind: "removed", aspects: [] },
    ]);
    expect(describePackChanges(comparePacks(v1, v2))).toEqual(["~ name (required)", "~ style (choices)", "~ count (type)", "+ due", "- gone"]);
    expect(comparePacks(v1, v1)).toEqual([]);
  });
});

describe("compareAnswers", () => {
  it("lists answers to removed questions, answers that no longer fit and newly required questions", () => {
    const changes = compareAnswers(v2, { name: "Ann", style: "b", gone: "x", count: "3" });
    expect(changes.map((c) => [c.id, c.kind])).toEqual([
      ["style", "changed"],
      ["gone", "removed"],
      ["due", "missing"],
    ]);
    expect(changes[0]?.reason.en).toContain("style");
  });

  it("is empty when the answers still fit", () => {
    expect(compareAnswers(v2, { name: "Ann", style: "c", due: "2026-12-01" })).toEqual([]);
  });
});

import { describe, expect, test } from "vitest";
import { parseWorkdays } from "../../src/schedule/workdays.ts";

describe("parseWorkdays", () => {
  test.each<[string | string[], number[]]>([
    ["mon-fri", [1, 2, 3, 4, 5]],
    ["mon,wed,fri", [1, 3, 5]],
    ["mon-sun", [0, 1, 2, 3, 4, 5, 6]],
    ["sat-mon", [0, 1, 6]], // wraps past Sunday
    ["fri-mon", [0, 1, 5, 6]],
    ["mon-mon", [1]],
    ["MON-Fri", [1, 2, 3, 4, 5]],
    ["mon, wed ,fri", [1, 3, 5]],
    ["mon-wed,fri", [1, 2, 3, 5]],
    ["monday-friday", [1, 2, 3, 4, 5]],
    ["月-金", [1, 2, 3, 4, 5]],
    ["月〜金", [1, 2, 3, 4, 5]],
    ["月、水、金", [1, 3, 5]],
    ["土曜,日曜", [0, 6]],
    [
      ["mon", "tue-wed"],
      [1, 2, 3],
    ],
  ])("%j → %j", (spec, days) => {
    expect(parseWorkdays(spec)).toEqual({ ok: true, days });
  });

  test.each<[string, string[]]>([
    ["funday", ["unknown_weekday"]],
    ["mon-xyz", ["unknown_weekday"]],
    ["mon-tue-wed", ["unknown_weekday"]],
    ["mon,blah,fri,bleh", ["unknown_weekday", "unknown_weekday"]],
    ["", ["no_workdays"]],
    [" , ", ["no_workdays"]],
  ])("%j is refused with %j", (spec, codes) => {
    const result = parseWorkdays(spec);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(codes);
    for (const p of result.problems) {
      expect(p.field).toBe("workdays");
      expect(p.message.ja).toMatch(/mon/);
      expect(p.message.en).toMatch(/mon/);
    }
  });

  test("a spec read again gives the same answer, whatever a caller did to the first one", () => {
    const first = parseWorkdays("mon,wed");
    if (first.ok) first.days.push(6);
    expect(parseWorkdays("mon,wed")).toEqual({ ok: true, days: [1, 3] });
    const bad = parseWorkdays("noday");
    const problem = bad.ok ? undefined : bad.problems[0];
    if (problem) problem.message.en = "changed";
    const again = parseWorkdays("noday");
    expect(again.ok ? "" : again.problems[0]?.message.en).toMatch(/not a weekday/);
  });
});

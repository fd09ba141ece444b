import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { isPendingWord, parseYesNo, splitSetArg } from "../../src/answers/coerce.ts";
import { parseSetValue } from "../../src/answers/set-value.ts";
import { presetAnswers } from "../../src/flow/preset.ts";
import { readPackFile } from "../../src/pack/load.ts";
import { allQuestions } from "../../src/pack/types.ts";
import { FIXTURES } from "../helpers.ts";

const pack = readPackFile(path.join(FIXTURES, "packs", "all-types.yaml")).pack;
const q = (id: string) => {
  const found = allQuestions(pack).find((x) => x.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("parseSetValue reads a --set value by the question's type", () => {
  it.each([
    ["name", "Cafe, Yamada", "Cafe, Yamada"],
    ["style", "friendly", "friendly"],
    ["style", "Realistic", "realistic"],
    ["style", "リアル", "realistic"],
    ["usage", "sns,web", ["sns", "web"]],
    ["usage", "[sns, print]", ["sns", "print"]],
    ["usage", "sns", ["sns"]],
    ["sns_sizes", '[400x400, "1080, wide"]', ["400x400", "1080, wide"]],
    ["colors_fixed", "true", true],
    ["colors_fixed", "no", false],
    ["colors_fixed", "はい", true],
    ["colors_fixed", "いいえ", false],
    ["revisions", "3", 3],
    ["revisions", "３", 3],
    ["budget", "50,000", 50000],
    ["budget", "1.5e3", 1500],
    ["friendliness", "4", 4],
    ["due_date", "2027-04-30", "2027-04-30"],
    ["due_date", "2027/4/3", "2027-04-03"],
    ["due_date", "pending", { pending: true }],
    ["goal", "未定", { pending: true }],
    ["refs", "https://a.example/x.png,avoid b.png too dark", [{ source: "https://a.example/x.png" }, { source: "b.png", kind: "avoid", note: "too dark" }]],
    ["revisions", "many", "many"],
    ["name", "", undefined],
  ])("%s=%s", (id, text, expected) => {
    expect(parseSetValue(q(id), text)).toEqual({ value: expected });
  });

  it("refuses a list it cannot read", () => {
    const r = parseSetValue(q("usage"), "[sns, ");
    expect("error" in r && r.error.en).toContain("--set usage: cannot read the list");
  });
});

describe("splitSetArg", () => {
  it.each([
    ["a=b", { id: "a", text: "b" }],
    ["a=b=c", { id: "a", text: "b=c" }],
    ["a=", { id: "a", text: "" }],
    ["a", undefined],
    ["=b", undefined],
  ])("%s", (arg, expected) => {
    expect(splitSetArg(arg)).toEqual(expected);
  });
});

describe("presetAnswers", () => {
  const set = (...args: string[]) => args.map((a) => splitSetArg(a) ?? { id: a, text: "" });

  it("fills the pack's defaults around the --set values, in pack order", () => {
    const r = presetAnswers(pack, set("name=Cafe", "usage=sns", "sns_sizes=400x400"), { defaults: true });
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual({ name: "Cafe", style: "friendly", usage: ["sns"], sns_sizes: ["400x400"] });
  });

  it("keeps defaults out when asked to (an interactive hearing shows them instead)", () => {
    expect(presetAnswers(pack, set("name=Cafe"), { defaults: false }).answers).toEqual({ name: "Cafe" });
  });

  it("an empty value clears a default", () => {
    expect(presetAnswers(pack, set("style="), { defaults: true }).answers).not.toHaveProperty("style");
  });

  it("reports every unknown id and wrong value at once, each naming its id", () => {
    const r = presetAnswers(pack, set("nmae=x", "revisions=99", "style=gothic", "colors_fixed=maybe"), { defaults: true });
    expect(r.problems.map((p) => p.path)).toEqual(["nmae", "revisions", "style", "colors_fixed"]);
    expect(r.problems[0]?.fix?.en).toBe('did you mean "name"?');
  });

  it("lists --set values of questions that do not apply", () => {
    const r = presetAnswers(pack, set("usage=web", "sns_sizes=400x400"), { defaults: true });
    expect(r.ignored).toEqual(["sns_sizes"]);
    expect(r.answers).not.toHaveProperty("sns_sizes");
  });
});

describe("the words shared with the reply reader", () => {
  it.each([
    ["はい", true],
    ["ＹＥＳ", true],
    ["ok", true],
    ["いいえ", false],
    ["無", false],
    ["不要", false],
    ["maybe", undefined],
  ])("yes/no %j → %j", (word, expected) => {
    expect(parseYesNo(word)).toBe(expected);
  });
  it.each([
    ["未定", true],
    ["未定です。", true],
    ["TBD", true],
    ["not decided yet", true],
    ["pending", true],
    ["未定 来週決めます", false],
    ["決定", false],
  ])("pending %j → %j", (word, expected) => {
    expect(isPendingWord(word)).toBe(expected);
  });
});

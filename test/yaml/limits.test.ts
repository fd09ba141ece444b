import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { parseYaml, YAML_LIMITS } from "../../src/yaml/parse.ts";

const firstProblem = (text: string) => {
  try {
    parseYaml(text, "t.yaml");
    return "ok";
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const p = e.problems[0];
    return `${p?.line}: ${p?.message.en}`;
  }
};

const SHAPES: Record<string, (n: number) => string> = {
  flow: (n) => `a: ${"[".repeat(n)}${"]".repeat(n)}`,
  "flow maps": (n) => `a: ${"{a: ".repeat(n)}${"}".repeat(n)}`,
  "compact sequences": (n) => `${"- ".repeat(n)}x\n`,
  "explicit keys": (n) => `${"? ".repeat(n)}x\n`,
  indentation: (n) => `${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} x\n`,
  "sequences of maps": (n) => `${Array.from({ length: n }, (_, i) => `${" ".repeat(2 * i)}- a:`).join("\n")} x\n`,
  "quoted brackets": (n) => `a: [${"']',[".repeat(n)}${"]".repeat(n)}]`,
};

describe("YAML nesting is refused, never a crash", () => {
  // Just under the pre-parse bound the parser itself runs (and the depth check answers);
  // far over it the scan stops the text before the parser sees it.
  for (const [name, make] of Object.entries(SHAPES)) {
    // Indentation grows with the square of the depth: 1400 levels is already about 1 MiB.
    const most = name === "indentation" || name === "sequences of maps" ? 1_400 : 150_000;
    it.each([YAML_LIMITS.scanDepth - 2, 1_000, most])(`${name}, %i levels`, (n) => {
      expect(firstProblem(make(n))).toMatch(/nesting is too deep|keys must be plain strings/);
    });
  }

  it("accepts ordinary nesting", () => {
    expect(firstProblem("a:\n  b:\n    - c: [1, {d: [2, 3]}]\n      e: |\n                  deeply indented text\n")).toBe("ok");
  });
});

describe("other YAML limits", () => {
  it.each([
    [
      "alias bomb",
      `a: &a [${'"x",'.repeat(10)}]\nb: &b [${"*a,".repeat(10)}]\nc: &c [${"*b,".repeat(10)}]\nd: [${"*c,".repeat(10)}]\n`,
      "aliases expand too much",
    ],
    ["duplicate keys", "a: 1\na: 2\n", "map keys must be unique"],
    ["__proto__ key", "a:\n  __proto__: { x: 1 }\n", "the key __proto__ is not allowed"],
    ["%YAML 1.1", "%YAML 1.1\n---\na: yes\n", "the %YAML 1.1 directive is not supported"],
  ])("%s", (_name, text, reason) => {
    expect(firstProblem(text)).toContain(reason);
  });

  it("reads yes/no as strings (YAML 1.2)", () => {
    expect(parseYaml("a: no\n", "t").data).toEqual({ a: "no" });
  });
});

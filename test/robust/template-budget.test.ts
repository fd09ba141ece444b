/**
 * Templates from packs run with a budget: loops nested or wide enough to run for ever stop
 * with exit 65 naming the template and the line; loops within the budget render in full.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DataError } from "../../src/errors.ts";
import { TEMPLATE_LIMITS } from "../../src/render/budget.ts";
import { compileUntrustedTemplate } from "../../src/render/engine.ts";

/** A list whose every item holds the list again, so `{{#each xs}}` nests as deep as asked. */
function selfNested(width: number): { xs: unknown[] } {
  const xs: { xs: unknown[] }[] = [];
  for (let i = 0; i < width; i++) xs.push({ xs });
  return { xs };
}

function loops(depth: number, block: boolean): string {
  const open = Array.from({ length: depth }, () => (block ? "{{#xs}}\n" : "{{#each xs}}\n")).join("");
  const close = Array.from({ length: depth }, () => (block ? "{{/xs}}" : "{{/each}}")).join("");
  return `# title\n${open}x${close}\n`;
}

describe("a render has a budget of loop iterations", () => {
  test("nested loops render in full within the budget and stop with the line past it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), (depth, width, block) => {
        let total = 0;
        for (let d = 1; d <= depth; d++) total += width ** d;
        const render = compileUntrustedTemplate(loops(depth, block), "pack.yaml (templates.brief)");
        if (total <= TEMPLATE_LIMITS.iterations) {
          const out = render(selfNested(width));
          expect(out.split("x").length - 1).toBe(width ** depth);
          return;
        }
        let err: unknown;
        try {
          render(selfNested(width));
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(DataError);
        const e = err as DataError;
        expect(e.exitCode).toBe(65);
        const line = e.problems[0]?.line ?? 0;
        expect(line).toBeGreaterThanOrEqual(2);
        expect(line).toBeLessThanOrEqual(depth + 1);
        expect(e.lines("en").join("\n")).toMatch(
          /^template pack\.yaml \(templates\.brief\) was stopped: it does too much work\n {2}pack\.yaml \(templates\.brief\):\d+:1: this \{\{#each\}\} ran more than 1000000 times/,
        );
      }),
      { numRuns: 25 },
    );
  });

  test("the seven nested loops over forty sections of the report stop at once", () => {
    const render = compileUntrustedTemplate(loops(7, false), "t.hbs");
    expect(() => render(selfNested(40))).toThrow(DataError);
  });

  test("text repeated past what a string can hold stops too", () => {
    const render = compileUntrustedTemplate("{{x}}".repeat(40_000), "t.hbs");
    let err: unknown;
    try {
      render({ x: "y".repeat(2 * 1024 * 1024) });
    } catch (e) {
      err = e;
    }
    expect((err as DataError).exitCode).toBe(65);
    expect((err as DataError).lines("en")[0]).toMatch(/does too much work/);
  });
});

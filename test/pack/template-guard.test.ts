import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTemplateSource, TEMPLATE_HELPERS } from "../../src/pack/template-guard.ts";
import { HELPERS } from "../../src/render/engine.ts";
import { ROOT } from "../helpers.ts";

const reasons = (source: string) => checkTemplateSource(source).map((i) => `${i.line}:${i.col} ${i.message.en}`);

describe("checkTemplateSource", () => {
  it("accepts every built-in template", () => {
    for (const lang of ["ja", "en"]) {
      const dir = path.join(ROOT, "templates", lang);
      for (const f of fs.readdirSync(dir)) expect(reasons(fs.readFileSync(path.join(dir, f), "utf8")), `${lang}/${f}`).toEqual([]);
    }
  });

  it("accepts the helpers, block params, data variables and sections templates use", () => {
    const ok = [
      "{{md pack.title}} {{date today}} {{#if (eq lang 'ja')}}x{{else if counts.total}}y{{else}}z{{/if}}",
      "{{#each sections as |s i|}}{{inc i}} {{s.title}} {{@index}} {{@root.lang}}{{/each}}",
      "{{#with meta}}{{client}}{{/with}}{{lookup meta 'client'}}{{#unless x}}-{{/unless}}{{^x}}none{{/x}}",
      "{{#sections}}{{title}}{{/sections}} {{unanswered.length}} \\{{escaped}}",
    ];
    for (const t of ok) expect(reasons(t), t).toEqual([]);
  });

  it.each([
    ["{{* deco}}", "1:1 decorators ({{*deco}}) are not allowed"],
    ['{{#*inline "p"}}x{{/inline}}', "1:1 inline partials ({{#*inline}}) are not allowed"],
    ["{{> (whichPartial)}}", "1:1 dynamic partials ({{> (…)}}) are not allowed"],
    ["{{#> layout}}x{{/layout}}", "1:1 partials ({{> layout}}) are not available"],
    ["a\n{{log 'x'}}", '2:3 the helper "log" is not available'],
    ["{{#blockHelperMissing}}{{/blockHelperMissing}}", '1:4 the helper "blockHelperMissing" is not available'],
    ["{{md (exec 'rm')}}", '1:7 the helper "exec" is not available'],
    ["{{pack.id.toString}}", '1:3 the name "toString" is not allowed'],
    ["{{constructor}}", '1:3 the name "constructor" is not allowed'],
    ["{{[__proto__].x}}", '1:3 the name "__proto__" is not allowed'],
    ["{{@root.constructor}}", '1:3 the name "constructor" is not allowed'],
    ["{{../prototype}}", '1:3 the name "prototype" is not allowed'],
    ['{{lookup this "__lookupGetter__"}}', '1:15 the name "__lookupGetter__" is not allowed'],
    ['{{"constructor"}}', '1:3 the name "constructor" is not allowed'],
    ["{{md x __proto__=1}}", '1:8 the name "__proto__" is not allowed'],
    ["{{#each a as |constructor|}}{{/each}}", 'the name "constructor" is not allowed'],
    ["{{#if}", "1:1 Handlebars syntax error: Parse error on line 1:"],
  ])("refuses %s", (source, reason) => {
    expect(reasons(source)[0]).toContain(reason);
  });

  it("bounds nesting before Handlebars parses it", () => {
    expect(reasons(`${"{{#if a}}".repeat(65)}${"{{/if}}".repeat(65)}`)).toEqual(["1:1 blocks nest too deep (at most 64 levels)"]);
    expect(reasons(`{{md ${"(md ".repeat(70)}x${")".repeat(70)}}}`)[0]).toContain("nest too deep");
    expect(reasons(`{{#if a}}${"{{else if b}}".repeat(70)}{{/if}}`)[0]).toContain("nest too deep");
    // Closing tags inside comments or escapes do not hide real nesting.
    expect(reasons(`${"{{#if a}}{{!-- {{/if}} --}}\\{{/if}}".repeat(70)}${"{{/if}}".repeat(70)}`)[0]).toContain("nest too deep");
    // Many blocks one after the other are fine.
    expect(reasons("{{#if a}}x{{/if}}".repeat(500))).toEqual([]);
  });

  it("names the same helpers the engine implements", () => {
    expect(Object.keys(HELPERS).sort()).toEqual([...TEMPLATE_HELPERS].sort());
  });
});

/**
 * In-process: hostile packs and templates go through the real loader and renderer, and
 * Object.prototype (and its friends) are exactly as before.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAnswersText } from "../../src/answers/io.ts";
import { DataError } from "../../src/errors.ts";
import { checkPackFile, readPackFile } from "../../src/pack/load.ts";
import { compileTemplate, compileUntrustedTemplate } from "../../src/render/engine.ts";
import { renderAnswers } from "../../src/render/render.ts";
import { templateStore } from "../../src/render/templates.ts";
import { ROOT, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";

const protos = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const picture = () => protos.map((p) => Object.getOwnPropertyNames(p).sort().join(","));
let before: string[];
beforeAll(() => {
  before = picture();
});
afterAll(() => {
  expect(picture()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const inline = (tpl: string) => packText("hostile", { templates: `  brief: |\n    ${tpl}\n` });

describe("the loader refuses hostile packs without side effects", () => {
  it.each([
    ["__proto__ key", `${packText("hostile")}schedule:\n  __proto__: { polluted: true }\n`],
    ["constructor.prototype key", `${packText("hostile")}schedule:\n  platform: { question: name, map: { constructor: { prototype: { polluted: 1 } } } }\n`],
    ["prototype path in a template", inline("{{lookup (lookup this 'constructor') 'prototype'}}")],
    ["__defineSetter__ helper call", inline("{{__defineSetter__ 'polluted' md}}")],
    ["alias bomb", `${packText("hostile")}x: &a [${'"x",'.repeat(20)}]\ny: &b [${"*a,".repeat(60)}]\n`],
  ])("%s", (_name, text) => {
    const dir = tmpdir();
    const file = write(dir, "pack.yaml", text);
    const check = checkPackFile(file);
    expect(check.loaded).toBeUndefined();
    expect(check.problems.length).toBeGreaterThan(0);
    expect(() => readPackFile(file)).toThrow(DataError);
    expect(fs.readdirSync(dir)).toEqual(["pack.yaml"]);
  });
});

describe("rendering never exposes prototypes", () => {
  it("blocks dynamic lookups at run time, where no static check can see the name", () => {
    // compileTemplate skips the static check on purpose: this tests the engine's own guard.
    const fn = compileTemplate(
      "[{{lookup this key}}][{{lookup (lookup this key) proto}}][{{#with (lookup this key)}}{{name}}{{/with}}][{{lookup this getter}}]",
      "hostile",
    );
    const out = fn({ key: "constructor", proto: "prototype", getter: "__defineGetter__" });
    expect(out).toBe("[][][][]");
  });

  it("refuses the same names statically when a pack brings the template", () => {
    expect(() => compileUntrustedTemplate("{{lookup this 'constructor'}}", "t")).toThrow(DataError);
    expect(() => compileUntrustedTemplate("{{log 'x'}}", "t")).toThrow(DataError);
  });

  it("renders a hostile override with hostile answers without reaching a prototype", () => {
    const dir = tmpdir();
    const tpl = "{{#each sections}}{{#each items}}<{{lookup this text}}|{{lookup @root text}}|{{lookup (lookup @root text) 'name'}}>{{/each}}{{/each}}";
    const file = write(dir, "pack.yaml", inline(tpl));
    const loaded = readPackFile(file);
    for (const value of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const read = parseAnswersText(`kikitori: 1\npack: { id: hostile, version: 1.0.0 }\nanswers:\n  name: ${value}\n`, "a.yaml");
      const out = renderAnswers(loaded, read, {
        lang: "en",
        today: "2026-11-23",
        store: templateStore(path.join(ROOT, "templates")),
      });
      expect(out.brief).toBe("<||>\n");
      expect(out.brief).not.toContain("function");
    }
  });
});

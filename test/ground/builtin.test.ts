/**
 * The build's precompiled built-ins are used only while their source is what the build saw:
 * an edited template or platforms file is never stale, and an installed copy (same bytes,
 * new times) still uses them.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinPlatformsJson, builtinTemplateSpec, seenOf, sourceHash } from "../../src/builtin.ts";

/** A root with one template and the platforms file, and a dist/builtin/ index made from them. */
function builtRoot(): { root: string; template: string; platforms: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kikitori-builtin-"));
  const template = path.join(root, "templates", "en", "brief.md.hbs");
  const platforms = path.join(root, "questionnaires", "platforms.yaml");
  fs.mkdirSync(path.dirname(template), { recursive: true });
  fs.mkdirSync(path.dirname(platforms), { recursive: true });
  fs.mkdirSync(path.join(root, "dist", "builtin", "templates"), { recursive: true });
  fs.writeFileSync(template, "# {{title}} ご依頼内容\n");
  fs.writeFileSync(platforms, "- id: coconala\n");
  const index = [
    `exports.packs={};`,
    `exports.platforms=${JSON.stringify({ ...seenOf(platforms), json: '["built"]' })};`,
    `exports.templates=${JSON.stringify({ "en/brief": { ...seenOf(template), file: "templates/en-brief.cjs" } })};`,
  ];
  fs.writeFileSync(path.join(root, "dist", "builtin", "index.cjs"), `${index.join("\n")}\n`);
  fs.writeFileSync(path.join(root, "dist", "builtin", "templates", "en-brief.cjs"), "module.exports={built:true};\n");
  return { root, template, platforms };
}

const later = (file: string) => {
  const t = (fs.statSync(file).mtimeMs + 10_000) / 1000;
  fs.utimesSync(file, t, t);
};

const changes: [string, (file: string) => void, boolean][] = [
  ["untouched", () => {}, true],
  ["the same bytes with a new time (an installed copy)", (f) => later(f), true],
  ["rewritten at another size", (f) => fs.appendFileSync(f, "x"), false],
  [
    "rewritten at the same size (a new time)",
    (f) => {
      const text = fs.readFileSync(f, "utf8");
      fs.writeFileSync(f, text.replace(/.$/su, "!"));
      later(f);
    },
    false,
  ],
  ["removed", (f) => fs.rmSync(f), false],
];

describe("precompiled built-ins", () => {
  it.each(changes)("a template %s: used %s", (_, change, used) => {
    const { root, template } = builtRoot();
    change(template);
    expect(builtinTemplateSpec(root, template, "en/brief")).toEqual(used ? { built: true } : undefined);
  });

  it.each(changes)("the platforms file %s: used %s", (_, change, used) => {
    const { root, platforms } = builtRoot();
    change(platforms);
    expect(builtinPlatformsJson(root, platforms)).toBe(used ? '["built"]' : undefined);
  });

  it("hashes bytes as CRC-32, in 8 hex digits", () => {
    expect(sourceHash(new Uint8Array())).toBe("00000000");
    expect(sourceHash(Buffer.from("123456789"))).toBe("cbf43926");
  });
});

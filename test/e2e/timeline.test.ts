/**
 * kikitori timeline: the picture as SVG or PNG from a saved hearing, in both languages, and
 * `message confirm --attach`. In-process (the process does not matter here), on the
 * built-in examples: one pack with stages, and the same pack with them taken out.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { inflateSync } from "node:zlib";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { findJapaneseFont } from "../../src/cli/fonts.ts";
import { renderPng } from "../../src/cli/png.ts";
import { ROOT, tmpdir, write } from "../helpers.ts";
import { runMain } from "../in-process.ts";

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const ICON = path.join(EXAMPLES, "icon-illustration.answers.yaml");
const DESIGN = path.join(EXAMPLES, "design-general.answers.yaml");
const at = { env: { KIKITORI_TODAY: "2026-11-23" } };
const hasFont = findJapaneseFont(process.env) !== undefined;

/** The design pack without its stages: a plan of a first draft and revision rounds. */
function packWithoutStages(): string {
  const text = fs.readFileSync(path.join(ROOT, "questionnaires", "design-general.yaml"), "utf8");
  // The stages block, its comment and its entries (indented four spaces or more), taken out.
  return write(tmpdir(), "design-general.yaml", text.replace(/(?:\n {2}#[^\n]*)*\n {2}stages:\n(?: {4}[^\n]*\n)*/, "\n"));
}

/** Decodes a PNG far enough to trust it: signature, header, and every row of pixels inflated. */
function decodePng(buf: Buffer): { width: number; height: number; inked: boolean } {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("latin1", offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]); // 8-bit RGBA
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  expect(pixels.length).toBe(height * (1 + width * 4));
  // Something is drawn: not every byte of the image is white.
  const inked = pixels.some((b, i) => i % (1 + width * 4) !== 0 && b < 200);
  return { width, height, inked };
}

describe("kikitori timeline", () => {
  it.each([
    ["ja", "icon-illustration", ICON, "「納期」＝ラフをお届けする日"],
    ["en", "icon-illustration", ICON, '"Deadline" = the day you receive the sketch'],
    ["ja", "design-general without stages", DESIGN, "「納期」＝修正を終えた完成版をお届けする日"],
    ["en", "design-general without stages", DESIGN, '"Deadline" = the day you receive the finished work, revisions done'],
  ])("%s, %s: SVG to stdout, well-formed, with the deadline in words", async (lang, variant, file, what) => {
    const pack = variant.endsWith("without stages") ? ["--pack", packWithoutStages()] : [];
    const r = await runMain(["timeline", file, "--lang", lang, ...pack], at);
    expect(r.code, r.stderr).toBe(0);
    const doc = new JSDOM(r.stdout, { contentType: "image/svg+xml" }).window.document;
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    expect(doc.documentElement.textContent?.replace(/\s+/g, " ")).toContain(what);
    expect(doc.querySelectorAll("g[data-date]").length).toBeGreaterThan(4);
  });

  it.skipIf(!hasFont).each([
    ["ja", 1080],
    ["en", 720],
  ])("%s: -o plan.png decodes to the width asked for (%i px)", async (lang, width) => {
    const dir = tmpdir();
    const r = await runMain(["timeline", ICON, "--lang", lang, "-o", "plan.png", "--width", String(width)], { cwd: dir, ...at });
    expect(r.code, r.stderr).toBe(0);
    const png = decodePng(fs.readFileSync(path.join(dir, "plan.png")));
    expect(png.width).toBe(width);
    expect(png.height).toBeGreaterThan(width);
    expect(png.inked).toBe(true);
  });

  it("without a Japanese font the PNG is refused with the package to install; the SVG still works", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><text x="0" y="20">納期</text></svg>';
    await expect(renderPng(svg, 100, {}, () => undefined)).rejects.toThrow(/fonts-noto-cjk/);
    // Latin text needs no Japanese font.
    const latin = decodePng(Buffer.from(await renderPng(svg.replace("納期", "Due"), 100, {}, () => undefined)));
    expect(latin.width).toBe(100);
  });

  it.each([
    [["-o", "plan.pdf"], 2, /-o takes a file name ending in \.svg or \.png/],
    [["--width", "99"], 2, /--width takes a whole number of pixels from 320 to 4096/],
    [["--width", "wide"], 2, /--width/],
  ])("%j exits %i", async (args, code, pattern) => {
    const r = await runMain(["timeline", ICON, "--lang", "en", ...args], at);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(pattern);
  });

  it("does not replace a picture without --force (73), and does with it", async () => {
    const dir = tmpdir();
    expect((await runMain(["timeline", ICON, "-o", "plan.svg"], { cwd: dir, ...at })).code).toBe(0);
    const again = await runMain(["timeline", ICON, "-o", "plan.svg", "--lang", "en"], { cwd: dir, ...at });
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/already exists: add --force/);
    expect((await runMain(["timeline", ICON, "-o", "plan.svg", "--force"], { cwd: dir, ...at })).code).toBe(0);
  });

  it("answers the planner cannot use: 65, naming what is missing", async () => {
    const dir = tmpdir();
    const text = fs.readFileSync(ICON, "utf8").replace(/\n {2}effort_hours: [^\n]+/, "\n  effort_hours: { pending: true, note: 見積もり中 }");
    write(dir, "a.answers.yaml", text);
    const r = await runMain(["timeline", "a.answers.yaml", "--lang", "en"], { cwd: dir, ...at });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/no plan can be made/);
    expect(r.stderr).toMatch(/effort_hours/);
  });

  it("a missing answers file: 66", async () => {
    expect((await runMain(["timeline", "nope.yaml"], { cwd: tmpdir() })).code).toBe(66);
  });
});

describe("message confirm --attach", () => {
  it.each([
    ["ja", "スケジュールを図にしたもの（plan.png）を添付いたします。"],
    ["en", "I have attached the schedule as a picture (plan.png)"],
  ])("%s: the message mentions the picture", async (lang, sentence) => {
    const dir = tmpdir();
    write(dir, "plan.png", "png");
    const r = await runMain(["message", "confirm", ICON, "--attach", "plan.png", "--lang", lang], { cwd: dir, ...at });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(sentence);
    const plain = await runMain(["message", "confirm", ICON, "--lang", lang], { cwd: dir, ...at });
    expect(plain.stdout).not.toContain("plan.png");
    expect(r.stdout.replace(/\n\n[^\n]*plan\.png[^\n]*\n/, "\n")).toBe(plain.stdout);
  });

  it("a picture that does not exist: 66, with the command that makes it", async () => {
    const r = await runMain(["message", "confirm", ICON, "--attach", "plan.png", "--lang", "en"], { cwd: tmpdir(), ...at });
    expect(r.code).toBe(66);
    expect(r.stderr).toContain("kikitori timeline <answers> -o plan.png");
  });

  it("--attach belongs to confirm", async () => {
    const r = await runMain(["message", "progress", ICON, "--percent", "5", "--attach", "plan.png", "--lang", "en"], at);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--attach belongs to message confirm");
  });
});

/**
 * Reading an answers file without the yaml library (src/yaml/plain.ts) changes nothing a
 * render writes: each example, rendered as it is and with a `%YAML 1.2` directive in front
 * (which sends it to the library and reads the same data), gives byte-identical files, output
 * and exit code; and a file the fast reader leaves to the library still reports its problem
 * at the right line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readPlainYaml } from "../../src/yaml/plain.ts";
import { ROOT, read, run, tmpdir, write } from "../helpers.ts";

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".answers.yaml"));
const env = { KIKITORI_TODAY: "2026-11-23" };

async function renderIn(text: string, lang: string) {
  const dir = tmpdir();
  write(dir, "job.answers.yaml", text);
  const r = await run(["render", "job.answers.yaml", "--lang", lang], { cwd: dir, env });
  const files = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, read(path.join(dir, f))]));
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, files };
}

describe("render reads answers files the same way with or without the yaml library", () => {
  it.each(examples.flatMap((f) => [[f, "ja"] as const, [f, "en"] as const]))("%s (%s): identical files and output", async (file, lang) => {
    const text = read(path.join(EXAMPLES, file));
    expect(readPlainYaml(text)).toBeDefined();
    const fast = await renderIn(text, lang);
    const full = await renderIn(`%YAML 1.2\n---\n${text}`, lang);
    expect(fast.code).toBe(0);
    expect({ ...fast, files: { ...fast.files, "job.answers.yaml": "" } }).toEqual({ ...full, files: { ...full.files, "job.answers.yaml": "" } });
  });

  it.each([
    ["a duplicate key", "answers:\n  quantity: 3\n  quantity: 4\n", /job\.answers\.yaml:15:3: /],
    ["a tab", "answers:\n\tquantity: 3\n", /job\.answers\.yaml:\d+:\d+/],
    ["an answer of the wrong type", "answers:\n  quantity: [3]\n", /job\.answers\.yaml:14:3: /],
  ])("%s is reported with its line:column, exit 65", async (_, tail, where) => {
    const head = read(path.join(EXAMPLES, "design-general.answers.yaml")).split("\nanswers:\n")[0];
    const r = await renderIn(`${head}\n${tail}`, "en");
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(where);
  });
});

/**
 * dist/render.cjs runs a plain `render` line by itself and hands every other line to the CLI
 * bundle: the same output, files and exit codes either way.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { RENDER_TABLE } from "../../src/cli/render-entry.ts";
import { COMMANDS } from "../../src/cli/specs/index.ts";
import { kikitori, ROOT, run, tmpdir } from "../helpers.ts";

describe("the render bundle", () => {
  test("reads render from the same spec as the whole table", () => {
    expect(RENDER_TABLE.commands).toEqual([COMMANDS.find((c) => c.name === "render")]);
  });

  test.each([
    ["a plain line", ["render", "a.answers.yaml", "--stdout", "--lang", "en"]],
    ["a line for commander (a value outside the choices)", ["render", "a.answers.yaml", "--only", "both"]],
    ["a line for commander (--opt=value)", ["render", "a.answers.yaml", "--only=brief", "--stdout"]],
    ["a missing file", ["render", "missing.answers.yaml"]],
    ["no file", ["render"]],
  ])("%s: the binary answers as the CLI does in-process", async (_what, argv) => {
    const dir = tmpdir();
    fs.copyFileSync(path.join(ROOT, "questionnaires", "examples", "icon-illustration.answers.yaml"), path.join(dir, "a.answers.yaml"));
    const inProcess = await run(argv, { cwd: dir });
    const spawned = kikitori(argv, { cwd: dir });
    expect({ code: spawned.code, stdout: spawned.stdout, stderr: spawned.stderr }).toEqual({
      code: inProcess.code,
      stdout: inProcess.stdout,
      stderr: inProcess.stderr,
    });
  });
});

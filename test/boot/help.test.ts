/**
 * The help screens dist/boot.cjs prints without loading the CLI: each is what commander prints
 * for that line outside a terminal, in both languages, and the boot takes exactly the lines
 * that ask for one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { helpScreen, screenFile } from "../../src/boot/start.ts";
import { COMMANDS, GROUPS } from "../../src/cli/specs/index.ts";
import { kikitori, ROOT, run } from "../helpers.ts";

const HELP = path.join(ROOT, "dist", "help");

describe("prebuilt help", () => {
  const paths = [[], ...GROUPS.map((g) => [g.name]), ...COMMANDS.filter((c) => !c.hidden).map((c) => c.name.split(" "))];
  const screens = (["ja", "en"] as const).flatMap((lang) => [
    { lang, argv: [] as string[], file: screenFile([], true) },
    ...paths.map((words) => ({ lang, argv: [...words, "--help"], file: screenFile(words) })),
  ]);

  test("there is one screen per command, group and the root, in each language", () => {
    const made = (["ja", "en"] as const).flatMap((lang) => fs.readdirSync(path.join(HELP, lang)).map((f) => `${lang}/${f}`));
    expect(made.sort()).toEqual(screens.map((s) => `${s.lang}/${s.file}.txt`).sort());
  });

  test.each(screens)("$lang $file is what the CLI prints", async ({ lang, argv, file }) => {
    const r = await run(argv, { env: { LANG: lang === "ja" ? "ja_JP.UTF-8" : "C" } });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(HELP, lang, `${file}.txt`), "utf8")).toBe(r.stdout);
  });

  const EN = { LANG: "C" };
  test.each([
    ["", { lang: "en", name: "kikitori.bare" }],
    ["--help", { lang: "en", name: "kikitori" }],
    ["-h", { lang: "en", name: "kikitori" }],
    ["help", { lang: "en", name: "kikitori" }],
    ["render --help", { lang: "en", name: "kikitori+render" }],
    ["pack list --help", { lang: "en", name: "kikitori+pack+list" }],
    ["help pack list", { lang: "en", name: "kikitori+pack+list" }],
    ["--lang ja render --help", { lang: "ja", name: "kikitori+render" }],
    ["render --lang=ja --help", { lang: "ja", name: "kikitori+render" }],
    ["render a.yaml", undefined],
    ["render --help --force", undefined],
    ["render --lang fr --help", undefined],
    ["--lang ja --lang en --help", undefined],
    ["help --help", undefined],
    ["render ../x --help", undefined],
    ["--version", undefined],
  ])("%s → %o", (line, want) => {
    expect(helpScreen(line === "" ? [] : line.split(" "), EN)).toEqual(want);
  });

  test("the binary prints them through a pipe, and --version, exactly as the CLI does", async () => {
    for (const argv of [["--help"], ["pack", "list", "--help"], ["help", "render"], []]) {
      const inProcess = await run(argv);
      const spawned = kikitori(argv);
      expect([spawned.code, spawned.stdout, spawned.stderr]).toEqual([0, inProcess.stdout, ""]);
    }
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) expect(kikitori([flag])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
    const ja = kikitori(["render", "--help"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(ja.stdout).toBe((await run(["render", "--help"], { env: { LANG: "ja_JP.UTF-8" } })).stdout);
  });
});

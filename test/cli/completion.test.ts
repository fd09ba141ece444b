/**
 * Shell completion as kikitori decides it (`kikitori __complete -- <words…>`, what the
 * scripts call on Tab), in-process: one line per case. The scripts themselves are driven in
 * real shells by test/e2e/completion-shells.test.ts.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, GROUPS } from "../../src/cli/specs/index.ts";
import { FIXTURES, run, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "packs") };

async function complete(words: string[], extra: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = await run(["__complete", "--", ...words], { env: { ...env, ...extra.env }, ...(extra.cwd ? { cwd: extra.cwd } : {}) });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  const lines = r.stdout.trimEnd().split("\n");
  const directive = lines.pop() ?? "";
  return { values: lines.map((l) => l.split("\t")[0] ?? ""), helps: lines.map((l) => l.split("\t")[1] ?? ""), directive };
}

describe("what Tab offers", () => {
  it.each([
    // the words typed (the last one is being completed), the values offered, what the shell adds
    [["pa"], ["pack"], ":plain"],
    [["pack", "l"], ["list"], ":plain"],
    [["pack", "s"], ["show", "skeleton"], ":plain"],
    [["help", "pack", "sh"], ["show"], ":plain"],
    [["help", "re"], ["resume", "render"], ":plain"],
    [["render", ""], [], ":yaml"],
    [["render", "a.answers.yaml", ""], [], ":yaml"],
    [["render", "--o"], ["--out", "--only"], ":plain"],
    [["render", "--only", ""], ["brief", "message"], ":plain"],
    [["render", "--only=m"], ["--only=message"], ":plain"],
    [["render", "a.yaml", "--out", ""], [], ":dirs"],
    [["render", "a.yaml", "--out=o"], [], ":dirs"],
    [["render", "-o"], [], ":plain"],
    [["start", "--platform", "co"], ["coconala"], ":plain"],
    [["start", "--client", ""], [], ":plain"],
    [["start", "-o", ""], [], ":files"],
    [["--lang", ""], ["ja", "en"], ":plain"],
    [["--lang", "en", "pack", "l"], ["list"], ":plain"],
    [["message", "delay", ""], [], ":yaml"],
    [["schedule", "--json", "--platform", "f"], ["fiverr"], ":plain"],
    [["import", "logo-design", ""], [], ":files"],
    [["ask", "logo-d"], ["logo-design"], ":yaml"],
    [["ask", "all-t"], ["all-types"], ":yaml"],
    [["completion", ""], ["bash", "zsh", "fish"], ":plain"],
    [["pack", "validate", ""], [], ":files"],
    [["pack", "new", ""], [], ":plain"],
    [["frobnicate", ""], [], ":plain"],
  ])("%j -> %j %s", async (words, values, directive) => {
    const r = await complete(words);
    expect(r.values).toEqual(values);
    expect(r.directive).toBe(directive);
  });

  it("offers the message kinds its help names", async () => {
    const r = await complete(["message", ""]);
    expect(r.values).toEqual(expect.arrayContaining(["confirm", "progress", "delay", "delivery"]));
    const kind = COMMANDS.find((c) => c.name === "message")?.args?.[0]?.help.en ?? "";
    expect(r.values.join(" | ")).toBe(kind);
  });

  it("offers every command of the table and no hidden one, whatever commands exist", async () => {
    const top = (await complete([""])).values;
    const wanted = [...new Set([...COMMANDS.filter((c) => !c.hidden).map((c) => c.name.split(" ")[0]), ...GROUPS.map((g) => g.name), "help"])];
    expect([...top].sort()).toEqual([...wanted].sort());
    expect(top).not.toContain("__complete");
    for (const group of GROUPS) {
      const subs = COMMANDS.filter((c) => c.name.startsWith(`${group.name} `)).map((c) => c.name.split(" ")[1]);
      expect((await complete([group.name, ""])).values).toEqual(subs);
    }
  });

  it("offers each command's own options, with their help", async () => {
    for (const c of COMMANDS.filter((x) => !x.hidden)) {
      const r = await complete([...c.name.split(" "), "--"]);
      for (const o of c.options ?? []) {
        const long = /--[\w-]+/.exec(o.flags)?.[0] ?? "";
        expect(r.values).toContain(long);
        expect(r.helps[r.values.indexOf(long)]).toBe(o.help.en);
      }
      expect(r.values).toEqual(expect.arrayContaining(["--lang", "--no-color", "--help"]));
    }
  });

  it("offers the packs kikitori would find, each once, and only installed ones to remove", async () => {
    const cwd = tmpdir();
    write(cwd, "questionnaires/mine.yaml", packText("mine"));
    write(cwd, ".xdg/kikitori/packs/installed.yaml", packText("installed"));
    write(cwd, ".xdg/kikitori/packs/logo-design.yaml", packText("logo-design"));
    const start = await complete(["start", ""], { cwd });
    expect(start.values).toEqual(expect.arrayContaining(["mine", "installed", "design-general", "all-types"]));
    expect(start.values.filter((v) => v === "logo-design")).toHaveLength(1);
    expect((await complete(["pack", "remove", ""], { cwd })).values.sort()).toEqual(["installed", "logo-design"]);
  });

  it("describes in the interface language", async () => {
    const r = await complete(["pack", "l"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(r.helps[0]).toMatch(/パック/);
  });
});

describe("kikitori completion <shell>", () => {
  it.each(["bash", "zsh", "fish"])("prints the %s script, which calls kikitori __complete", async (shell) => {
    const r = await run(["completion", shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`kikitori completion ${shell}`);
    expect(r.stdout).toContain("kikitori __complete --");
    expect(r.stdout).not.toMatch(/\$\\\{/);
  });

  it("refuses another shell, suggesting the nearest (exit 2)", async () => {
    const r = await run(["completion", "bsh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: no completion for the shell "bsh"\n  shells: bash, zsh, fish (did you mean bash?)\n');
  });
});

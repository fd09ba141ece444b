/**
 * Lookup by id and `pack list` agree by construction: a pack written as JSON (what `pack show
 * --json` prints), with a flow-style top level, or with its id after the first 64 KB is found
 * by its id exactly where `pack list` says it is.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { listPacks } from "../../src/pack/list.ts";
import { type LookupEnv, locatePack } from "../../src/pack/lookup.ts";
import { ROOT, run, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";

const envOf = (cwd: string): LookupEnv => ({ cwd, env: {}, builtinDir: path.join(ROOT, "questionnaires"), home: cwd });

async function jsonPack(id: string, version: string): Promise<string> {
  const shown = await run(["pack", "show", id, "--json"]);
  expect(shown.code).toBe(0);
  return JSON.stringify({ ...JSON.parse(shown.stdout), version }, null, 2);
}

describe("packs lookup finds where pack list says", () => {
  it("a JSON pack, a flow-style pack and a pack with a late id shadow the built-ins, for list, show, render alike", async () => {
    const cwd = tmpdir();
    write(cwd, "questionnaires/my-logo.json", await jsonPack("logo-design", "9.0.0"));
    // What `pack show --json > design.yaml` leaves: JSON in a .yaml file.
    write(cwd, "questionnaires/design.yaml", await jsonPack("design-general", "9.2.0"));
    const flow = JSON.parse(await jsonPack("icon-illustration", "9.1.0"));
    write(
      cwd,
      "questionnaires/icons.yaml",
      `# flow style\n{ ${Object.entries(flow)
        .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(", ")} }\n`,
    );
    const late = packText("late-id", { version: "1.2.3" }).replace("id: late-id\n", "");
    write(cwd, "questionnaires/late.yaml", `${late.replace("title:", `description: "${"x".repeat(70_000)}"\ntitle:`)}id: late-id\n`);

    const list = await run(["pack", "list", "--json"], { cwd });
    expect(list.code, list.stderr).toBe(0);
    const listed = JSON.parse(list.stdout) as { id: string; version: string; file: string; shadows: { source: string }[] }[];
    const byId = (id: string) => listed.find((p) => p.id === id);
    expect(byId("logo-design")).toMatchObject({ version: "9.0.0", file: path.join(cwd, "questionnaires", "my-logo.json") });
    expect(byId("logo-design")?.shadows.map((s) => s.source)).toEqual(["builtin"]);
    expect(byId("icon-illustration")).toMatchObject({ version: "9.1.0" });
    expect(byId("design-general")).toMatchObject({ version: "9.2.0" });
    expect(byId("late-id")).toMatchObject({ version: "1.2.3" });

    for (const [id, version] of [
      ["logo-design", "9.0.0"],
      ["icon-illustration", "9.1.0"],
      ["design-general", "9.2.0"],
      ["late-id", "1.2.3"],
    ] as const) {
      const shown = await run(["pack", "show", id, "--json"], { cwd });
      expect(JSON.parse(shown.stdout).version, id).toBe(version);
    }
    write(cwd, "a.answers.yaml", "kikitori: 1\npack: { id: late-id, version: 1.2.3 }\nanswers: { name: Ann }\n");
    const rendered = await run(["render", "a.answers.yaml", "--stdout", "--only", "brief"], { cwd });
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stderr).toBe("");
  });

  it("for every id it lists, in a folder of look-alikes, lookup gives the listed file", () => {
    const cwd = tmpdir();
    // Two files declare "twin": the one named after it wins, in list and in lookup.
    write(cwd, "questionnaires/a-first.yaml", packText("twin", { version: "1.0.0" }));
    write(cwd, "questionnaires/twin.yaml", packText("twin", { version: "2.0.0" }));
    // Two files declare "pair", neither named after it: the newer version wins.
    write(
      cwd,
      "questionnaires/b.json",
      JSON.stringify({
        kikitori: 1,
        id: "pair",
        version: "1.0.0",
        title: "P",
        languages: ["en"],
        sections: [{ id: "s", title: "S", questions: [{ id: "q", type: "text", message: "Q?" }] }],
      }),
    );
    write(cwd, "questionnaires/c.yaml", packText("pair", { version: "3.0.0" }));
    write(cwd, "questionnaires/nested/pack.yaml", packText("nested", { version: "1.0.0" }));
    write(cwd, "questionnaires/d-same.yaml", packText("same", { version: "1.0.0", title: "first" }));
    write(cwd, "questionnaires/e-same.yaml", packText("same", { version: "1.0.0", title: "second" }));
    const env = envOf(cwd);
    const { packs } = listPacks(env, "en");
    expect(packs.find((p) => p.id === "twin")?.version).toBe("2.0.0");
    expect(packs.find((p) => p.id === "pair")?.version).toBe("3.0.0");
    // Two files declare "same" in one version: the first by name wins.
    expect(packs.find((p) => p.id === "same")?.title).toBe("first");

    for (const p of packs) expect(locatePack(p.id, env).file, p.id).toBe(p.file);
  });
});

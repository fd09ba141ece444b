/** Sharing packs end to end: new → validate → export → install → list → remove, and lookup sources. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { read, run, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";

const userDir = (cwd: string) => path.join(cwd, ".xdg", "kikitori", "packs");
const listJson = async (cwd: string, env: Record<string, string> = {}) => {
  const r = await run(["pack", "list", "--json"], { cwd, env });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    id: string;
    version: string;
    title: string;
    source: string;
    file: string;
    shadows: { source: string; file: string; version: string }[];
  }[];
};

describe("pack new → validate → export → install → list → remove", () => {
  it("round-trips a new pack through the user folder", async () => {
    const cwd = tmpdir();
    const made = await run(["pack", "new", "shop-photos"], { cwd });
    expect(made.code).toBe(0);
    const text = read(path.join(cwd, "shop-photos.yaml"));
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=pack.schema.json");
    expect(fs.existsSync(path.join(cwd, "pack.schema.json"))).toBe(true);
    for (const type of ["text", "paragraph", "select", "multiselect", "confirm", "number", "date", "scale", "list", "references"]) {
      expect(text).toContain(`type: ${type}\n`);
    }
    expect((await run(["pack", "validate", "shop-photos.yaml"], { cwd })).code).toBe(0);

    expect((await run(["pack", "export", "shop-photos.yaml", "-o", "shared.yaml"], { cwd })).code).toBe(0);
    expect((await run(["pack", "export", "shop-photos.yaml", "-o", "shared.yaml"], { cwd })).code).toBe(73);

    const noTty = await run(["pack", "install", "shared.yaml"], { cwd });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain("--yes");
    expect(fs.existsSync(path.join(cwd, ".xdg"))).toBe(false);

    const installed = await run(["pack", "install", "shared.yaml", "--yes"], { cwd });
    expect(installed.code).toBe(0);
    expect(installed.stderr).toContain("shop-photos@0.1.0");
    expect(installed.stderr).toContain("10 questions in 2 sections");
    // Each version in a folder of its own: <user folder>/<id>/<version>/.
    expect(read(path.join(userDir(cwd), "shop-photos", "0.1.0", "pack.yaml"))).toBe(read(path.join(cwd, "shared.yaml")));
    // No staging folder is left behind.
    expect(fs.readdirSync(userDir(cwd))).toEqual(["shop-photos"]);

    fs.renameSync(path.join(cwd, "shop-photos.yaml"), path.join(cwd, "elsewhere.yaml"));
    const listed = (await listJson(cwd)).find((p) => p.id === "shop-photos");
    expect(listed).toMatchObject({ version: "0.1.0", source: "user", title: "shop-photos hearing", shadows: [] });
    expect(listed?.file).toBe(path.join(userDir(cwd), "shop-photos", "0.1.0", "pack.yaml"));
    expect((await run(["pack", "list"], { cwd })).stdout).toMatch(/shop-photos@0\.1\.0 {2}shop-photos hearing {2}\[user\]/);

    const again = await run(["pack", "install", "shared.yaml", "--yes"], { cwd });
    expect(again.code).toBe(73);
    expect(again.stderr).toContain("shop-photos@0.1.0 is already installed");
    expect(again.stderr).toContain("--force");
    expect((await run(["pack", "install", "shared.yaml", "--yes", "--force"], { cwd })).code).toBe(0);

    const removed = await run(["pack", "remove", "shop-photos", "--yes"], { cwd });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("removed shop-photos@0.1.0");
    expect(fs.readdirSync(userDir(cwd))).toEqual([]);
    expect((await listJson(cwd)).some((p) => p.id === "shop-photos")).toBe(false);
    expect((await run(["pack", "remove", "shop-photos", "--yes"], { cwd })).code).toBe(66);
  });

  it("upgrades a version after showing what changed", async () => {
    const cwd = tmpdir();
    write(cwd, "v1.yaml", packText("menu", { version: "1.0.0" }));
    write(
      cwd,
      "v2.yaml",
      packText("menu", {
        version: "1.1.0",
        extra: "      - id: color\n        type: text\n        message: { ja: 色は？, en: Colour? }\n",
      }),
    );
    expect((await run(["pack", "install", "v1.yaml", "--yes"], { cwd })).code).toBe(0);
    const up = await run(["pack", "install", "v2.yaml", "--yes"], { cwd });
    expect(up.code).toBe(0);
    expect(up.stderr).toContain("keeps menu@1.0.0");
    expect(up.stderr).toContain("changes since 1.0.0");
    expect(up.stderr).toContain("+ color");
    expect((await listJson(cwd)).find((p) => p.id === "menu")).toMatchObject({ version: "1.1.0", versions: ["1.1.0", "1.0.0"] });
  });

  it("refuses to start a pack with an id that is not one", async () => {
    const cwd = tmpdir();
    const r = await run(["pack", "new", "My Pack"], { cwd });
    expect(r.code).toBe(2);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it("prints a new pack to stdout with -o -, pointing at the installed schema", async () => {
    const cwd = tmpdir();
    const r = await run(["pack", "new", "x", "-o", "-"], { cwd });
    expect(r.code).toBe(0);
    const first = r.stdout.split("\n")[0] ?? "";
    expect(first).toMatch(/^# yaml-language-server: \$schema=file:\/\/.*\/questionnaires\/pack\.schema\.json$/);
    expect(fs.existsSync(new URL(first.split("$schema=")[1] ?? "").pathname)).toBe(true);
  });
});

describe("pack lookup sources", () => {
  it("finds kikitori-pack-* packages in ./node_modules", async () => {
    const cwd = tmpdir();
    const pkg = path.join(cwd, "node_modules", "kikitori-pack-cafe");
    write(pkg, "package.json", JSON.stringify({ name: "kikitori-pack-cafe", version: "2.0.0", kikitori: { packs: ["packs/cafe.yaml"] } }));
    write(pkg, "packs/cafe.yaml", packText("cafe", { version: "2.0.0" }));
    write(cwd, "node_modules/other/pack.yaml", packText("not-found"));
    const packs = await listJson(cwd);
    expect(packs.find((p) => p.id === "cafe")).toMatchObject({ source: "npm", version: "2.0.0", file: path.join(pkg, "packs", "cafe.yaml") });
    expect(packs.some((p) => p.id === "not-found")).toBe(false);
    expect((await run(["pack", "show", "cafe"], { cwd })).code).toBe(0);
  });

  it("lists what a KIKITORI_PATH pack shadows", async () => {
    const cwd = tmpdir();
    write(cwd, "questionnaires/dup.yaml", packText("dup", { version: "1.0.0" }));
    write(cwd, "mine/dup.yaml", packText("dup", { version: "2.0.0" }));
    write(cwd, ".xdg/kikitori/packs/dup/pack.yaml", packText("dup", { version: "0.5.0" }));
    const env = { KIKITORI_PATH: path.join(cwd, "mine") };
    const dup = (await listJson(cwd, env)).find((p) => p.id === "dup");
    expect(dup).toMatchObject({ source: "env", version: "2.0.0" });
    expect(dup?.shadows).toEqual([
      { source: "project", file: path.join(cwd, "questionnaires", "dup.yaml"), version: "1.0.0" },
      { source: "user", file: path.join(userDir(cwd), "dup", "pack.yaml"), version: "0.5.0" },
    ]);
    expect((await run(["pack", "list"], { cwd, env })).stdout).toContain("(shadows project dup@1.0.0, user dup@0.5.0)");
    // Installing under a pack that wins lookup says so.
    write(cwd, "v3.yaml", packText("dup", { version: "3.0.0" }));
    const r = await run(["pack", "install", "v3.yaml", "--yes"], { cwd, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`dup from ${path.join(cwd, "mine", "dup.yaml")} comes first`);
  });

  it("says when a KIKITORI_PATH pack shadows a built-in one", async () => {
    const cwd = tmpdir();
    const builtin = (await listJson(cwd)).find((p) => p.id === "design-general");
    expect(builtin?.source).toBe("builtin");
    write(cwd, "mine/design-general.yaml", packText("design-general", { version: "9.0.0", title: "Mine" }));
    const env = { KIKITORI_PATH: path.join(cwd, "mine") };
    const mine = (await listJson(cwd, env)).find((p) => p.id === "design-general");
    expect(mine).toMatchObject({ source: "env", version: "9.0.0", title: "Mine" });
    expect(mine?.shadows).toEqual([{ source: "builtin", file: builtin?.file, version: builtin?.version }]);
    expect((await run(["pack", "list"], { cwd, env })).stdout).toContain(
      `[KIKITORI_PATH] mine/design-general.yaml (shadows built-in design-general@${builtin?.version})`,
    );
  });

  it("warns about an invalid pack that takes an id", async () => {
    const cwd = tmpdir();
    write(cwd, "questionnaires/broken.yaml", packText("design-general").replace("type: text", "type: nope"));
    const r = await run(["pack", "list"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('left out: not a valid pack (and "design-general" refers to it, so it fails)');
    expect((await run(["pack", "show", "design-general"], { cwd })).code).toBe(65);
  });

  it("never shows a staging folder left by an interrupted install", async () => {
    const cwd = tmpdir();
    write(cwd, ".xdg/kikitori/packs/.kikitori-staging-1-abcd/0/pack.yaml", packText("half"));
    expect((await listJson(cwd)).some((p) => p.id === "half")).toBe(false);
    expect((await run(["pack", "show", "half"], { cwd })).code).toBe(66);
  });
});

describe("installing from folders and npm pack tarballs", () => {
  const templated = (cwd: string) => {
    write(
      cwd,
      "pkg/package.json",
      JSON.stringify({ name: "kikitori-pack-shop", version: "1.0.0", files: ["shop.yaml", "tpl"], kikitori: { packs: ["shop.yaml"] } }),
    );
    write(cwd, "pkg/shop.yaml", packText("shop", { templates: "  brief: tpl/brief.{lang}.md.hbs\n" }));
    write(cwd, "pkg/tpl/brief.ja.md.hbs", "# {{pack.title}} のブリーフ\n\n{{#each sections}}{{title}}\n{{/each}}");
    write(cwd, "pkg/tpl/brief.en.md.hbs", "# Brief for {{pack.title}}\n\n{{#each sections}}{{title}}\n{{/each}}");
    write(cwd, "job.answers.yaml", "kikitori: 1\npack: { id: shop, version: 1.0.0 }\nlang: en\nanswers:\n  name: Ann\n");
  };

  it("installs an npm pack tarball with its template files, and its export renders the same", async () => {
    const cwd = tmpdir();
    templated(cwd);
    const npm = spawnSync("npm", ["pack", "--pack-destination", cwd, "--loglevel=error"], { cwd: path.join(cwd, "pkg"), encoding: "utf8" });
    expect(npm.status).toBe(0);
    const tgz = path.join(cwd, "kikitori-pack-shop-1.0.0.tgz");
    const r = await run(["pack", "install", tgz, "--yes"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("templates: brief (tpl/brief.{lang}.md.hbs)");
    expect(fs.readdirSync(path.join(userDir(cwd), "shop", "1.0.0", "tpl")).sort()).toEqual(["brief.en.md.hbs", "brief.ja.md.hbs"]);
    const brief = await run(["render", "job.answers.yaml", "--stdout", "--only", "brief"], { cwd });
    expect(brief.code).toBe(0);
    expect(brief.stdout).toBe("# Brief for shop\n\nBasics\n");
    const ja = await run(["render", "job.answers.yaml", "--stdout", "--only", "brief", "--lang", "ja"], { cwd });
    expect(ja.stdout).toBe("# shop のブリーフ\n\n基本\n");

    // Exported as one file, installed elsewhere: the same output in both languages.
    expect((await run(["pack", "export", "shop", "-o", "shop.yaml"], { cwd })).code).toBe(0);
    expect(read(path.join(cwd, "shop.yaml"))).not.toContain(".hbs");
    const other = tmpdir();
    fs.copyFileSync(path.join(cwd, "shop.yaml"), path.join(other, "shop.yaml"));
    fs.copyFileSync(path.join(cwd, "job.answers.yaml"), path.join(other, "job.answers.yaml"));
    expect((await run(["pack", "install", "shop.yaml", "--yes"], { cwd: other })).code).toBe(0);
    expect((await run(["render", "job.answers.yaml", "--stdout", "--only", "brief"], { cwd: other })).stdout).toBe(brief.stdout);
    expect((await run(["render", "job.answers.yaml", "--stdout", "--only", "brief", "--lang", "ja"], { cwd: other })).stdout).toBe(ja.stdout);
  });

  it("installs a package folder", async () => {
    const cwd = tmpdir();
    templated(cwd);
    expect((await run(["pack", "install", "pkg", "--yes"], { cwd })).code).toBe(0);
    expect((await listJson(cwd)).find((p) => p.id === "shop")?.source).toBe("user");
  });
});

describe("answers made with another version", () => {
  it("warns on render and lists what changed for those answers", async () => {
    const cwd = tmpdir();
    write(
      cwd,
      "questionnaires/menu.yaml",
      packText("menu", {
        version: "2.0.0",
        extra:
          "      - id: due\n        type: date\n        message: { ja: 納期は？, en: When is it due? }\n        required: true\n        allow_pending: true\n",
      }),
    );
    write(cwd, "old.answers.yaml", "kikitori: 1\npack: { id: menu, version: 1.0.0 }\nanswers:\n  name: Ann\n  colour: blue\n");
    const r = await run(["render", "old.answers.yaml", "--stdout"], { cwd });
    expect(r.stderr).toContain("answered with menu@1.0.0, the pack is now 2.0.0");
    expect(r.stderr).toContain("- colour: no longer asked by this version");
    expect(r.stderr).toContain("+ due: required, and not answered (When is it due?)");
    expect(r.code).toBe(65);
  });
});

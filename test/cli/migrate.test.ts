/**
 * Old hearings after a pack upgrade: installing a new version keeps the old one (each in
 * `<user folder>/<id>/<version>/`), an answers file renders with the version it was made with,
 * and `migrate` carries answers to a newer version without losing any.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { read, run, tmpdir, write } from "../helpers.ts";

const HEAD = (version: string) => `kikitori: 1
id: menu
version: ${version}
title: { ja: メニュー, en: Menu }
languages: [en, ja]
sections:
  - id: main
    title: { ja: 基本, en: Basics }
    questions:
      - id: name
        type: text
        message: { ja: お名前は？, en: Your name? }
        required: true
`;
const V1 = `${HEAD("1.0.0")}      - id: colour
        type: text
        message: { ja: 色は？, en: Colour? }
      - id: style
        type: select
        message: { ja: 雰囲気は？, en: Style? }
        required: true
        choices:
          - { value: classic, label: { ja: クラシック, en: Classic } }
          - { value: modern, label: { ja: モダン, en: Modern } }
      - id: note
        type: text
        message: { ja: メモは？, en: Anything else? }
`;
// 2.0.0: colour is gone, classic is gone, a required due date is new.
const V2 = `${HEAD("2.0.0")}      - id: style
        type: select
        message: { ja: 雰囲気は？, en: Style? }
        required: true
        choices:
          - { value: modern, label: { ja: モダン, en: Modern } }
          - { value: rustic, label: { ja: 素朴, en: Rustic } }
      - id: note
        type: text
        message: { ja: メモは？, en: Anything else? }
      - id: due
        type: date
        message: { ja: 納期は？, en: When is it due? }
        required: true
`;
const OLD =
  "kikitori: 1\npack: { id: menu, version: 1.0.0 }\nlang: en\nstatus: complete\nmeta: { client: Ann }\nanswers:\n  name: Ann\n  colour: blue\n  style: classic\n";

async function installed(): Promise<string> {
  const cwd = tmpdir();
  write(cwd, "v1.yaml", V1);
  write(cwd, "v2.yaml", V2);
  write(cwd, "old.answers.yaml", OLD);
  expect((await run(["pack", "install", "v1.yaml", "--yes"], { cwd })).code).toBe(0);
  expect((await run(["pack", "install", "v2.yaml", "--yes"], { cwd })).code).toBe(0);
  return cwd;
}
const userDir = (cwd: string) => path.join(cwd, ".xdg", "kikitori", "packs");

describe("a versioned user folder", () => {
  it("keeps 1.0.0 beside 2.0.0; pack list shows both; a 1.0.0 hearing renders with 1.0.0, a new one uses 2.0.0", async () => {
    const cwd = await installed();
    expect(fs.readdirSync(path.join(userDir(cwd), "menu")).sort()).toEqual(["1.0.0", "2.0.0"]);
    const list = await run(["pack", "list"], { cwd });
    expect(list.stdout).toMatch(/menu@2\.0\.0 \(also 1\.0\.0\) {2}Menu/);
    const old = await run(["render", "old.answers.yaml", "--stdout", "--only", "brief"], { cwd });
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toBe("");
    expect(old.stdout).toContain("menu@1.0.0");
    const fresh = await run(["start", "menu", "--defaults", "-o", "new.answers.yaml", "--set", "name=Bo", "--set", "style=rustic", "--set", "due=2027-01-15"], {
      cwd,
    });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(parse(read(path.join(cwd, "new.answers.yaml"))).pack.version).toBe("2.0.0");
  });

  it("an install of the older layout (<id>/pack.yaml) moves into its version folder when another version comes", async () => {
    const cwd = tmpdir();
    write(userDir(cwd), "menu/pack.yaml", V1);
    write(cwd, "v2.yaml", V2);
    write(cwd, "old.answers.yaml", OLD);
    const r = await run(["pack", "install", "v2.yaml", "--yes"], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(path.join(userDir(cwd), "menu")).sort()).toEqual(["1.0.0", "2.0.0"]);
    expect(read(path.join(userDir(cwd), "menu", "1.0.0", "pack.yaml"))).toBe(V1);
    expect((await run(["render", "old.answers.yaml", "--stdout"], { cwd })).code).toBe(0);
  });

  it("the exact version wins wherever it is in the lookup order", async () => {
    const cwd = tmpdir();
    write(cwd, "questionnaires/menu.yaml", V2);
    write(cwd, "v1.yaml", V1);
    write(cwd, "old.answers.yaml", OLD);
    expect((await run(["pack", "install", "v1.yaml", "--yes"], { cwd })).code).toBe(0);
    const r = await run(["render", "old.answers.yaml", "--stdout", "--only", "brief"], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("menu@1.0.0");
    expect(JSON.parse((await run(["pack", "show", "menu", "--json"], { cwd })).stdout).version).toBe("2.0.0");
  });

  it("pack remove id@version removes that version only", async () => {
    const cwd = await installed();
    const r = await run(["pack", "remove", "menu@1.0.0", "--yes"], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(path.join(userDir(cwd), "menu"))).toEqual(["2.0.0"]);
    expect((await run(["pack", "remove", "menu@1.0.0", "--yes"], { cwd })).code).toBe(66);
  });

  it("a hearing whose version is gone: render names the migrate command (65)", async () => {
    const cwd = await installed();
    expect((await run(["pack", "remove", "menu@1.0.0", "--yes"], { cwd })).code).toBe(0);
    const r = await run(["render", "old.answers.yaml", "--stdout"], { cwd });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("the answers were made with menu@1.0.0, which is not installed: kikitori migrate old.answers.yaml carries them to 2.0.0");
  });
});

describe("kikitori migrate", () => {
  it("--dry-run says what would be carried, kept and asked again, and writes nothing", async () => {
    const cwd = await installed();
    const r = await run(["migrate", "old.answers.yaml", "--dry-run"], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("old.answers.yaml: menu 1.0.0 → 2.0.0");
    expect(r.stdout).toContain("carried: 1 answer");
    expect(r.stdout).toContain("- colour: no longer asked by this version (kept in migrated_from)");
    expect(r.stdout).toContain('~ style: "classic" is not one of the choices (kept in migrated_from; asked again)');
    expect(r.stdout).toContain("+ due: required, not answered (When is it due?) (asked again)");
    expect(r.stdout).toContain("--dry-run: nothing was written");
    expect(read(path.join(cwd, "old.answers.yaml"))).toBe(OLD);
    expect(fs.existsSync(path.join(cwd, "old.answers.yaml.bak"))).toBe(false);
  });

  it("carries what fits, keeps the rest in migrated_from and the original as .bak; resume asks exactly what is listed", async () => {
    const cwd = await installed();
    const r = await run(["migrate", "old.answers.yaml"], { cwd, env: { KIKITORI_TODAY: "2026-12-01" } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("status: in-progress; continue with: kikitori resume old.answers.yaml");
    expect(r.stdout).toContain("the original is kept as old.answers.yaml.bak");
    expect(read(path.join(cwd, "old.answers.yaml.bak"))).toBe(OLD);
    const file = parse(read(path.join(cwd, "old.answers.yaml")));
    expect(file).toMatchObject({ pack: { id: "menu", version: "2.0.0" }, status: "in-progress", answers: { name: "Ann" } });
    expect(file.answers.colour).toBeUndefined();
    expect(file.migrated_from).toHaveLength(1);
    expect(file.migrated_from[0]).toMatchObject({
      version: "1.0.0",
      to: "2.0.0",
      dropped: [
        { id: "colour", value: "blue", reason: "removed" },
        { id: "style", value: "classic", reason: "changed" },
      ],
      ask_again: ["style", "due"],
    });
    expect(String(file.migrated_from[0].at)).toMatch(/^2026-12-01T/);
    // The migrated file renders as a draft, and is valid to resume.
    expect((await run(["render", "old.answers.yaml", "--draft", "--stdout"], { cwd })).code).toBe(0);

    // resume asks style and due, not the optional note left empty, then keeps migrated_from.
    const resumed = await run(["resume", "old.answers.yaml", "--accessible"], { cwd, input: "2\n2027-01-15\n\n" });
    expect(resumed.code, resumed.stderr).toBe(0);
    const asked = [...resumed.stderr.matchAll(/^Question \d+: (.*?) \(/gm)].map((m) => m[1]);
    expect(asked).toEqual(["Style?", "When is it due?"]);
    const after = parse(read(path.join(cwd, "old.answers.yaml")));
    expect(after).toMatchObject({ status: "complete", answers: { name: "Ann", style: "rustic", due: "2027-01-15" } });
    expect(after.migrated_from[0].dropped[0]).toEqual({ id: "colour", value: "blue", reason: "removed" });
  });

  it("--to a version that is not installed exits 66; a file already at the version is left alone", async () => {
    const cwd = await installed();
    const missing = await run(["migrate", "old.answers.yaml", "--to", "1.5.0"], { cwd });
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain("menu@1.5.0 is not installed");
    const same = await run(["migrate", "old.answers.yaml", "--to", "1.0.0"], { cwd });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("already answered with menu@1.0.0");
    expect(read(path.join(cwd, "old.answers.yaml"))).toBe(OLD);
  });

  it("a batch goes on past a bad file and exits with its code", async () => {
    const cwd = await installed();
    write(cwd, "bad.answers.yaml", "kikitori: 1\n");
    const r = await run(["migrate", "bad.answers.yaml", "old.answers.yaml"], { cwd });
    expect(r.code).toBe(65);
    expect(parse(read(path.join(cwd, "old.answers.yaml"))).pack.version).toBe("2.0.0");
  });
});

/**
 * A pack's editor line (`# yaml-language-server: $schema=…`) points at a schema that is there,
 * wherever kikitori puts the pack: pack new, pack new -o -, pack export (to a file and to
 * stdout), pack install. Checked by the language server editors run (yaml-language-server):
 * each pack opens with no diagnostic, and the same pack with a mistake gets the schema's error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, tmpdir, write } from "../helpers.ts";
import { hasYamlServer, YamlServer } from "./lsp.ts";

describe.skipIf(!hasYamlServer())("pack files in an editor (yaml-language-server)", () => {
  let server: YamlServer;
  beforeAll(async () => {
    server = new YamlServer();
    await server.start();
  });
  afterAll(() => server.close());

  /** No diagnostic for the pack; the schema's for the same pack with `choices` misspelt beside it. */
  async function loadsItsSchema(file: string): Promise<void> {
    expect(await server.diagnostics(file)).toEqual([]);
    const broken = path.join(path.dirname(file), `broken-${path.basename(file)}`);
    fs.writeFileSync(broken, fs.readFileSync(file, "utf8").replace(/^(\s+)choices:/m, "$1choicez:"));
    const messages = (await server.diagnostics(broken)).map((d) => d.message);
    expect(messages).toEqual(expect.arrayContaining(['Missing property "choices".', "Property choicez is not allowed."]));
    fs.rmSync(broken);
  }

  it("checks that a line naming a missing schema is reported (so the checks below mean something)", async () => {
    const dir = tmpdir();
    write(dir, "p.yaml", "# yaml-language-server: $schema=nowhere/pack.schema.json\nkikitori: 1\n");
    const [d] = await server.diagnostics(path.join(dir, "p.yaml"));
    expect(d?.message).toMatch(/^Unable to load schema/);
  });

  it("explains a key on hover, in English and Japanese, from the question's type branch", async () => {
    const cwd = tmpdir();
    expect((await run(["pack", "new", "shop"], { cwd })).code).toBe(0);
    const file = path.join(cwd, "shop.yaml");
    await server.diagnostics(file);
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const at = (key: string) => {
      const line = lines.findIndex((l) => new RegExp(`^\\s+${key}:`).test(l));
      return [line, (lines[line] ?? "").indexOf(key) + 1] as const;
    };
    expect(await server.hover(file, ...at("help"))).toMatch(/Why we ask[\s\S]*なぜ聞くか/);
    expect(await server.hover(file, ...at("allow_pending"))).toContain("Not decided yet");
  });

  it("a new pack, and one printed to stdout and saved elsewhere", async () => {
    const cwd = tmpdir();
    expect((await run(["pack", "new", "shop"], { cwd })).code).toBe(0);
    await loadsItsSchema(path.join(cwd, "shop.yaml"));
    const printed = await run(["pack", "new", "other", "-o", "-"], { cwd });
    write(cwd, "far/away/other.yaml", printed.stdout);
    await loadsItsSchema(path.join(cwd, "far", "away", "other.yaml"));
  });

  it("an exported pack, in a file and from stdout, and an installed one", async () => {
    const cwd = tmpdir();
    expect((await run(["pack", "new", "shop"], { cwd })).code).toBe(0);
    fs.mkdirSync(path.join(cwd, "out"));
    expect((await run(["pack", "export", "shop.yaml", "-o", "out/shared.yaml"], { cwd })).code).toBe(0);
    await loadsItsSchema(path.join(cwd, "out", "shared.yaml"));
    const printed = await run(["pack", "export", "shop.yaml"], { cwd });
    write(cwd, "mail/attached.yaml", printed.stdout);
    await loadsItsSchema(path.join(cwd, "mail", "attached.yaml"));
    expect((await run(["pack", "install", "out/shared.yaml", "--yes"], { cwd })).code).toBe(0);
    await loadsItsSchema(path.join(cwd, ".xdg", "kikitori", "packs", "shop", "0.1.0", "pack.yaml"));
  });
});

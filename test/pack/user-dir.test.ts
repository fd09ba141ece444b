/** The user pack folder: $XDG_DATA_HOME/kikitori/packs when it is absolute, as the XDG spec says. */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { userPackDir } from "../../src/pack/lookup.ts";
import { run, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";

describe("user pack folder", () => {
  it.each([
    [{ XDG_DATA_HOME: "/data" }, "/data/kikitori/packs"],
    [{ XDG_DATA_HOME: "data" }, "/home/ann/.local/share/kikitori/packs"],
    [{ XDG_DATA_HOME: "./data" }, "/home/ann/.local/share/kikitori/packs"],
    [{ XDG_DATA_HOME: "" }, "/home/ann/.local/share/kikitori/packs"],
    [{}, "/home/ann/.local/share/kikitori/packs"],
  ])("%j -> %s", (env, dir) => {
    expect(userPackDir({ cwd: "/work", env, builtinDir: "/pkg/questionnaires", home: "/home/ann" })).toBe(dir);
  });

  it("pack install ignores a relative XDG_DATA_HOME and installs under HOME", async () => {
    const cwd = tmpdir();
    write(cwd, "p.yaml", packText("relative-test"));
    const r = await run(["pack", "install", "p.yaml", "--yes"], { cwd, env: { XDG_DATA_HOME: "data", HOME: cwd } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(cwd, "data"))).toBe(false);
    expect(fs.readdirSync(path.join(cwd, ".local", "share", "kikitori", "packs"))).toEqual(["relative-test"]);
  });
});

import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { checkEntryPath, readTarball } from "../../src/pack/tarball.ts";
import { makeTar } from "../tar-writer.ts";

const reasons = async (buf: Buffer) => {
  try {
    await readTarball(buf, "x.tgz");
    return [];
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return e.problems.map((p) => p.message.en);
  }
};

describe("readTarball", () => {
  it("reads npm pack's layout into a map without the top folder", async () => {
    const long = `package/${"deep/".repeat(30)}brief.hbs`;
    const files = await readTarball(
      makeTar([
        { path: "package/", type: "5" },
        { path: "package/package.json", data: "{}" },
        { path: long, data: "hi" },
      ]),
      "x.tgz",
    );
    expect([...files.keys()]).toEqual(["package.json", long.slice("package/".length)]);
    expect(files.get("package.json")?.toString()).toBe("{}");
  });

  it("reads an uncompressed tar too", async () => {
    expect([...(await readTarball(makeTar([{ path: "p/a.yaml", data: "x" }], { gzip: false }), "x.tar")).keys()]).toEqual(["a.yaml"]);
  });

  it.each([
    ["not a tar", Buffer.from("hello ".repeat(200)), /not a valid tar archive/],
    ["not gzip", Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), /not valid gzip data/],
    [
      "two top folders",
      makeTar([
        { path: "a/x", data: "1" },
        { path: "b/y", data: "2" },
      ]),
      /more than one top folder/,
    ],
    [
      "the same path twice",
      makeTar([
        { path: "a/x", data: "1" },
        { path: "a/x", data: "2" },
      ]),
      /appears twice/,
    ],
    ["no files", makeTar([{ path: "a/", type: "5" }]), /holds no files/],
  ])("refuses %s", async (_name, buf, reason) => {
    expect((await reasons(buf)).join("\n")).toMatch(reason);
  });
});

describe("checkEntryPath", () => {
  it.each([
    ["package/a.yaml", "package/a.yaml"],
    ["./package//a.yaml", "package/a.yaml"],
    ["/etc/passwd", "its path is absolute"],
    ["C:/x", "its path is absolute"],
    ["a\\..\\b", "its path holds a backslash"],
    ["a/../../b", "its path holds .."],
    ["a/\x1b[2Jb", "its path holds control characters"],
    ["./", "its path is empty"],
  ])("%s", (raw, expected) => {
    const r = checkEntryPath(raw);
    expect(typeof r === "string" ? r : r.en).toBe(expected);
  });
});

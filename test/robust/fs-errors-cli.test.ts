/**
 * File-system errors that only a real process shows: standard output on a full device or a
 * full disk, a deleted working folder, output names as long as the file system allows, a
 * real full file system (a tiny tmpfs, where the machine lets us mount one).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it, test } from "vitest";
import { tempName } from "../../src/write-file.ts";
import { BIN, FIXTURES, kikitori, read, tmpdir, write } from "../helpers.ts";

const ANSWERS = read(path.join(FIXTURES, "answers", "full.answers.yaml"));
const ALL_TYPES = read(path.join(FIXTURES, "packs", "all-types.yaml"));

/** Runs the binary with fd 1 on `stdout` (a file or a device). */
function runTo(stdout: string, args: string[], cwd: string) {
  const fd = fs.openSync(stdout, "w");
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd, LANG: "C", KIKITORI_TODAY: "2026-11-23", XDG_DATA_HOME: path.join(cwd, ".xdg") },
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
      timeout: 20_000,
    });
    return { code: r.status, stderr: r.stderr };
  } finally {
    fs.closeSync(fd);
  }
}

describe("standard output", () => {
  it.each([["pack", "skeleton", "design-general"], ["ask", "design-general"], ["pack", "show", "design-general", "--json"], ["--help"]])(
    "on a full device: exit 74 with a message (%s)",
    (...args) => {
      const r = runTo("/dev/full", args, tmpdir());
      expect(r.code).toBe(74);
      expect(r.stderr).toBe("error: standard output could not be written: no space left on the disk — free some space, then try again\n");
    },
  );

  it("--version on a full device too", () => {
    expect(runTo("/dev/full", ["--version"], tmpdir()).code).toBe(74);
  });
});

describe("a deleted working folder", () => {
  it("--version still answers; a command says what is wrong (66), without a stack trace", () => {
    const dir = tmpdir();
    const gone = path.join(dir, "gone");
    const script = `mkdir ${JSON.stringify(gone)} && cd ${JSON.stringify(gone)} && rmdir ${JSON.stringify(gone)} && "$NODE" ${JSON.stringify(BIN)} "$@"`;
    const run = (...args: string[]) =>
      spawnSync("sh", ["-c", script, "sh", ...args], { env: { PATH: process.env.PATH ?? "", NODE: process.execPath, LANG: "C" }, encoding: "utf8" });
    const v = run("--version");
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
    for (const args of [
      ["render", "a.answers.yaml"],
      ["pack", "list"],
      ["start", "design-general", "--defaults"],
    ]) {
      const r = run(...args);
      expect(r.status, r.stderr).toBe(66);
      expect(r.stderr).toBe("error: the working folder no longer exists (was it deleted?): cd into an existing folder and run again\n");
    }
  });
});

describe("long names", () => {
  test("a temporary name stays within 255 bytes and tells long names apart", () => {
    const name = fc.stringMatching(/^[^/\0]+$/).filter((s) => Buffer.byteLength(s) <= 255);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant("あ"), fc.constant("a"), fc.constant("😀"), fc.constant("é"), name), { maxLength: 120 }),
        fc.nat(99999),
        (parts, pid) => {
          const n = parts.join("").slice(0, 200) || "x";
          if (Buffer.byteLength(n) > 255) return;
          const t = tempName(n, `.${pid}.7.tmp`);
          expect(Buffer.byteLength(t)).toBeLessThanOrEqual(255);
          expect(t.startsWith(".")).toBe(true);
          expect(t.endsWith(`.${pid}.7.tmp`)).toBe(true);
          if (Buffer.byteLength(n) > 230) expect(tempName(`${n.slice(0, -1)}z`, `.${pid}.7.tmp`)).not.toBe(t);
        },
      ),
    );
  });

  it("outputs named with as many bytes as the file system allows are written, and no temporary file stays", () => {
    fc.assert(
      fc.property(fc.constantFrom("a", "あ", "é", "😀"), fc.constantFrom("m.txt", "b.answers.yaml"), (unit, ext) => {
        const dir = tmpdir();
        write(dir, "questionnaires/all-types.yaml", ALL_TYPES);
        write(dir, "a.answers.yaml", ANSWERS);
        write(dir, "reply.txt", "1. x\n");
        let stem = "";
        while (Buffer.byteLength(stem + unit + ext) <= 255) stem += unit;
        const name = stem + ext;
        const args = ext === "m.txt" ? ["message", "confirm", "a.answers.yaml", "-o", name] : ["import", "all-types", "reply.txt", "-o", name];
        const r = kikitori(args, { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        expect(fs.existsSync(path.join(dir, name))).toBe(true);
        expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
        // One byte more is the file system's limit: a clear error, not an internal one.
        const tooLong = kikitori([...args.slice(0, -1), unit + name], { cwd: dir });
        expect(tooLong.code).toBe(73);
        expect(tooLong.stderr).toMatch(/cannot be written: the name is too long — use a shorter name/);
      }),
      { numRuns: 8 },
    );
  });
});

/** A 64 KiB tmpfs, where the machine lets us mount one (root on Linux); else the tests say why they skip. */
const small = path.join(tmpdir("kikitori-tmpfs-"), "mnt");
fs.mkdirSync(small);
const mounted = (() => {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => {
  if (mounted) execFileSync("umount", [small]);
});

describe.skipIf(!mounted)("a real full file system (64 KiB tmpfs; needs root to mount)", () => {
  it("render, stdout and pack install: 73/74, nothing temporary left", () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", ANSWERS);
    write(dir, "questionnaires/all-types.yaml", ALL_TYPES);
    // Fill the disk but a few bytes.
    const fill = path.join(small, "fill");
    spawnSync("dd", ["if=/dev/zero", `of=${fill}`, "bs=1k", "count=1024"], { stdio: "ignore" });
    const render = kikitori(["render", "a.answers.yaml", "--out", path.join(small, "out")], { cwd: dir });
    expect(render.code).toBe(73);
    expect(render.stderr).toMatch(/cannot be (written|created): no space left on the disk — free some space, then try again/);
    const out = runTo(path.join(small, "skeleton.yaml"), ["pack", "skeleton", "all-types"], dir);
    expect(out.code).toBe(74);
    const install = kikitori(["pack", "install", "questionnaires/all-types.yaml", "--yes"], { cwd: dir, env: { XDG_DATA_HOME: small } });
    expect(install.code).toBe(73);
    const left: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        left.push(e.name);
      }
    };
    walk(small);
    expect(left.filter((n) => /\.tmp$|\.kikitori-(staging|old)/.test(n))).toEqual([]);
    fs.rmSync(fill);
  });
});

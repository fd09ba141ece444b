/**
 * Bounded work, through the built binary: inputs that never end are refused before they
 * are read; a pack whose pattern backtracks for minutes in JavaScript validates, and
 * renders a long answer at once; a pack template that loops for ever stops with exit 65,
 * naming the template and the line. Spawned: a hang would show as a killed process (the
 * helper's bounded wait), not as a stuck test worker.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, kikitori, read, tmpdir, write } from "../helpers.ts";

const ALL_TYPES = read(path.join(FIXTURES, "packs", "all-types.yaml"));
const ANSWERS = read(path.join(FIXTURES, "answers", "full.answers.yaml"));

const servers: net.Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

type Kind = "fifo" | "socket" | "folder" | "/dev/zero" | "/dev/null" | "/dev/urandom";

/** A path of the given kind named `name` in `dir` (devices are used where they are). */
async function special(dir: string, name: string, kind: Kind): Promise<string> {
  const file = path.join(dir, name);
  if (kind === "fifo") execFileSync("mkfifo", [file]);
  else if (kind === "folder") fs.mkdirSync(file);
  else if (kind === "socket") {
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(file, resolve));
  } else return kind;
  return file;
}

/** Commands and the argument that is the input file. */
const COMMANDS: [string, (f: string) => string[], string][] = [
  ["render", (f) => ["render", f], "x.answers.yaml"],
  ["message", (f) => ["message", "confirm", f], "x.answers.yaml"],
  ["resume", (f) => ["resume", f, "--accessible"], "x.answers.yaml"],
  ["pack validate", (f) => ["pack", "validate", f], "p.yaml"],
  ["pack show", (f) => ["pack", "show", f], "p.yaml"],
  ["pack install", (f) => ["pack", "install", f, "--yes"], "p.tgz"],
  ["import", (f) => ["import", "design-general", f], "reply.txt"],
  ["import --pack", (f) => ["import", f, "-"], "p.yaml"],
  ["start --defaults", (f) => ["start", f, "--defaults", "-o", "o.answers.yaml"], "p.yaml"],
];

describe("inputs that are not regular files are refused before they are read", () => {
  it("every command, every kind: exit 66, one line naming the file, no stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Kind>("fifo", "socket", "folder", "/dev/zero", "/dev/null", "/dev/urandom"),
        fc.constantFrom(...COMMANDS),
        async (kind, [, args, name]) => {
          const dir = tmpdir();
          const file = await special(dir, name, kind);
          const arg = kind.startsWith("/dev/") ? file : `./${name}`;
          const r = kikitori(args(arg), { cwd: dir, input: "" });
          expect(r.code, `${args(arg).join(" ")} (${kind}): ${r.stderr}`).toBe(66);
          expect(r.stderr).toMatch(/not a regular file|is a folder|not found|holds no pack/);
          expect(r.stderr).toContain(kind.startsWith("/dev/") ? kind : name);
          expect(r.stderr).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe("untrusted packs cannot make a command run for long", () => {
  it("a pattern with overlapping repeats validates, and a long answer renders at once", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          { pattern: "^(\\w|\\d)+$", unit: "1", tail: "!" },
          { pattern: "(a|aa)+$", unit: "a", tail: "b" },
          { pattern: "^a*a*a*a*a*a*a*b$", unit: "a", tail: "" },
        ),
        fc.integer({ min: 35, max: 200_000 }),
        ({ pattern, unit, tail }, n) => {
          const dir = tmpdir();
          write(
            dir,
            "pack.yaml",
            ALL_TYPES.replace("validate: { max_length: 40 }", () => `validate: { pattern: '${pattern}' }`),
          );
          expect(kikitori(["pack", "validate", "pack.yaml"], { cwd: dir }).code).toBe(0);
          write(
            dir,
            "a.answers.yaml",
            ANSWERS.replace(/^ {2}name: .*$/m, () => `  name: "${unit.repeat(n)}${tail}"`),
          );
          const r = kikitori(["render", "a.answers.yaml", "--pack", "./pack.yaml", "--stdout"], { cwd: dir });
          expect(r.code).toBe(65);
          expect(r.stderr).toMatch(/name: does not match the expected form/);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);

  it("a template with loops nested too deep stops with exit 65 naming the template and its line", () => {
    const dir = tmpdir();
    // Four sections, twelve loops deep: 4^12 iterations.
    const loop = `# brief\n${"{{#each @root.sections}}\n".repeat(12)}x${"{{/each}}".repeat(12)}\n`;
    write(dir, "brief.md.hbs", loop);
    write(
      dir,
      "pack.yaml",
      ALL_TYPES.replace("version: 1.2.0\n", () => "version: 1.2.0\ntemplates: { brief: brief.md.hbs }\n"),
    );
    write(dir, "a.answers.yaml", ANSWERS);
    const r = kikitori(["render", "a.answers.yaml", "--pack", "./pack.yaml"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(
      /^error: template .*pack\.yaml \(templates\.brief\) was stopped: it does too much work\n {2}.*pack\.yaml \(templates\.brief\):(?:[2-9]|1[0-3]):1: this \{\{#each\}\} ran more than 1000000 times in one render — nest fewer/,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(["a.answers.yaml", "brief.md.hbs", "pack.yaml"]);
  }, 60_000);
});

/**
 * kikitori as a user installs it: the packed tarball into a fresh global prefix with npm's
 * strict install-script policy, and a checkout linked by `npm install -g .`; each run as
 * `kikitori` from an unrelated folder. (The suite has built dist/ already, so the tarball is
 * packed without running `prepack` again: a rebuild would pull dist/ from under the other
 * tests.)
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, read, tmpdir } from "../helpers.ts";
import { packText } from "../packs.ts";

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** `kikitori` from the prefix's bin, in a folder of its own with nothing of the checkout around. */
function installed(prefix: string) {
  const away = tmpdir("kikitori-away-");
  return (args: string[]) => {
    const r = spawnSync(path.join(prefix, "bin", "kikitori"), args, {
      cwd: away,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: away, LANG: "C", KIKITORI_TODAY: "2026-11-23" },
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, cwd: away };
  };
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe("the package", () => {
  it("builds in prepack and runs no script of its own when installed", () => {
    const pkg = JSON.parse(read(path.join(ROOT, "package.json"))) as { scripts: Record<string, string>; dependencies?: object };
    expect(pkg.scripts.prepack).toBe("node scripts/build.mjs");
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) expect(pkg.scripts[hook]).toBeUndefined();
    // The bundle holds everything else; these load at run time only where they are needed:
    // resvg (native) and HarfBuzz (wasm) for PNG pictures, re2js for pack patterns,
    // proper-lockfile for a hearing's lock.
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(["@resvg/resvg-js", "harfbuzzjs", "proper-lockfile", "re2js"]);
  });
});

describe("installed from the packed tarball", () => {
  it("installs with --strict-allow-scripts into a fresh prefix and works from another folder", { timeout: 240_000 }, () => {
    const work = tmpdir("kikitori-pack-");
    const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT)) as {
      filename: string;
      files: { path: string }[];
    }[];
    if (!packed) throw new Error("npm pack reported nothing");
    const shipped = packed.files.map((f) => f.path);
    expect(shipped).toEqual(
      expect.arrayContaining(["LICENSE", "README.md", "bin/kikitori.cjs", "dist/boot.cjs", "dist/kikitori.cjs", "dist/builtin/holidays.json"]),
    );
    expect(shipped.filter((f) => /^(src|test|scripts)\//.test(f))).toEqual([]);

    const prefix = path.join(work, "prefix");
    // npm 11.19's strict preflight reads the global folder before creating it (ENOENT on lstat).
    fs.mkdirSync(path.join(prefix, "lib", "node_modules"), { recursive: true });
    npm(["install", "--global", "--prefix", prefix, "--strict-allow-scripts", "--prefer-offline", path.join(work, packed.filename)], work);
    const home = path.join(prefix, "lib", "node_modules", "kikitori");
    // Everything else that runs is in dist/ (zod and Handlebars in dist/vendor/): node_modules
    // holds only the run-time dependencies and what they need.
    const deps = fs.readdirSync(path.join(home, "node_modules")).filter((d) => !d.startsWith("."));
    expect(deps).toEqual(expect.arrayContaining(["@resvg", "harfbuzzjs", "proper-lockfile", "re2js"]));
    expect(deps).not.toContain("zod");
    expect(deps).not.toContain("handlebars");
    // The holiday table ships once.
    const withHolidays = filesUnder(home)
      .filter((f) => !f.startsWith("node_modules/"))
      .filter((f) => read(path.join(home, f)).includes("勤労感謝の日"));
    expect(withHolidays).toEqual(["dist/builtin/holidays.json"]);

    // npm links the man page built from the command table.
    expect(fs.existsSync(path.join(prefix, "share", "man", "man1", "kikitori.1"))).toBe(true);
    const kikitori = installed(prefix);
    const help = kikitori(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: kikitori");

    const example = path.join(home, "questionnaires", "examples", "design-general.answers.yaml");
    const render = kikitori(["render", example, "--out", "out"]);
    expect(render.stderr).toBe("out/design-general.brief.md\nout/design-general.message.md\n");
    expect(render.code).toBe(0);
    expect(read(path.join(render.cwd, "out", "design-general.brief.md"))).toMatch(/^# /);

    // A pack of one's own needs zod (validation), the Handlebars compiler (its template) and
    // whatever runs a validate pattern: each must be in the package.
    const own = packText("own", { templates: '  brief: "# {{md pack.id}}\\n"\n' }).replace(
      "required: true",
      "required: true\n        validate: { pattern: '^[A-Z]' }",
    );
    fs.writeFileSync(path.join(render.cwd, "own.yaml"), own);
    fs.writeFileSync(
      path.join(render.cwd, "a.answers.yaml"),
      "kikitori: 1\npack: { id: own, version: 1.0.0 }\nlang: en\nstatus: complete\nanswers: { name: Ann }\n",
    );
    const mine = kikitori(["render", "a.answers.yaml", "--pack", "own.yaml", "--only", "brief", "--stdout"]);
    expect(mine.stderr).toBe("");
    expect(mine.stdout).toBe("# own\n");
    fs.writeFileSync(
      path.join(render.cwd, "b.answers.yaml"),
      "kikitori: 1\npack: { id: own, version: 1.0.0 }\nlang: en\nstatus: complete\nanswers: { name: ann }\n",
    );
    const refused = kikitori(["render", "b.answers.yaml", "--pack", "own.yaml", "--stdout"]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain("name");

    const list = kikitori(["pack", "list", "--json"]);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string; source: string }[]).map((p) => `${p.id} ${p.source}`)).toContain("design-general builtin");

    const plan = kikitori(["schedule", "--due", "2027-01-22", "--effort", "30", "--hours-per-day", "4", "--calendar", "jp", "--json"]);
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.stdout) as { verdict: string }).verdict).toMatch(/^(ok|tight|late)$/);
  });
});

describe("installed from a checkout with npm install -g .", () => {
  it("links the checkout and builds it on the first run", { timeout: 240_000 }, () => {
    const work = tmpdir("kikitori-clone-");
    const clone = path.join(work, "kikitori");
    const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" });
    for (const f of tracked.split("\0").filter(Boolean)) {
      if (!fs.existsSync(path.join(ROOT, f))) continue;
      fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(clone, f));
    }
    // What `npm install` in the clone would put there.
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"));
    const prefix = path.join(work, "prefix");
    npm(["install", "--global", "--prefix", prefix, "."], clone);

    const kikitori = installed(prefix);
    const first = kikitori(["--version"]);
    expect(first.stderr).toContain("building kikitori");
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(JSON.parse(read(path.join(ROOT, "package.json"))).version);
    const second = kikitori(["pack", "list"]);
    expect(second.stderr).not.toContain("building");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("design-general");
  });

  it("says how to get the build tools when the checkout has none", { timeout: 60_000 }, () => {
    const work = tmpdir("kikitori-bare-");
    fs.cpSync(path.join(ROOT, "bin"), path.join(work, "bin"), { recursive: true });
    fs.cpSync(path.join(ROOT, "scripts"), path.join(work, "scripts"), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(work, "bin", "kikitori.cjs"), "--help"], { cwd: work, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`run \`npm install\` in ${work}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

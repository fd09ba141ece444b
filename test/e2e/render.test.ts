import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Pack } from "../../src/pack/types.ts";
import { FIXTURES, kikitori, ROOT, read, tmpdir, write } from "../helpers.ts";
import { synthesize, unescapeMd } from "../synth.ts";

const PACKS_DIR = path.join(FIXTURES, "packs");
const env = { KIKITORI_PATH: PACKS_DIR };

function answersFile(pack: Pack, answers: object, extra: object = {}): string {
  return stringify({
    kikitori: 1,
    pack: { id: pack.id, version: pack.version },
    status: "complete",
    meta: { client: "山田", job: "Logo job", platform: "coconala" },
    answers,
    ...extra,
  });
}

/** Every pack kikitori can find: the built-ins and the fixtures. */
function allPacks(): string[] {
  const out = kikitori(["pack", "list", "--json"], { env });
  expect(out.code).toBe(0);
  return (JSON.parse(out.stdout) as { id: string }[]).map((p) => p.id);
}

describe("render: answers synthesized for every pack", () => {
  for (const id of allPacks()) {
    it.each(["ja", "en"])(`${id} in %s shows every answer and label`, (lang) => {
      const shown = kikitori(["pack", "show", id, "--json"], { env });
      expect(shown.code).toBe(0);
      const pack = JSON.parse(shown.stdout) as Pack;
      const { answers, texts, labels } = synthesize(pack);
      const dir = tmpdir();
      write(dir, "job.answers.yaml", answersFile(pack, answers));
      const r = kikitori(["render", "job.answers.yaml", "--lang", lang], { cwd: dir, env });
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      const brief = read(path.join(dir, "job.brief.md"));
      const message = read(path.join(dir, "job.message.md"));
      const visible = unescapeMd(brief);
      for (const t of texts) expect(visible).toContain(t);
      const langLabels = labels.filter((_, i) => i % 2 === (lang === "ja" ? 0 : 1));
      for (const l of langLabels) expect(visible).toContain(l);
      for (const out of [brief, message]) {
        expect(out).not.toMatch(/undefined|\[object Object\]|NaN/);
        expect(out).not.toMatch(/^#+\s*$/m);
      }
    });
  }
});

describe("render: outputs and exit codes", () => {
  const fixture = path.join(FIXTURES, "answers", "full.answers.yaml");

  it("writes <stem>.brief.md and <stem>.message.md next to the answers file", () => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, "full.answers.yaml"));
    const r = kikitori(["render", "full.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("full.brief.md");
    const brief = read(path.join(dir, "full.brief.md"));
    expect(brief).toContain("# 全種類テスト: SNSアイコン制作 \\*急ぎ\\*");
    expect(brief).toContain("その他: 水彩風");
    expect(brief).toContain("2026年12月11日(金)");
    expect(brief).toContain("- [ ] 目指す姿は？（ビジョン） — メモ: 相談したい");
    expect(brief).toContain("\\# カフェ山田 \\[本店\\]");
    const message = read(path.join(dir, "full.message.md"));
    expect(message).toMatch(/^山田 様\n/);
    expect(message).toContain("次回は2026年11月24日(火)までに");
  });

  it.each([
    ["answers.yaml", "answers"],
    ["job.yml", "job"],
    ["job.json", "job"],
    ["plain", "plain"],
  ])("names outputs after the stem of %s", (name, stem) => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, name));
    expect(kikitori(["render", name, "--only", "brief"], { cwd: dir, env }).code).toBe(0);
    expect(fs.existsSync(path.join(dir, `${stem}.brief.md`))).toBe(true);
    expect(fs.existsSync(path.join(dir, `${stem}.message.md`))).toBe(false);
  });

  it("renders in English with --lang en, into --out, many files in one run", () => {
    const dir = tmpdir();
    for (const n of ["a", "b", "c"]) fs.copyFileSync(fixture, path.join(dir, `${n}.answers.yaml`));
    const r = kikitori(["render", "a.answers.yaml", "b.answers.yaml", "c.answers.yaml", "--out", "out/briefs", "--lang", "en"], { cwd: dir, env });
    expect(r.code).toBe(0);
    for (const n of ["a", "b", "c"]) {
      expect(read(path.join(dir, "out", "briefs", `${n}.brief.md`))).toContain("Other: 水彩風");
      expect(read(path.join(dir, "out", "briefs", `${n}.message.md`))).toMatch(/^Dear 山田,/);
    }
  });

  it("reads stdin with - and prints with --stdout", () => {
    const r = kikitori(["render", "-", "--stdout", "--only", "message", "--lang", "en"], { env, input: read(fixture) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("You will hear from me next by Tue, Nov 24, 2026.");
  });

  it("exits 65 naming the question for an answer outside the choices, and writes nothing", () => {
    const dir = tmpdir();
    write(dir, "bad.answers.yaml", read(fixture).replace("style: other", "style: cute"));
    const r = kikitori(["render", "bad.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/bad\.answers\.yaml:\d+:\d+: style: "cute" is not one of the choices — use one of: realistic, friendly, other/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(dir)).toEqual(["bad.answers.yaml"]);
  });

  it("exits 66 for a missing file and for an unknown pack", () => {
    expect(kikitori(["render", "nope.answers.yaml"], { env }).code).toBe(66);
    const dir = tmpdir();
    write(dir, "x.answers.yaml", read(fixture).replace("id: all-types", "id: no-such-pack"));
    const r = kikitori(["render", "x.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('pack "no-such-pack" not found');
  });

  it("leaves an existing output untouched without --force (73), replaces it with --force", () => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, "j.answers.yaml"));
    write(dir, "j.message.md", "mine");
    const r = kikitori(["render", "j.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/already exists: add --force/);
    expect(read(path.join(dir, "j.message.md"))).toBe("mine");
    expect(fs.existsSync(path.join(dir, "j.brief.md"))).toBe(false);
    expect(kikitori(["render", "j.answers.yaml", "--force"], { cwd: dir, env }).code).toBe(0);
    expect(read(path.join(dir, "j.message.md"))).toContain("山田 様");
  });

  it("goes on with the other files of a batch and exits with the first failure", () => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, "good.answers.yaml"));
    write(dir, "bad.answers.yaml", "kikitori: 1\n");
    const r = kikitori(["render", "bad.answers.yaml", "good.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(65);
    expect(fs.existsSync(path.join(dir, "good.brief.md"))).toBe(true);
    expect(r.stderr).toMatch(/the key "pack" is missing/);
  });

  it("exits 2 for a bad --lang or --only", () => {
    expect(kikitori(["render", "x.yaml", "--lang", "fr"], { env }).code).toBe(2);
    expect(kikitori(["render", "x.yaml", "--only", "both"], { env }).code).toBe(2);
  });
});

describe("pack commands", () => {
  it("validate reports each mistake with its line and exits 65", () => {
    const dir = tmpdir();
    const good = read(path.join(PACKS_DIR, "all-types.yaml"));
    write(
      dir,
      "bad.yaml",
      good.replace("        default: friendly\n", "        default: cute\n").replace("validate: { min_items: 1 }", "validate: { min_itmes: 1 }"),
    );
    const r = kikitori(["pack", "validate", "bad.yaml"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: unknown key "min_itmes" — did you mean "min_items"\?/);
    expect(r.stdout).toContain("✗ bad.yaml");
    const ok = kikitori(["pack", "validate", path.join(PACKS_DIR, "all-types.yaml")]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("✓");
  });

  it("show --json prints a normalized pack that validates as a pack file", () => {
    const dir = tmpdir();
    const r = kikitori(["pack", "show", "all-types", "--json"], { env });
    expect(r.code).toBe(0);
    write(dir, "again.yaml", r.stdout);
    const v = kikitori(["pack", "validate", "again.yaml"], { cwd: dir });
    expect(v.code).toBe(0);
  });

  it("skeleton → filled → render round trip", () => {
    const dir = tmpdir();
    const sk = kikitori(["pack", "skeleton", "all-types", "--lang", "ja"], { env });
    expect(sk.code).toBe(0);
    expect(sk.stdout).toContain("# 1. お名前（屋号）は？");
    write(dir, "s.answers.yaml", sk.stdout);
    expect(kikitori(["render", "s.answers.yaml"], { cwd: dir, env }).code).toBe(65);
    const filled = sk.stdout.replace(/^ {2}name:$/m, "  name: カフェ山田").replace(/^ {2}due_date:$/m, "  due_date: 2027-01-15");
    write(dir, "s.answers.yaml", filled);
    const r = kikitori(["render", "s.answers.yaml"], { cwd: dir, env });
    expect(r.stderr).toBe("s.brief.md\ns.message.md\n");
    expect(read(path.join(dir, "s.brief.md"))).toContain("カフェ山田");
  });

  it("list --json names the source of every pack", () => {
    const r = kikitori(["pack", "list", "--json"], { env });
    const list = JSON.parse(r.stdout) as { id: string; source: string; file: string }[];
    expect(list.find((p) => p.id === "all-types")?.source).toBe("env");
  });
});

describe("global behaviour", () => {
  it("prints the version and help with an example per command", () => {
    const pkg = JSON.parse(read(path.join(ROOT, "package.json"))) as { version: string };
    expect(kikitori(["--version"]).stdout.trim()).toBe(pkg.version);
    const help = kikitori(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes");
    for (const c of ["render", "pack list", "pack validate", "pack skeleton"]) {
      const h = c.split(" ");
      const sub = kikitori([...h, "--help"]);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toMatch(/Example/);
    }
  });
  it("speaks Japanese with a Japanese locale", () => {
    const r = kikitori(["render", "nope.yaml"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(r.stderr).toContain("エラー: nope.yaml が見つかりません");
  });
  it("exits 2 for unknown options and commands", () => {
    expect(kikitori(["--bogus"]).code).toBe(2);
    expect(kikitori(["frobnicate"]).code).toBe(2);
  });
});

describe("render: a large batch in worker threads", () => {
  it("writes the same files, prints the same lines in order and exits like one thread", () => {
    const fixture = path.join(FIXTURES, "answers", "full.answers.yaml");
    const text = read(fixture);
    const run = (jobs: string) => {
      const dir = tmpdir();
      const names: string[] = [];
      for (let i = 0; i < 70; i++) {
        const name = `j${String(i).padStart(2, "0")}.answers.yaml`;
        write(dir, name, i === 33 ? text.replace("style: other", "style: cute") : text);
        names.push(name);
      }
      const r = kikitori(["render", ...names, "--out", "out"], { cwd: dir, env: { ...env, KIKITORI_JOBS: jobs } });
      const files = fs.readdirSync(path.join(dir, "out")).sort();
      return { r, files, brief: read(path.join(dir, "out", "j00.brief.md")) };
    };
    const one = run("1");
    const two = run("2");
    expect(two.r.code).toBe(65);
    expect(two.r.code).toBe(one.r.code);
    expect(two.r.stderr).toBe(one.r.stderr);
    expect(two.files).toEqual(one.files);
    expect(two.files).toHaveLength(138);
    expect(two.files).not.toContain("j33.brief.md");
    expect(two.brief).toBe(one.brief);
    const lines = two.r.stderr.split("\n");
    expect(lines[0]).toBe("out/j00.brief.md");
    expect(lines.findIndex((l) => l.includes("j33.answers.yaml"))).toBeGreaterThan(lines.indexOf("out/j32.message.md"));
  });
});

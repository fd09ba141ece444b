import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Pack } from "../../src/pack/types.ts";
import { FIXTURES, ROOT as ROOT_DIR, read, run, tmpdir, write } from "../helpers.ts";
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
async function allPacks(): Promise<string[]> {
  const out = await run(["pack", "list", "--json"], { env });
  expect(out.code).toBe(0);
  return (JSON.parse(out.stdout) as { id: string }[]).map((p) => p.id);
}

const packIds = await allPacks();

describe("render: answers synthesized for every pack", () => {
  for (const id of packIds) {
    it.each(["ja", "en"])(`${id} in %s shows every answer and label`, async (lang) => {
      const shown = await run(["pack", "show", id, "--json"], { env });
      expect(shown.code).toBe(0);
      const pack = JSON.parse(shown.stdout) as Pack;
      const { answers, texts, labels } = synthesize(pack);
      const dir = tmpdir();
      write(dir, "job.answers.yaml", answersFile(pack, answers));
      const r = await run(["render", "job.answers.yaml", "--lang", lang], { cwd: dir, env });
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

  it("writes <stem>.brief.md and <stem>.message.md next to the answers file", async () => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, "full.answers.yaml"));
    const r = await run(["render", "full.answers.yaml"], { cwd: dir, env });
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
  ])("names outputs after the stem of %s", async (name, stem) => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, name));
    expect((await run(["render", name, "--only", "brief"], { cwd: dir, env })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, `${stem}.brief.md`))).toBe(true);
    expect(fs.existsSync(path.join(dir, `${stem}.message.md`))).toBe(false);
  });

  it("renders in English with --lang en, into --out, many files in one run", async () => {
    const dir = tmpdir();
    for (const n of ["a", "b", "c"]) fs.copyFileSync(fixture, path.join(dir, `${n}.answers.yaml`));
    const r = await run(["render", "a.answers.yaml", "b.answers.yaml", "c.answers.yaml", "--out", "out/briefs", "--lang", "en"], { cwd: dir, env });
    expect(r.code).toBe(0);
    for (const n of ["a", "b", "c"]) {
      expect(read(path.join(dir, "out", "briefs", `${n}.brief.md`))).toContain("Other: 水彩風");
      expect(read(path.join(dir, "out", "briefs", `${n}.message.md`))).toMatch(/^Dear 山田様,/);
    }
  });

  it("reads stdin with - and prints with --stdout", async () => {
    const r = await run(["render", "-", "--stdout", "--only", "message", "--lang", "en"], { env, input: read(fixture) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("You will hear from me next by Tue, Nov 24, 2026.");
  });

  it("exits 65 naming the question for an answer outside the choices, and writes nothing", async () => {
    const dir = tmpdir();
    write(dir, "bad.answers.yaml", read(fixture).replace("style: other", "style: cute"));
    const r = await run(["render", "bad.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/bad\.answers\.yaml:\d+:\d+: style: "cute" is not one of the choices — use one of: realistic, friendly, other/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(dir)).toEqual(["bad.answers.yaml"]);
  });

  it("exits 66 for a missing file and for an unknown pack", async () => {
    expect((await run(["render", "nope.answers.yaml"], { env })).code).toBe(66);
    const dir = tmpdir();
    write(dir, "x.answers.yaml", read(fixture).replace("id: all-types", "id: no-such-pack"));
    const r = await run(["render", "x.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('pack "no-such-pack" not found');
  });

  it("leaves an existing output untouched without --force (73), replaces it with --force", async () => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, "j.answers.yaml"));
    write(dir, "j.message.md", "mine");
    const r = await run(["render", "j.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/already exists: add --force/);
    expect(read(path.join(dir, "j.message.md"))).toBe("mine");
    expect(fs.existsSync(path.join(dir, "j.brief.md"))).toBe(false);
    expect((await run(["render", "j.answers.yaml", "--force"], { cwd: dir, env })).code).toBe(0);
    expect(read(path.join(dir, "j.message.md"))).toContain("山田 様");
  });

  it("goes on with the other files of a batch and exits with the first failure", async () => {
    const dir = tmpdir();
    fs.copyFileSync(fixture, path.join(dir, "good.answers.yaml"));
    write(dir, "bad.answers.yaml", "kikitori: 1\n");
    const r = await run(["render", "bad.answers.yaml", "good.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(65);
    expect(fs.existsSync(path.join(dir, "good.brief.md"))).toBe(true);
    expect(r.stderr).toMatch(/the key "pack" is missing/);
  });

  it("exits 2 for a bad --lang or --only", async () => {
    expect((await run(["render", "x.yaml", "--lang", "fr"], { env })).code).toBe(2);
    expect((await run(["render", "x.yaml", "--only", "both"], { env })).code).toBe(2);
  });
});

describe("pack commands", () => {
  it("validate reports each mistake with its line and exits 65", async () => {
    const dir = tmpdir();
    const good = read(path.join(PACKS_DIR, "all-types.yaml"));
    write(
      dir,
      "bad.yaml",
      good.replace("        default: friendly\n", "        default: cute\n").replace("validate: { min_items: 1 }", "validate: { min_itmes: 1 }"),
    );
    const r = await run(["pack", "validate", "bad.yaml"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: unknown key "min_itmes" — did you mean "min_items"\?/);
    expect(r.stdout).toContain("✗ bad.yaml");
    const ok = await run(["pack", "validate", path.join(PACKS_DIR, "all-types.yaml")]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("✓");
  });

  it("show --json prints a normalized pack that validates as a pack file", async () => {
    const dir = tmpdir();
    const r = await run(["pack", "show", "all-types", "--json"], { env });
    expect(r.code).toBe(0);
    write(dir, "again.yaml", r.stdout);
    const v = await run(["pack", "validate", "again.yaml"], { cwd: dir });
    expect(v.code).toBe(0);
  });

  it("skeleton → filled → render round trip", async () => {
    const dir = tmpdir();
    const sk = await run(["pack", "skeleton", "all-types", "--lang", "ja"], { env });
    expect(sk.code).toBe(0);
    expect(sk.stdout).toContain("# 1. お名前（屋号）は？");
    write(dir, "s.answers.yaml", sk.stdout);
    expect((await run(["render", "s.answers.yaml"], { cwd: dir, env })).code).toBe(65);
    const filled = sk.stdout.replace(/^ {2}name:$/m, "  name: カフェ山田").replace(/^ {2}due_date:$/m, "  due_date: 2027-01-15");
    write(dir, "s.answers.yaml", filled);
    const r = await run(["render", "s.answers.yaml"], { cwd: dir, env });
    expect(r.stderr).toBe("s.brief.md\ns.message.md\n");
    expect(read(path.join(dir, "s.brief.md"))).toContain("カフェ山田");
  });

  it("list --json names the source of every pack", async () => {
    const r = await run(["pack", "list", "--json"], { env });
    const list = JSON.parse(r.stdout) as { id: string; source: string; file: string }[];
    expect(list.find((p) => p.id === "all-types")?.source).toBe("env");
  });
});

describe("global behaviour", () => {
  it("speaks Japanese with a Japanese locale", async () => {
    const r = await run(["render", "nope.yaml"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(r.stderr).toContain("エラー: nope.yaml が見つかりません");
  });
  it("exits 2 for unknown options and commands", async () => {
    expect((await run(["--bogus"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
  });
});

describe("the plan's verdict", () => {
  const logo = read(path.join(ROOT_DIR, "questionnaires", "examples", "logo-design.answers.yaml"));
  it.each([
    ["26", ""],
    ["60", "plan: late"],
  ])("effort %s h: render says %j on stderr, and the message is a counter-proposal when late", async (effort, says) => {
    const dir = tmpdir();
    write(dir, "j.answers.yaml", logo.replace("effort_hours: 26", `effort_hours: ${effort}`));
    const r = await run(["render", "j.answers.yaml", "--lang", "en"], { cwd: dir, env: { KIKITORI_TODAY: "2026-11-23" } });
    expect(r.code).toBe(0);
    if (says) {
      expect(r.stderr).toMatch(/warning: j\.answers\.yaml: plan: late \(.+\); the earliest feasible date is .+; the message is a counter-proposal/);
      expect(read(path.join(dir, "j.message.md"))).toContain("Could you let me know which option you prefer by");
    } else expect(r.stderr).not.toContain("plan:");
  });
});

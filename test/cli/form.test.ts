/**
 * `kikitori form` in-process: the file it writes (self-contained, locked down by its
 * Content-Security-Policy, small), what it holds (the client questions in the ask numbering),
 * its messages and exit codes; and `import` of what the form sends back.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { firstRound } from "../../src/ask/first.ts";
import { numberQuestions } from "../../src/ask/numbering.ts";
import { renderFormAnswersFile } from "../../src/form/download.ts";
import type { FormModel } from "../../src/form/model.ts";
import { renderFormReply } from "../../src/form/reply.ts";
import { replyQuestions } from "../../src/import/form.ts";
import { readPackFile } from "../../src/pack/load.ts";
import { allQuestions } from "../../src/pack/types.ts";
import { FIXTURES, ROOT, read, run, tmpdir, write } from "../helpers.ts";
import { packText } from "../packs.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "packs") };
const builtins = fs
  .readdirSync(path.join(ROOT, "questionnaires"))
  .filter((f) => f.endsWith(".yaml") && f !== "platforms.yaml")
  .map((f) => readPackFile(path.join(ROOT, "questionnaires", f)).pack);

/** The parts of a form file a test looks at. */
function dissect(html: string) {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
  const data = /<script type="application\/json" id="kikitori-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "{}";
  return { csp, script, style, model: JSON.parse(data) as FormModel };
}
const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

describe("kikitori form", () => {
  it("writes one self-contained file that can load and send nothing", async () => {
    const dir = tmpdir();
    const r = await run(["form", "logo-design", "--lang", "ja", "--client", "山田"], { cwd: dir });
    expect(r.code).toBe(0);
    const file = path.join(dir, "logo-design-20261123-山田.form.html");
    expect(r.stderr).toContain("logo-design-20261123-山田.form.html に書き出しました");
    expect(r.stderr).toMatch(/\d+ 問、\d+ KB。.*kikitori import logo-design/);
    const html = read(file);
    const { csp, script, style } = dissect(html);
    expect(csp.split("; ")).toEqual([
      "default-src 'none'",
      `script-src ${sha(script)}`,
      `style-src ${sha(style)}`,
      "img-src blob:",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    // Nothing to fetch: no linked file, no URL in the page's own code or style.
    expect(html).not.toMatch(/<link|<iframe|<img|\ssrc=/i);
    expect(script).not.toMatch(/https?:\/\/|fetch\(|XMLHttpRequest|WebSocket|sendBeacon|import\(/);
    expect(style).not.toMatch(/url\(|@import|@font-face/);
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it.each(builtins.flatMap((p) => (["ja", "en"] as const).map((lang) => [p.id, lang] as const)))(
    "%s (%s): every client question in the ask numbering, none of the worker's, under 250 KB",
    async (id, lang) => {
      const dir = tmpdir();
      const r = await run(["form", id, "--lang", lang, "-o", "f.html"], { cwd: dir });
      expect(r.code).toBe(0);
      const html = read(path.join(dir, "f.html"));
      expect(Buffer.byteLength(html)).toBeLessThanOrEqual(250 * 1024);
      const { model } = dissect(html);
      const pack = builtins.find((p) => p.id === id);
      if (!pack) throw new Error(id);
      expect(model.sections.flatMap((s) => s.questions.map((q) => [q.n, q.id]))).toEqual(numberQuestions(pack).map((x) => [x.n, x.question.id]));
      expect(model.lang).toBe(lang);
      expect(model.pack).toMatchObject({ id, version: pack.version, title: pack.title[lang] });
      // The worker's own questions and offer are left for resume: the form's file stays in-progress.
      expect(model.workerQuestions).toBe(allQuestions(pack).filter((q) => q.audience === "worker" || q.audience === "terms").length);
    },
  );

  it("--first keeps the first round, numbered as the whole questionnaire", async () => {
    const dir = tmpdir();
    expect((await run(["form", "design-general", "--first", "-o", "f.html"], { cwd: dir })).code).toBe(0);
    const { model } = dissect(read(path.join(dir, "f.html")));
    const pack = builtins.find((p) => p.id === "design-general");
    if (!pack) throw new Error("design-general");
    expect(model.first).toBe(true);
    expect(model.sections.flatMap((s) => s.questions.map((q) => q.n))).toEqual(firstRound(pack).map((x) => x.n));
    expect(model.total).toBe(numberQuestions(pack).length);
  });

  it.each([
    ["coconala", /ココナラでは外部サイトへの誘導が禁止されています \(https:\/\/coconala-support\.zendesk\.com\/.+\)。このファイルをリンクで共有せず/],
    ["fiverr", /Fiverrでは外部サイトへの誘導が禁止されています/],
  ])("warns the worker when %s forbids outside links", async (platform, warning) => {
    const r = await run(["form", "logo-design", "--platform", platform, "--lang", "ja", "-o", "f.html"], { cwd: tmpdir(), env: { LANG: "ja_JP.UTF-8" } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(warning);
  });

  it("says nothing of links where the platform allows them", async () => {
    const r = await run(["form", "logo-design", "--platform", "lancers", "-o", "f.html"], { cwd: tmpdir() });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/outside sites/);
  });

  it("prints to stdout with -o -, and refuses to replace a file without --force (73)", async () => {
    const dir = tmpdir();
    const out = await run(["form", "all-types", "-o", "-"], { cwd: dir, env });
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith("<!doctype html>")).toBe(true);
    write(dir, "f.html", "mine\n");
    const again = await run(["form", "all-types", "-o", "f.html"], { cwd: dir, env });
    expect(again.code).toBe(73);
    expect(read(path.join(dir, "f.html"))).toBe("mine\n");
    expect((await run(["form", "all-types", "-o", "f.html", "--force"], { cwd: dir, env })).code).toBe(0);
  });

  it.each([
    [["form", "no-such-pack"], 66, /no-such-pack/],
    [["form", "all-types", "--platform", "myspace"], 2, /unknown --platform "myspace": use one of coconala, /],
    [["form"], 2, /missing required argument/],
  ])("%j exits %i", async (args, code, message) => {
    const r = await run(args, { env, cwd: tmpdir() });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a pack with no question for the client (65)", async () => {
    const dir = tmpdir();
    write(dir, "own.yaml", packText("own").replace("required: true", "required: true\n        audience: worker"));
    const r = await run(["form", "./own.yaml"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("own has no questions for the client");
  });
});

describe("kikitori import of what the form sends", () => {
  const pack = readPackFile(path.join(FIXTURES, "packs", "all-types.yaml")).pack;
  const answers = { name: "カフェ山田", style: "other", style_other: "水彩風", usage: ["sns"], due_date: "2027-01-15" };
  const reply = renderFormReply({
    lang: "ja",
    title: "全種類テスト",
    packId: "all-types",
    version: pack.version,
    questions: [...replyQuestions(pack, "ja").values()],
    answers,
  });

  it("reads the copied reply and says its check code matches", async () => {
    const dir = tmpdir();
    const r = await run(["import", "all-types", "-", "-o", "a.yaml", "--lang", "ja"], {
      cwd: dir,
      env,
      input: `お世話になっております。\n\n${reply}\nよろしくお願いいたします。\n`,
    });
    expect(r.code).toBe(0);
    expect(parse(read(path.join(dir, "a.yaml"))).answers).toEqual(answers);
    expect(r.stderr).toMatch(/kikitori フォーム \(all-types@1\.2\.0\) の回答です。確認コード [0-9a-f]{8} は一致しています。/);
  });

  it("reads a reply changed by hand, with a warning that is not a failure", async () => {
    const r = await run(["import", "all-types", "-"], { cwd: tmpdir(), env, input: reply.replace("1. カフェ山田", "1. 喫茶山田") });
    expect(r.code).toBe(0);
    expect(parse(r.stdout).answers.name).toBe("喫茶山田");
    expect(r.stderr).toMatch(/warning: check code [0-9a-f]{8} does not match/);
  });

  it("takes the downloaded answers file as it is, keeping its job details", async () => {
    const dir = tmpdir();
    write(
      dir,
      "form.answers.yaml",
      renderFormAnswersFile({
        packId: "all-types",
        version: pack.version,
        title: "t",
        lang: "en",
        status: "in-progress",
        meta: { client: "Jane", created: "2026-11-23T10:00:00+09:00" },
        answers,
      }),
    );
    const r = await run(["import", "all-types", "form.answers.yaml", "--job", "Logo"], { cwd: dir, env });
    expect(r.code).toBe(0);
    const file = parse(r.stdout);
    expect(file).toMatchObject({ lang: "en", meta: { client: "Jane", job: "Logo", created: "2026-11-23T10:00:00+09:00" }, answers });
    expect(r.stderr).toMatch(/read the answers to 4 questions from the answers file/);
    expect(r.stderr).toMatch(/check code [0-9a-f]{8} matches/);
  });

  it("notes a reply made with another version of the pack", async () => {
    const old = reply.replace("all-types@1.2.0", "all-types@1.0.0");
    const r = await run(["import", "all-types", "-"], { cwd: tmpdir(), env, input: old });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: the form was made with all-types@1\.0\.0; the pack is now 1\.2\.0/);
  });

  it("refuses a reply from another pack's form, naming it (65)", async () => {
    const r = await run(["import", "logo-design", "-"], { cwd: tmpdir(), env, input: reply });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("kikitori import all-types");
  });
});

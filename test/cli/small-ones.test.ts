/**
 * The small things users hit: resume of a finished hearing, resume in Japanese, reference
 * lines with their kind word, "not decided yet" where it is not allowed, and a draft brief.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "hearing") };
const COMPLETE =
  "kikitori: 1\npack: { id: walk-test, version: 1.0.0 }\nlang: en\nstatus: complete\nmeta: { client: Jane, job: Logo, platform: direct, created: 2026-11-20T10:00:00+09:00 }\nanswers: { shop_name: Blue Bird, style: classic, usage: [web], revisions: 1, due_date: 2027-01-15 }\n";

describe("resume of a complete hearing", () => {
  it("opens the review even when its brief exists; only writing the outputs needs --force", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", COMPLETE);
    write(dir, "a.brief.md", "old brief\n");
    const r = await run(["resume", "a.answers.yaml", "--accessible"], { cwd: dir, env, input: "\n" });
    expect(r.stderr).toContain("This hearing is complete: opening the review screen");
    expect(r.stderr).toContain("Review your answers");
    expect(r.stderr).toContain("a.brief.md already exists: the answers will be saved, but the brief and message are replaced only with --force");
    expect(r.code).toBe(73);
    expect(r.stderr).toContain(
      "The answers are saved in a.answers.yaml. To write the brief and message over the old ones: kikitori render a.answers.yaml --force",
    );
    expect(read(path.join(dir, "a.brief.md"))).toBe("old brief\n");
    expect(parse(read(path.join(dir, "a.answers.yaml"))).status).toBe("complete");

    const forced = await run(["resume", "a.answers.yaml", "--accessible", "--force"], { cwd: dir, env, input: "\n" });
    expect(forced.code, forced.stderr).toBe(0);
    expect(read(path.join(dir, "a.brief.md"))).toContain("Blue Bird");
  });
});

describe("resume of a Japanese hearing", () => {
  it("speaks Japanese: its notices, its warnings and its last line, with an English locale", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", COMPLETE.replace("lang: en", "lang: ja").replace("version: 1.0.0", "version: 0.9.0"));
    const r = await run(["resume", "a.answers.yaml", "--accessible"], { cwd: dir, env: { ...env, LANG: "en_US.UTF-8" }, input: "\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("警告: a.answers.yaml: 回答は walk-test@0.9.0 のものですが");
    expect(r.stderr).toContain("このヒアリングは完了済みです。確認画面を開きます");
    expect(r.stderr).toContain("ヒアリングが完了しました。回答: a.answers.yaml");
    expect(r.stderr).not.toMatch(/warning:|Hearing complete|This hearing is complete/);
  });

  it("reports its errors in Japanese too", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", COMPLETE.replace("lang: en", "lang: ja"));
    const r = await run(["resume", "a.answers.yaml", "--accessible"], { cwd: dir, env, input: "" });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("中断しました。ここまでの回答は a.answers.yaml に保存してあります");
  });
});

describe("a reference line with its kind word", () => {
  it("like URL note: like is the kind, not part of the note, in an answers file, at a prompt and in a reply", async () => {
    const dir = tmpdir();
    const refsPack = `kikitori: 1
id: refs
version: 1.0.0
title: Refs
languages: [en]
sections:
  - id: s
    title: S
    questions:
      - id: refs
        type: references
        message: References?
`;
    write(dir, "refs.yaml", refsPack);
    const penv = { KIKITORI_PATH: dir };
    write(
      dir,
      "a.answers.yaml",
      'kikitori: 1\npack: { id: refs, version: 1.0.0 }\nanswers:\n  refs: ["like https://example.com/a.png thin lines", "avoid: refs/b.png too dark"]\n',
    );
    const brief = await run(["render", "a.answers.yaml", "--stdout", "--only", "brief"], { cwd: dir, env: penv });
    expect(brief.code, brief.stderr).toBe(0);
    expect(brief.stdout).toMatch(/like.*https:\/\/example\.com\/a\.png.*thin lines/);
    expect(brief.stdout).not.toContain("like https");
    expect(brief.stdout).toMatch(/avoid.*refs\/b\.png.*too dark/);

    const typed = await run(["start", "refs", "--accessible", "-o", "t.answers.yaml"], {
      cwd: dir,
      env: penv,
      input: "Jane\n\n\nlike: https://example.com/c.png soft colours\n\n\n",
    });
    expect(typed.code, typed.stderr).toBe(0);
    expect(parse(read(path.join(dir, "t.answers.yaml"))).answers.refs).toEqual([{ source: "https://example.com/c.png", note: "soft colours", kind: "like" }]);

    write(dir, "reply.txt", "1. like https://example.com/d.png the thin lines\n");
    const imported = await run(["import", "refs", "reply.txt"], { cwd: dir, env: penv });
    expect(parse(imported.stdout).answers.refs).toEqual([{ source: "https://example.com/d.png", note: "the thin lines", kind: "like" }]);
  });
});

describe('"not decided yet" where the pack does not allow it', () => {
  it("the accessible mode says why instead of refusing the word as a number", async () => {
    const dir = tmpdir();
    const r = await run(["start", "walk-test", "--accessible", "--client", "J", "--job", "L", "--platform", "direct", "-o", "a.answers.yaml"], {
      cwd: dir,
      env,
      input: "Blue\n1\n2\npending\n",
    });
    expect(r.stderr).toContain('✖ This question cannot be "not decided yet" (the pack does not set allow_pending for it)');
    expect(r.stderr).not.toContain("must be a number");
  });
});

describe("render --draft", () => {
  const IN_PROGRESS =
    "kikitori: 1\npack: { id: walk-test, version: 1.0.0 }\nlang: en\nstatus: in-progress\nmeta: { client: Jane }\nanswers: { shop_name: Blue Bird, style: classic }\n";

  it("render of an unfinished hearing says how to finish it or see a draft (65)", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", IN_PROGRESS);
    const r = await run(["render", "a.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("kikitori render a.answers.yaml --draft");
  });

  it("writes a brief of what is answered, marked as a draft, listing what is not", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", IN_PROGRESS);
    const r = await run(["render", "a.answers.yaml", "--draft"], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, "a.brief.md"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "a.message.md"))).toBe(false);
    const draft = read(path.join(dir, "a.brief.draft.md"));
    expect(draft.split("\n")[0]).toBe("# DRAFT: Walk test hearing");
    expect(draft).toContain("> **Draft**: the hearing is not finished (3 required question(s) have no answer yet");
    expect(draft).toContain("Blue Bird");
    expect(draft).toMatch(/- Where will it be used\? \(Usage\) — required/);
    const ja = await run(["render", "a.answers.yaml", "--draft", "--stdout", "--lang", "ja"], { cwd: dir, env });
    expect(ja.stdout.split("\n")[0]).toBe("# 【下書き】ウォークテスト");
    expect(ja.stdout).toContain("必須の質問 3 件が未回答です");
  });

  it("--draft with --only message is a usage error (2): a client message needs a finished hearing", async () => {
    const r = await run(["render", "a.answers.yaml", "--draft", "--only", "message"], { cwd: tmpdir(), env });
    expect(r.code).toBe(2);
  });
});

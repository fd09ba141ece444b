/** ask and import in-process: what the user sees, files written, exit codes. */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readPackFile } from "../../src/pack/load.ts";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";
import { generateReply } from "../import/reply-gen.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "packs") };
const pack = readPackFile(path.join(FIXTURES, "packs", "all-types.yaml")).pack;

describe("kikitori ask", () => {
  it("prints the questionnaire as a polite chat message, numbered", async () => {
    const r = await run(["ask", "all-types", "--lang", "ja", "--client", "山田", "--job", "SNSアイコン"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("山田 様\n")).toBe(true);
    expect(r.stdout).toContain("「SNSアイコン」の制作にあたり");
    expect(r.stdout).toContain("1. お名前（屋号）は？【必須】");
    expect(r.stdout).toContain("　　3) その他（内容もお書きください）");
    expect(r.stdout).toContain("6. 色の指定を教えてください（質問5で「はい」とお答えになった場合のみ）");
    expect(r.stdout).toContain("どうぞよろしくお願いいたします。");
  });

  it("writes -o FILE, refuses to replace it without --force (73)", async () => {
    const dir = tmpdir();
    expect((await run(["ask", "all-types", "-o", "ask.md", "--format", "md"], { cwd: dir, env })).code).toBe(0);
    expect(read(path.join(dir, "ask.md"))).toContain("1. **Your name or trade name?**");
    const again = await run(["ask", "all-types", "-o", "ask.md"], { cwd: dir, env });
    expect(again.code).toBe(73);
    expect(again.stderr).toContain("--force");
    expect((await run(["ask", "all-types", "-o", "ask.md", "--force"], { cwd: dir, env })).code).toBe(0);
    expect(read(path.join(dir, "ask.md"))).toContain("1. Your name or trade name? [required]");
  });

  it.each([
    [["ask", "no-such-pack"], 66],
    [["ask", "all-types", "--format", "html"], 2],
    [["ask"], 2],
  ])("%j exits %i", async (args, code) => {
    expect((await run(args, { env })).code).toBe(code);
  });
});

describe("kikitori import", () => {
  it("turns a reply pasted on stdin into a complete answers file that renders", async () => {
    const dir = tmpdir();
    const { reply, expected } = generateReply(pack, { lang: "ja", today: "2026-11-23", variant: 1 });
    const r = await run(["import", "all-types", "-", "-o", "job.answers.yaml", "--client", "山田", "--platform", "coconala"], { cwd: dir, env, input: reply });
    expect(r.code).toBe(0);
    const file = parse(read(path.join(dir, "job.answers.yaml")));
    expect(file).toMatchObject({ kikitori: 1, pack: { id: "all-types", version: "1.2.0" }, lang: "ja", meta: { client: "山田", platform: "coconala" } });
    expect(file.answers).toEqual(expected);
    expect(file.status).toBe("complete");
    expect(r.stderr).toMatch(/read \d+ numbered answers/);
    const rendered = await run(["render", "job.answers.yaml", "--stdout"], { cwd: dir, env });
    expect(rendered.code).toBe(0);
  });

  it("lists an unreadable answer by number, leaves it unanswered and keeps the file in progress", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", "Hi!\n\n1. Yamada Cafe\n2) 2\nQ5: maybe\n7. 4\n10. Apr 30, 2027\n\nThanks,\nJo\n");
    const r = await run(["import", "all-types", "reply.txt"], { cwd: dir, env });
    expect(r.code).toBe(0);
    const file = parse(r.stdout);
    expect(file.answers).toEqual({ name: "Yamada Cafe", style: "friendly", friendliness: 4, due_date: "2027-04-30" });
    expect(file.status).toBe("in-progress");
    expect(file.lang).toBe("en");
    expect(r.stderr).toContain("could not read 1 (left unanswered):");
    expect(r.stderr).toMatch(/ {2}5\. Are the colours decided\? «maybe»\n {5}"maybe" is not a yes or a no/);
    expect(r.stderr).toContain("kikitori resume");
  });

  it("reports its findings in Japanese under a Japanese locale", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", "１．カフェ山田\n２．５\n１０．未定\n");
    const r = await run(["import", "all-types", "reply.txt"], { cwd: dir, env: { ...env, LANG: "ja_JP.UTF-8" } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("読み取れなかった回答 (1 件、未回答のままです):");
    expect(r.stderr).toContain("2. 全体の雰囲気は？");
    expect(parse(r.stdout).answers).toEqual({ name: "カフェ山田", due_date: { pending: true } });
  });

  it("refuses a reply with no numbered answers (65)", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", "ありがとうございます。少し考えてからお返事します。\n");
    const r = await run(["import", "all-types", "reply.txt"], { cwd: dir, env });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("holds no numbered answers");
    expect(r.stdout).toBe("");
  });

  it("refuses to replace -o without --force (73) before reading anything", async () => {
    const dir = tmpdir();
    write(dir, "a.answers.yaml", "keep me\n");
    const r = await run(["import", "all-types", "missing.txt", "-o", "a.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(73);
    expect(read(path.join(dir, "a.answers.yaml"))).toBe("keep me\n");
    write(dir, "reply.txt", "1. Jo\n");
    expect((await run(["import", "all-types", "reply.txt", "-o", "a.answers.yaml", "--force"], { cwd: dir, env })).code).toBe(0);
    expect(parse(read(path.join(dir, "a.answers.yaml"))).answers).toEqual({ name: "Jo", style: "friendly" });
  });

  it.each([
    [["import", "all-types", "nope.txt"], 66],
    [["import", "no-such-pack", "-"], 66],
    [["import", "all-types"], 2],
  ])("%j exits %i", async (args, code) => {
    expect((await run(args, { env, cwd: tmpdir() })).code).toBe(code);
  });
});

describe("pack template overrides", () => {
  it("a pack may replace the ask and follow-up message templates", async () => {
    const dir = tmpdir();
    const source = read(path.join(FIXTURES, "packs", "all-types.yaml"));
    const templates = [
      "templates:",
      '  ask: "ASK {{count}}:{{#each sections}}{{#each questions}} {{n}}{{/each}}{{/each}}"',
      '  message-progress: "PROGRESS {{progress.percentText}}% for {{plain meta.client}}, next {{nextContactText}}"',
    ].join("\n");
    write(dir, "packs/all-types.yaml", `${source.trimEnd()}\n${templates}\n`);
    const penv = { KIKITORI_PATH: path.join(dir, "packs") };
    const ask = await run(["ask", "all-types"], { cwd: dir, env: penv });
    expect(ask.code).toBe(0);
    expect(ask.stdout).toBe("ASK 12: 1 2 3 4 5 6 7 8 9 10 11 12\n");
    write(
      dir,
      "a.answers.yaml",
      "kikitori: 1\npack: { id: all-types, version: 1.2.0 }\nmeta: { client: Jo }\nanswers: { name: Jo, style: friendly, due_date: 2026-12-24 }\n",
    );
    const m = await run(["message", "progress", "a.answers.yaml", "--percent", "30"], { cwd: dir, env: penv });
    expect(m.code).toBe(0);
    expect(m.stdout).toBe("PROGRESS 30% for Jo, next Tue, Nov 24, 2026\n");
  });
});

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tmpdir, write } from "../helpers.ts";
import { runMain } from "../in-process.ts";

// Every output follows the pack's stages: the brief's table, the confirmation, a delivery
// of one stage, `schedule --pack`. Run in-process on the built-in examples.

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const ICON = path.join(EXAMPLES, "icon-illustration.answers.yaml");
const VOICE = path.join(EXAMPLES, "voice-recording.answers.yaml");
const LOGO = path.join(EXAMPLES, "logo-design.answers.yaml");
const at = (today: string) => ({ env: { KIKITORI_TODAY: today } });

describe("the brief and the confirmation follow the stages", () => {
  it.each([
    [
      "ja",
      "icon-illustration",
      ["ラフのお届け", "ラフのご確認", "線画完了", "着彩のお届け", "着彩のご確認", "仕上げのお届け", "完成前の最終確認", "納品"],
      "**ラフの提出日**",
    ],
    [
      "en",
      "icon-illustration",
      ["Sketch delivered", "Sketch feedback", "Line art done", "Colour delivered", "Final check", "Final delivery"],
      "**the day the sketch is delivered**",
    ],
    ["ja", "voice-recording", ["確定台本のご送付", "サンプル収録のお届け", "サンプルのご確認", "初回納品", "最終納品"], "**初回納品日**"],
    [
      "ja",
      "logo-design",
      ["デザイン案のお届け", "案のご選定", "ブラッシュアップのお届け", "確認1回目（修正依頼）", "デザインのご確定", "納品"],
      "**最終納品日**",
    ],
  ] as const)("%s brief of %s: the milestone table in order, and what the deadline means", async (lang, pack, labels, means) => {
    const r = await runMain(["render", path.join(EXAMPLES, `${pack}.answers.yaml`), "--stdout", "--only", "brief", "--lang", lang]);
    expect(r.code, r.stderr).toBe(0);
    const rows = [...r.stdout.matchAll(/^\| [^|]+ \| ([^|]+) \| [^|]+ \|$/gm)].map((m) => (m[1] ?? "").trim());
    const positions = labels.map((l) => rows.indexOf(l));
    expect(
      positions.every((p) => p >= 0),
      `${labels} in ${rows}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(r.stdout).toContain(means);
  });

  it("the confirmation lists what the client does and sees, not the worker's inner steps", async () => {
    const r = await runMain(["message", "confirm", ICON], at("2026-11-23"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("「納期」はラフの提出日（2026年12月4日(金)）のことと理解し");
    expect(r.stdout).toMatch(/- 2026年12月4日\(金\): ラフのお届け\n- 2026年12月6日\(日\): ラフのご確認\n/);
    expect(r.stdout).not.toContain("線画完了");
    const voice = await runMain(["message", "confirm", VOICE, "--lang", "en"], at("2026-11-23"));
    expect(voice.stdout).toContain("- Thu, Nov 26, 2026: Send the final script\n");
  });
});

describe("message delivery --stage", () => {
  it.each([
    ["rough", "ラフをお送りいたします。", ["【ご確認のお願い】", "2026年12月6日(日)までにご確認", "ご確認をいただいてから、線画に進めさせていただきます。"]],
    ["line_art", "線画をお送りいたします。", ["【今後の進め方】", "このまま着彩に進めてまいります。"]],
    ["finish", "仕上げをお送りいたします。", ["【ご確認のお願い】", "修正は、料金内であと2回承ります。"]],
    ["export", "完成データをお届けいたします。", ["ご承諾（検収）をお願いいたします", "2026年12月7日(月)までにご承諾も修正のご依頼もない場合"]],
  ])("%s", async (stage, opening, lines) => {
    const r = await runMain(["message", "delivery", ICON, "--stage", stage], at("2026-12-04"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(opening);
    for (const l of lines) expect(r.stdout).toContain(l);
  });

  it("in English, a stage reads as a noun in the sentence", async () => {
    const r = await runMain(["message", "delivery", VOICE, "--stage", "sample", "--lang", "en"], at("2026-12-04"));
    expect(r.stdout).toContain("Here is the sample recording for");
    expect(r.stdout).toContain("Once you have had a look, I will move on to the next stage (Recording and editing).");
  });

  it.each([
    [["--stage", "sketch"], /--stage sketch is not a stage of this job: use one of rough, line_art, color, finish, export/],
    [["--stage", "rough", "--round", "1"], /--stage cannot go with --round or --final/],
    [["--stage", "rough", "--final"], /--stage cannot go with --round or --final/],
  ])("%j is a usage error", async (args, pattern) => {
    const r = await runMain(["message", "delivery", ICON, ...args, "--lang", "en"], at("2026-12-04"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });

  it("a pack without stages says so", async () => {
    const text = fs.readFileSync(path.join(ROOT, "questionnaires", "logo-design.yaml"), "utf8");
    // The stages block, its comment and its entries (indented four spaces or more), taken out.
    const pack = write(tmpdir(), "logo.yaml", text.replace(/(?:\n {2}#[^\n]*)*\n {2}stages:\n(?: {4}[^\n]*\n)*/, "\n"));
    const r = await runMain(["message", "delivery", LOGO, "--stage", "x", "--pack", pack, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no stages \(schedule\.stages\): use --round/);
  });
});

describe("schedule --pack", () => {
  const base = ["schedule", "--start", "2027-01-04", "--due", "2027-02-12", "--effort", "20", "--hours-per-day", "3", "--revisions", "2", "--calendar", "none"];

  it("plans with the pack's stages and its default answers, every milestone labelled", async () => {
    const r = await runMain([...base, "--pack", "icon-illustration", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { milestones: { id: string; actor: string; label?: { ja: string; en: string } }[] };
    // stage_checks defaults to rough, colour and the final check.
    expect(plan.milestones.map((m) => m.id)).toEqual([
      "hearing_done",
      "first_draft",
      "check_rough",
      "stage_line_art",
      "stage_color",
      "check_color",
      "stage_finish",
      "revision_1_review",
      "revision_1",
      "revision_2_review",
      "revision_2",
      "check_finish",
      "final_delivery",
    ]);
    expect(plan.milestones.find((m) => m.id === "check_finish")).toMatchObject({ actor: "client", label: { ja: "完成前の最終確認", en: "Final check" } });
  });

  it("the terminal picture names the stages and adds their legend", async () => {
    const r = await runMain([...base, "--pack", "voice-recording", "--lang", "ja"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("確定台本のご送付");
    expect(r.stdout).toContain("M クライアントの作業期限");
    expect(r.stdout).toContain("初回納品 2027年");
  });

  it("without --pack nothing changes: no stage in the plan", async () => {
    const r = await runMain([...base, "--json"]);
    expect(JSON.parse(r.stdout).milestones.some((m: { stage?: string }) => m.stage !== undefined)).toBe(false);
  });
});

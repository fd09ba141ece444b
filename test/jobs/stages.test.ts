/**
 * status, agenda and message delivery over a built-in pack with stages (the icon example,
 * fixed clock Tue 2026-12-01): the client's checks follow the answers, every stage delivery
 * gets the command that words it, and the last revision round before a final check is not
 * the final delivery.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tmpdir } from "../helpers.ts";
import { readJson, run } from "./helpers.ts";

const ICON = fs.readFileSync(path.join(ROOT, "questionnaires", "examples", "icon-illustration.answers.yaml"), "utf8");

interface Milestone {
  id: string;
  kind: string;
  actor: string;
  stage?: string;
  label?: { ja: string; en: string };
}

let dir: string;
beforeAll(() => {
  dir = tmpdir("kikitori-stages-");
  // The example picks checks of the sketch, the colour and the final check (stage_checks).
  fs.writeFileSync(path.join(dir, "icon.answers.yaml"), ICON);
  fs.writeFileSync(path.join(dir, "line.answers.yaml"), ICON.replace(/^ {2}stage_checks: .*$/m, "  stage_checks: [line_art]"));
});

async function milestones(file: string): Promise<Milestone[]> {
  const r = await run(["status", file, "--json"], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return readJson<{ milestones: Milestone[] }[]>(r.stdout)[0]?.milestones ?? [];
}

describe("status reads the stages the answers switch on", () => {
  it.each([
    { file: "icon.answers.yaml", checks: ["check_rough", "check_color", "check_finish"] },
    { file: "line.answers.yaml", checks: ["check_line_art"] },
  ])("$file: the client's checks are $checks", async ({ file, checks }) => {
    const ms = await milestones(file);
    expect(ms.filter((m) => m.kind === "check").map((m) => m.id)).toEqual(checks);
  });

  it("each stage milestone carries its stage and its name in both languages", async () => {
    const ms = await milestones("icon.answers.yaml");
    expect(ms.find((m) => m.id === "check_rough")).toMatchObject({
      actor: "client",
      stage: "rough",
      label: { ja: "ラフのご確認", en: "Sketch feedback" },
    });
    expect(ms.find((m) => m.id === "stage_line_art")).toMatchObject({ kind: "stage_done", label: { en: "Line art done" } });
  });
});

describe("agenda: the command for each delivery", () => {
  it.each([
    // The first draft is the sketch, which the client checks before the line art.
    { milestone: "first_draft", args: "--stage rough" },
    { milestone: "stage_color", args: "--stage color" },
    { milestone: "stage_finish", args: "--stage finish" },
    { milestone: "revision_2", args: "--round 2" },
    // The export after the final check is the final delivery.
    { milestone: "final_delivery", args: "--stage export" },
  ])("$milestone → message delivery $args", async ({ milestone, args }) => {
    const r = await run(["agenda", "icon.answers.yaml", "--days", "40", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const items = readJson<{ kind: string; milestone?: string; command: string }[]>(r.stdout).filter((i) => i.kind === "delivery");
    expect(items.find((i) => i.milestone === milestone)?.command).toBe(`kikitori message delivery icon.answers.yaml ${args}`);
    // A stage the client does not see is no delivery.
    expect(items.map((i) => i.milestone)).not.toContain("stage_line_art");
  });
});

describe("message delivery --round N before a final check", () => {
  it.each([
    { lang: "en", says: "This was the last revision round in the agreed price", not: "accept the delivery" },
    { lang: "ja", says: "今回が、料金内で承る最後の修正となります", not: "ご承諾（検収）" },
  ])("$lang: the last round asks for the final check, not for acceptance", async ({ lang, says, not }) => {
    const r = await run(["message", "delivery", "icon.answers.yaml", "--round", "2", "--lang", lang], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(says);
    expect(r.stdout).not.toContain(not);
  });

  it("the export is the final delivery, with the platform's acceptance window", async () => {
    const r = await run(["message", "delivery", "icon.answers.yaml", "--stage", "export", "--lang", "en"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("the finished work");
    expect(r.stdout).toContain("accept the delivery on Coconala");
  });
});

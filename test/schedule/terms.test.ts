import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { dueMeansLabel, type MilestoneTerms, milestoneLabel } from "../../src/schedule/index.ts";
import { ROOT, run } from "../helpers.ts";

const voice: MilestoneTerms = {
  first_draft: { ja: "初回納品", en: "First delivery" },
  revision: { ja: "リテイク", en: "Retake" },
  final_delivery: { ja: "最終納品", en: "Final delivery" },
};

describe("a pack's words for the deliveries (schedule.terms)", () => {
  it.each([
    [{ id: "first_draft", kind: "first_draft" as const }, "ja", {}, "初稿"],
    [{ id: "first_draft", kind: "first_draft" as const }, "ja", voice, "初回納品"],
    [{ id: "revision_2", kind: "revision" as const, round: 2 }, "ja", voice, "リテイク2回目"],
    [{ id: "revision_2", kind: "revision" as const, round: 2 }, "en", voice, "Retake 2"],
    [{ id: "revision_1_review", kind: "review" as const, round: 1 }, "ja", voice, "確認1回目（リテイク依頼）"],
    [{ id: "revision_1", kind: "revision" as const, round: 1 }, "en", {}, "Revision 1"],
    [{ id: "final_delivery", kind: "final_delivery" as const }, "en", voice, "Final delivery"],
  ] as const)("%j in %s", (m, lang, terms, expected) => {
    expect(milestoneLabel(m, lang, terms)).toBe(expected);
  });

  it.each([
    ["final", "ja", {}, "最終納品日"],
    ["first_draft", "ja", {}, "初稿の提出日"],
    ["first_draft", "ja", voice, "初回納品日"],
    ["first_draft", "en", voice, "the first delivery date"],
    ["first_draft", "en", {}, "the first-draft date"],
  ] as const)("the deadline as %s in %s", (dueMeans, lang, terms, expected) => {
    expect(dueMeansLabel(dueMeans, lang, terms)).toBe(expected);
  });

  it("the voice pack's brief and delivery message use them", async () => {
    const example = path.join(ROOT, "questionnaires", "examples", "voice-recording.answers.yaml");
    const brief = (await run(["render", example, "--stdout", "--only", "brief", "--lang", "ja"])).stdout;
    expect(brief).toMatch(/\| 初回納品 \| 制作者 \|/);
    expect(brief).toContain("リテイク1回目 作業");
    expect(brief).not.toMatch(/\| 初稿 \|/);
    const delivery = await run(["message", "delivery", example, "--round", "0", "--lang", "ja"], { env: { KIKITORI_TODAY: "2026-12-04" } });
    expect(delivery.code).toBe(0);
    // 「初回納品をお届け」 would say "deliver the delivery": the data is what is sent.
    expect(delivery.stdout).toContain("初回納品のデータをお送りいたします");
    expect(delivery.stdout).toContain("リテイクは、料金内であと1回承ります。");
  });
});

import { describe, expect, test } from "vitest";
import { stageEfforts } from "../../src/schedule/layout.ts";
import type { Plan, Stage } from "../../src/schedule/types.ts";
import { validatePlanInput } from "../../src/schedule/validate.ts";
import { dateOf, envFor, ids, input, plan } from "./helpers.ts";

const L = (ja: string, en: string) => ({ ja, en });
const work = (id: string, share: number, extra: Partial<Extract<Stage, { share?: number }>> = {}): Stage => ({ id, label: L(id, id), share, ...extra });
const client = (id: string, days: number): Stage => ({ actor: "client", id, label: L(id, id), days });

/** Icon-like: sketch (checked), line art, colour (checked), finish; revisions after finish. */
const ICON: Stage[] = [work("rough", 0.2, { check: {} }), work("line_art", 0.3), work("color", 0.3, { check: { days: 1 } }), work("finish", 0.1)];
/** Logo-like: concepts (the client selects), refinement with the rounds and an approval, data set. */
const LOGO: Stage[] = [
  work("concepts", 0.4, { check: { label: L("案の選定", "Choose a concept") } }),
  work("refinement", 0.3, { revisions: true, check: { label: L("デザインの確定", "Approve the design") } }),
  work("data", 0.1),
];
/** Voice-like: the client's final script first, a checked sample, the recording. */
const VOICE: Stage[] = [client("script", 3), work("sample", 0, { share: undefined, hours: 1, check: {} }), work("recording", 0.7)];

const base = { start: "2027-01-04", due: "2027-02-12", effortHours: 30, hoursPerDay: 3, reviewDays: 2 };
const staged = (stages: Stage[], overrides = {}): Plan => plan({ ...base, stages, ...overrides });
const kinds = (p: Plan) => p.milestones.map((m) => `${m.id}:${m.kind}:${m.actor}`);

describe("milestones of a plan with stages", () => {
  test.each([
    [
      "icon, 2 rounds",
      ICON,
      2,
      [
        "hearing_done:hearing:worker",
        "first_draft:first_draft:worker",
        "check_rough:check:client",
        "stage_line_art:stage_done:worker",
        "stage_color:stage:worker",
        "check_color:check:client",
        "stage_finish:stage:worker",
        "revision_1_review:review:client",
        "revision_1:revision:worker",
        "revision_2_review:review:client",
        "final_delivery:final_delivery:worker",
      ],
    ],
    [
      "icon, no rounds",
      ICON,
      0,
      [
        "hearing_done:hearing:worker",
        "first_draft:first_draft:worker",
        "check_rough:check:client",
        "stage_line_art:stage_done:worker",
        "stage_color:stage:worker",
        "check_color:check:client",
        "final_delivery:final_delivery:worker",
      ],
    ],
    [
      "logo, 1 round",
      LOGO,
      1,
      [
        "hearing_done:hearing:worker",
        "first_draft:first_draft:worker",
        "check_concepts:check:client",
        "stage_refinement:stage:worker",
        "revision_1_review:review:client",
        "revision_1:revision:worker",
        "check_refinement:check:client",
        "final_delivery:final_delivery:worker",
      ],
    ],
    [
      "voice, 1 round",
      VOICE,
      1,
      [
        "hearing_done:hearing:worker",
        "client_script:client_step:client",
        "first_draft:first_draft:worker",
        "check_sample:check:client",
        "stage_recording:stage:worker",
        "revision_1_review:review:client",
        "final_delivery:final_delivery:worker",
      ],
    ],
  ])("%s", (_name, stages, revisionRounds, expected) => {
    expect(kinds(staged(stages, { revisionRounds }))).toEqual(expected);
  });

  test("stage, check and client-step milestones carry the pack's labels; the final delivery names its stage", () => {
    const p = staged(VOICE, { revisionRounds: 0 });
    const byId = new Map(p.milestones.map((m) => [m.id, m]));
    expect(byId.get("client_script")).toMatchObject({ label: L("script", "script"), stage: "script" });
    // The first stage the client sees is the first draft: its usual id, the stage's name.
    expect(byId.get("first_draft")).toMatchObject({ kind: "first_draft", label: L("sampleのお届け", "sample delivered"), stage: "sample" });
    expect(byId.get("check_sample")).toMatchObject({ label: L("sampleのご確認", "sample feedback"), stage: "sample" });
    expect(byId.get("final_delivery")).toMatchObject({ stage: "recording" });
    expect(byId.get("final_delivery")?.label).toBeUndefined();
    expect(staged(LOGO).milestones.find((m) => m.id === "check_concepts")?.label).toEqual(L("案の選定", "Choose a concept"));
  });

  test("a check of the last stage adds nothing: the rounds or the acceptance window are its check", () => {
    const withCheck = [...ICON.slice(0, 3), work("finish", 0.1, { check: {} })];
    expect(ids(staged(withCheck, { revisionRounds: 0 }))).toEqual(ids(staged(ICON, { revisionRounds: 0 })));
  });
});

describe("dates", () => {
  test("client turns sit between the deliveries: a check runs its days, then the next stage starts", () => {
    const p = staged(ICON, { revisionRounds: 0, due: "2027-01-29" });
    // The rough is checked for the plan's 2 review days, the colour for its own 1 day.
    expect(dateOf(p, "check_rough")).toBe(addDaysTo(dateOf(p, "first_draft"), 2));
    expect(dateOf(p, "check_color")).toBe(addDaysTo(dateOf(p, "stage_color"), 1));
    const lineArt = p.phases.find((ph) => ph.id === "work_line_art");
    expect(lineArt?.start).toBe(addDaysTo(dateOf(p, "check_rough"), 1));
  });

  test("a client step before the first stage: the worker waits its days from the start", () => {
    const p = staged(VOICE, { revisionRounds: 0, workdays: "mon-sun" });
    expect(dateOf(p, "client_script")).toBe("2027-01-06"); // start Mon 4th + 3 days: due by Wed 6th
    expect(p.phases.find((ph) => ph.id === "client_script_window")).toMatchObject({
      kind: "client_step",
      actor: "client",
      start: "2027-01-04",
      end: "2027-01-06",
    });
    expect(p.phases.find((ph) => ph.id === "work_sample")?.start).toBe("2027-01-07");
    // Three days the worker cannot work on the job are not capacity (every day is a workday here).
    const noWait = staged([client("script", 0), ...VOICE.slice(1)], { revisionRounds: 0, workdays: "mon-sun" });
    expect(noWait.capacityHours - p.capacityHours).toBe(9);
  });

  test("due means the first draft: the first stage the client sees lands on the due date", () => {
    const p = staged(ICON, { dueMeans: "first_draft", due: "2027-01-15", revisionRounds: 1 });
    expect(dateOf(p, "first_draft")).toBe("2027-01-15");
    expect(p.milestones.find((m) => m.id === "first_draft")?.stage).toBe("rough");
    expect(p.firstDraftDate).toBe("2027-01-15");
    expect(p.finalDate > p.due).toBe(true);
    // Without a checked stage the first thing the client sees is the final delivery.
    const unchecked = staged([work("a", 0.5), work("b", 0.5)], { dueMeans: "first_draft", due: "2027-01-15" });
    expect(dateOf(unchecked, "final_delivery")).toBe("2027-01-15");
  });

  test("a stage marked as the first draft is what due means, though an earlier stage is checked", () => {
    const stages = [work("rough", 0.2, { check: {} }), work("draft", 0.5, { revisions: true, firstDraft: true }), work("files", 0.1)];
    const p = staged(stages, { dueMeans: "first_draft", due: "2027-01-22", revisionRounds: 1 });
    expect(dateOf(p, "first_draft")).toBe("2027-01-22");
    expect(p.milestones.find((m) => m.id === "first_draft")?.stage).toBe("draft");
    expect(p.firstDraftDate).toBe("2027-01-22");
    expect((dateOf(p, "stage_rough") ?? "") < "2027-01-22").toBe(true);
  });

  test("due means final: the final delivery lands on the due date (the workday before a day off)", () => {
    expect(staged(ICON, { due: "2027-02-14" }).finalDate).toBe("2027-02-12");
  });

  test("stage deliveries follow the stages' order", () => {
    const p = staged(ICON, { revisionRounds: 2 });
    const order = ["first_draft", "stage_line_art", "stage_color", "stage_finish", "revision_1", "final_delivery"].map((id) => dateOf(p, id) ?? "");
    expect([...order].sort()).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });
});

describe("effort", () => {
  test.each([
    // [effort, rounds, stages, per-stage effort, each round]
    [20, 2, ICON, [4, 6, 6, 2], 1],
    [20, 0, ICON, [4.444444, 6.666667, 6.666667, 2.222222], 0],
    [30, 1, VOICE, [1, 21], 8],
    [30, 0, VOICE, [1, 29], 0], // fixed hours stay fixed
    [10, 0, [work("a", 0, { share: undefined, hours: 2 }), work("b", 0, { share: undefined, hours: 3 })], [4, 6], 0],
    [10, 3, [work("only", 1)], [10], 0],
  ])("%i h, %i round(s)", (effortHours, revisionRounds, stages, perStage, eachRound) => {
    const work = stages.filter((s) => s.actor !== "client") as Extract<Stage, { share?: number }>[];
    const r = stageEfforts({ effortHours, revisionRounds }, work);
    expect(r.stages.map((n) => Math.round(n * 1e6) / 1e6)).toEqual(perStage);
    expect(r.eachRound).toBe(eachRound);
  });

  test("the capacity check runs before every worker milestone, stages included", () => {
    const p = staged(ICON, { effortHours: 40, revisionRounds: 2 });
    const worker = p.milestones.filter((m) => m.actor === "worker" && m.id !== "hearing_done");
    expect(worker.every((m) => typeof m.hoursBefore === "number" && typeof m.effortBefore === "number")).toBe(true);
    expect(p.milestones.find((m) => m.id === "final_delivery")?.effortBefore).toBe(40);
    expect(p.milestones.find((m) => m.id === "first_draft")?.effortBefore).toBe(8);
  });

  test("a plan too short for its stages is late, with an earliest due date that fits", () => {
    const p = staged(ICON, { effortHours: 80, due: "2027-01-15", revisionRounds: 1 });
    expect(p.verdict).toBe("late");
    expect(staged(ICON, { effortHours: 80, due: p.earliestFeasibleDue, revisionRounds: 1 }).verdict).not.toBe("late");
  });
});

describe("validation of stages", () => {
  test.each([
    ["shares over 1", "stage_shares", [work("a", 0.6), work("b", 0.5)]],
    ["share and hours", "stage_effort", [work("a", 0.5, { hours: 2 })]],
    ["neither share nor hours", "stage_effort", [{ id: "a", label: L("a", "a") }]],
    ["a client step last", "stage_order", [work("a", 0.5), client("b", 2)]],
    ["only a client step", "stage_order", [client("b", 2)]],
    ["two stages with the rounds", "revision_stages", [work("a", 0.5, { revisions: true }), work("b", 0.5, { revisions: true })]],
    ["a duplicate id", "duplicate_stage", [work("a", 0.5), work("a", 0.5)]],
    ["a bad id", "invalid_stage_id", [work("A b", 0.5)]],
    ["a bad share", "stage_share", [work("a", 1.5)]],
    ["bad check days", "check_days", [work("a", 0.5, { check: { days: 1.5 } }), work("b", 0.5)]],
    ["bad client days", "client_step_days", [client("a", -1), work("b", 1)]],
    ["hours beyond the effort", "stage_hours_exceed", [work("a", 0, { share: undefined, hours: 25 })]],
  ])("%s → %s", (_name, code, stages) => {
    const i = input({ effortHours: 20, stages: stages as Stage[] });
    expect(validatePlanInput(i, envFor(i)).map((p) => p.code)).toContain(code);
  });

  test("a valid stage list has no problems", () => {
    for (const stages of [ICON, LOGO, VOICE]) {
      const i = input({ effortHours: 20, stages });
      expect(validatePlanInput(i, envFor(i))).toEqual([]);
    }
  });
});

function addDaysTo(date: string | undefined, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The forecast reads a plan's milestones generically (date, actor, effortBefore, label), so
 * steps the planner may add — stages, client checks, steps the client owes — are forecast
 * without code of their own. A hand-made plan of such steps, with a fixed today.
 */
import { describe, expect, it } from "vitest";
import { weekdayOfDay } from "../../src/iso-date.ts";
import { forecastJob } from "../../src/jobs/forecast.ts";
import { summarizeLog } from "../../src/jobs/log.ts";
import type { Milestone, Plan } from "../../src/schedule/types.ts";

const label = (en: string) => ({ ja: en, en });
// Mon 11/23 start, 4 h a day, mon-fri: a rough stage (the worker's own), a draft the client
// checks for two days, materials the client owes, then the final delivery and acceptance.
const milestones = [
  { id: "hearing_done", date: "2026-11-23", kind: "hearing", actor: "worker" },
  { id: "stage_rough", date: "2026-11-25", kind: "stage_done", actor: "worker", effortBefore: 8, label: label("Rough") },
  { id: "stage_draft", date: "2026-11-30", kind: "stage", actor: "worker", effortBefore: 20, label: label("Draft") },
  { id: "check_draft", date: "2026-12-02", kind: "check", actor: "client", label: label("Client checks the draft") },
  { id: "client_photos", date: "2026-12-03", kind: "client_step", actor: "client", label: label("Photos from the client") },
  { id: "final_delivery", date: "2026-12-08", kind: "final_delivery", actor: "worker", effortBefore: 32 },
  { id: "acceptance_end", date: "2026-12-11", kind: "acceptance_end", actor: "platform" },
] as unknown as Milestone[];
const plan = {
  start: "2026-11-23",
  due: "2026-12-08",
  dueMeans: "final",
  totalEffortHours: 32,
  hoursPerDay: 4,
  milestones,
  checkins: [],
} as unknown as Plan;
const isWorkday = (day: number) => weekdayOfDay(day) >= 1 && weekdayOfDay(day) <= 5;

describe("forecast over generic milestones", () => {
  it.each([
    {
      name: "draft delivered Mon 11/30: its own stage is done too; the client's days follow the real delivery",
      progress: [
        { date: "2026-11-27", hours: 16, done: 60 },
        { date: "2026-11-30", hours: 4, sent: "delivery" },
      ],
      expected: {
        stage_rough: { verdict: "done" },
        stage_draft: { verdict: "done", delivered: "2026-11-30", label: label("Draft"), delivery: true },
        check_draft: { forecast: "2026-12-02" },
        client_photos: { forecast: "2026-12-03" },
        // 60% of 32 h in 16 h, 4 h more since: 23.9 h earned at 1.17 h an hour. The 8.1 h left
        // take 7 h, worked from Fri 12/4 (after the photos): 12/4 and Mon 12/7.
        final_delivery: { forecast: "2026-12-07", verdict: "on-track", delivery: true },
        // The platform's window keeps its three days after the delivery.
        acceptance_end: { forecast: "2026-12-10" },
      },
    },
    {
      name: "nothing delivered, 8 h logged on plan: the draft is forecast from today, the rest shifts",
      progress: [{ date: "2026-11-24", hours: 8, done: 25 }],
      expected: {
        stage_rough: { verdict: "late", delivery: false },
        // 12 h more for the draft: Tue 12/1, Wed 12/2, Thu 12/3.
        stage_draft: { forecast: "2026-12-03", verdict: "late" },
        check_draft: { forecast: "2026-12-05" },
        client_photos: { forecast: "2026-12-06" },
        final_delivery: { forecast: "2026-12-09", verdict: "late" },
        acceptance_end: { forecast: "2026-12-12" },
      },
    },
  ])("$name", ({ progress, expected }) => {
    const f = forecastJob({ plan, log: summarizeLog(progress as never, "2026-12-01"), today: "2026-12-01", isWorkday });
    const byId = Object.fromEntries(f.milestones.map((m) => [m.id, m]));
    expect(Object.keys(byId)).not.toContain("hearing_done");
    for (const [id, want] of Object.entries(expected)) expect(byId[id], id).toMatchObject(want);
  });

  it("only what the client receives is a delivery: the rough stage is the worker's own", () => {
    const f = forecastJob({ plan, log: summarizeLog([], "2026-11-23"), today: "2026-11-23", isWorkday });
    expect(f.milestones.filter((m) => m.delivery).map((m) => m.id)).toEqual(["stage_draft", "final_delivery"]);
    expect(f.verdict).toBe("on-track");
    expect(f.warn).toBeUndefined();
  });

  it("a late step of the worker's own shows as late, but the client is told only when a delivery moves", () => {
    // Thu 11/26: the rough stage (due Wed 11/25) is done a day late; 12 h left for the draft
    // fit Thu, Fri and Mon 11/30, its date.
    const log = summarizeLog([{ date: "2026-11-25", hours: 8, done: 25 }] as never, "2026-11-26");
    const f = forecastJob({ plan, log, today: "2026-11-26", isWorkday });
    const byId = Object.fromEntries(f.milestones.map((m) => [m.id, m]));
    expect(byId.stage_rough).toMatchObject({ verdict: "late", delivery: false });
    expect(byId.stage_draft?.verdict).not.toBe("late");
    expect(f.warn).toBeUndefined();
  });
});

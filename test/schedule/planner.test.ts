import { describe, expect, test } from "vitest";
import { planSchedule } from "../../src/schedule/planner.ts";
import { dateOf, envFor, ids, input, plan } from "./helpers.ts";

describe("capacity", () => {
  // Every case: rounds 0, so capacity is all workdays from start to due times hours per day.
  test.each([
    ["2026-12-28", "2027-01-15", 2], // 元日 (Fri) and 成人の日 (Mon)
    ["2027-01-04", "2027-01-08", 0],
    ["2026-05-01", "2026-05-08", 3], // みどりの日, こどもの日, 振替休日 (5/6); 憲法記念日 is a Sunday
    ["2026-05-06", "2026-05-08", 1], // the 振替休日 alone
    ["2026-09-14", "2026-09-25", 3], // 敬老の日, 国民の休日 (9/22), 秋分の日
  ])("%s → %s: jp has %i holiday(s) on workdays, each costing one day of hours", (start, due, holidays) => {
    const none = plan({ start, due, calendar: "none", hoursPerDay: 4, effortHours: 1 });
    const jp = plan({ start, due, calendar: "jp", hoursPerDay: 4, effortHours: 1 });
    expect(none.capacityHours - jp.capacityHours).toBe(holidays * 4);
  });

  test.each([
    ["2027-01-04", "2027-01-15", 2],
    ["2027-01-04", "2027-01-17", 4], // due on a Sunday: mon-fri delivers on Friday
    ["2027-01-06", "2027-01-06", 0],
  ])("%s → %s: mon-sun gains %i weekend day(s) over mon-fri", (start, due, weekendDays) => {
    const weekdays = plan({ start, due, workdays: "mon-fri", hoursPerDay: 3, effortHours: 1 });
    const everyDay = plan({ start, due, workdays: "mon-sun", hoursPerDay: 3, effortHours: 1 });
    expect(everyDay.capacityHours - weekdays.capacityHours).toBe(weekendDays * 3);
  });

  test("client review days are not worker capacity", () => {
    // 2 weeks, mon-sun; one 3-day review takes three of the fourteen days.
    const p = plan({ workdays: "mon-sun", due: "2027-01-17", revisionRounds: 1, reviewDays: 3, hoursPerDay: 1, effortHours: 5 });
    expect(p.capacityHours).toBe(11);
  });
});

describe("verdict", () => {
  // Two weeks of mon-fri at 5 h/day = 50 h of capacity; tight below 20% slack.
  test.each([
    [30, 5, "ok"],
    [41, 5, "ok"],
    [41.7, 5, "tight"],
    [50, 5, "tight"],
    [50.5, 5, "late"],
    [100, 5, "late"],
    [50, 6, "ok"], // 60 h for 50 h: exactly 20% slack is still ok
  ])("effort %f h at %i h/day → %s", (effortHours, hoursPerDay, verdict) => {
    const p = plan({ effortHours, hoursPerDay });
    expect(p.verdict).toBe(verdict);
    expect(p.slackRatio).toBeCloseTo((p.capacityHours - p.effortHours) / p.effortHours, 6);
  });

  // Four weeks, two rounds with 2-day reviews; revisions take whole workdays.
  test.each([
    [10, "ok", "first_draft"],
    [56, "tight", "first_draft"],
    [60, "late", "first_draft"],
    [80, "late", "first_draft"],
  ])("with two revision rounds, %i h → %s (decided at %s)", (effortHours, verdict, bottleneck) => {
    const p = plan({ effortHours, revisionRounds: 2, reviewDays: 2, due: "2027-01-29" });
    expect([p.verdict, p.bottleneck.id]).toEqual([verdict, bottleneck]);
  });

  test("a squeezed first draft makes the plan tight even with slack overall", () => {
    const p = plan({ effortHours: 56, revisionRounds: 2, reviewDays: 2, due: "2027-01-29" });
    expect(p.slackRatio).toBeGreaterThanOrEqual(0.2);
    expect(p.bottleneck).toMatchObject({ id: "first_draft", hoursBefore: 40, effortBefore: 39.2 });
    expect(p.bottleneck.slackRatio).toBeLessThan(0.2);
  });
});

describe("milestones", () => {
  test.each([
    [0, ["hearing_done", "final_delivery"]],
    [1, ["hearing_done", "first_draft", "revision_1_review", "final_delivery"]],
    [2, ["hearing_done", "first_draft", "revision_1_review", "revision_1", "revision_2_review", "final_delivery"]],
    [3, ["hearing_done", "first_draft", "revision_1_review", "revision_1", "revision_2_review", "revision_2", "revision_3_review", "final_delivery"]],
  ])("%i revision round(s) → %j", (revisionRounds, expected) => {
    expect(ids(plan({ revisionRounds, due: "2027-02-26" }))).toEqual(expected);
  });

  test.each([
    // start, due, dueMeans, rounds, review days, effort, h/day → first draft, first review, final
    ["2027-01-04", "2027-01-29", "first_draft", 2, 3, 40, 4, "2027-01-29", "2027-02-01", "2027-02-09"],
    ["2027-01-04", "2027-01-11", "final", 1, 1, 30, 8, "2027-01-06", "2027-01-07", "2027-01-11"],
    ["2027-01-04", "2027-01-17", "final", 0, 3, 10, 4, "2027-01-15", undefined, "2027-01-15"],
  ] as const)(
    "%s→%s due means %s, %i rounds, %i review days, %i h at %i h/day: draft %s, feedback %s, final %s",
    (start, due, dueMeans, revisionRounds, reviewDays, effortHours, hoursPerDay, draft, review, final) => {
      const p = plan({ start, due, dueMeans, revisionRounds, reviewDays, effortHours, hoursPerDay });
      expect([p.firstDraftDate, dateOf(p, "revision_1_review"), p.finalDate]).toEqual([draft, review, final]);
    },
  );

  test("first_draft puts the draft on due and everything else after it; final ends on due", () => {
    const common = { start: "2027-01-04", due: "2027-01-29", revisionRounds: 2, effortHours: 40 } as const;
    const draftDue = plan({ ...common, dueMeans: "first_draft" });
    const finalDue = plan({ ...common, dueMeans: "final" });
    expect(draftDue.firstDraftDate).toBe("2027-01-29");
    expect(draftDue.finalDate > "2027-01-29").toBe(true);
    expect(finalDue.finalDate).toBe("2027-01-29");
    expect(finalDue.firstDraftDate < "2027-01-29").toBe(true);
    // What must fit before due: the draft share only, or all of it.
    expect([draftDue.effortHours, finalDue.effortHours, draftDue.totalEffortHours]).toEqual([28, 40, 40]);
  });

  test("a late plan names the earliest due date that fits", () => {
    const p = plan({ due: "2027-01-08", revisionRounds: 1, reviewDays: 1, effortHours: 30, hoursPerDay: 8 });
    expect([p.verdict, p.earliestFeasibleDue]).toEqual(["late", "2027-01-11"]);
    expect(plan({ due: "2027-01-11", revisionRounds: 1, reviewDays: 1, effortHours: 30, hoursPerDay: 8 }).verdict).not.toBe("late");
  });

  test("a due date on a day off moves the delivery to the workday before, and says so", () => {
    const p = plan({ due: "2027-01-17" });
    expect(p.finalDate).toBe("2027-01-15");
    expect(p.notes).toContainEqual({ id: "schedule.due_moved", date: "2027-01-15" });
  });

  test("the draft share is configurable", () => {
    const p = plan({ revisionRounds: 2, effortHours: 40, draftShare: 0.5, due: "2027-01-29" });
    expect(p.milestones.filter((m) => m.actor === "worker").map((m) => m.effortBefore)).toEqual([0, 20, 30, 40]);
  });
});

describe("platform windows", () => {
  test.each([
    ["coconala", "2027-01-04", "2027-01-06", "2027-01-18"], // reply within 2 days; 3-day acceptance
    ["upwork", undefined, undefined, "2027-01-29"],
    ["crowdworks", undefined, undefined, "2027-01-22"],
    ["fiverr", undefined, undefined, "2027-01-18"],
    ["lancers", undefined, undefined, undefined], // acceptance period unknown: a note, no date
    ["direct", undefined, undefined, undefined],
  ])("%s (requested %s): first reply by %s, acceptance ends %s", (platform, requestedOn, firstReply, acceptanceEnd) => {
    const p = plan({ platform, ...(requestedOn ? { requestedOn } : {}) });
    expect([dateOf(p, "first_reply_by"), dateOf(p, "acceptance_end")]).toEqual([firstReply, acceptanceEnd]);
    expect(p.milestones.filter((m) => m.actor === "platform").every((m) => m.kind !== "hearing")).toBe(true);
  });

  test("notes carry each rule as data for templates to phrase", () => {
    const p = plan({ platform: "coconala" });
    expect(p.notes.map((n) => n.id)).toEqual([
      "coconala.first_reply",
      "coconala.acceptance",
      "coconala.formal_delivery_return",
      "coconala.talkroom_limit",
      "coconala.off_platform",
      "coconala.corporate_invoice",
      "coconala.formal_delivery",
      "coconala.delivery_date_change",
    ]);
    expect(p.notes[1]).toMatchObject({ kind: "acceptance", days: 3, lapse: "auto_complete", date: "2027-01-18", verified: false });
    expect(plan({ platform: "direct" }).notes).toEqual([]);
  });

  test("warns when the plan outlives Coconala's 120-day talk room", () => {
    const p = plan({ platform: "coconala", due: "2027-06-30", effortHours: 100 });
    expect(p.notes).toContainEqual(expect.objectContaining({ id: "schedule.deal_limit_exceeded", date: "2027-05-04" }));
  });
});

describe("check-ins", () => {
  test.each([
    [2, {}, ["2027-01-04", "2027-01-06", "2027-01-08", "2027-01-12", "2027-01-14", "2027-01-15"]],
    [3, {}, ["2027-01-04", "2027-01-07", "2027-01-12", "2027-01-15"]],
    [5, { start: "2027-01-02" }, ["2027-01-04", "2027-01-11", "2027-01-15"]], // a Saturday start counts from Monday
  ])("every %i workdays %j → %j", (checkinEvery, extra, expected) => {
    expect(plan({ checkinEvery, ...extra }).checkins).toEqual(expected);
  });

  test("a client milestone on a day off gives a check-in on the next workday", () => {
    const p = plan({ dueMeans: "first_draft", due: "2027-01-29", revisionRounds: 2, effortHours: 40, checkinEvery: 10 });
    expect(dateOf(p, "revision_2_review")).toBe("2027-02-06"); // a Saturday
    expect(p.checkins).toContain("2027-02-08");
  });
});

describe("planSchedule", () => {
  test("returns plain JSON data", () => {
    const p = plan({ platform: "coconala", revisionRounds: 2, due: "2027-01-29" });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  test("refuses input that did not pass validation", () => {
    const bad = input({ hoursPerDay: 0 });
    expect(() => planSchedule(bad, envFor(bad))).toThrow(TypeError);
  });

  test("refuses a calendar other than the one the input names", () => {
    const jp = input({ calendar: "jp" });
    expect(() => planSchedule(jp, envFor({ calendar: "none" }))).toThrow(/calendar/);
  });
});

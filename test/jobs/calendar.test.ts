/**
 * kikitori calendar, read back with a real iCalendar parser (ical.js): every agenda item is
 * an event, dates and the reply deadline's time are right, alarms are attached, UIDs do not
 * change between runs, and text is escaped and folded as RFC 5545 says.
 */
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { read } from "../helpers.ts";
import { fs, job, path, run, workspace } from "./helpers.ts";

interface Event {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  alarms: number[];
}

function events(text: string): Event[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString(),
      end: e.endDate.isDate ? e.endDate.toString() : e.endDate.toJSDate().toISOString(),
      allDay: e.startDate.isDate,
      alarms: v.getAllSubcomponents("valarm").map((a) => (a.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()),
    };
  });
}

let dir: string;
beforeAll(() => {
  dir = workspace();
  // 20 h from Mon 11/23, one revision: a first draft, the client's two review days, the final delivery.
  job(dir, "jobs/smith.answers.yaml", {
    start: "2026-11-23",
    due: "2026-12-11",
    revisions: 1,
    client: "Jane Smith",
    job: 'Menu, "winter"; a, b\\c',
    pay: "2026-12-25",
    progress: [{ date: "2026-11-30", hours: 4, done: 40, sent: "progress" }],
  });
  job(dir, "jobs/yamada.answers.yaml", {
    lang: "ja",
    start: "2026-12-02",
    due: "2026-12-18",
    platform: "coconala",
    ordered: "2026-11-30T10:00:00+09:00",
    client: "山田様",
    job: "カフェのロゴ制作（ことり珈琲焙煎所の新店舗オープンに合わせたシンボルマークとロゴタイプ一式）",
  });
});

describe("calendar", () => {
  it("every item of the agenda is an event with the right date, in the job's language", async () => {
    const r = await run(["calendar", "jobs"], { cwd: dir });
    expect(r.code).toBe(0);
    const ev = events(r.stdout);
    const smith = ev.filter((e) => e.summary.includes("Jane Smith"));
    const plan = JSON.parse((await run(["status", "jobs/smith.answers.yaml", "--json"], { cwd: dir })).stdout)[0];
    // Deliveries on their planned dates; the client's review follows the forecast only when it is later.
    for (const m of plan.milestones as { id: string; actor: string; date: string; forecast: string }[]) {
      const e = smith.find((x) => x.uid.startsWith(`${m.id}-`));
      expect(e, m.id).toBeDefined();
      expect(e?.start).toBe(m.actor === "worker" || m.forecast < m.date ? m.date : m.forecast);
      expect(e?.allDay).toBe(true);
    }
    expect(smith.find((e) => e.uid.startsWith("first_draft-"))?.summary).toBe('First draft due — Jane Smith · Menu, "winter"; a, b\\c');
    expect(smith.find((e) => e.uid.startsWith("payment-"))).toMatchObject({ start: "2026-12-25", end: "2026-12-26" });
    // Check-ins from today on, each its own event; the one before the last message sent is gone.
    const checkins = smith.filter((e) => e.uid.startsWith("checkin-")).map((e) => e.start);
    expect(checkins[0]).toBe("2026-12-01");
    expect(checkins.every((d) => d >= "2026-12-01")).toBe(true);
    const yamada = ev.filter((e) => e.summary.includes("山田様"));
    expect(yamada.map((e) => e.summary)).toContain(
      "初回返信の期限 (ココナラ、あと 13 時間) — 山田様 · カフェのロゴ制作（ことり珈琲焙煎所の新店舗オープンに合わせたシンボルマークとロゴタイプ一式）",
    );
  });

  it("the reply deadline is a timed event ending at the exact time, in UTC", async () => {
    const ev = events((await run(["calendar", "jobs"], { cwd: dir })).stdout);
    const reply = ev.find((e) => e.uid.startsWith("first_reply-"));
    // 48 hours after Mon 11/30 10:00 JST: Wed 12/2 10:00 JST = 01:00 UTC.
    expect(reply).toMatchObject({ allDay: false, start: "2026-12-02T00:30:00.000Z", end: "2026-12-02T01:00:00.000Z", alarms: [-7200] });
  });

  it("alarms: the day before deliveries, at the start of check-in days; --alarm replaces them", async () => {
    const ev = events((await run(["calendar", "jobs"], { cwd: dir })).stdout);
    expect(ev.find((e) => e.uid.startsWith("first_draft-"))?.alarms).toEqual([-86400]);
    expect(ev.find((e) => e.uid.startsWith("checkin-"))?.alarms).toEqual([0]);
    expect(ev.find((e) => e.uid.startsWith("payment-"))?.alarms).toEqual([]);
    const custom = events((await run(["calendar", "jobs", "--alarm", "1d,2h"], { cwd: dir })).stdout);
    expect(custom.every((e) => JSON.stringify(e.alarms) === JSON.stringify([-86400, -7200]))).toBe(true);
    const none = events((await run(["calendar", "jobs", "--alarm", "none"], { cwd: dir })).stdout);
    expect(none.every((e) => e.alarms.length === 0)).toBe(true);
    const bad = await run(["calendar", "jobs", "--alarm", "tomorrow"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--alarm takes a list like 1d,2h,30m");
  });

  it("UIDs are stable across runs and unique; the description holds the command to run", async () => {
    const a = events((await run(["calendar", "jobs"], { cwd: dir })).stdout);
    const b = events((await run(["calendar", "jobs"], { cwd: dir, now: "2026-12-01T15:00:00Z" })).stdout);
    expect(b.map((e) => e.uid)).toEqual(a.map((e) => e.uid));
    expect(new Set(a.map((e) => e.uid)).size).toBe(a.length);
    const draft = a.find((e) => e.uid.startsWith("first_draft-"));
    expect(draft?.description).toBe(
      `Command to run next:\nkikitori message delivery ${path.join(dir, "jobs/smith.answers.yaml")}\n\nFile: ${path.join(dir, "jobs/smith.answers.yaml")}`,
    );
  });

  it("lines are folded at 75 octets and end in CRLF; -o writes the file, refusing to replace it without --force", async () => {
    const r = await run(["calendar", "jobs", "-o", "k.ics"], { cwd: dir });
    expect(r.code).toBe(0);
    const text = read(path.join(dir, "k.ics"));
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain("\r\n "); // a folded line
    expect(text).toMatch(/SUMMARY:First draft due — Jane Smith · Menu\\, "winter"\\; a\\, b\\\\c/);
    expect((await run(["calendar", "jobs", "-o", "k.ics"], { cwd: dir })).code).toBe(73);
    expect((await run(["calendar", "jobs", "-o", "k.ics", "--force"], { cwd: dir })).code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

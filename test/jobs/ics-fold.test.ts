/**
 * The calendar folds its events' lines itself (ical-generator's own folding costs a
 * TextEncoder per character): byte for byte what the library writes, on any text.
 */
import fc from "fast-check";
import { foldLines as libraryFold } from "ical-generator";
import { describe, expect, it } from "vitest";
import type { DatedItem } from "../../src/jobs/agenda.ts";
import { calendarOf, foldLines, renderCalendar } from "../../src/jobs/ics.ts";

const texts = fc.string({
  unit: fc.oneof(
    fc.constantFrom("a", " ", "\r\n", "\r", "\n", "é", "あ", "山", "👍", "\ud800", "\udc00", "\u{1f1ef}\u{1f1f5}", ";", ",", "\\"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 200,
});

const item = (what: string, file: string, n: number, timed: boolean): DatedItem => ({
  date: `2026-12-${String(1 + (n % 28)).padStart(2, "0")}`,
  kind: timed ? "first_reply" : n % 2 ? "delivery" : "checkin",
  overdue: false,
  job: { file, client: what.slice(0, 10), job: what.slice(10), platform: "" },
  command: `kikitori message delivery ${file}`,
  what: { ja: what, en: what },
  ...(timed ? { at: Date.UTC(2026, 11, 2, 1), time: "10:00" } : {}),
  key: `k${n}`,
  lang: n % 2 ? "ja" : "en",
  mine: true,
});

describe("calendar folding", () => {
  it.each([
    ["short", "SUMMARY:x"],
    ["exactly 74 octets", `SUMMARY:${"a".repeat(66)}`],
    ["75 octets", `SUMMARY:${"a".repeat(67)}`],
    ["Japanese", `SUMMARY:${"山".repeat(40)}`],
    ["a pair of surrogates at the edge", `SUMMARY:${"a".repeat(64)}👍👍`],
    ["lone surrogates", `X:${"\ud800a\udc00".repeat(30)}`],
    ["a high surrogate last", `X:${"b".repeat(80)}\ud800`],
    ["several lines", `A:${"x".repeat(100)}\r\nB:${"y".repeat(100)}\r\n`],
  ])("%s: as ical-generator folds", (_, text) => {
    expect(foldLines(text)).toBe(libraryFold(text));
  });

  it("folds any text as ical-generator does (property)", () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(foldLines(s)).toBe(libraryFold(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("writes what ical-generator writes for the same events (property)", () => {
    const items = fc.array(fc.tuple(texts, texts, fc.boolean()), { maxLength: 6 });
    fc.assert(
      fc.property(items, fc.constantFrom("ja" as const, "en" as const), fc.boolean(), (list, lang, alarms) => {
        const dated = list.map(([what, file, timed], n) => item(what, file, n, timed));
        const o = { now: Date.UTC(2026, 10, 23, 1, 2, 3), lang, ...(alarms ? { alarms: [86_400, 0] } : {}) };
        const reference = calendarOf(dated, o).toString();
        expect(renderCalendar(dated, o)).toBe(reference.endsWith("\r\n") ? reference : `${reference}\r\n`);
      }),
      { numRuns: 300 },
    );
  });
});

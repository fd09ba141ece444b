import { describe, expect, it } from "vitest";
import { formatDate, formatShortDate, nextWeekday } from "../../src/date-format.ts";

describe("formatDate", () => {
  it.each([
    ["2026-12-11", "ja", "2026年12月11日(金)"],
    ["2026-12-11", "en", "Fri, Dec 11, 2026"],
    ["2027-01-01", "ja", "2027年1月1日(金)"],
    ["2028-02-29", "en", "Tue, Feb 29, 2028"],
    ["not a date", "en", "not a date"],
  ] as const)("%s in %s → %s", (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });
  it.each([
    ["2026-12-11", "ja", "12月11日(金)"],
    ["2026-12-11", "en", "Fri, Dec 11"],
  ] as const)("short %s in %s → %s", (iso, lang, expected) => {
    expect(formatShortDate(iso, lang)).toBe(expected);
  });
});

describe("nextWeekday", () => {
  it.each([
    ["2026-11-23", "2026-11-24"],
    ["2026-11-27", "2026-11-30"],
    ["2026-11-28", "2026-11-30"],
    ["2026-12-31", "2027-01-01"],
  ])("%s → %s", (iso, expected) => {
    expect(nextWeekday(iso)).toBe(expected);
  });
});

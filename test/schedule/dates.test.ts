import { describe, expect, test } from "vitest";
import { addDays, daysBetween, parseIsoDate, weekdayOf } from "../../src/iso-date.ts";
import { jpCalendar } from "../../src/schedule/calendar-jp.ts";

describe("ISO dates", () => {
  test.each([
    ["2027-01-01", true],
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-02-30", false],
    ["2027-13-01", false],
    ["2027-1-1", false],
    ["27-01-01", false],
    ["2027-01-01T00:00:00Z", false],
  ])("%s is a date: %s", (text, valid) => {
    expect(parseIsoDate(text) !== undefined).toBe(valid);
  });

  test.each([
    ["2027-01-31", 1, "2027-02-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-03-28", 1, "2027-03-29"], // a daylight-saving switch in Europe: no effect
    ["2027-01-01", -1, "2026-12-31"],
    ["1969-12-31", 1, "1970-01-01"],
  ])("%s + %i = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  test.each([
    ["2027-01-04", 1],
    ["2027-01-10", 0],
    ["2026-05-06", 3],
    ["1969-12-31", 3],
  ])("%s falls on weekday %i", (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe("Japanese calendar from @holiday-jp/holiday_jp", () => {
  test.each([
    ["2027-01-01", "元日"],
    ["2027-01-11", "成人の日"],
    ["2026-05-06", "こどもの日 振替休日"], // 振替休日: 5/3 was a Sunday
    ["2026-09-22", "国民の休日"], // between 敬老の日 and 秋分の日
    ["2027-01-04", undefined],
    ["2026-12-31", undefined], // customary company holiday, not a public one
  ])("%s → %s", (date, name) => {
    expect(jpCalendar.holiday(date)?.ja).toBe(name);
  });

  test("has English names and states its coverage", () => {
    expect(jpCalendar.holiday("2027-01-11")?.en).toBe("Coming of Age Day");
    expect(jpCalendar.coverage).toEqual({ from: "1970-01-01", to: "2050-12-31" });
  });
});

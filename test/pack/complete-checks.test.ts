/**
 * Packs are checked completely: every fixed schedule value and map value against the
 * planner's rules (and the JSON Schema says the same), rules no answer can meet, labels a
 * reply could not tell apart, language keys kikitori does not speak.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PLATFORM_IDS, WORKDAYS_RE } from "../../src/pack/schedule-values.ts";
import { packJsonSchema } from "../../src/pack/schema.ts";
import { validatePack } from "../../src/pack/validate.ts";
import { parseWorkdays } from "../../src/schedule/workdays.ts";
import { parseYaml } from "../../src/yaml/parse.ts";
import { ROOT, read, run, tmpdir, write } from "../helpers.ts";

const HEAD = `kikitori: 1
id: t
version: 1.0.0
title: { ja: テスト, en: Test }
languages: [ja, en]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
      - id: pick
        type: select
        message: { ja: どれ？, en: Which? }
        choices:
          - { value: a, label: { ja: A, en: A } }
          - { value: b, label: { ja: B, en: B } }
      - id: n
        type: number
        message: { ja: 数, en: Number }
`;

function problems(text: string) {
  const parsed = parseYaml(text, "p.yaml");
  return validatePack(parsed.data, "p.yaml", parsed).problems.filter((p) => p.severity !== "warning");
}

describe("fixed schedule values and map values are the planner's", () => {
  it.each<[string, string, number, RegExp]>([
    [
      "an unknown platform",
      "schedule: { platform: mercari }",
      19,
      /schedule\.platform cannot be "mercari" — use one of: coconala, crowdworks, lancers, fiverr, upwork, skeb, direct/,
    ],
    ["a platform a typo away", "schedule: { platform: coconal }", 19, /did you mean "coconala"\?/],
    ["check-ins every 0 workdays", "schedule: { checkin_every: 0 }", 19, /checkin_every cannot be "0" — use a whole number of workdays from 1 to 365/],
    ["a weekday that is not one", "schedule: { workdays: funday }", 19, /workdays cannot be "funday"/],
    ["fractional revision rounds", "schedule: { revisions: 2.5 }", 19, /revisions cannot be "2.5" — use a whole number from 0 to 50/],
    ["hours per day over 24", "schedule: { hours_per_day: 30 }", 19, /hours_per_day cannot be "30" — use a number above 0, at most 24/],
    ["a draft share over 1", "schedule: { draft_share: 1.5 }", 19, /draft_share cannot be "1.5"/],
    ["a date that does not exist", "schedule: { due: 2026-02-30 }", 19, /due cannot be "2026-02-30" — use a real YYYY-MM-DD date/],
    ["a map value", "schedule:\n  calendar: { question: pick, map: { a: jp, b: moon } }", 20, /calendar cannot be "moon" — use jp or none/],
    ["a map value of workdays", "schedule:\n  workdays: { question: pick, map: { a: mon-fri, b: someday } }", 20, /workdays cannot be "someday"/],
    ["a default", "schedule:\n  review_days: { question: n, default: -1 }", 20, /review_days cannot be "-1" — use a whole number from 0 to 365/],
  ])("%s", (_name, schedule, line, pattern) => {
    const found = problems(`${HEAD}${schedule}\n`);
    const hit = found.find((p) => pattern.test(`${p.message.en} — ${p.fix?.en}`));
    expect(hit, JSON.stringify(found.map((p) => `${p.line}: ${p.message.en} — ${p.fix?.en}`))).toBeDefined();
    expect(hit?.line).toBe(line);
  });

  it("reports every bad value at once", () => {
    expect(problems(`${HEAD}schedule: { platform: mercari, checkin_every: 0, workdays: funday }\n`)).toHaveLength(3);
  });

  it.each([
    "schedule: { platform: coconala, checkin_every: 3, workdays: mon-fri, calendar: jp, due_means: first_draft }",
    "schedule: { workdays: '月〜金', revisions: 0, review_days: 0, draft_share: 1, start: 2027-01-04 }",
    "schedule: { workdays: 'Mon, Wed, Fri', hours_per_day: 0.5, effort_hours: 12 }",
    "schedule:\n  workdays: { question: pick, map: { a: mon-fri, b: 'sat-mon' }, default: mon-fri }",
  ])("accepts %s", (schedule) => {
    expect(problems(`${HEAD}${schedule}\n`)).toEqual([]);
  });
});

describe("the JSON Schema says the same", () => {
  const schema = packJsonSchema() as { properties: { schedule: { properties: Record<string, { anyOf: Record<string, unknown>[] }> } } };
  const binding = (key: string) => schema.properties.schedule.properties[key]?.anyOf ?? [];
  const fixed = (key: string) => binding(key)[0] as Record<string, unknown>;
  const mapped = (key: string) =>
    (binding(key)[1] as { properties: { map: { additionalProperties: Record<string, unknown> } } }).properties.map.additionalProperties;

  it("platform is an enum of the known ids, in a fixed value and in a map", () => {
    expect(fixed("platform").enum).toEqual([...PLATFORM_IDS]);
    expect(mapped("platform").enum).toEqual([...PLATFORM_IDS]);
  });

  it("counts and hours have their ranges, workdays its pattern", () => {
    expect(fixed("checkin_every")).toMatchObject({ type: "integer", minimum: 1, maximum: 365 });
    expect(fixed("revisions")).toMatchObject({ type: "integer", minimum: 0, maximum: 50 });
    expect(fixed("hours_per_day")).toMatchObject({ type: "number", exclusiveMinimum: 0, maximum: 24 });
    expect(new RegExp(String(fixed("workdays").pattern)).test("funday")).toBe(false);
    expect(new RegExp(String(fixed("workdays").pattern)).test("mon-fri")).toBe(true);
  });

  it("questionnaires/pack.schema.json is that schema", () => {
    expect(JSON.parse(read(path.join(ROOT, "questionnaires", "pack.schema.json")))).toEqual(packJsonSchema());
  });
});

describe("platform ids and workdays have one definition each", () => {
  it("PLATFORM_IDS are the profiles of platforms.yaml", () => {
    const profiles = parse(read(path.join(ROOT, "questionnaires", "platforms.yaml"))).platforms as { id: string }[];
    expect(profiles.map((p) => p.id).sort()).toEqual([...PLATFORM_IDS].sort());
  });

  it.each([
    "mon-fri",
    "mon,wed,fri",
    "sat-mon",
    "Mon-Fri",
    "月〜金",
    "月曜、水曜日、金",
    "mon, tue",
    "tues-thurs",
    "SUN",
    "fri.",
    "funday",
    "mon-",
    "",
    "mon;fri",
    "月-x",
  ])("%j: the pattern and the planner agree", (spec) => {
    expect(WORKDAYS_RE.test(spec)).toBe(parseWorkdays(spec).ok);
  });
});

describe("rules no answer can meet, labels a reply cannot tell apart, unknown languages", () => {
  const Q = (extra: string, type = "text") => `${HEAD}      - id: q\n        type: ${type}\n        message: { ja: 質問, en: Question }\n${extra}`;
  const CHOICES = "        choices:\n          - { value: x, label: { ja: 赤, en: Red } }\n          - { value: y, label: { ja: 青, en: Blue } }\n";

  it.each<[string, string, RegExp]>([
    [
      "min_length above max_length",
      Q("        validate: { min_length: 5, max_length: 3 }\n"),
      /no answer can meet this rule: min_length \(5\) is above max_length \(3\)/,
    ],
    ["min_items above max_items", Q("        validate: { min_items: 3, max_items: 2 }\n", "list"), /min_items \(3\) is above max_items \(2\)/],
    ["min_items above the choices", Q(`${CHOICES}        validate: { min_items: 3 }\n`, "multiselect"), /min_items \(3\) is more than the 2 choices/],
    ["a scale with min = max", Q("        min: 3\n        max: 3\n", "scale"), /needs integers min < max/],
    [
      "two choices labelled alike in Japanese",
      Q("        choices:\n          - { value: x, label: { ja: 赤, en: Red } }\n          - { value: y, label: { ja: ' 赤', en: Crimson } }\n", "select"),
      /choices 1 and 2 have the same Japanese label/,
    ],
    [
      "two choices labelled alike in English, any case",
      Q("        choices:\n          - { value: x, label: { ja: 赤, en: Red } }\n          - { value: y, label: { ja: 紅, en: red } }\n", "select"),
      /same English label "red"/,
    ],
    ["a jp: key", Q("        help: { ja: なぜ, jp: なぜ, en: Why }\n"), /"jp" is not a language key \(kikitori speaks ja and en\) — did you mean "ja"\?/],
    ["a fr: key", Q("        help: { ja: なぜ, fr: Pourquoi }\n"), /"fr" is not a language key .* use ja: or en:, or remove it/],
  ])("%s", (_name, text, pattern) => {
    const found = problems(text);
    expect(
      found.some((p) => pattern.test(`${p.message.en} — ${p.fix?.en}`)),
      JSON.stringify(found.map((p) => p.message.en)),
    ).toBe(true);
  });
});

describe("--platform takes a known platform id (exit 2, with the list)", () => {
  it.each([
    [["start", "logo-design", "--defaults", "--platform", "mercari", "-o", "a.answers.yaml"]],
    [["import", "logo-design", "reply.txt", "--platform", "mercari"]],
    [["schedule", "--due", "2027-01-22", "--effort", "10", "--hours-per-day", "4", "--platform", "mercari"]],
    [["pack", "skeleton", "logo-design", "--platform", "mercari"]],
  ])("%j", async (args) => {
    const dir = tmpdir();
    write(dir, "reply.txt", "1. x\n");
    const r = await run(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mercari");
    expect(r.stderr).toContain("coconala, crowdworks, lancers, fiverr, upwork, skeb, direct");
  });
});

describe("import copies the platform question into meta.platform", () => {
  it("as the hearing does, so the brief header and the plan agree", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", "1. 2\n6. 2027-01-15\n11. 2\n");
    const r = await run(["import", "units", "reply.txt", "--lang", "en"], { cwd: dir, env: { KIKITORI_PATH: path.join(ROOT, "test", "fixtures", "values") } });
    expect(r.code, r.stderr).toBe(0);
    const file = parse(r.stdout);
    expect(file.answers.platform).toBe("upwork");
    expect(file.meta.platform).toBe("upwork");
  });
});

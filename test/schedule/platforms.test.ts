import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { type PlatformProfile, validatePlatforms } from "../../src/schedule/platforms.ts";

const shipped = validatePlatforms(parse(readFileSync(new URL("../../questionnaires/platforms.yaml", import.meta.url), "utf8")));
const platforms: PlatformProfile[] = shipped.ok ? shipped.platforms : [];

const rule = {
  id: "acceptance",
  kind: "acceptance",
  days: 3,
  from: "delivery",
  lapse: "auto_complete",
  summary: { ja: "検収", en: "Acceptance" },
  source: "https://example.com/help",
  verified: false,
};
const file = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  kikitori: 1,
  platforms: [{ id: "p", name: { ja: "P", en: "P" }, rules, ...extra }],
});

describe("questionnaires/platforms.yaml", () => {
  test("is valid and has the required platforms", () => {
    expect(shipped).toMatchObject({ ok: true });
    expect(platforms.map((p) => p.id)).toEqual(expect.arrayContaining(["coconala", "crowdworks", "lancers", "fiverr", "upwork", "skeb", "direct"]));
  });

  test("every rule and check says when its source was read; a verified one cites the platform's own site", () => {
    const own: Record<string, RegExp> = {
      coconala: /^https:\/\/(coconala\.com|coconala-support\.zendesk\.com)\//,
      crowdworks: /^https:\/\/crowdworks\./,
      lancers: /^https:\/\/(www\.|info\.)?lancers\.jp\//,
      fiverr: /^https:\/\/(help\.)?fiverr\.com\//,
      upwork: /^https:\/\/support\.upwork\.com\//,
      skeb: /^https:\/\/skeb\.jp\//,
    };
    for (const p of platforms) {
      for (const r of [...p.rules, ...(p.checks ?? [])]) {
        const where = `${p.id}.${r.id}`;
        if (!r.read) expect("caveat" in r && r.caveat?.en, `${where}: no read date and no caveat saying why`).toMatch(/earlier check/);
        else expect(r.read, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (r.verified) expect(r.source, where).toMatch(own[p.id] ?? /^$/);
        else if ((p.rules as object[]).includes(r)) expect((r as { caveat?: unknown }).caveat, `${where}: an unverified rule says why`).toBeDefined();
      }
    }
  });

  test("Fiverr's delivery clock starts when the buyer submits the requirements (official help)", () => {
    expect(platforms.find((p) => p.id === "fiverr")?.rules.find((r) => r.id === "requirements_clock")).toMatchObject({ kind: "delivery", verified: true });
  });

  test("Skeb: no hearing and no retakes", () => {
    const skeb = platforms.find((p) => p.id === "skeb");
    expect(skeb?.rules.find((r) => r.kind === "revision")).toMatchObject({ max_returns: 0, verified: true });
    expect(skeb?.checks?.map((c) => c.id)).toEqual(expect.arrayContaining(["request_only", "no_retakes"]));
  });

  test("direct has no rules; every rule elsewhere has a source and says whether it was verified", () => {
    expect(platforms.find((p) => p.id === "direct")?.rules).toEqual([]);
    for (const rule of platforms.flatMap((p) => p.rules)) {
      expect(rule.source).toMatch(/^https:\/\//);
      expect(typeof rule.verified).toBe("boolean");
    }
  });

  test.each([
    ["coconala", "acceptance", 3, "auto_complete"],
    ["fiverr", "acceptance", 3, "auto_complete"],
    ["upwork", "acceptance", 14, "auto_complete"],
    ["crowdworks", "acceptance", 7, "staff_followup"],
    ["coconala", "first_reply", 2, "auto_cancel"],
  ])("%s %s: %i days, then %s", (platform, kind, days, lapse) => {
    const found = platforms.find((p) => p.id === platform)?.rules.find((r) => r.kind === kind);
    expect(found).toMatchObject({ days, lapse });
  });
});

describe("validatePlatforms", () => {
  test.each<[string, unknown, (string | number)[], string]>([
    ["not an object", "coconala", [], "invalid_type"],
    ["wrong format version", { ...file([rule]), kikitori: 2 }, ["kikitori"], "invalid_value"],
    ["no platforms", { kikitori: 1, platforms: [] }, ["platforms"], "too_small"],
    ["unknown rule kind", file([{ ...rule, kind: "refund" }]), ["platforms", 0, "rules", 0, "kind"], "invalid_value"],
    ["missing verified", file([{ ...rule, verified: undefined }]), ["platforms", 0, "rules", 0, "verified"], "invalid_type"],
    ["source not a URL", file([{ ...rule, source: "the help page" }]), ["platforms", 0, "rules", 0, "source"], "invalid_format"],
    ["days without from", file([{ ...rule, from: undefined }]), ["platforms", 0, "rules", 0, "from"], "custom"],
    ["unknown key", file([{ ...rule, dayz: 3 }]), ["platforms", 0, "rules", 0], "unrecognized_keys"],
    ["bad platform id", { kikitori: 1, platforms: [{ id: "Coco Nala", name: { ja: "a", en: "a" }, rules: [] }] }, ["platforms", 0, "id"], "invalid_format"],
    ["name missing en", file([], { name: { ja: "P" } }), ["platforms", 0, "name", "en"], "invalid_type"],
    ["duplicate rule id", file([rule, rule]), ["platforms", 0, "rules", 1, "id"], "duplicate_id"],
  ])("%s → %j %s", (_name, data, path, code) => {
    const result = validatePlatforms(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ path, code }));
    for (const p of result.problems) {
      expect(p.message.ja.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
  });

  test("reports every problem at once", () => {
    const result = validatePlatforms(file([{ ...rule, kind: "x", verified: "yes" }], { name: "P" }));
    expect(result.ok ? [] : result.problems.map((p) => p.path.join("."))).toEqual(
      expect.arrayContaining(["platforms.0.name", "platforms.0.rules.0.kind", "platforms.0.rules.0.verified"]),
    );
  });

  test("duplicate platform ids", () => {
    const data = { kikitori: 1, platforms: [file([]).platforms[0], file([]).platforms[0]] };
    const result = validatePlatforms(data);
    expect(result.ok ? [] : result.problems).toContainEqual(expect.objectContaining({ path: ["platforms", 1, "id"], code: "duplicate_id" }));
  });
});

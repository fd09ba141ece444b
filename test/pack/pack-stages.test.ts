import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { validatePack } from "../../src/pack/validate.ts";
import { bindStages } from "../../src/schedule/stage-binding.ts";
import { parseYaml } from "../../src/yaml/parse.ts";

// `schedule.stages` in a pack: every mistake at its line and column, and the normalized
// form round-trips (pack show --json is itself a valid pack).

const HEAD = `kikitori: 1
id: t
version: 1.0.0
title: { ja: テスト, en: Test }
languages: [ja, en]
sections:
  - id: s
    title: { ja: S, en: S }
    questions:
      - id: checks
        type: multiselect
        message: { ja: 確認する段階, en: Stages to check }
        choices:
          - { value: rough, label: { ja: ラフ, en: Sketch } }
          - { value: color, label: { ja: 着彩, en: Colour } }
      - id: due
        type: date
        message: { ja: 納期, en: Due }
schedule:
  due: { question: due }
  effort_hours: 10
  hours_per_day: 2
  stages:
`;
// Line of the first stage entry: stages start right after HEAD.
const FIRST = HEAD.split("\n").length;

function check(stages: string) {
  const text = HEAD + stages;
  const parsed = parseYaml(text, "p.yaml");
  return validatePack(parsed.data, "p.yaml", parsed);
}

const GOOD = `    - id: materials
      actor: client
      label: { ja: 資料のご送付, en: Send the materials }
      days: 2
    - id: rough
      label: { ja: ラフ, en: Sketch }
      share: 0.3
      check: { when: { question: checks, includes: rough } }
    - id: color
      label: { ja: 着彩, en: Colour }
      share: 0.5
      check: { when: { question: checks, includes: color }, days: 1, label: { ja: 色のご確認, en: Check the colours } }
    - id: finish
      label: { ja: 仕上げ, en: Finish }
      hours: 1
`;

describe("schedule.stages mistakes are reported at their line and column", () => {
  it.each<[string, string, number, number, RegExp]>([
    [
      "shares over 1, at the share that tips it",
      "    - { id: a, label: A, share: 0.6 }\n    - { id: b, label: B, share: 0.5 }\n",
      FIRST + 1,
      33,
      /shares add up to 1\.1 here, more than 1/,
    ],
    ["a share and hours", "    - { id: a, label: A, share: 0.5, hours: 2 }\n", FIRST, 7, /exactly one of share and hours/],
    ["neither", "    - { id: a, label: A }\n", FIRST, 7, /exactly one of share and hours/],
    ["a share above 1", "    - { id: a, label: A, share: 1.5 }\n", FIRST, 33, /share/],
    ["a duplicate id", "    - { id: a, label: A, share: 0.5 }\n    - { id: a, label: B, share: 0.5 }\n", FIRST + 1, 13, /stage id "a" is used twice/],
    ["a bad id", "    - { id: A-1, label: A, share: 0.5 }\n", FIRST, 13, /id "A-1" has the wrong form/],
    [
      "a client step last (bad order)",
      "    - { id: a, label: A, share: 1 }\n    - { id: m, actor: client, label: M, days: 2 }\n",
      FIRST + 1,
      7,
      /the last entry, "m", is a client step/,
    ],
    ["a client step without days", "    - { id: m, actor: client, label: M }\n    - { id: a, label: A, share: 1 }\n", FIRST, 7, /has no days/],
    [
      "a client step with a share",
      "    - { id: m, actor: client, label: M, days: 1, share: 0.2 }\n    - { id: a, label: A, share: 1 }\n",
      FIRST,
      50,
      /share is for the worker's stages/,
    ],
    ["days on a worker stage", "    - { id: a, label: A, share: 1, days: 2 }\n", FIRST, 36, /days is for client steps/],
    [
      "the rounds after two stages",
      "    - { id: a, label: A, share: 0.5, revisions: true }\n    - { id: b, label: B, share: 0.5, revisions: true }\n",
      FIRST + 1,
      49,
      /only one stage may have revisions: true/,
    ],
    [
      "a check naming no question",
      "    - { id: a, label: A, share: 0.5, check: { when: { question: zz, equals: x } } }\n    - { id: b, label: B, share: 0.5 }\n",
      FIRST,
      65,
      /"zz", which is not a question/,
    ],
    [
      "a check testing a value that is no choice",
      "    - { id: a, label: A, share: 0.5, check: { when: { question: checks, includes: line } } }\n    - { id: b, label: B, share: 0.5 }\n",
      FIRST,
      53,
      /"line", which is not a choice of "checks"/,
    ],
    ["check days out of range", "    - { id: a, label: A, share: 0.5, check: { days: 400 } }\n    - { id: b, label: B, share: 0.5 }\n", FIRST, 53, /days/],
    [
      "when on the last stage",
      "    - { id: a, label: A, share: 0.5 }\n    - { id: b, label: B, share: 0.5, when: { question: checks, includes: rough } }\n",
      FIRST + 1,
      38,
      /the last stage always happens/,
    ],
    [
      "two first drafts",
      "    - { id: a, label: A, share: 0.5, first_draft: true }\n    - { id: b, label: B, share: 0.5, first_draft: true }\n",
      FIRST + 1,
      51,
      /only one stage may have first_draft: true/,
    ],
    ["an unknown key", "    - { id: a, label: A, shares: 0.5 }\n", FIRST, 26, /unknown key "shares".*did you mean "share"/],
  ])("%s", (_name, stages, line, col, pattern) => {
    const { problems } = check(stages);
    const errors = problems.filter((p) => p.severity !== "warning");
    const hit = errors.find((p) => pattern.test(`${p.message.en} — ${p.fix?.en}`));
    expect(hit, JSON.stringify(errors.map((p) => `${p.line}:${p.col}: ${p.message.en}`))).toBeDefined();
    expect([hit?.file, hit?.line, hit?.col]).toEqual(["p.yaml", line, col]);
    expect(hit?.message.ja).not.toBe(hit?.message.en);
  });

  it.each([
    ["a check on the last stage", "    - { id: a, label: A, share: 1, check: true }\n", /last stage's check is not used/],
    ["draft_share beside stages", "    - { id: a, label: A, share: 1 }\n", /draft_share is not used with stages/, "  draft_share: 0.6\n"],
    ["a label without English", "    - { id: a, label: { ja: ラフ }, share: 1 }\n", /has no en text/],
  ])("%s is a warning", (_name, stages, pattern, extra = "") => {
    const text = HEAD.replace("  stages:\n", `${extra}  stages:\n`) + stages;
    const parsed = parseYaml(text, "p.yaml");
    const { pack, problems } = validatePack(parsed.data, "p.yaml", parsed);
    expect(pack).toBeDefined();
    expect(problems.find((p) => pattern.test(p.message.en))?.severity).toBe("warning");
  });
});

describe("a valid stage list", () => {
  it("normalizes: both languages, check true as {}, actor explicit", () => {
    const { pack, problems } = check(GOOD);
    expect(problems).toEqual([]);
    expect(pack?.schedule?.stages).toEqual([
      { id: "materials", actor: "client", label: { ja: "資料のご送付", en: "Send the materials" }, days: 2 },
      { id: "rough", actor: "worker", label: { ja: "ラフ", en: "Sketch" }, share: 0.3, check: { when: { question: "checks", includes: "rough" } } },
      {
        id: "color",
        actor: "worker",
        label: { ja: "着彩", en: "Colour" },
        share: 0.5,
        check: { when: { question: "checks", includes: "color" }, days: 1, label: { ja: "色のご確認", en: "Check the colours" } },
      },
      { id: "finish", actor: "worker", label: { ja: "仕上げ", en: "Finish" }, hours: 1 },
    ]);
  });

  it("round-trips: the normalized pack is itself a valid pack with the same stages", () => {
    const first = check(GOOD).pack;
    const again = parseYaml(stringify(first), "again.yaml");
    const second = validatePack(again.data, "again.yaml", again);
    expect(second.problems).toEqual([]);
    expect(second.pack?.schedule?.stages).toEqual(first?.schedule?.stages);
  });

  it("a stage's when leaves it out; first_draft marks the first draft", () => {
    const stages =
      check(
        "    - { id: script, actor: client, label: S, days: 2, when: { not: { question: checks, includes: rough } } }\n    - { id: rec, label: R, share: 1, first_draft: true }\n",
      ).pack?.schedule?.stages ?? [];
    expect(bindStages(stages, { checks: ["rough"] }).map((s) => s.id)).toEqual(["rec"]);
    expect(bindStages(stages, {}).map((s) => s.id)).toEqual(["script", "rec"]);
    expect(bindStages(stages, {})[1]).toMatchObject({ firstDraft: true });
  });

  it("the answers switch checks on and off", () => {
    const stages = check(GOOD).pack?.schedule?.stages ?? [];
    const checked = (answers: Record<string, string[]>) =>
      bindStages(stages, answers)
        .filter((s) => s.actor !== "client" && s.check)
        .map((s) => s.id);
    expect(checked({ checks: ["rough", "color"] })).toEqual(["rough", "color"]);
    expect(checked({ checks: ["color"] })).toEqual(["color"]);
    expect(checked({})).toEqual([]);
    expect(bindStages(stages, { checks: ["color"] })[2]).toMatchObject({ check: { days: 1, label: { ja: "色のご確認", en: "Check the colours" } } });
  });
});

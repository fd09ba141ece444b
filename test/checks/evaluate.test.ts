/** The check conditions, one form a line: what fires and what stays silent. */
import { describe, expect, it } from "vitest";
import type { Answers } from "../../src/answers/types.ts";
import { runChecks } from "../../src/checks/evaluate.ts";
import type { CheckCondition } from "../../src/pack/check-schema.ts";
import type { Pack } from "../../src/pack/types.ts";
import { validatePack } from "../../src/pack/validate.ts";
import type { Plan } from "../../src/schedule/index.ts";
import { parseYaml } from "../../src/yaml/parse.ts";

const PACK = `kikitori: 1
id: t
version: 1.0.0
title: T
languages: [en]
sections:
  - id: s
    title: S
    questions:
      - { id: business, type: confirm, message: Business? }
      - { id: staff, type: confirm, message: Staff?, when: { question: business, equals: true } }
      - { id: fee, type: number, message: Fee?, allow_pending: true, tags: [fee] }
      - { id: rounds, type: number, message: Rounds?, tags: [revisions] }
      - { id: pay, type: date, message: Paid on?, allow_pending: true, tags: [payment] }
      - { id: accept, type: date, message: Accepted by?, tags: [acceptance] }
      - id: channels
        type: multiselect
        message: Channels?
        tags: [contact]
        choices: [{ value: platform, label: Platform }, { value: email, label: Email }]
      - id: delivery
        type: select
        message: Delivery?
        tags: [delivery, contact]
        choices: [{ value: platform, label: Platform }, { value: email, label: Email }]
`;

function pack(): Pack {
  const parsed = parseYaml(PACK, "t.yaml");
  const r = validatePack(parsed.data, "t.yaml", parsed);
  expect(r.problems).toEqual([]);
  return r.pack as Pack;
}

const plan = {
  start: "2027-01-04",
  due: "2027-01-29",
  firstDraftDate: "2027-01-15",
  finalDate: "2027-01-29",
  milestones: [{ id: "acceptance_end", date: "2027-02-01", kind: "acceptance_end", actor: "platform" }],
} as unknown as Plan;

function fires(when: CheckCondition, answers: Answers, withPlan = true): boolean {
  const p = { ...pack(), checks: [{ id: "c", when, message: { ja: "確認", en: "Check" } }] };
  return runChecks({ pack: p, answers, ...(withPlan ? { plan } : {}) }).fired.length === 1;
}

describe("check conditions", () => {
  it.each<[string, CheckCondition, Answers, boolean]>([
    ["equals, as in when", { question: "business", equals: true }, { business: true }, true],
    ["a hidden question's answer does not count", { question: "staff", equals: true }, { business: false, staff: true }, false],
    ["pending: true", { question: "fee", pending: true }, { fee: { pending: true } }, true],
    ["pending: true on an answered value", { question: "fee", pending: true }, { fee: 100 }, false],
    ["pending is not answered", { question: "fee", answered: false }, { fee: { pending: true } }, true],
    ["at_least", { question: "rounds", at_least: 2 }, { rounds: 2 }, true],
    ["at_least below", { question: "rounds", at_least: 2 }, { rounds: 1 }, false],
    ["at_most", { question: "rounds", at_most: 0 }, { rounds: 0 }, true],
    ["at_most on a missing answer", { question: "rounds", at_most: 0 }, {}, false],
    ["tag includes (multiselect)", { tag: "contact", includes: "email" }, { channels: ["platform", "email"] }, true],
    ["tag includes (select)", { tag: "contact", includes: "email" }, { delivery: "email" }, true],
    ["tag includes, none match", { tag: "contact", includes: "email" }, { channels: ["platform"], delivery: "platform" }, false],
    ["tag in", { tag: "delivery", in: ["email"] }, { delivery: "email" }, true],
    ["tag answered: false when none is", { tag: "contact", answered: false }, {}, true],
    ["tag answered: false when one is", { tag: "contact", answered: false }, { delivery: "platform" }, false],
    ["tag at_least", { tag: "revisions", at_least: 1 }, { rounds: 3 }, true],
    ["date after plan + days", { date: "pay", after: "plan.final_delivery", days: 59 }, { pay: "2027-03-30" }, true],
    ["date after plan, within days", { date: "pay", after: "plan.final_delivery", days: 59 }, { pay: "2027-03-29" }, false],
    ["date before plan", { date: "accept", before: "plan.final_delivery" }, { accept: "2027-01-28" }, true],
    ["date before plan, same day", { date: "accept", before: "plan.final_delivery" }, { accept: "2027-01-29" }, false],
    ["date before, more than days", { date: "accept", before: "plan.final_delivery", days: 2 }, { accept: "2027-01-27" }, false],
    ["tag date after a milestone", { date: "tag.acceptance", after: "plan.acceptance_end" }, { accept: "2027-02-02" }, true],
    ["date against a pending date", { date: "pay", after: "plan.final_delivery" }, { pay: { pending: true } }, false],
    ["question dates", { date: "pay", before: "accept" }, { pay: "2027-01-01", accept: "2027-01-02" }, true],
    ["plan.start and plan.due", { date: "plan.due", after: "plan.start", days: 20 }, {}, true],
    [
      "all / any / not",
      {
        all: [
          { question: "business", equals: true },
          {
            not: {
              any: [
                { question: "staff", equals: true },
                { question: "fee", answered: true },
              ],
            },
          },
        ],
      },
      { business: true, staff: false },
      true,
    ],
  ])("%s", (_name, when, answers, expected) => {
    expect(fires(when, answers)).toBe(expected);
  });

  it("a plan date without a plan never fires", () => {
    expect(fires({ date: "pay", after: "plan.final_delivery" }, { pay: "2099-01-01" }, false)).toBe(false);
  });

  it("pack checks come first, then the platform's, each marked with where it comes from", () => {
    const p = { ...pack(), checks: [{ id: "own", when: { question: "business", equals: true } as CheckCondition, message: { ja: "自分", en: "own" } }] };
    const r = runChecks({
      pack: p,
      answers: { business: true, delivery: "email" },
      platformChecks: [
        {
          id: "no_email",
          when: { tag: "delivery", in: ["email"] },
          message: { ja: "メール不可", en: "no email" },
          source: "https://example.com",
          verified: false,
        },
      ],
    });
    expect(r.evaluated).toBe(2);
    expect(r.fired.map((f) => [f.id, f.origin, f.verified, f.source ?? ""])).toEqual([
      ["own", "pack", true, ""],
      ["no_email", "platform", false, "https://example.com"],
    ]);
  });
});

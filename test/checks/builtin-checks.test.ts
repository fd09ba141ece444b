/**
 * Every check a built-in pack or platform declares, against the example hearings: silent on
 * each example as it is, and firing once the example is changed to meet the check's condition.
 * The changes are generated from the condition itself (set the values it tests, make the
 * questions it names apply, move a date past the plan's), so a check added later is tested
 * the same way.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readAnswersFile } from "../../src/answers/io.ts";
import type { Answers, AnswerValue, Meta } from "../../src/answers/types.ts";
import { validateAnswers } from "../../src/answers/validate.ts";
import { type CheckRule, runChecks } from "../../src/checks/evaluate.ts";
import { loadCalendar, readPlatforms } from "../../src/cli/planning.ts";
import type { CheckCondition } from "../../src/pack/check-schema.ts";
import { checkPackFile } from "../../src/pack/load.ts";
import { allQuestions, type Pack, type Question } from "../../src/pack/types.ts";
import { type PlanningEnv, planFromAnswers } from "../../src/render/schedule.ts";
import { addDays, type HolidayCalendar, noneCalendar } from "../../src/schedule/index.ts";
import { ROOT } from "../helpers.ts";

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const platforms = readPlatforms(ROOT);
let env: PlanningEnv;
beforeAll(async () => {
  const jp: HolidayCalendar = await loadCalendar("jp", ROOT);
  env = { platforms, calendar: (id) => (id === "jp" ? jp : noneCalendar) };
});

const examples = fs
  .readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".answers.yaml"))
  .map((name) => {
    const read = readAnswersFile(path.join(EXAMPLES, name));
    const pack = checkPackFile(path.join(ROOT, "questionnaires", `${read.file.pack.id}.yaml`), "builtin").loaded?.pack as Pack;
    return { name, pack, meta: read.file.meta, answers: read.file.answers };
  });

function check(pack: Pack, meta: Meta, raw: Answers) {
  const { answers, problems } = validateAnswers(pack, raw, { file: "generated", requireComplete: false });
  expect(problems.filter((p) => p.severity !== "warning").map((p) => `${p.path}: ${p.message.en}`)).toEqual([]);
  const plan = planFromAnswers(pack, answers, meta, env)?.plan;
  const platformChecks = platforms.find((p) => p.id === (plan?.platform ?? meta.platform))?.checks;
  return runChecks({ pack, answers, ...(plan ? { plan } : {}), ...(platformChecks ? { platformChecks } : {}) });
}

/** Changes the answers so that `c` holds: the generated contradiction. */
function contradict(pack: Pack, meta: Meta, answers: Answers, c: CheckCondition): Answers {
  const a: Answers = structuredClone(answers);
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const tagged = (tag: string) => allQuestions(pack).filter((q) => q.tags?.includes(tag));
  const others = (q: Question, not: unknown[]) => q.choices?.find((x) => !x.other && !not.includes(x.value))?.value ?? "";
  const sample = (q: Question): AnswerValue => {
    const first = others(q, []);
    const byType: Record<string, AnswerValue> = {
      select: first,
      multiselect: [first],
      confirm: true,
      number: q.validate?.min ?? 1,
      scale: q.min ?? 1,
      date: "2027-01-10",
      list: ["x"],
    };
    return byType[q.type] ?? "x";
  };
  const set = (id: string, v: AnswerValue) => {
    const q = byId.get(id);
    if (q?.when) meet(q.when);
    a[id] = v;
  };
  const planDate = (ref: string) => {
    const plan = planFromAnswers(pack, validateAnswers(pack, a, { file: "g", requireComplete: false }).answers, meta, env)?.plan;
    const id = ref.slice(5);
    const named: Record<string, string | undefined> = {
      start: plan?.start,
      due: plan?.due,
      first_draft: plan?.firstDraftDate,
      final_delivery: plan?.finalDate,
    };
    return named[id] ?? plan?.milestones.find((m) => m.id === id)?.date;
  };
  const dateRefQuestion = (ref: string) =>
    ref.startsWith("tag.") ? tagged(ref.slice(4)).find((q) => q.type === "date")?.id : ref.startsWith("plan.") ? undefined : ref;
  const dateOf = (ref: string): string => {
    if (ref.startsWith("plan.")) return planDate(ref) ?? "";
    const id = dateRefQuestion(ref) ?? "";
    if (typeof a[id] !== "string") set(id, "2027-01-10");
    return a[id] as string;
  };
  function meet(c: CheckCondition): void {
    if ("all" in c) {
      for (const x of c.all) meet(x);
      return;
    }
    if ("any" in c) {
      // The first branch this pack can meet (a platform rule names values of several packs).
      for (const branch of c.any) {
        const before = structuredClone(a);
        try {
          meet(branch);
          return;
        } catch {
          for (const k of Object.keys(a)) delete a[k];
          Object.assign(a, before);
        }
      }
      throw new Error(`${pack.id}: no branch of ${JSON.stringify(c)} can be met`);
    }
    if ("not" in c) {
      avoid(c.not);
      return;
    }
    if ("date" in c) {
      const later = "after" in c;
      const other = later ? c.after : c.before;
      const days = (c.days ?? 0) + 1;
      const own = dateRefQuestion(c.date);
      if (own) set(own, addDays(dateOf(other), later ? days : -days));
      else set(dateRefQuestion(other) ?? "", addDays(dateOf(c.date), later ? -days : days));
      return;
    }
    if ("tag" in c) {
      const { tag, ...test } = c;
      const value = "includes" in test ? test.includes : "equals" in test ? test.equals : "in" in test ? test.in[0] : undefined;
      const fits = (q: Question) =>
        value !== undefined ? (q.choices?.some((x) => x.value === value) ?? false) : "at_least" in test || "at_most" in test ? q.type === "number" : true;
      const q = tagged(tag).find(fits);
      if (!q) throw new Error(`${pack.id}: no question tagged ${tag} fits ${JSON.stringify(test)}`);
      meet({ question: q.id, ...test } as CheckCondition);
      return;
    }
    const q = byId.get(c.question);
    if (!q) throw new Error(`${pack.id}: no question ${c.question}`);
    if ("equals" in c) {
      set(q.id, c.equals as AnswerValue);
      return;
    }
    if ("in" in c) {
      set(q.id, c.in[0] as AnswerValue);
      return;
    }
    if ("includes" in c) {
      const now = Array.isArray(a[q.id]) ? (a[q.id] as string[]) : [];
      set(q.id, q.type === "multiselect" || q.type === "list" ? [...now.filter((x) => x !== "none"), String(c.includes)] : (c.includes as AnswerValue));
      return;
    }
    if ("answered" in c) {
      if (!c.answered) delete a[q.id];
      else if (a[q.id] === undefined || (typeof a[q.id] === "object" && !Array.isArray(a[q.id]))) set(q.id, sample(q));
      return;
    }
    if ("pending" in c) {
      set(q.id, c.pending ? { pending: true } : sample(q));
      return;
    }
    if ("at_least" in c) {
      set(q.id, c.at_least);
      return;
    }
    if ("at_most" in c) {
      set(q.id, c.at_most);
      return;
    }
  }
  /** Makes a simple condition (or an `any` of them on one question) false. */
  function avoid(c: CheckCondition): void {
    const parts = "any" in c ? c.any : [c];
    const q = byId.get("question" in parts[0]! ? (parts[0] as { question: string }).question : "");
    if (!q) throw new Error(`${pack.id}: cannot negate ${JSON.stringify(c)}`);
    const excluded = parts.flatMap((p) => ("equals" in p ? [p.equals] : "includes" in p ? [p.includes] : "in" in p ? p.in : []));
    if (parts.some((p) => "answered" in p)) {
      if ((parts[0] as { answered: boolean }).answered) delete a[q.id];
      else set(q.id, sample(q));
      return;
    }
    if (q.type === "confirm") {
      set(q.id, !excluded[0]);
      return;
    }
    const value = others(q, excluded);
    set(q.id, q.type === "multiselect" ? [value] : value);
  }
  meet(c);
  return a;
}

describe.each(examples)("checks on $name", ({ pack, meta, answers }) => {
  const platformQuestion = allQuestions(pack).find((q) => q.tags?.includes("platform"));
  const offered = new Set(platformQuestion?.choices?.map((c) => c.value));
  const cases: [string, CheckRule, Meta][] = [
    ...(pack.checks ?? []).map((c): [string, CheckRule, Meta] => [c.id, c, meta]),
    ...platforms
      .filter((p) => offered.has(p.id))
      .flatMap((p) => (p.checks ?? []).map((c): [string, CheckRule, Meta] => [`${p.id}.${c.id}`, c, { ...meta, platform: p.id }])),
  ];

  it("stay silent on the example as it is", () => {
    const r = check(pack, meta, answers);
    expect(r.evaluated).toBeGreaterThan(5);
    expect(r.fired.map((f) => f.id)).toEqual([]);
  });

  it.each(cases)("%s fires on a generated contradiction", (_id, rule, m) => {
    let a = answers;
    if (m.platform !== meta.platform && platformQuestion) a = { ...a, [platformQuestion.id]: m.platform as string };
    const changed = contradict(pack, m, a, rule.when);
    expect(check(pack, m, changed).fired.map((f) => f.id)).toContain(rule.id);
  });
});

/**
 * Whole-pack rules for `checks:` and `written_terms:` (their shape is checked by the zod
 * schema): every question, tag and plan date they name exists and has a type the test can
 * use, so a check that could never fire, or always fires, is an error at `pack validate`.
 */

import { msg } from "../i18n.ts";
import type { DataPath } from "../yaml/parse.ts";
import type { CheckCondition } from "./check-schema.ts";
import type { PackInput, QuestionInput } from "./schema.ts";
import type { Text } from "./types.ts";

type At = (path: DataPath, message: Text, fix: Text, severity?: "error" | "warning", key?: boolean) => void;

/** The planner's dates a check may name as `plan.<id>`. */
const PLAN_DATE_RE = /^(?:start|due|hearing_done|first_draft|final_delivery|acceptance_end|first_reply_by|revision_\d+(?:_review)?)$/;

const DATE_TERMS = new Set(["order_date", "payment_date", "delivery_date", "inspection_date", "decide_by"]);
const TERM_TYPES: Record<string, QuestionInput["type"][]> = { fee: ["number"], business: ["confirm"], employees: ["confirm"] };

/** What the rules look at: the pack, its questions by id and by tag, and where to report. */
interface Env {
  input: PackInput;
  byId: Map<string, QuestionInput>;
  tagged: Map<string, QuestionInput[]>;
  at: At;
}

export function checkChecksAndTerms(input: PackInput, byId: Map<string, QuestionInput>, at: At): void {
  const tagged = new Map<string, QuestionInput[]>();
  for (const q of byId.values()) for (const t of q.tags ?? []) tagged.set(t, [...(tagged.get(t) ?? []), q]);
  const env: Env = { input, byId, tagged, at };
  const seen = new Set<string>();
  for (const [i, c] of (input.checks ?? []).entries()) {
    const path = ["checks", i];
    if (seen.has(c.id)) {
      at(
        [...path, "id"],
        msg(`チェック id「${c.id}」が重複しています`, `check id "${c.id}" is used twice`),
        msg("別の id にしてください", "give it another id"),
      );
    }
    seen.add(c.id);
    walk(env, c.when, [...path, "when"]);
  }
  checkWrittenTerms(env);
}

/** Each `written_terms:` item names a question of a type the message can state. */
function checkWrittenTerms({ input, byId, at }: Env): void {
  for (const [key, id] of Object.entries(input.written_terms ?? {})) {
    const path = ["written_terms", key];
    const q = id ? byId.get(id) : undefined;
    if (!q) {
      at(
        path,
        msg(`written_terms.${key} が存在しない質問「${id}」を参照しています`, `written_terms.${key} names "${id}", which is not a question of this pack`),
        nameOne(),
      );
      continue;
    }
    const want = DATE_TERMS.has(key) ? ["date"] : TERM_TYPES[key];
    if (want && !want.includes(q.type)) {
      at(
        path,
        msg(`written_terms.${key} は ${want.join(" / ")} の質問に結び付けてください`, `written_terms.${key} must name a ${want.join(" / ")} question`),
        msg(`「${q.id}」は ${q.type} です`, `"${q.id}" is a ${q.type} question`),
      );
    }
  }
}

function walk(env: Env, c: CheckCondition, path: DataPath): void {
  if ("all" in c || "any" in c) {
    const key = "all" in c ? "all" : "any";
    for (const [i, x] of ("all" in c ? c.all : c.any).entries()) walk(env, x, [...path, key, i]);
    return;
  }
  if ("not" in c) {
    walk(env, c.not, [...path, "not"]);
    return;
  }
  if ("date" in c) {
    dateRef(env, c.date, [...path, "date"]);
    dateRef(env, "after" in c ? c.after : c.before, [...path, "after" in c ? "after" : "before"]);
    return;
  }
  const { byId, tagged, at } = env;
  const targets = "question" in c ? [byId.get(c.question)].filter((q) => q !== undefined) : (tagged.get(c.tag) ?? []);
  if ("question" in c && targets.length === 0) {
    at([...path, "question"], msg(`存在しない質問「${c.question}」を参照しています`, `"${c.question}" is not a question of this pack`), nameOne());
    return;
  }
  if ("tag" in c && targets.length === 0) {
    at(
      [...path, "tag"],
      msg(`タグ「${c.tag}」の付いた質問がないため、このチェックは働きません`, `no question has the tag "${c.tag}", so this check never fires`),
      msg("質問に tags: を付けるか、条件を直してください", "tag a question, or change the condition"),
      "warning",
    );
    return;
  }
  checkTest(at, c, targets, path);
}

/** A test on questions found: its values are choices, its comparison fits their type. */
function checkTest(at: At, c: CheckCondition, targets: QuestionInput[], path: DataPath): void {
  const tested = "equals" in c ? [c.equals] : "in" in c ? c.in : "includes" in c ? [c.includes] : [];
  for (const v of tested) {
    // A tag condition passes when any tagged question has the value: one of them must offer it.
    if (targets.every((q) => q.choices && !q.choices.some((x) => x.value === String(v)))) {
      const names = [...new Set(targets.flatMap((q) => q.choices?.map((x) => x.value) ?? []))];
      at(
        path,
        msg(`値「${String(v)}」は選択肢にありません`, `"${String(v)}" is not one of the choices`),
        msg(`次のいずれかにしてください: ${names.join(", ")}`, `use one of: ${names.join(", ")}`),
      );
    }
  }
  if (("at_least" in c || "at_most" in c) && !targets.some((q) => q.type === "number" || q.type === "scale")) {
    at(
      path,
      msg("at_least / at_most は number か scale の質問に使います", "at_least / at_most are for number or scale questions"),
      msg("equals か in を使ってください", "use equals or in"),
    );
  }
  if ("pending" in c && !targets.some((q) => q.allow_pending)) {
    at(
      path,
      msg("allow_pending のない質問は「未定」になりません", 'a question without allow_pending is never "not decided yet"'),
      msg("質問に allow_pending: true を付けるか、条件を直してください", "add allow_pending: true to the question, or change the condition"),
    );
  }
}

function dateRef({ input, byId, tagged, at }: Env, ref: string, path: DataPath): void {
  if (ref.startsWith("plan.")) {
    if (!PLAN_DATE_RE.test(ref.slice(5))) {
      at(
        path,
        msg(`計画の日付「${ref}」はありません`, `the plan has no date "${ref}"`),
        msg(
          "plan.start, plan.due, plan.first_draft, plan.final_delivery, plan.acceptance_end などを使ってください",
          "use plan.start, plan.due, plan.first_draft, plan.final_delivery, plan.acceptance_end…",
        ),
      );
    } else if (!input.schedule) {
      at(
        path,
        msg("schedule: のないパックには計画がないため、このチェックは働きません", "a pack without schedule: has no plan, so this check never fires"),
        msg("schedule: を書くか、条件を直してください", "add schedule:, or change the condition"),
        "warning",
      );
    }
    return;
  }
  if (ref.startsWith("tag.")) {
    if (!(tagged.get(ref.slice(4)) ?? []).some((q) => q.type === "date")) {
      at(
        path,
        msg(
          `タグ「${ref.slice(4)}」の付いた date の質問がないため、このチェックは働きません`,
          `no date question has the tag "${ref.slice(4)}", so this check never fires`,
        ),
        msg("date の質問にそのタグを付けてください", "tag a date question with it"),
        "warning",
      );
    }
    return;
  }
  const q = byId.get(ref);
  if (!q) at(path, msg(`存在しない質問「${ref}」を参照しています`, `"${ref}" is not a question of this pack`), nameOne());
  else if (q.type !== "date")
    at(path, msg(`「${ref}」は date の質問ではありません`, `"${ref}" is not a date question`), msg("date の質問を指定してください", "name a date question"));
}

function nameOne(): Text {
  return msg("質問の id を書いてください", "name a question id");
}

/**
 * `schedule.stages` in a pack: the rules zod cannot see (one of share and hours, shares
 * adding up to at most 1, the order of client steps, conditions naming real questions),
 * each reported at its line, and the normalized form the planner binding reads.
 */
import { msg } from "../i18n.ts";
import type { DataPath } from "../yaml/parse.ts";
import { conditionRefs } from "./conditions.ts";
import type { At } from "./question-rules.ts";
import type { PackInput, QuestionInput } from "./schema.ts";
import type { Condition, PackStage, Text } from "./types.ts";

type StageInput = NonNullable<NonNullable<PackInput["schedule"]>["stages"]>[number];

const EPSILON = 1e-9;

const BASE = ["schedule", "stages"];

export function checkStages(input: PackInput, byId: Map<string, QuestionInput>, at: At): void {
  const stages = input.schedule?.stages;
  if (!stages) return;
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    const path = [...BASE, i];
    if (seen.has(s.id)) {
      at([...path, "id"], msg(`段階 id「${s.id}」が重複しています`, `stage id "${s.id}" is used twice`), msg("別の id にしてください", "give it another id"));
    }
    seen.add(s.id);
    if (s.when) checkCondition(s.when, [...path, "when"], byId, at);
    if (s.actor === "client") checkClientStep(s, path, at);
    else checkWorkStage(s, path, byId, at);
  });
  checkShares(stages, at);
  checkOnlyOne(stages, "revisions", at);
  checkOnlyOne(stages, "first_draft", at);
  checkLast(stages, at);
  if (input.schedule?.draft_share !== undefined) {
    at(
      ["schedule", "draft_share"],
      msg(
        "stages があるときは draft_share は使われません (段階の share が作業の配分になります)",
        "draft_share is not used with stages: their shares split the effort",
      ),
      msg("draft_share を削除してください", "remove draft_share"),
      "warning",
      true,
    );
  }
}

function checkWorkStage(s: StageInput, path: DataPath, byId: Map<string, QuestionInput>, at: At): void {
  if ((s.share === undefined) === (s.hours === undefined)) {
    at(
      path,
      msg(`段階「${s.id}」には share か hours のどちらか一方が必要です`, `stage "${s.id}" needs exactly one of share and hours`),
      msg("share: 0.3 (作業時間の割合) か hours: 2 (固定の時間) を書いてください", "write share: 0.3 (a share of the effort) or hours: 2 (fixed hours)"),
    );
  }
  if (s.days !== undefined) {
    at(
      [...path, "days"],
      msg("days はクライアントの作業 (actor: client) に使います", "days is for client steps (actor: client)"),
      msg("確認の日数は check: { days: 2 } と書いてください", "for the client's review days write check: { days: 2 }"),
      "error",
      true,
    );
  }
  if (typeof s.check === "object" && s.check.when) checkCondition(s.check.when, [...path, "check", "when"], byId, at);
}

/** The shares add up to at most 1: reported at the share that tips the sum over. */
function checkShares(stages: readonly StageInput[], at: At): void {
  let shares = 0;
  for (const [i, s] of stages.entries()) {
    if (s.actor === "client") continue;
    shares += s.share ?? 0;
    if (shares > 1 + EPSILON) {
      at(
        [...BASE, i, "share"],
        msg(`段階の share の合計が ${round2(shares)} になり、1 を超えています`, `the stages' shares add up to ${round2(shares)} here, more than 1`),
        msg("合計を 1 以下にしてください (残りは修正の作業時間になります)", "make them add up to at most 1 (the rest is for the revision rounds)"),
      );
      return;
    }
  }
}

/** `revisions: true` and `first_draft: true` mark one stage each. */
function checkOnlyOne(stages: readonly StageInput[], key: "revisions" | "first_draft", at: At): void {
  const marked = stages.flatMap((s, i) => (s.actor !== "client" && s[key] === true ? [i] : []));
  const first = stages[marked[0] ?? 0]?.id;
  for (const i of marked.slice(1)) {
    at(
      [...BASE, i, key],
      msg(`${key}: true を付けられる段階は1つだけです`, `only one stage may have ${key}: true`),
      msg(`段階「${first}」か、こちらのどちらかから外してください`, `remove it here or from stage "${first}"`),
    );
  }
}

/** The list ends with a worker stage that always happens; its check would never be used. */
function checkLast(stages: readonly StageInput[], at: At): void {
  const lastIndex = stages.length - 1;
  const last = stages[lastIndex];
  if (last?.actor === "client") {
    at(
      [...BASE, lastIndex],
      msg(
        `最後の「${last.id}」がクライアントの作業になっています。クライアントの作業は、それを必要とする段階の前に置きます`,
        `the last entry, "${last.id}", is a client step: a client step comes before the stage that needs it`,
      ),
      msg("順番を入れ替えるか、最後に制作者の段階を置いてください", "move it before that stage, or end with a stage of the worker's"),
    );
  } else if (last?.when) {
    at(
      [...BASE, lastIndex, "when"],
      msg("最後の段階は必ず行われるため、when は付けられません", "the last stage always happens: it cannot have when"),
      msg("when を削除するか、最後に条件のない段階を置いてください", "remove when, or end with a stage without one"),
      "error",
      true,
    );
  } else if (last && last.check !== undefined && last.check !== false) {
    at(
      [...BASE, lastIndex, "check"],
      msg(
        "最後の段階の確認は、修正の確認かプラットフォームの検収期間になるため使われません",
        "the last stage's check is not used: the revision rounds' reviews, or the acceptance window, are the client's check of it",
      ),
      msg("check を削除してください", "remove check"),
      "warning",
      true,
    );
  }
}

function checkClientStep(s: StageInput, path: DataPath, at: At): void {
  if (s.days === undefined) {
    at(
      path,
      msg(`クライアントの作業「${s.id}」に days (必要な日数) がありません`, `client step "${s.id}" has no days (how long the client needs)`),
      msg("days: 3 のように暦日で書いてください", "write days: 3, in calendar days"),
    );
  }
  for (const key of ["share", "hours", "check", "revisions", "first_draft"] as const) {
    if (s[key] === undefined) continue;
    at(
      [...path, key],
      msg(`${key} は制作者の段階に使います。クライアントの作業には使えません`, `${key} is for the worker's stages, not for a client step`),
      msg(`${key} を削除するか、actor: client を外してください`, `remove ${key}, or remove actor: client`),
      "error",
      true,
    );
  }
}

/** A check's condition names questions of the pack, and choice values they have. */
function checkCondition(cond: Condition, path: DataPath, byId: Map<string, QuestionInput>, at: At): void {
  const nested = "all" in cond ? cond.all.map((c, i) => [c, "all", i] as const) : "any" in cond ? cond.any.map((c, i) => [c, "any", i] as const) : [];
  for (const [c, key, i] of nested) checkCondition(c, [...path, key, i], byId, at);
  if ("not" in cond) checkCondition(cond.not, [...path, "not"], byId, at);
  if ("all" in cond || "any" in cond || "not" in cond) return;
  const ref = conditionRefs(cond)[0] ?? "";
  const q = byId.get(ref);
  if (!q) {
    at(
      [...path, "question"],
      msg(`when が存在しない質問「${ref}」を参照しています`, `when names "${ref}", which is not a question of this pack`),
      msg("質問の id を書いてください", "name a question id"),
    );
    return;
  }
  const values = q.choices ? new Set(q.choices.map((c) => c.value)) : undefined;
  const tested = "equals" in cond ? [cond.equals] : "in" in cond ? cond.in : "includes" in cond ? [cond.includes] : [];
  for (const v of tested) {
    if (values && !values.has(String(v))) {
      at(
        path,
        msg(`when の値「${String(v)}」は質問「${ref}」の選択肢にありません`, `when tests "${String(v)}", which is not a choice of "${ref}"`),
        msg(`次のいずれかにしてください: ${[...values].join(", ")}`, `use one of: ${[...values].join(", ")}`),
      );
    }
  }
  if ("includes" in cond && q.type !== "multiselect" && q.type !== "list") {
    at(
      path,
      msg("includes は multiselect か list の質問に使います", "includes is for multiselect or list questions"),
      msg("equals か in を使ってください", "use equals or in"),
    );
  }
}

/** The stages as the rest of kikitori sees them: texts in both languages, `check: true` as `{}`, `false` dropped. */
export function normalizeStages(stages: readonly StageInput[], text: (t: string | Record<string, string>) => Text): PackStage[] {
  return stages.map((s) => {
    const out: PackStage = { id: s.id, actor: s.actor ?? "worker", label: text(s.label) };
    if (s.share !== undefined) out.share = s.share;
    if (s.hours !== undefined) out.hours = s.hours;
    if (s.days !== undefined) out.days = s.days;
    if (s.check === true) out.check = {};
    else if (typeof s.check === "object") {
      out.check = {};
      if (s.check.when) out.check.when = s.check.when;
      if (s.check.days !== undefined) out.check.days = s.check.days;
      if (s.check.label !== undefined) out.check.label = text(s.check.label);
    }
    if (s.revisions === true) out.revisions = true;
    if (s.first_draft === true) out.first_draft = true;
    if (s.when) out.when = s.when;
    return out;
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

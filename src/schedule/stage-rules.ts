import { isClientStep, workStages } from "./layout.ts";
import type { PlanInput, PlanProblem, Stage } from "./types.ts";

// The planner's own check of a stage list. Packs are checked earlier, with line numbers
// (pack/stages.ts); this guards every other way in (JSON, tests, a future flag).

export const MAX_STAGES = 50;
const ID = /^[a-z0-9_]+$/;
const EPSILON = 1e-9;

function problem(code: string, ja: string, en: string, field: keyof PlanInput = "stages"): PlanProblem {
  return { field, code, message: { ja, en } };
}

const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 365;

export function stageProblems(input: PlanInput): PlanProblem[] {
  const stages = input.stages;
  if (stages === undefined) return [];
  if (!Array.isArray(stages)) return [problem("invalid_stages", "stages は段階のリストにしてください。", "stages must be a list of stages.")];
  if (stages.length > MAX_STAGES) {
    return [
      problem("too_many_stages", `段階は ${MAX_STAGES} 個までです（指定: ${stages.length} 個）。`, `At most ${MAX_STAGES} stages (got ${stages.length}).`),
    ];
  }
  const problems: PlanProblem[] = [];
  const seen = new Set<string>();
  for (const [i, s] of stages.entries()) {
    if (typeof s?.id === "string" && seen.has(s.id)) {
      problems.push(problem("duplicate_stage", `段階 id「${s.id}」が重複しています。`, `Stage id "${s.id}" is used twice.`));
    }
    seen.add(s?.id);
    problems.push(...oneStage(s, `stages[${i}]`));
  }
  return [...problems, ...listProblems(input, stages)];
}

function oneStage(s: Stage, at: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (typeof s?.id !== "string" || !ID.test(s.id)) {
    problems.push(problem("invalid_stage_id", `${at} の id は英小文字・数字・_ にしてください。`, `${at}: the id must be [a-z0-9_]+.`));
  }
  if (typeof s?.label?.ja !== "string" || typeof s?.label?.en !== "string") {
    problems.push(problem("stage_label", `${at} に ja と en の label が必要です。`, `${at} needs a label in ja and en.`));
  }
  if (isClientStep(s)) {
    if (!isCount(s.days)) {
      problems.push(
        problem(
          "client_step_days",
          `${at}（クライアントの作業）の days は 0〜365 の整数にしてください。`,
          `${at} (a client step): days must be a whole number from 0 to 365.`,
        ),
      );
    }
    return problems;
  }
  if ((s.share !== undefined) === (s.hours !== undefined)) {
    problems.push(problem("stage_effort", `${at} には share か hours のどちらか一方を指定してください。`, `${at} needs exactly one of share and hours.`));
  } else if (s.share !== undefined && !(typeof s.share === "number" && s.share > 0 && s.share <= 1)) {
    problems.push(problem("stage_share", `${at} の share は 0 より大きく 1 以下にしてください。`, `${at}: share must be above 0 and at most 1.`));
  } else if (s.hours !== undefined && !(typeof s.hours === "number" && Number.isFinite(s.hours) && s.hours > 0 && s.hours <= 100_000)) {
    problems.push(problem("stage_hours", `${at} の hours は 0 より大きく 100000 以下にしてください。`, `${at}: hours must be above 0 and at most 100000.`));
  }
  if (s.check?.days !== undefined && !isCount(s.check.days)) {
    problems.push(problem("check_days", `${at} の check.days は 0〜365 の整数にしてください。`, `${at}: check.days must be a whole number from 0 to 365.`));
  }
  return problems;
}

/** What the list says as a whole: one stage for the rounds and one first draft, a worker stage last, effort enough. */
function listProblems(input: PlanInput, stages: readonly Stage[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const work = workStages(stages);
  if (work.filter((s) => s.revisions === true).length > 1) {
    problems.push(
      problem("revision_stages", "revisions: true を付けられる段階は1つだけです。", "Only one stage may have revisions: true (the rounds follow one stage)."),
    );
  }
  if (work.filter((s) => s.firstDraft === true).length > 1) {
    problems.push(problem("first_draft_stages", "firstDraft を付けられる段階は1つだけです。", "Only one stage may be the first draft (firstDraft)."));
  }
  const last = stages[stages.length - 1];
  if (last === undefined || isClientStep(last)) {
    problems.push(
      problem(
        "stage_order",
        "最後はクライアントの作業ではなく、制作者の段階にしてください（クライアントの作業は、それを必要とする段階の前に置きます）。",
        "The last stage must be the worker's: a client step comes before the stage that needs it.",
      ),
    );
  }
  const valid = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;
  const shares = work.reduce((sum, s) => sum + (valid(s.share) ? (s.share ?? 0) : 0), 0);
  const hours = work.reduce((sum, s) => sum + (valid(s.hours) ? (s.hours ?? 0) : 0), 0);
  if (shares > 1 + EPSILON) {
    problems.push(
      problem(
        "stage_shares",
        `段階の share の合計が ${round2(shares)} です。合計を 1 以下にしてください（残りは修正の作業時間になります）。`,
        `The stages' shares add up to ${round2(shares)}: make them add up to at most 1 (the rest is the revision rounds').`,
      ),
    );
  } else if (typeof input.effortHours === "number" && hours + shares * input.effortHours > input.effortHours + EPSILON) {
    const need = round2(hours + shares * input.effortHours);
    problems.push(
      problem(
        "stage_hours_exceed",
        `段階に必要な時間（${need} 時間）が作業時間 ${input.effortHours} 時間を超えています。作業時間を増やすか、段階の hours を減らしてください。`,
        `The stages need ${need} hours, more than the effort of ${input.effortHours} hours: raise the effort or lower the stages' hours.`,
        "effortHours",
      ),
    );
  }
  return problems;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

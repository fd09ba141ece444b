/**
 * One job as the after-the-hearing commands see it: who it is for, its plan (anchored on
 * the order or hearing day), its log, when the first reply is due and when payment is
 * expected. Pure: the pack, the platforms and calendars are passed in.
 */
import type { Answers, AnswersFile, Meta } from "../answers/types.ts";
import { validateAnswers } from "../answers/validate.ts";
import { parseTimestamp, type Timestamp } from "../date-format.ts";
import { DataError } from "../errors.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";
import { isIsoDate } from "../iso-date.ts";
import { type Condition, otherKey, type Pack } from "../pack/types.ts";
import { labelOf } from "../render/items.ts";
import { type PlanningEnv, planFromAnswers } from "../render/schedule.ts";
import { bindPlanInput, boundValue, planAnchor } from "../schedule/binding.ts";
import { workdayTest } from "../schedule/calendar.ts";
import type { MilestoneTerms, Plan } from "../schedule/index.ts";
import { type FirstReply, firstReplyOf } from "./anchor.ts";

export interface Job {
  /** The answers file as the user named it (or as found under a folder). */
  file: string;
  /** The job's language: its answers file's, else the interface's. */
  lang: Lang;
  status: AnswersFile["status"];
  meta: Meta;
  packId: string;
  terms: MilestoneTerms;
  data: AnswersFile;
  /** The day a plan without an answered start date starts on. */
  anchor?: string;
  ordered?: Timestamp;
  firstReply?: FirstReply;
  plan?: Plan;
  /** Why there is no plan (the pack binds one): what is missing or wrong. */
  unplanned?: Msg[];
  /** The payment date, when the pack binds one (`schedule.payment`) and it is answered. */
  payment?: string;
  /** Can the worker work on this day number? (The plan's workdays and holidays.) */
  isWorkday(day: number): boolean;
}

const needed = new WeakMap<Pack, { ids: Set<string>; pack: Pack }>();

/** The answers a job needs: those the pack's schedule binds, and those their conditions read. */
export function neededAnswerIds(pack: Pack): Set<string> {
  return jobPack(pack).ids;
}

/**
 * The pack cut down to the questions a job reads (in pack order, so conditions see what they
 * would in the whole pack): checking a dozen answers, not sixty, for each of hundreds of jobs.
 */
function jobPack(pack: Pack): { ids: Set<string>; pack: Pack } {
  const known = needed.get(pack);
  if (known) return known;
  const ids = new Set<string>();
  for (const [key, b] of Object.entries(pack.schedule ?? {})) {
    if (key !== "terms" && b && typeof b === "object" && "question" in b && typeof b.question === "string") ids.add(b.question);
  }
  // Stages come and go, and the client's checks switch, with answers (icon's stage_checks).
  for (const stage of pack.schedule?.stages ?? []) {
    for (const c of [stage.when, stage.check?.when]) for (const ref of c ? conditionRefs(c) : []) ids.add(ref);
  }
  const byId = new Map(pack.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const queue = [...ids];
  while (queue.length > 0) {
    const q = byId.get(queue.pop() ?? "");
    for (const ref of q?.when ? conditionRefs(q.when) : []) {
      if (!ids.has(ref)) {
        ids.add(ref);
        queue.push(ref);
      }
    }
  }
  for (const id of [...ids]) ids.add(otherKey(id));
  const sections = pack.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => ids.has(q.id)) })).filter((s) => s.questions.length > 0);
  const out = { ids, pack: { ...pack, sections } };
  needed.set(pack, out);
  return out;
}

function conditionRefs(c: Condition): string[] {
  if ("all" in c) return c.all.flatMap(conditionRefs);
  if ("any" in c) return c.any.flatMap(conditionRefs);
  if ("not" in c) return conditionRefs(c.not);
  return [c.question];
}

export interface JobInput {
  file: string;
  data: AnswersFile;
  pack: Pack;
  planning: PlanningEnv;
  uiLang: Lang;
}

/** The job of an answers file; a DataError when the answers the plan reads are not valid. */
export function buildJob(input: JobInput): Job {
  const { file, data, planning } = input;
  const cut = jobPack(input.pack);
  const pack = cut.pack;
  const picked = Object.fromEntries(Object.entries(data.answers).filter(([k]) => cut.ids.has(k)));
  const { answers, problems } = validateAnswers(pack, picked, { file, requireComplete: false });
  const errors = problems.filter((p) => p.severity !== "warning");
  if (errors.length > 0) {
    throw new DataError(
      msg(`${file} の回答に ${errors.length} 件の問題があります`, `${file}: ${errors.length} answer problem${errors.length === 1 ? "" : "s"}`),
      errors,
    );
  }
  const meta = data.meta;
  const anchor = planAnchor(meta);
  const ordered = meta.ordered ? parseTimestamp(meta.ordered) : undefined;
  const lang = data.lang ?? input.uiLang;
  const { plan, unplanned } = planOf(pack, answers, meta, planning);
  const platformId = plan?.platform ?? meta.platform;
  const platform = planning.platforms.find((p) => p.id === platformId);
  const payment = boundValue(pack, "payment", answers);
  const calendar = planning.calendar(plan?.calendar ?? "none");
  const firstReply = firstReplyOf(ordered, platform);
  return {
    file,
    lang,
    status: data.status,
    meta,
    packId: pack.id,
    terms: pack.schedule?.terms ?? {},
    data,
    ...(anchor ? { anchor } : {}),
    ...(ordered ? { ordered } : {}),
    ...(firstReply ? { firstReply } : {}),
    ...(plan ? { plan } : {}),
    ...(unplanned ? { unplanned } : {}),
    ...(typeof payment === "string" && isIsoDate(payment) ? { payment } : {}),
    isWorkday: workdayTest(new Set(plan?.workdays ?? [1, 2, 3, 4, 5]), calendar),
  };
}

function planOf(pack: Pack, answers: Answers, meta: Meta, planning: PlanningEnv): { plan?: Plan; unplanned?: Msg[] } {
  if (!pack.schedule) return {};
  // Without an anchor only an answered start date can place the plan: never "today".
  if (bindPlanInput(pack, answers, meta)?.missing.some((m) => m.key === "start")) {
    return {
      unplanned: [
        msg(
          "開始日がありません: 開始日を回答するか、kikitori set <ファイル> meta.ordered=<注文日時> で注文日時を記録してください",
          "no start date: answer the start date, or record the order time with kikitori set <file> meta.ordered=<time>",
        ),
      ],
    };
  }
  const outcome = planFromAnswers(pack, answers, meta, planning);
  if (outcome?.plan) return { plan: outcome.plan };
  const byId = new Map(pack.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const missing = (outcome?.missing ?? []).map((m) => {
    const q = m.question ? byId.get(m.question) : undefined;
    return msg(`計画に必要な回答がありません: ${q ? labelOf(q, "ja") : m.key}`, `an answer the plan needs is missing: ${q ? labelOf(q, "en") : m.key}`);
  });
  return { unplanned: [...missing, ...(outcome?.problems ?? []).map((p) => p.message)] };
}

/**
 * A pack's `schedule:` binding + answers → the planner's input. Pure. A key whose answer is
 * missing or pending takes the binding's default, then the planner's; the plan needs at
 * least the due date, the effort and the hours per day.
 *
 * One plan, whichever command asks and on whichever day: where the start date is not
 * answered, the plan starts on its anchor (the order time, else the hearing day), never on
 * the day a command happens to run, so `render`, every `message` and `schedule` agree.
 */
import { type Answers, get, isPending, type Meta } from "../answers/types.ts";
import { parseTimestamp } from "../date-format.ts";
import { isIsoDate } from "../iso-date.ts";
import type { Binding, Pack, ScheduleKey } from "../pack/types.ts";
import { bindStages } from "./stage-binding.ts";
import type { PlanInput } from "./types.ts";

export interface BoundPlan {
  /** Present when every input the planner needs has a value. */
  input?: PlanInput;
  /** Schedule keys without a value, with the question that would give one. */
  missing: { key: ScheduleKey; question?: string }[];
  /** What the file does give, also when something is missing (`schedule <answers>` fills the rest from flags). */
  known: Partial<PlanInput>;
}

/** The planner field of each key the plan cannot do without. */
const FIELD: Partial<Record<ScheduleKey, keyof PlanInput>> = { start: "start", due: "due", effort_hours: "effortHours", hours_per_day: "hoursPerDay" };

const REQUIRED: ScheduleKey[] = ["due", "effort_hours", "hours_per_day"];

/**
 * The day a plan without an answered start date starts on: the date of `meta.ordered` (when
 * the client ordered), else of `meta.created` (the hearing), as written in the file.
 */
export function planAnchor(meta: Meta): string | undefined {
  for (const stamp of [meta.ordered, meta.created]) {
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(stamp ?? "")?.[1];
    if (day && isIsoDate(day)) return day;
  }
  return undefined;
}

export function bindPlanInput(pack: Pack, answers: Answers, meta: Meta): BoundPlan | undefined {
  const schedule = pack.schedule;
  if (!schedule) return undefined;
  const value = (key: ScheduleKey): string | number | boolean | undefined => resolveBinding(schedule[key], answers);
  const missing: BoundPlan["missing"] = [];
  const anchor = planAnchor(meta);
  for (const key of anchor === undefined ? ["start" as const, ...REQUIRED] : REQUIRED) {
    if (value(key) === undefined) {
      const b = schedule[key];
      missing.push(typeof b === "object" && b !== null ? { key, question: b.question } : { key });
    }
  }
  const num = (key: ScheduleKey) => {
    const v = value(key);
    return typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  const str = (key: ScheduleKey) => {
    const v = value(key);
    return v === undefined ? undefined : String(v);
  };
  const platform = str("platform") ?? meta.platform;
  // Platform windows count from the order when its time is known (meta.ordered).
  const ordered = meta.ordered ? parseTimestamp(meta.ordered) : undefined;
  const draftShare = num("draft_share");
  const checkinEvery = num("checkin_every");
  const input: PlanInput = {
    start: str("start") ?? anchor ?? "",
    due: str("due") ?? "",
    dueMeans: str("due_means") === "first_draft" ? "first_draft" : "final",
    revisionRounds: num("revisions") ?? 0,
    reviewDays: num("review_days") ?? 3,
    effortHours: num("effort_hours") ?? 0,
    hoursPerDay: num("hours_per_day") ?? 0,
    workdays: str("workdays") ?? "mon-fri",
    calendar: str("calendar") === "jp" ? "jp" : "none",
    ...(draftShare !== undefined ? { draftShare } : {}),
    ...(checkinEvery !== undefined ? { checkinEvery } : {}),
    ...(platform ? { platform } : {}),
    ...(ordered && meta.ordered ? { requestedOn: ordered.date, requestedAt: meta.ordered } : {}),
    ...(schedule.stages ? { stages: bindStages(schedule.stages, answers) } : {}),
  };
  if (missing.length === 0) return { input, missing, known: input };
  const known: Partial<PlanInput> = { ...input };
  for (const m of missing) {
    const field = FIELD[m.key];
    if (field) delete known[field];
  }
  return { missing, known };
}

/** The value a pack's `schedule.<key>` binds to, given the answers (undefined when missing or pending). */
export function boundValue(pack: Pack, key: ScheduleKey, answers: Answers): string | number | boolean | undefined {
  return resolveBinding(pack.schedule?.[key], answers);
}

/** A binding's value for these answers: the answer (mapped), else the binding's default. */
export function resolveBinding(b: Binding | undefined, answers: Answers): string | number | boolean | undefined {
  if (b === undefined) return undefined;
  if (typeof b !== "object") return b;
  const v = get(answers, b.question);
  if (v === undefined || isPending(v) || Array.isArray(v) || v === "") return b.default;
  const key = String(v);
  if (b.map) return Object.hasOwn(b.map, key) ? b.map[key] : b.default;
  return v;
}

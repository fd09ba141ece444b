/**
 * The dated things to do across jobs: first-reply deadlines, check-ins not yet sent,
 * deliveries, the client's review ends, acceptance ends, payment dates, jobs nobody has
 * logged for a while and forecasts that miss. The agenda lists them by day; the calendar
 * export writes the same items as events. Pure: today and now are passed in.
 */
import { formatShortDate } from "../date-format.ts";
import type { Lang, Msg } from "../i18n.ts";
import { dayNumber } from "../iso-date.ts";
import type { ForecastMilestone } from "./forecast.ts";
import type { JobState } from "./state.ts";
import { command, delayCommand, logCommand, stepLabel } from "./words.ts";

export type AgendaKind = "first_reply" | "hearing" | "checkin" | "delivery" | "review_end" | "acceptance_end" | "payment" | "stale" | "late";

export interface AgendaItem {
  date: string;
  time?: string;
  kind: AgendaKind;
  overdue: boolean;
  milestone?: string;
  job: { file: string; client: string; job: string; platform: string };
  command: string;
}

/** An item with what the views need beyond the JSON. */
export interface DatedItem extends AgendaItem {
  /** What is due, in both languages. */
  what: Msg;
  /** The instant it is due, when it has a time of day. */
  at?: number;
  /** Stable across runs: what the calendar's UID is made of. */
  key: string;
  /** The job's language. */
  lang: Lang;
  /** Worker's own obligation (counts for --check). */
  mine: boolean;
}

/** A job with no log for more than this many workdays while work is due is flagged. */
export const STALE_WORKDAYS = 3;
const KIND_ORDER: AgendaKind[] = ["first_reply", "late", "delivery", "checkin", "stale", "hearing", "review_end", "acceptance_end", "payment"];

export interface AgendaOptions {
  today: string;
  /** The clock, in ms: for items due at a time of day. */
  now: number;
  /** The last day listed (inclusive); undefined for no limit. */
  until?: string;
  /** The calendar wants events, not reminders: every check-in, no nags dated today. */
  mode: "agenda" | "calendar";
}

/** An item before the job it belongs to is attached. */
type Found = Omit<DatedItem, "job" | "lang">;

export function agendaItems(state: JobState, o: AgendaOptions): DatedItem[] {
  const { job, forecast } = state;
  const ref = { file: job.file, client: job.meta.client ?? "", job: job.meta.job ?? "", platform: job.plan?.platform ?? job.meta.platform ?? "" };
  const found: Found[] = [...firstReplyItems(state, o)];
  if (job.status !== "complete") found.push(...(o.mode === "agenda" ? [hearingItem(state, o)] : []));
  else if (job.plan && forecast) {
    if (finished(state, o.today)) return [];
    const pending = forecast.milestones.filter((m) => m.actor === "worker" && m.verdict !== "done" && m.delivery);
    found.push(...deliveryItems(state, o, pending), ...checkinItems(state, o, pending), ...clientItems(state, o), ...paymentItems(state, o));
    if (o.mode === "agenda") found.push(...nagItems(state, o));
  }
  return found.filter((i) => i.overdue || o.until === undefined || i.date <= o.until).map((i) => ({ ...i, job: ref, lang: job.lang }));
}

/** Delivered and accepted (the acceptance window closed), with no payment date ahead: nothing left to list. */
function finished(state: JobState, today: string): boolean {
  const { job, forecast } = state;
  if (forecast?.verdict !== "done") return false;
  const acceptance = forecast.milestones.find((m) => m.kind === "acceptance_end");
  const acceptanceDate = acceptance?.forecast ?? acceptance?.date;
  return (!acceptanceDate || acceptanceDate < today) && !(job.payment !== undefined && job.payment >= today);
}

/** The first reply: due until anything was logged (a message sent, or work done). */
function firstReplyItems({ job, log }: JobState, o: AgendaOptions): Found[] {
  const fr = job.firstReply;
  if (!fr || log.entries.length > 0) return [];
  const left = Math.floor((fr.ms - o.now) / 3_600_000);
  const name = fr.platform.name;
  const overdue = o.now > fr.ms;
  return [
    {
      date: fr.date,
      time: fr.time,
      at: fr.ms,
      kind: "first_reply",
      overdue,
      milestone: "first_reply_by",
      command: job.status === "complete" ? command("message", "confirm", job.file) : command("resume", job.file),
      what: overdue
        ? { ja: `初回返信の期限を過ぎています (${name.ja})`, en: `First reply was due (${name.en})` }
        : { ja: `初回返信の期限 (${name.ja}、あと ${left} 時間)`, en: `First reply due (${name.en}, ${left} h left)` },
      key: "first_reply",
      mine: true,
    },
  ];
}

function hearingItem({ job }: JobState, o: AgendaOptions): Found {
  const what = { ja: "ヒアリングが終わっていません", en: "hearing not finished" };
  return { date: o.today, kind: "hearing", overdue: false, command: command("resume", job.file), what, key: "hearing", mine: false };
}

const label = (m: ForecastMilestone, lang: Lang, state: JobState) => stepLabel(m, lang, state.job.terms);
const dueOf = (m: ForecastMilestone, state: JobState): Msg => ({ ja: `${label(m, "ja", state)}の期限`, en: `${label(m, "en", state)} due` });

function deliveryItems(state: JobState, o: AgendaOptions, pending: ForecastMilestone[]): Found[] {
  const file = state.job.file;
  const all = state.forecast?.milestones ?? [];
  return pending.map((m) => {
    const round = m.round ?? 0;
    const stage = stageDelivered(m, all);
    return {
      date: m.date,
      kind: "delivery",
      overdue: m.date < o.today,
      milestone: m.id,
      command:
        round > 0
          ? command("message", "delivery", file, "--round", round)
          : stage
            ? command("message", "delivery", file, "--stage", stage)
            : command("message", "delivery", file),
      what: dueOf(m, state),
      key: m.id,
      mine: true,
    };
  });
}

/**
 * The stage a delivery hands over, where `message delivery --stage` says it best: a stage the
 * client checks, the last stage (when no round ends there), or a first draft the client checks
 * before the next stage. A first draft the revision rounds follow is round 0.
 */
function stageDelivered(m: ForecastMilestone, all: ForecastMilestone[]): string | undefined {
  if (!m.stage || m.kind === "revision") return undefined;
  if (m.kind !== "first_draft") return m.stage;
  const turn = all.slice(all.indexOf(m) + 1).find((x) => x.actor !== "platform");
  return turn?.kind === "check" ? m.stage : undefined;
}

/** Check-ins after the last message sent; a delivery day needs none. The agenda folds the missed ones into one. */
function checkinItems(state: JobState, o: AgendaOptions, pending: ForecastMilestone[]): Found[] {
  const plan = state.job.plan;
  if (!plan || pending.length === 0) return [];
  const lastSent = state.log.sent.reduce((d, s) => (s.date > d ? s.date : d), "");
  const deliveryDays = new Set(pending.map((m) => m.date));
  const open = plan.checkins.filter((d) => d > lastSent && !deliveryDays.has(d));
  const missed = open.filter((d) => d < o.today);
  const cmd = command("message", "progress", state.job.file);
  const checkin = (date: string, what: Msg, overdue: boolean): Found => ({
    date,
    kind: "checkin",
    overdue,
    command: cmd,
    what,
    key: `checkin-${date}`,
    mine: true,
  });
  const plain = { ja: "定期連絡", en: "Check-in" };
  const out: Found[] = [];
  const n = missed.length;
  if (o.mode === "agenda" && n > 0)
    out.push(checkin(missed[0] ?? o.today, n === 1 ? plain : { ja: `定期連絡 (未送信 ${n} 回分)`, en: `Check-in (${n} missed)` }, true));
  for (const d of open.filter((x) => x >= o.today)) out.push(checkin(d, plain, false));
  return out;
}

/** The client's review ends and the platform's acceptance end, from today on. */
function clientItems(state: JobState, o: AgendaOptions): Found[] {
  const out: Found[] = [];
  const cmd = command("status", state.job.file);
  let delivered = false;
  for (const m of state.forecast?.milestones ?? []) {
    if (m.actor === "worker") delivered = m.verdict === "done";
    // The client's turn follows the real delivery; a worker ahead of plan has not moved it yet.
    const f = m.forecast ?? m.date;
    const date = delivered || f > m.date ? f : m.date;
    if (date < o.today) continue;
    const base = { date, overdue: false, milestone: m.id, command: cmd, key: m.id, mine: false };
    if (m.kind === "acceptance_end") out.push({ ...base, kind: "acceptance_end", what: { ja: label(m, "ja", state), en: label(m, "en", state) } });
    else if (m.actor === "client") out.push({ ...base, kind: "review_end", what: dueOf(m, state) });
  }
  return out;
}

function paymentItems({ job }: JobState, o: AgendaOptions): Found[] {
  if (!job.payment || job.payment < o.today) return [];
  const what = { ja: "支払期日", en: "Payment date" };
  return [{ date: job.payment, kind: "payment", overdue: false, command: command("status", job.file), what, key: "payment", mine: false }];
}

/** Dated today: a forecast that misses a milestone, and a job nobody logged for a while. */
function nagItems(state: JobState, o: AgendaOptions): Found[] {
  const out: Found[] = [];
  const file = state.job.file;
  const warn = state.forecast?.warn;
  if (warn) {
    const m = warn.milestone;
    const when = (lang: Lang) => (m.forecast ? formatShortDate(m.forecast, lang) : lang === "ja" ? "見込みなし" : "no forecast");
    out.push({
      date: o.today,
      kind: "late",
      overdue: false,
      milestone: m.id,
      command: warn.newDue ? delayCommand(file, warn.newDue) : command("message", "progress", file),
      what: {
        ja: `${label(m, "ja", state)}の見込み ${when("ja")}、期限 ${formatShortDate(m.date, "ja")}: ${warn.inTime ? "今日のうちにクライアントへ連絡を" : "すぐにクライアントへ連絡を"}`,
        en: `${label(m, "en", state)} forecast ${when("en")}, due ${formatShortDate(m.date, "en")}: tell the client ${warn.inTime ? "today" : "now"}`,
      },
      key: "late",
      mine: true,
    });
  }
  const idle = staleWorkdays(state);
  if (idle !== undefined && idle > STALE_WORKDAYS) {
    const what = { ja: `${idle} 稼働日、作業の記録がありません`, en: `no log for ${idle} workdays` };
    out.push({ date: o.today, kind: "stale", overdue: false, command: logCommand(file), what, key: "stale", mine: true });
  }
  return out;
}

/**
 * Workdays without a log entry while work is due (the job started, a delivery pending, the
 * client not reviewing); undefined when no work is due.
 */
function staleWorkdays(state: JobState): number | undefined {
  const { job, log, forecast, today } = state;
  const plan = job.plan;
  if (!plan || !forecast || plan.start > today) return undefined;
  const steps = forecast.milestones;
  const next = steps.findIndex((m) => m.actor === "worker" && m.verdict !== "done");
  if (next < 0) return undefined;
  const before = steps
    .slice(0, next)
    .reverse()
    .find((m) => m.actor === "client");
  if (before && (before.forecast ?? before.date) >= today) return undefined;
  const from = log.lastDate ? dayNumber(log.lastDate) + 1 : dayNumber(plan.start);
  let n = 0;
  for (let d = from; d < dayNumber(today); d++) if (job.isWorkday(d)) n++;
  return n;
}

/** By day and time, then by what (the first reply first), then by file. */
export function compareItems(a: DatedItem, b: DatedItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ta = a.time ?? "99:99";
  const tb = b.time ?? "99:99";
  if (ta !== tb) return ta < tb ? -1 : 1;
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k !== 0) return k;
  return a.job.file < b.job.file ? -1 : a.job.file > b.job.file ? 1 : 0;
}

/** Anything overdue, or the worker's own item due today or within 24 hours. */
export function needsAttention(i: DatedItem, o: { today: string; now: number }): boolean {
  if (i.overdue) return true;
  if (!i.mine) return false;
  if (i.at !== undefined) return i.at - o.now <= 24 * 3_600_000;
  return i.date <= o.today;
}

/** The item as `--json` prints it: the documented keys only, in a stable order. */
export function agendaJson(i: DatedItem): AgendaItem {
  return {
    date: i.date,
    ...(i.time ? { time: i.time } : {}),
    kind: i.kind,
    overdue: i.overdue,
    ...(i.milestone ? { milestone: i.milestone } : {}),
    job: i.job,
    command: i.command,
  };
}

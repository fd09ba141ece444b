/**
 * The dated things to do across jobs: first-reply deadlines, check-ins not yet sent,
 * deliveries, the client's review ends, acceptance ends, payment dates, jobs nobody has
 * logged for a while and forecasts that miss. The agenda lists them by day; the calendar
 * export writes the same items as events. Pure: today and now are passed in.
 */
import { formatShortDate } from "../dates.ts";
import type { Lang, Msg } from "../i18n.ts";
import { dayNumber } from "../schedule/dates.ts";
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

export function agendaItems(state: JobState, o: AgendaOptions): DatedItem[] {
  const { job, log, forecast } = state;
  const { today } = o;
  const items: DatedItem[] = [];
  const file = job.file;
  const ref = {
    file,
    client: job.meta.client ?? "",
    job: job.meta.job ?? "",
    platform: job.plan?.platform ?? job.meta.platform ?? "",
  };
  const add = (i: Omit<DatedItem, "job" | "lang">) => items.push({ ...i, job: ref, lang: job.lang });

  // The first reply: due until anything was logged (a message sent, or work done).
  const fr = job.firstReply;
  if (fr && log.entries.length === 0) {
    const left = Math.floor((fr.ms - o.now) / 3_600_000);
    const name = fr.platform.name;
    add({
      date: fr.date,
      time: fr.time,
      at: fr.ms,
      kind: "first_reply",
      overdue: o.now > fr.ms,
      milestone: "first_reply_by",
      command: job.status === "complete" ? command("message", "confirm", file) : command("resume", file),
      what:
        o.now > fr.ms
          ? { ja: `初回返信の期限を過ぎています (${name.ja})`, en: `First reply was due (${name.en})` }
          : { ja: `初回返信の期限 (${name.ja}、あと ${left} 時間)`, en: `First reply due (${name.en}, ${left} h left)` },
      key: "first_reply",
      mine: true,
    });
  }
  if (job.status !== "complete") {
    if (o.mode === "agenda") {
      add({
        date: today,
        kind: "hearing",
        overdue: false,
        command: command("resume", file),
        what: { ja: "ヒアリングが終わっていません", en: "hearing not finished" },
        key: "hearing",
        mine: false,
      });
    }
    return within(items, o);
  }
  const plan = job.plan;
  if (!plan || !forecast) return within(items, o);

  const steps = forecast.milestones;
  const acceptance = steps.find((m) => m.kind === "acceptance_end");
  const acceptanceDate = acceptance?.forecast ?? acceptance?.date;
  const paymentAhead = job.payment !== undefined && job.payment >= today;
  // Delivered and accepted: the job drops out (unless its payment date is still ahead).
  if (forecast.verdict === "done" && (!acceptanceDate || acceptanceDate < today) && !paymentAhead) return [];

  const pending = steps.filter((m) => m.actor === "worker" && m.verdict !== "done" && m.delivery);
  const label = (m: ForecastMilestone, lang: Lang) => stepLabel(m, lang, job.terms);
  const due = (m: ForecastMilestone): Msg => ({ ja: `${label(m, "ja")}の期限`, en: `${label(m, "en")} due` });

  for (const m of pending) {
    const round = m.round ?? 0;
    add({
      date: m.date,
      kind: "delivery",
      overdue: m.date < today,
      milestone: m.id,
      command: round > 0 ? command("message", "delivery", file, "--round", round) : command("message", "delivery", file),
      what: due(m),
      key: m.id,
      mine: true,
    });
  }

  if (pending.length > 0) {
    const lastSent = log.sent.reduce((d, s) => (s.date > d ? s.date : d), "");
    const deliveryDays = new Set(pending.map((m) => m.date));
    // A delivery is news enough: no separate check-in that day.
    const open = plan.checkins.filter((d) => d > lastSent && !deliveryDays.has(d));
    const missed = open.filter((d) => d < today);
    const cmd = command("message", "progress", file);
    const checkin = (date: string, what: Msg, overdue: boolean) =>
      add({ date, kind: "checkin", overdue, command: cmd, what, key: `checkin-${date}`, mine: true });
    const plain = { ja: "定期連絡", en: "Check-in" };
    if (o.mode === "agenda" && missed.length > 0) {
      const n = missed.length;
      checkin(missed[0] ?? today, n === 1 ? plain : { ja: `定期連絡 (未送信 ${n} 回分)`, en: `Check-in (${n} missed)` }, true);
    }
    for (const d of open.filter((x) => x >= today)) checkin(d, plain, false);
  }

  let delivered = false;
  for (const m of steps) {
    if (m.actor === "worker") delivered = m.verdict === "done";
    // The client's turn follows the real delivery; a worker ahead of plan has not moved it yet.
    const f = m.forecast ?? m.date;
    const date = delivered || f > m.date ? f : m.date;
    if (date < today) continue;
    if (m.kind === "review" || (m.actor === "client" && m.kind !== "acceptance_end")) {
      add({ date, kind: "review_end", overdue: false, milestone: m.id, command: command("status", file), what: due(m), key: m.id, mine: false });
    } else if (m.kind === "acceptance_end") {
      add({
        date,
        kind: "acceptance_end",
        overdue: false,
        milestone: m.id,
        command: command("status", file),
        what: { ja: label(m, "ja"), en: label(m, "en") },
        key: m.id,
        mine: false,
      });
    }
  }
  if (job.payment && paymentAhead) {
    add({
      date: job.payment,
      kind: "payment",
      overdue: false,
      command: command("status", file),
      what: { ja: "支払期日", en: "Payment date" },
      key: "payment",
      mine: false,
    });
  }

  if (o.mode === "agenda") {
    const warn = forecast.warn;
    if (warn) {
      const m = warn.milestone;
      const f = m.forecast;
      const when = (lang: Lang) => (f ? formatShortDate(f, lang) : lang === "ja" ? "見込みなし" : "no forecast");
      add({
        date: today,
        kind: "late",
        overdue: false,
        milestone: m.id,
        command: warn.newDue ? delayCommand(file, warn.newDue) : command("message", "progress", file),
        what: {
          ja: `${label(m, "ja")}の見込み ${when("ja")}、期限 ${formatShortDate(m.date, "ja")}: ${warn.inTime ? "今日のうちにクライアントへ連絡を" : "すぐにクライアントへ連絡を"}`,
          en: `${label(m, "en")} forecast ${when("en")}, due ${formatShortDate(m.date, "en")}: tell the client ${warn.inTime ? "today" : "now"}`,
        },
        key: "late",
        mine: true,
      });
    }
    const idle = staleWorkdays(state);
    if (idle !== undefined && idle > STALE_WORKDAYS) {
      add({
        date: today,
        kind: "stale",
        overdue: false,
        command: logCommand(file),
        what: { ja: `${idle} 稼働日、作業の記録がありません`, en: `no log for ${idle} workdays` },
        key: "stale",
        mine: true,
      });
    }
  }
  return within(items, o);
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

function within(items: DatedItem[], o: AgendaOptions): DatedItem[] {
  return items.filter((i) => i.overdue || o.until === undefined || i.date <= o.until);
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

/**
 * `kikitori status`: per job, hours logged against the estimate, percent done, the pace, a
 * forecast and a verdict per remaining milestone, the warning to give the client while
 * there is time, and the next command. Pure: as JSON data or as terminal lines.
 */
import { formatShortDate } from "../date-format.ts";
import type { Lang } from "../i18n.ts";
import { truncate } from "../prompt/screen.ts";
import { narrow as displayWidth } from "../prompt/width.ts";
import { agendaItems, compareItems, needsAttention } from "./agenda.ts";
import type { ViewStyle } from "./agenda-view.ts";
import type { JobVerdict } from "./forecast.ts";
import type { JobState } from "./state.ts";
import { command, delayCommand, hoursText, logCommand, stepLabel, VERDICT } from "./words.ts";

export interface StatusJson {
  file: string;
  client: string;
  job: string;
  platform: string;
  status: "in-progress" | "complete";
  verdict: JobVerdict | null;
  start: string | null;
  due: string | null;
  dueMeans: string | null;
  loggedHours: number;
  estimateHours: number | null;
  percentDone: number | null;
  earnedHours: number | null;
  plannedHours: number | null;
  pace: number | null;
  milestones: {
    id: string;
    kind: string;
    actor: string;
    date: string;
    time?: string;
    stage?: string;
    label?: { ja: string; en: string };
    forecast?: string;
    verdict?: string;
    delivered?: string;
  }[];
  warning: { milestone: string; date: string; forecast: string | null; inTime: boolean; newDue: string | null; command: string } | null;
  firstReply: { date: string; time: string; hoursLeft: number | null } | null;
  problems: { ja: string; en: string }[];
  command: string | null;
}

/** The command to run next: the most pressing item of the job's agenda, else logging the day's work. */
export function nextCommand(state: JobState, now: number): string | undefined {
  const { job, forecast, today } = state;
  if (job.status !== "complete") return command("resume", job.file);
  if (forecast?.warn) return forecast.warn.newDue ? delayCommand(job.file, forecast.warn.newDue) : command("message", "progress", job.file);
  const urgent = agendaItems(state, { today, now, until: today, mode: "agenda" })
    .filter((i) => needsAttention(i, { today, now }))
    .sort(compareItems)[0];
  if (urgent) return urgent.command;
  if (!forecast || forecast.verdict === "done") return undefined;
  return logCommand(job.file);
}

export function statusJson(state: JobState, now: number): StatusJson {
  const { job, log, forecast } = state;
  const plan = job.plan;
  const fr = job.firstReply;
  const warn = forecast?.warn;
  const cmd = nextCommand(state, now);
  return {
    file: job.file,
    client: job.meta.client ?? "",
    job: job.meta.job ?? "",
    platform: plan?.platform ?? job.meta.platform ?? "",
    status: job.status,
    verdict: forecast?.verdict ?? null,
    start: plan?.start ?? null,
    due: plan?.due ?? null,
    dueMeans: plan?.dueMeans ?? null,
    loggedHours: log.hours,
    estimateHours: forecast?.estimateHours ?? null,
    percentDone: forecast?.percent ?? null,
    earnedHours: forecast?.earnedHours ?? null,
    plannedHours: forecast?.plannedHours ?? null,
    pace: forecast?.pace ?? null,
    milestones: (forecast?.milestones ?? []).map((m) => ({
      id: m.id,
      kind: m.kind,
      actor: m.actor,
      date: m.date,
      ...(m.time ? { time: m.time } : {}),
      ...(m.stage ? { stage: m.stage } : {}),
      ...(m.label ? { label: m.label } : {}),
      ...(m.forecast ? { forecast: m.forecast } : {}),
      ...(m.verdict ? { verdict: m.verdict } : {}),
      ...(m.delivered ? { delivered: m.delivered } : {}),
    })),
    warning: warn
      ? {
          milestone: warn.milestone.id,
          date: warn.milestone.date,
          forecast: warn.milestone.forecast ?? null,
          inTime: warn.inTime,
          newDue: warn.newDue ?? null,
          command: warn.newDue ? delayCommand(job.file, warn.newDue) : command("message", "progress", job.file),
        }
      : null,
    firstReply: fr ? { date: fr.date, time: fr.time, hoursLeft: now < fr.ms ? Math.floor((fr.ms - now) / 3_600_000) : null } : null,
    problems: job.unplanned ?? [],
    command: cmd ?? null,
  };
}

export function renderStatus(state: JobState, o: { lang: Lang; now: number; style: ViewStyle }): string[] {
  const { lang, style: s } = o;
  const { job, log, forecast } = state;
  const t = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const who = [job.meta.client, job.meta.job].filter(Boolean).join(" · ");
  const lines = [s.bold(`${job.file}${who ? `  ${who}` : ""}`)];
  if (job.status !== "complete") lines.push(`  ${t("ヒアリングが終わっていません", "The hearing is not finished")}`);
  for (const p of job.unplanned ?? []) lines.push(`  ${s.yellow(p[lang])}`);
  const fr = job.firstReply;
  if (fr && log.entries.length === 0) {
    const left = o.now < fr.ms ? Math.floor((fr.ms - o.now) / 3_600_000) : undefined;
    const when = `${formatShortDate(fr.date, lang)} ${fr.time}`;
    lines.push(
      `  ${
        left === undefined
          ? s.red(t(`初回返信の期限 ${when} を過ぎています`, `The first reply was due ${when}`))
          : t(`初回返信の期限: ${when} (あと ${left} 時間)`, `First reply due ${when} (${left} h left)`)
      }`,
    );
  }
  if (forecast) {
    const parts = [
      t(
        `作業 ${hoursText(log.hours, "ja")} / 見積 ${hoursText(forecast.estimateHours, "ja")}`,
        `${hoursText(log.hours, "en")} of ${hoursText(forecast.estimateHours, "en")} logged`,
      ),
      forecast.percent !== undefined ? t(`進捗 ${forecast.percent}%`, `${forecast.percent}% done`) : t("進捗の記録なし", "no % done logged"),
    ];
    if (forecast.pace !== undefined) {
      const gap = Math.round((forecast.earnedHours - forecast.plannedHours) * 10) / 10;
      const side =
        gap === 0
          ? t("計画どおり", "on plan")
          : gap > 0
            ? t(`計画より ${hoursText(gap, "ja")} 先行`, `${hoursText(gap, "en")} ahead of plan`)
            : t(`計画より ${hoursText(-gap, "ja")} 遅れ`, `${hoursText(-gap, "en")} behind plan`);
      parts.push(t(`ペース ${forecast.pace} 倍 (${side})`, `pace ${forecast.pace}× (${side})`));
    }
    lines.push(`  ${parts.join(" · ")}`);
    lines.push(...milestoneTable(state, lang, s));
    const warn = forecast.warn;
    if (warn) {
      const m = warn.milestone;
      const label = stepLabel(m, lang, job.terms);
      const f = m.forecast ? formatShortDate(m.forecast, lang) : t("見込みが立ちません", "none in sight");
      const d = formatShortDate(m.date, lang);
      lines.push(
        s.red(
          `  ! ${
            warn.inTime
              ? t(
                  `${label}の見込みは ${f}、期限は ${d} です。今日のうちにクライアントへ連絡しましょう:`,
                  `${label} forecast ${f}, due ${d}: tell the client today:`,
                )
              : t(
                  `${label}の期限 ${d} を過ぎています (見込み ${f})。すぐにクライアントへ連絡しましょう:`,
                  `${label} was due ${d} (forecast ${f}): tell the client now:`,
                )
          }`,
        ),
      );
      lines.push(`    ${warn.newDue ? delayCommand(job.file, warn.newDue) : command("message", "progress", job.file)}`);
    }
  }
  const next = nextCommand(state, o.now);
  if (next && next !== (forecast?.warn?.newDue ? delayCommand(job.file, forecast.warn.newDue) : undefined)) {
    lines.push(`  ${t("次", "next")}: ${next}`);
  }
  return lines;
}

function milestoneTable(state: JobState, lang: Lang, s: ViewStyle): string[] {
  const { job, forecast } = state;
  if (!forecast) return [];
  const t = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const rows = forecast.milestones
    .filter((m) => m.actor !== "platform" || m.kind === "acceptance_end")
    .map((m) => {
      const verdict = m.verdict ? VERDICT[m.verdict][lang] : "";
      const paint =
        m.verdict === "late" ? s.red : m.verdict === "at-risk" ? s.yellow : m.verdict === "on-track" || m.verdict === "done" ? s.green : (x: string) => x;
      const forecastText = m.delivered
        ? t(`${formatShortDate(m.delivered, lang)} 納品済`, `${formatShortDate(m.delivered, lang)} sent`)
        : m.forecast
          ? formatShortDate(m.forecast, lang)
          : "";
      return { cells: [truncate(stepLabel(m, lang, job.terms), 24), formatShortDate(m.date, lang), forecastText, verdict], paint };
    });
  const head = [t("項目", "milestone"), t("予定", "planned"), t("見込み", "forecast"), t("判定", "verdict")];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r.cells[i] ?? ""))));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => (i < cells.length - 1 ? c + " ".repeat((widths[i] ?? 0) - displayWidth(c) + 2) : c))
      .join("")
      .trimEnd()}`;
  return [s.dim(line(head)), ...rows.map((r) => r.paint(line(r.cells)))];
}

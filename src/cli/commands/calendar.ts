/**
 * `kikitori calendar [DIR…|answers…] [-o FILE.ics] [--alarm LIST]`: the agenda's dates as an
 * RFC 5545 calendar to import into Google Calendar, Apple Calendar or Outlook. Importing it
 * again updates the events (stable UIDs).
 */
import { UsageError } from "../../errors.ts";
import { msg } from "../../i18n.ts";
import { agendaItems, compareItems } from "../../jobs/agenda.ts";
import { parseAlarms, renderCalendar } from "../../jobs/ics.ts";
import { assessJob } from "../../jobs/state.ts";
import { type Ctx, clock } from "../context.ts";
import { emitText } from "../emit.ts";
import { findAnswersFiles, loadJobs, warnFailed } from "../jobs.ts";

export interface CalendarFlags {
  output?: string;
  force?: boolean;
  alarm?: string;
}

export async function runCalendar(ctx: Ctx, args: string[], flags: CalendarFlags): Promise<number> {
  const alarms = flags.alarm === undefined ? undefined : parseAlarms(flags.alarm);
  if (flags.alarm !== undefined && alarms === undefined) {
    throw new UsageError(
      msg(
        `--alarm は 1d,2h,30m のような「数+単位(d/h/m)」の列か、0 (開始時) か none です (指定値: ${flags.alarm})`,
        `--alarm takes a list like 1d,2h,30m (d, h or m before the start), 0 (at the start) or none (got ${flags.alarm})`,
      ),
    );
  }
  const loaded = await loadJobs(ctx, findAnswersFiles(ctx, args), { absolute: true });
  warnFailed(ctx, loaded);
  const { today, now } = clock(ctx);
  const items = loaded.jobs.flatMap((job) => agendaItems(assessJob(job, today), { today, now, mode: "calendar" })).sort(compareItems);
  const text = renderCalendar(items, { ...(alarms ? { alarms } : {}), now, lang: ctx.lang });
  emitText(ctx, text, flags);
  return 0;
}

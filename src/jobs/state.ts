/**
 * A job on a given day: its log read, its plan forecast. What status, agenda and calendar
 * all start from. Pure: today is passed in.
 */
import { type Forecast, forecastJob } from "./forecast.ts";
import type { Job } from "./job.ts";
import { type LogSummary, summarizeLog } from "./log.ts";

export interface JobState {
  job: Job;
  today: string;
  log: LogSummary;
  forecast?: Forecast;
}

export function assessJob(job: Job, today: string): JobState {
  const log = summarizeLog(job.data.progress, today);
  const forecast = job.plan && job.status === "complete" ? forecastJob({ plan: job.plan, log, today, isWorkday: job.isWorkday }) : undefined;
  return { job, today, log, ...(forecast ? { forecast } : {}) };
}

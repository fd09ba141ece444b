/**
 * The planner's I/O edge: the platform profiles file (read once per process) and the
 * Japanese holiday calendar (imported only when a plan asks for it).
 */
import * as path from "node:path";
import { builtinHolidaysJson, builtinPlatformsJson } from "../builtin.ts";
import { DataError } from "../errors.ts";
import { LIMITS, readTextFile } from "../files.ts";
import { msg } from "../i18n.ts";
import type { PlanningEnv } from "../render/schedule.ts";
import { type CompactHolidays, jpCalendarFrom } from "../schedule/calendar.ts";
import { type HolidayCalendar, noneCalendar, type PlatformProfile, validatePlatforms } from "../schedule/index.ts";
import { parseYaml } from "../yaml/parse.ts";

let platforms: PlatformProfile[] | undefined;

export function readPlatforms(root: string): PlatformProfile[] {
  if (platforms) return platforms;
  const file = path.join(root, "questionnaires", "platforms.yaml");
  const built = builtinPlatformsJson(root, file);
  if (built) {
    platforms = JSON.parse(built) as PlatformProfile[];
    return platforms;
  }
  const parsed = parseYaml(readTextFile(file, LIMITS.packBytes), file);
  const r = validatePlatforms(parsed.data);
  if (!r.ok) {
    throw new DataError(
      msg(`${file} が正しくありません。インストールし直してください`, `${file} is not valid: reinstall kikitori`),
      r.problems.map((p) => ({ file, ...parsed.locate(p.path), message: p.message })),
    );
  }
  platforms = r.platforms;
  return platforms;
}

let jp: HolidayCalendar | undefined;

/** The build's compact holiday table when there is one, else the library itself. */
export async function loadCalendar(id: "jp" | "none", root?: string): Promise<HolidayCalendar> {
  if (id === "none") return noneCalendar;
  if (jp) return jp;
  const compact = root ? builtinHolidaysJson(root) : undefined;
  if (compact) jp = jpCalendarFrom(JSON.parse(compact) as CompactHolidays);
  else jp = (await import("../schedule/calendar-jp.ts")).jpCalendar;
  return jp;
}

/** Platforms and calendars for rendering: the Japanese calendar is loaded only if a pack plans. */
export async function planningEnv(root: string, needed: boolean): Promise<PlanningEnv> {
  const list = readPlatforms(root);
  const cal = needed ? await loadCalendar("jp", root) : noneCalendar;
  return { platforms: list, calendar: (id) => (id === "jp" ? cal : noneCalendar) };
}

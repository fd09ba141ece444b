/**
 * The file edge of status, agenda and calendar: finding answers files under folders,
 * reading only what a job needs (jobs/slice.ts), finding each pack once, and the clock.
 * A file that cannot be read becomes a problem for the caller to report, never a crash of
 * the whole run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAnswersText } from "../answers/io.ts";
import type { AnswersFile } from "../answers/types.ts";
import { validateAnswersHeader } from "../answers/validate.ts";
import { DataError, KikitoriError, NotFoundError } from "../errors.ts";
import { LIMITS, readTextFile } from "../files.ts";
import { msg } from "../i18n.ts";
import { buildJob, type Job, neededAnswerIds } from "../jobs/job.ts";
import { sliceAnswersText, topLevelBlocks } from "../jobs/slice.ts";
import { findPack } from "../pack/lookup.ts";
import type { Pack } from "../pack/types.ts";
import type { PlanningEnv } from "../render/schedule.ts";
import { parseYaml } from "../yaml/parse.ts";
import { parsePlainYaml } from "../yaml/plain.ts";
import type { Ctx } from "./context.ts";
import { shown } from "./outputs.ts";
import { planningEnv } from "./planning.ts";

export const ANSWERS_SUFFIX = ".answers.yaml";

/**
 * The answers files named: a file as it is, a folder searched recursively for
 * `*.answers.yaml` (skipping node_modules and hidden folders). No argument: the working folder.
 */
export function findAnswersFiles(ctx: Ctx, args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args.length > 0 ? args : ["."]) {
    const full = path.resolve(ctx.io.cwd, arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(full);
    } catch {
      throw new NotFoundError(msg(`${arg} が見つかりません。パスを確認してください`, `${arg} not found: check the path`));
    }
    if (st.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return [...new Set(out)];
}

function walk(dir: string): string[] {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const d = pending.pop() ?? "";
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules") pending.push(p);
      } else if (e.name.endsWith(ANSWERS_SUFFIX) && (e.isFile() || e.isSymbolicLink())) found.push(p);
    }
  }
  return found.sort();
}

export interface Loaded {
  jobs: Job[];
  /** Files that could not be read, each with its error. */
  failed: { file: string; error: KikitoriError }[];
  planning: PlanningEnv;
}

/**
 * Reads the jobs of the files; with `whole`, every file is parsed whole (not only what a job
 * needs); with `absolute`, jobs are named by their absolute path (a calendar is read anywhere).
 */
export async function loadJobs(ctx: Ctx, files: readonly string[], opts: { whole?: boolean; absolute?: boolean } = {}): Promise<Loaded> {
  const planning = await planningEnv(ctx.root, true);
  const packs = new Map<string, Pack | KikitoriError>();
  const packOf = (id: string): Pack => {
    let p = packs.get(id);
    if (!p) {
      try {
        p = findPack(id, ctx.lookup).pack;
      } catch (e) {
        if (!(e instanceof KikitoriError)) throw e;
        p = e;
      }
      packs.set(id, p);
    }
    if (p instanceof KikitoriError) throw p;
    return p;
  };
  const jobs: Job[] = [];
  const failed: Loaded["failed"] = [];
  for (const file of files) {
    const name = opts.absolute ? file : shown(ctx, file);
    try {
      const text = readTextFile(file, LIMITS.answersBytes, name);
      const { data, pack } = readJobData(text, name, packOf, opts.whole === true);
      jobs.push(buildJob({ file: name, data, pack, planning, uiLang: ctx.lang }));
    } catch (e) {
      if (!(e instanceof KikitoriError)) throw e;
      failed.push({ file: name, error: e });
    }
  }
  return { jobs, failed, planning };
}

/** The file's data: only the header, the log and the answers the pack's plan reads, when the layout allows. */
function readJobData(text: string, name: string, packOf: (id: string) => Pack, whole: boolean): { data: AnswersFile; pack: Pack } {
  const blocks = whole ? undefined : topLevelBlocks(text);
  const packBlock = blocks?.find((b) => b.key === "pack");
  if (blocks && packBlock) {
    const head = packBlock.lines.join("\n");
    const id = ((parsePlainYaml(head) ?? parseYaml(head, name).data) as { pack?: { id?: unknown } } | null)?.pack?.id;
    if (typeof id === "string") {
      const pack = packOf(id);
      const sliced = sliceAnswersText(blocks, neededAnswerIds(pack));
      const plain = sliced === undefined ? undefined : parsePlainYaml(sliced);
      if (plain) {
        const { file } = validateAnswersHeader(plain, name, { locate: () => undefined });
        if (file) return { data: file, pack };
      } else if (sliced !== undefined) {
        try {
          return { data: parseAnswersText(sliced, name).file, pack };
        } catch (e) {
          if (!(e instanceof DataError)) throw e;
        }
      }
      // A problem in the pieces: read the whole file again, to report it at its line.
    }
  }
  const data = parseAnswersText(text, name).file;
  return { data, pack: packOf(data.pack.id) };
}

/** A file that could not be read, as lines naming it first. */
export function failureLines(f: Loaded["failed"][number], lang: "ja" | "en"): string[] {
  const [first = "", ...rest] = f.error.lines(lang);
  return [first.includes(f.file) ? first : `${f.file}: ${first}`, ...rest];
}

/** One warning line per file that could not be read: the agenda of the others still counts. */
export function warnFailed(ctx: Ctx, loaded: Loaded): void {
  for (const f of loaded.failed) {
    const [first = "", detail] = failureLines(f, ctx.lang);
    ctx.out.warn(`${first}${detail ? ` (${detail.trim()})` : ""}`);
  }
}

/**
 * In-process runs of kikitori for the after-the-hearing commands, with a fixed clock, and a
 * small pack whose plans are easy to reason about: effort and due date answered, 4 hours a
 * day, Monday to Friday, no holidays, 2 review days, a check-in every 2 workdays.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Readable } from "node:stream";
import { stringify } from "yaml";
import { main } from "../../src/cli/main.ts";
import { tmpdir, write } from "../helpers.ts";

/** Noon UTC: Tuesday 2026-12-01 in every time zone from UTC-11 to UTC+11. */
export const NOW = "2026-12-01T12:00:00Z";
export const TODAY = "2026-12-01";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], o: { cwd: string; now?: string; env?: Record<string, string>; tty?: boolean; input?: string }): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (to: string[]) => (s: string) => {
    to.push(s);
    return true;
  };
  const code = await main(argv, {
    stdout: { write: sink(out), isTTY: o.tty === true, columns: 80 },
    stderr: { write: sink(err), isTTY: false },
    stdin: Readable.from(o.input ? [o.input] : []) as unknown as NodeJS.ReadableStream,
    env: { LANG: "C", HOME: o.cwd, XDG_DATA_HOME: path.join(o.cwd, ".xdg"), ...o.env },
    cwd: o.cwd,
    now: () => new Date(o.now ?? NOW),
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

export const PACK = `kikitori: 1
id: jobs-test
version: 1.0.0
title: { ja: 案件テスト, en: Jobs test }
languages: [ja, en]
sections:
  - id: main
    title: { ja: 基本, en: Basics }
    questions:
      - id: summary
        type: text
        message: { ja: 内容は？, en: What is it? }
        required: true
      - id: start
        type: date
        message: { ja: 開始日は？, en: Start date? }
      - id: due
        type: date
        label: { ja: 納期, en: Due date }
        message: { ja: 納期は？, en: Due date? }
        required: true
      - id: effort
        type: number
        message: { ja: 作業時間は？, en: Effort? }
        audience: worker
        required: true
      - id: revisions
        type: number
        message: { ja: 修正回数は？, en: Revisions? }
        default: 0
      - id: platform
        type: select
        message: { ja: プラットフォームは？, en: Platform? }
        choices:
          - { value: coconala, label: { ja: ココナラ, en: Coconala } }
          - { value: direct, label: { ja: 直接, en: Direct } }
        default: direct
      - id: pay
        type: date
        message: { ja: 支払日は？, en: Payment date? }
schedule:
  start: { question: start }
  due: { question: due }
  effort_hours: { question: effort }
  revisions: { question: revisions, default: 0 }
  hours_per_day: 4
  review_days: 2
  workdays: mon-fri
  calendar: none
  checkin_every: 2
  platform: { question: platform, default: direct }
  payment: { question: pay }
`;

export interface JobSpec {
  start?: string;
  due: string;
  effort?: number;
  revisions?: number;
  platform?: "coconala" | "direct";
  pay?: string;
  ordered?: string;
  created?: string;
  status?: "complete" | "in-progress";
  lang?: "ja" | "en";
  client?: string;
  job?: string;
  progress?: Record<string, unknown>[];
}

/** A working folder with the test pack in ./questionnaires/. */
export function workspace(): string {
  const dir = tmpdir("kikitori-jobs-");
  write(dir, "questionnaires/jobs-test.yaml", PACK);
  return dir;
}

export function answersText(s: JobSpec): string {
  const doc = {
    kikitori: 1,
    pack: { id: "jobs-test", version: "1.0.0" },
    lang: s.lang ?? "en",
    status: s.status ?? "complete",
    meta: {
      client: s.client ?? "Jane Smith",
      job: s.job ?? "Cafe banner",
      platform: s.platform ?? "direct",
      ...(s.ordered ? { ordered: s.ordered } : {}),
      created: s.created ?? "2026-11-20T10:00:00+09:00",
    },
    answers: {
      summary: "A banner",
      ...(s.start ? { start: s.start } : {}),
      due: s.due,
      effort: s.effort ?? 20,
      revisions: s.revisions ?? 0,
      platform: s.platform ?? "direct",
      ...(s.pay ? { pay: s.pay } : {}),
    },
    ...(s.progress ? { progress: s.progress } : {}),
  };
  return stringify(doc, { version: "1.2" });
}

export function job(dir: string, name: string, s: JobSpec): string {
  return write(dir, name, answersText(s));
}

export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export { fs, path };

/** After the hearing: `log`, `status`, `set`, `agenda`, `calendar`. Each loads its own module. */
import { msg } from "../../i18n.ts";
import type { AgendaFlags } from "../commands/agenda.ts";
import type { CalendarFlags } from "../commands/calendar.ts";
import type { LogFlags } from "../commands/log.ts";
import type { SetFlags } from "../commands/set.ts";
import type { StatusFlags } from "../commands/status.ts";
import { command } from "../spec.ts";
import { ANSWERS, FORCE_ONE, helping, JSON_OUT, OUTPUT } from "./options.ts";

export const JOB_COMMANDS = [
  command({
    name: "log",
    summary: msg(
      "作業時間・進捗・送ったメッセージを案件の記録 (progress:) に追加します。オプションなしで記録を表示",
      "add hours, % done or a message sent to the job's log (progress:); without options, print the log",
    ),
    args: [ANSWERS],
    options: [
      { flags: "--hours <h>", help: msg("作業した時間 (例: 2, 1.5, 1h30m)", "hours worked (e.g. 2, 1.5, 1h30m)") },
      { flags: "--done <percent>", help: msg("全体の進み具合 (0〜100%)", "how much of the whole job is done (0-100%)") },
      { flags: "--note <text>", help: msg("メモ", "a note") },
      { flags: "--date <date>", help: msg("記録する日 (既定: 今日。例: 12/1, yesterday)", "the day logged (default: today; e.g. 12/1, yesterday)") },
      {
        flags: "--sent <kind>",
        help: msg("送ったメッセージ: confirm, progress, delay, delivery, checkin", "a message that went out: confirm, progress, delay, delivery, checkin"),
      },
      helping(JSON_OUT, "記録を JSON で出力します", "print the log as JSON"),
    ],
    examples: [
      msg(
        "kikitori log yamada.answers.yaml --hours 3 --done 40 --note ラフ3案",
        'kikitori log smith.answers.yaml --hours 3 --done 40 --note "3 rough sketches"',
      ),
    ],
    load: () => import("../commands/log.ts"),
    run: (m, ctx, [file], o: LogFlags) => m.runLog(ctx, file ?? "", o),
  }),

  command({
    name: "status",
    summary: msg(
      "案件ごとの計画と実績: 作業時間と見積、進捗、ペース、残りの項目の見込みと判定 (順調・注意・遅れ)、次のコマンド",
      "plan against actual per job: hours and estimate, % done, pace, a forecast and verdict for each remaining milestone, the next command",
    ),
    args: [{ name: "<paths...>", help: msg("回答ファイルかフォルダ", "answers files or folders") }],
    options: [JSON_OUT],
    examples: [msg("kikitori status jobs/", "kikitori status jobs/ --json")],
    load: () => import("../commands/status.ts"),
    run: (m, ctx, paths, o: StatusFlags) => m.runStatus(ctx, paths, o),
  }),

  command({
    name: "set",
    summary: msg(
      "合意した回答を変更します (--set と同じ検査。変更は history: に記録)",
      "change agreed answers (checked as --set is; each change is recorded in history:)",
    ),
    args: [
      ANSWERS,
      {
        name: "<changes...>",
        help: msg("id=値 か meta.キー=値 (client, job, platform, ordered)", "id=value or meta.key=value (client, job, platform, ordered)"),
      },
    ],
    options: [{ flags: "--note <text>", help: msg("変更の理由", "why it changed") }],
    examples: [
      msg(
        'kikitori set yamada.answers.yaml due_date=2026-12-18 --note "先方のご都合で延期"',
        'kikitori set smith.answers.yaml due_date=2026-12-18 --note "moved at the client\'s request"',
      ),
    ],
    load: () => import("../commands/set.ts"),
    run: (m, ctx, [file, ...changes], o: SetFlags) => m.runSet(ctx, file ?? "", changes, o),
  }),

  command({
    name: "agenda",
    summary: msg(
      "すべての案件の予定: 期限切れ、今日、N 日先まで (初回返信・定期連絡・納品・確認・検収・支払い)",
      "across all jobs: what is overdue, due today and coming up (first replies, check-ins, deliveries, reviews, acceptance, payment)",
    ),
    args: [
      { name: "[dirs...]", help: msg("回答ファイルを探すフォルダ (既定: 作業フォルダ)", "folders to search for answers files (default: the working folder)") },
    ],
    options: [
      { flags: "--days <n>", help: msg("何日先まで表示するか (既定 7)", "how many days ahead to list (default 7)") },
      JSON_OUT,
      {
        flags: "--check",
        help: msg(
          "期限切れか 24 時間以内の予定があれば表示して終了コード 3、なければ何も表示せず 0",
          "exit 3 (listing them) when anything is overdue or due within 24 hours, else print nothing and exit 0",
        ),
      },
    ],
    examples: [
      msg(
        'kikitori agenda ~/jobs --check || notify-send kikitori "$(kikitori agenda ~/jobs --days 1)"',
        'kikitori agenda ~/jobs --check || notify-send kikitori "$(kikitori agenda ~/jobs --days 1)"',
      ),
    ],
    notes: msg(
      "終了コード: 0 成功 (--check: 対応の必要なし) · 3 --check: 期限切れか 24 時間以内の予定あり · 66 フォルダがない",
      "Exit codes: 0 ok (--check: all clear) · 3 --check: something overdue or due within 24 hours · 66 folder not found",
    ),
    load: () => import("../commands/agenda.ts"),
    run: (m, ctx, dirs, o: AgendaFlags) => m.runAgenda(ctx, dirs, o),
  }),

  command({
    name: "calendar",
    summary: msg(
      "予定を iCalendar (.ics) にします: 通知付き、再読み込みで更新 (Google カレンダー・Apple カレンダー用)",
      "the agenda as an iCalendar (.ics) file with reminders; importing again updates it (Google Calendar, Apple Calendar)",
    ),
    args: [{ name: "[paths...]", help: msg("回答ファイルかフォルダ (既定: 作業フォルダ)", "answers files or folders (default: the working folder)") }],
    options: [
      helping(OUTPUT, "書き出す .ics ファイル (省略時は標準出力)", "the .ics file to write (default: stdout)"),
      FORCE_ONE,
      {
        flags: "--alarm <list>",
        help: msg(
          "通知: 1d,2h,30m (開始の何日・時間・分前)、0 (開始時) か none。既定は納品の前日と定期連絡の日の始め",
          "reminders: 1d,2h,30m before the start, 0 (at the start) or none; default: the day before deliveries, the start of check-in days",
        ),
      },
    ],
    examples: [msg("kikitori calendar ~/jobs -o ~/kikitori.ics --force", "kikitori calendar ~/jobs -o ~/kikitori.ics --force --alarm 1d,2h")],
    load: () => import("../commands/calendar.ts"),
    run: (m, ctx, paths, o: CalendarFlags) => m.runCalendar(ctx, paths, o),
  }),
];

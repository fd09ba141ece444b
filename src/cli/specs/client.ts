/** Planning and talking to the client: `schedule`, `ask`, `import`, `message`. */
import { msg } from "../../i18n.ts";
import type { AskFlags } from "../commands/ask.ts";
import type { FormFlags } from "../commands/form.ts";
import type { ImportFlags } from "../commands/import.ts";
import type { ScheduleFlags } from "../commands/schedule.ts";
import type { TimelineFlags } from "../commands/timeline.ts";
import { command } from "../spec.ts";
import { MESSAGE } from "./message.ts";
import { CLIENT, FORCE_ONE, FORMAL, FROM, helping, JOB, ORDERED, OUTPUT, PACK, PACK_REF, PLATFORM } from "./options.ts";

export const CLIENT_COMMANDS = [
  command({
    name: "schedule",
    summary: msg(
      "納期の流れを計画します: 初稿・修正・納品・検収の日付、作業時間の見通し、連絡予定",
      "plan the deadline flow: dates of first draft, revisions, delivery and acceptance, a capacity check, check-in dates",
    ),
    args: [
      {
        name: "[answers]",
        help: msg(
          "回答ファイル (省略可。指定するとパックと回答から計画し、オプションはその値を上書きします)",
          "answers file (optional: plan from its pack and answers; the options override them)",
        ),
      },
    ],
    options: [
      {
        flags: "--due <date>",
        help: msg(
          "クライアントの言う「納期」(YYYY-MM-DD、回答ファイルなしでは必須)",
          'what the client calls "the deadline" (YYYY-MM-DD; required without an answers file)',
        ),
      },
      {
        flags: "--effort <hours>",
        help: msg("作業時間の見積もり (合計時間、回答ファイルなしでは必須)", "estimated work, in hours (total; required without an answers file)"),
      },
      {
        flags: "--hours-per-day <hours>",
        help: msg("1日に作業できる時間 (回答ファイルなしでは必須)", "hours you can work per workday (required without an answers file)"),
      },
      {
        flags: "--start <date>",
        help: msg(
          "作業開始日 (省略時は今日、回答ファイルでは受注日か作成日)",
          "first day of work (default: today; with an answers file, its order or hearing day)",
        ),
      },
      {
        flags: "--due-means <what>",
        help: msg("「納期」の意味: final (最終納品、既定) か first_draft (初稿)", 'what "the deadline" means: final (the default) or first_draft'),
      },
      {
        flags: "--workdays <days>",
        help: msg("稼働日: mon-fri (既定) のような範囲か mon,wed,fri のような列挙", "workdays: a range like mon-fri (the default) or a list like mon,wed,fri"),
      },
      {
        flags: "--calendar <cal>",
        help: msg(
          "祝日: jp (日本の祝日を休む) か none。省略時は日本語なら jp",
          "holidays: jp (Japanese public holidays off) or none; default jp in Japanese, else none",
        ),
      },
      { flags: "--revisions <n>", help: msg("修正の回数 (既定 0)", "revision rounds (default 0)") },
      {
        flags: "--review-days <n>",
        help: msg("クライアントの確認にかかる日数 (1回あたり、暦日、既定 3)", "calendar days the client needs to review each round (default 3)"),
      },
      { flags: "--checkin-every <n>", help: msg("進捗報告の間隔 (稼働日、既定 2)", "workdays between progress reports (default 2)") },
      {
        flags: "--draft-share <ratio>",
        help: msg("初稿までに使う作業時間の割合 (0〜1、既定 0.7)", "share of the effort spent before the first draft (0-1, default 0.7)"),
      },
      helping(
        PLATFORM,
        "プラットフォーム (coconala, crowdworks, lancers, fiverr, upwork, skeb, direct)",
        "platform (coconala, crowdworks, lancers, fiverr, upwork, skeb, direct)",
      ),
      helping(
        PACK,
        "使うパック (回答ファイルの pack.id の代わりに)。回答ファイルなしでは、このパックの段階 (既定の回答で) と用語で計画します",
        "pack to use (instead of the answers file's pack.id); without an answers file, plan with this pack's stages (as its default answers set them) and words",
      ),
      { flags: "--json", help: msg("計画を JSON で出力します", "print the plan as JSON") },
    ],
    examples: [
      msg(
        "kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4 --revisions 2 --platform coconala",
        "kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4 --revisions 2 --platform fiverr --json",
      ),
      msg("kikitori schedule yamada.answers.yaml", "kikitori schedule smith.answers.yaml --json"),
    ],
    load: () => import("../commands/schedule.ts"),
    run: (m, ctx, [answers], o: ScheduleFlags) => m.runSchedule(ctx, o, answers),
  }),

  command({
    name: "timeline",
    summary: msg(
      "計画をクライアント向けの1枚の図にします (SVG、または PNG)。チャットに画像として送れます",
      "the plan as one picture for the client (SVG or PNG), to send as an image in the chat",
    ),
    args: [{ name: "<answers>", help: msg("回答ファイル (- で標準入力)", "answers file (- for stdin)") }],
    options: [
      helping(OUTPUT, "書き出すファイル: plan.svg か plan.png (省略時は SVG を標準出力へ)", "file to write: plan.svg or plan.png (default: the SVG to stdout)"),
      FORCE_ONE,
      PACK,
      { flags: "--width <px>", help: msg("図の幅 (ピクセル、320〜4096、既定 1080)", "width of the picture in pixels (320-4096, default 1080)") },
    ],
    examples: [
      msg("kikitori timeline yamada.answers.yaml -o plan.png", "kikitori timeline smith.answers.yaml -o plan.png --lang en"),
      msg("kikitori message confirm yamada.answers.yaml --attach plan.png", "kikitori message confirm smith.answers.yaml --attach plan.png"),
    ],
    load: () => import("../commands/timeline.ts"),
    run: (m, ctx, [answers], o: TimelineFlags) => m.runTimeline(ctx, answers ?? "", o),
  }),

  command({
    name: "ask",
    summary: msg(
      "質問パック全体を、チャットに貼り付けられる丁寧なメッセージにします (番号付き。返信は kikitori import で取り込めます)",
      "the whole questionnaire as a polite message to paste into a platform chat, numbered so the reply can be imported",
    ),
    args: [PACK_REF],
    options: [
      {
        flags: "--format <format>",
        help: msg("text (チャット向け、既定) か md (メール向け)", "text (for chats, the default) or md (for email)"),
        choices: ["text", "md"],
      },
      helping(CLIENT, "宛名にするクライアント名 (なければ宛名の行を省きます)", "client name for the greeting"),
      JOB,
      helping(PLATFORM, "プラットフォーム (英語の宛名の書き方と金額の通貨)", "platform id (the greeting's register and the currency)"),
      FROM,
      FORMAL,
      { flags: "--first", help: msg("最初の1回分: 必須と要点の質問だけ (12問まで)", "a short first round: the required and summary questions (at most 12)") },
      {
        flags: "--missing <answers>",
        help: msg(
          "回答ファイルでまだ答えのない質問・未定の質問だけ (番号はそのまま)",
          "only what an answers file still lacks (unanswered or pending), with the original numbers",
        ),
      },
      {
        flags: "--split <n>",
        help: msg(
          "1通 n 文字までに分けます (各通に (1/3) の見出し。質問の途中では分けません)",
          "parts of at most n characters, headed (1/3), never splitting a question",
        ),
      },
      OUTPUT,
      FORCE_ONE,
    ],
    examples: [
      msg("kikitori ask logo-design --client 山田 --lang ja > ask.txt", "kikitori ask logo-design --client 'Ms. Smith' > ask.txt"),
      msg("kikitori ask logo-design --first --split 2000", "kikitori ask logo-design --first --split 2000"),
      msg("kikitori ask logo-design --missing yamada.answers.yaml", "kikitori ask logo-design --missing smith.answers.yaml"),
    ],
    load: () => import("../commands/ask.ts"),
    run: (m, ctx, [pack], o: AskFlags) => m.runAsk(ctx, pack ?? "", o),
  }),

  command({
    name: "import",
    summary: msg(
      "ask の番号で書かれたクライアントの返信を回答ファイルにします (読めなかった項目は番号で一覧)",
      "turn a client's reply in the ask numbering into an answers file, listing by number what could not be read",
    ),
    args: [
      { name: "<pack>", help: msg("パックの id かパス (ask と同じもの)", "pack id or path (the one given to ask)") },
      { name: "<reply>", help: msg("返信を保存したテキストファイル (- で標準入力)", "text file holding the reply (- for stdin)") },
    ],
    options: [
      helping(OUTPUT, "回答ファイルの書き出し先 (省略時は標準出力)", "answers file to write (default: stdout)"),
      FORCE_ONE,
      helping(CLIENT, "クライアント名 (meta.client)", "client name (meta.client)"),
      helping(JOB, "案件名 (meta.job)", "job title (meta.job)"),
      helping(PLATFORM, "プラットフォーム (meta.platform)", "platform id (meta.platform)"),
      {
        flags: "--json",
        help: msg(
          "読み取りの報告を JSON で出力します (回答ファイルはその中と -o のファイルに)",
          "print the report as JSON (the answers file inside it, and in -o FILE)",
        ),
      },
      helping(ORDERED, "ご注文の日時 (meta.ordered。例: 2026-11-23T10:00+09:00)", "when the client ordered (meta.ordered; e.g. 2026-11-23T10:00+09:00)"),
      {
        flags: "--into <answers>",
        help: msg(
          "追加の返信 (ask --missing への回答) を、既存の回答ファイルに取り込みます",
          "merge a follow-up reply (to ask --missing) into an existing answers file",
        ),
      },
    ],
    examples: [
      msg(
        "pbpaste | kikitori import logo-design - --client 山田 -o yamada.answers.yaml",
        "pbpaste | kikitori import logo-design - --client 'Ms. Smith' -o smith.answers.yaml",
      ),
    ],
    load: () => import("../commands/import.ts"),
    run: (m, ctx, [pack, reply], o: ImportFlags) => m.runImport(ctx, pack ?? "", reply ?? "", o),
  }),

  command({
    name: "form",
    summary: msg(
      "クライアントが回答するフォームを、オフラインで開ける1つの HTML ファイルにします (コピーした回答も保存したファイルも kikitori import で取り込めます)",
      "the client's form as one offline HTML file; its copied reply and its downloaded file are read by kikitori import",
    ),
    args: [PACK_REF],
    options: [
      helping(
        OUTPUT,
        "書き出すファイル (既定: <パック>-<日付>[-<クライアント>].form.html、- で標準出力)",
        "file to write (default: <pack>-<date>[-<client>].form.html; - for stdout)",
      ),
      FORCE_ONE,
      helping(CLIENT, "フォームに表示するクライアント名", "client name shown on the form"),
      helping(JOB, "フォームに表示する案件名", "job title shown on the form"),
      helping(
        PLATFORM,
        "案件のプラットフォーム (送り方の案内と、外部リンクが禁止されているときの注意に使います)",
        "the job's platform (for how to send the answers, and a warning where outside links are forbidden)",
      ),
      { flags: "--first", help: msg("最初のラウンドだけ (必須と要点の質問、最大12問)", "the first round only (required and summary questions, at most 12)") },
    ],
    examples: [
      msg(
        "kikitori form logo-design --client 山田 --platform coconala -o hearing.html",
        "kikitori form logo-design --client 'Ms. Smith' --platform upwork -o hearing.html",
      ),
    ],
    // Its own module, as every command: loaded only when it runs.
    load: () => import("../commands/form.ts"),
    run: (m, ctx, [pack], o: FormFlags) => m.runForm(ctx, pack ?? "", o),
  }),

  MESSAGE,
];

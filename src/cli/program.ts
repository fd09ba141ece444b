/**
 * Commander wiring: every command's flags and help live here; each command's code is a
 * module under commands/ imported only when that command runs.
 */
import { Command, CommanderError, Option } from "commander";
import { UsageError } from "../errors.ts";
import { type Lang, msg } from "../i18n.ts";
import { type Ctx, makeCtx, parseLangFlag } from "./context.ts";
import { uiLang, VERSION } from "./main.ts";
import { createOutput, type IO } from "./output.ts";

type T = (ja: string, en: string) => string;

export async function runProgram(argv: string[], io: IO): Promise<number> {
  const lang = uiLang(argv, io.env);
  const t: T = (ja, en) => (lang === "ja" ? ja : en);
  const noColor = argv.includes("--no-color");
  const out = await createOutput(io, lang, noColor);
  let ctx: Ctx | undefined;
  const getCtx = (cmd: Command): Ctx => {
    ctx ??= makeCtx(io, out, parseLangFlag(cmd.optsWithGlobals().lang));
    return ctx;
  };
  let code = 0;
  const program = buildProgram(
    t,
    lang,
    io,
    (cmd) => getCtx(cmd),
    (c) => {
      code = c;
    },
  );
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return commanderExit(e, io, lang);
    throw e;
  }
}

type Load = (ctx: Ctx, cmd: Command) => Promise<number | undefined>;

function commanderExit(e: CommanderError, io: IO, lang: Lang): number {
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
  const detail = e.message.replace(/^error: /, "");
  const ja: Record<string, string> = {
    "commander.unknownOption": "不明なオプションです",
    "commander.unknownCommand": "不明なコマンドです",
    "commander.missingArgument": "必要な引数がありません",
    "commander.optionMissingArgument": "オプションに値がありません",
    "commander.missingMandatoryOptionValue": "必須のオプションがありません",
    "commander.excessArguments": "引数が多すぎます",
    "commander.invalidArgument": "引数の値が正しくありません",
    "commander.conflictingOption": "同時に使えないオプションです",
  };
  const text =
    lang === "ja"
      ? `エラー: ${ja[e.code] ?? "コマンドラインが正しくありません"} (${detail})\n使い方は kikitori --help で確認できます。\n`
      : `error: ${detail}\nSee kikitori --help for usage.\n`;
  io.stderr.write(text);
  return 2;
}

function buildProgram(t: T, lang: Lang, io: IO, getCtx: (cmd: Command) => Ctx, setCode: (code: number) => void): Command {
  /** Commands return their exit code (0 unless they report a partial failure themselves). */
  const run = (load: Load) =>
    async function (this: Command) {
      setCode((await load(getCtx(this), this)) ?? 0);
    };
  const program = new Command("kikitori");
  const titles: Record<string, string> = {
    "Usage:": "使い方:",
    "Options:": "オプション:",
    "Commands:": "コマンド:",
    "Arguments:": "引数:",
    "Global Options:": "共通オプション:",
  };
  /** Every command throws instead of exiting, writes through io, and titles its help in the interface language. */
  const wire = (c: Command): Command =>
    c
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
      .configureHelp({ styleTitle: (s) => (lang === "ja" ? (titles[s] ?? s) : s), showGlobalOptions: true });
  program
    .description(
      t(
        "フリーランスのためのヒアリング・納期計画・クライアント向けメッセージ作成ツール",
        "Deep client hearings, deadline plans and client-ready messages for freelancers",
      ),
    )
    .version(VERSION, "-V, --version", t("バージョンを表示します", "print the version"))
    .helpOption("-h, --help", t("ヘルプを表示します", "show help"))
    .helpCommand(false)
    .option("--lang <lang>", t("表示と出力の言語 (ja | en)", "language of messages and output (ja | en)"))
    .option("--no-color", t("色を付けません (NO_COLOR でも同じ)", "no colours (as does NO_COLOR)"))
    .showHelpAfterError(false)
    .addHelpText("after", rootHelp(t));
  wire(program);

  const cmd = (name: string) => wire(program.command(name));
  const example = (ja: string, en: string) => `\n${t("例:", "Example:")}\n  ${t(ja, en)}`;

  const collect = (v: string, prev: string[] = []) => [...prev, v];
  cmd("start")
    .description(
      t(
        "ヒアリングを始めます (質問に答えると自動保存し、最後にブリーフとメッセージを作成)",
        "run a hearing: answers are saved as you go; the brief and the message are written at the end",
      ),
    )
    .argument("[pack]", t("パックの id かパス (省略時は一覧から選択)", "pack id or path (chosen from a list when omitted)"))
    .option(
      "-o, --output <file>",
      t("回答ファイル (省略時は <パック>-<日付>-<クライアント>.answers.yaml)", "answers file (default: <pack>-<date>-<client>.answers.yaml)"),
    )
    .option("--client <name>", t("クライアント名 (指定すると質問しません)", "client name (not asked when given)"))
    .option("--job <title>", t("案件名 (指定すると質問しません)", "job title (not asked when given)"))
    .option("--platform <id>", t("プラットフォーム (指定すると質問しません)", "platform id (not asked when given)"))
    .option("--defaults", t("質問せず、パックの既定値と --set の値で回答します", "no prompts: answer with the pack's defaults and the --set values"))
    .option("--set <id=value>", t("回答を指定します (繰り返し可)", "give an answer (repeatable)"), collect)
    .option(
      "--accessible",
      t(
        "番号付きの質問に1行ずつ答えます (スクリーンリーダー向け。ACCESSIBLE=1 でも同じ)",
        "plain numbered questions, one line per answer (for screen readers; as ACCESSIBLE=1)",
      ),
    )
    .option("--force", t("既存のファイルを上書きします", "replace existing files"))
    .addHelpText(
      "after",
      t(
        `
例:
  kikitori start design-general --client 山田様 --platform coconala
  kikitori start design-general --defaults --set due_date=2027-01-15 --set effort_hours=pending -o job.answers.yaml

操作: Esc 前の質問へ · Ctrl-N 未定 · Ctrl-C 中断 (回答は保存済み、kikitori resume で再開)
終了コード: 0 成功 · 2 端末がない/--set の形式誤り · 65 回答の誤り・必須の回答なし · 73 出力先が既にある · 130 中断 (SIGTERM は 143)`,
        `
Examples:
  kikitori start design-general --client "Jane Smith" --platform upwork
  kikitori start design-general --defaults --set due_date=2027-01-15 --set effort_hours=pending -o job.answers.yaml

Keys: Esc back · Ctrl-N not decided yet · Ctrl-C stop (answers are saved; continue with kikitori resume)
Exit codes: 0 ok · 2 no terminal, malformed --set · 65 invalid or missing answers · 73 output exists · 130 interrupted (143 on SIGTERM)`,
      ),
    )
    .action(
      run(async (ctx, c) => {
        const { runStart } = await import("./commands/index.ts");
        return runStart(ctx, c.args[0], c.opts());
      }),
    );

  cmd("resume")
    .description(t("中断したヒアリングを続きから再開します", "continue an interrupted hearing where it stopped"))
    .argument("<answers>", t("回答ファイル", "answers file"))
    .option(
      "--pack <pack>",
      t("使うパック (id かパス)。省略時は回答ファイルの pack.id から探します", "pack to use (id or path); default: found by the file's pack.id"),
    )
    .option("--accessible", t("番号付きの質問に1行ずつ答えます (ACCESSIBLE=1 でも同じ)", "plain numbered questions, one line per answer (as ACCESSIBLE=1)"))
    .option("--force", t("既存のブリーフとメッセージを上書きします", "replace an existing brief and message"))
    .addHelpText(
      "after",
      example("kikitori resume design-general-20261123-山田.answers.yaml", "kikitori resume design-general-20261123-jane-smith.answers.yaml"),
    )
    .action(
      run(async (ctx, c) => {
        const { runResume } = await import("./commands/index.ts");
        return runResume(ctx, c.args[0] ?? "", c.opts());
      }),
    );

  cmd("render")
    .description(
      t(
        "保存した回答からブリーフとクライアント向けメッセージを作成します (対話なし)",
        "render the brief and the client message from saved answers (no prompts)",
      ),
    )
    .argument("<answers...>", t("回答ファイル (- で標準入力)", "answers files (- for stdin)"))
    .option(
      "--pack <pack>",
      t("使うパック (id かパス)。省略時は回答ファイルの pack.id から探します", "pack to use (id or path); default: found by the file's pack.id"),
    )
    .option("--out <dir>", t("出力先フォルダ (省略時は回答ファイルと同じ場所)", "folder to write into (default: next to each answers file)"))
    .addOption(new Option("--only <what>", t("brief か message の片方だけ作成", "write only the brief or the message")).choices(["brief", "message"]))
    .option("--stdout", t("ファイルに書かず標準出力に出します", "print to stdout instead of writing files"))
    .option("--force", t("既存のファイルを上書きします", "replace existing files"))
    .addHelpText("after", example("kikitori render jobs/*.answers.yaml --out briefs/", "kikitori render jobs/*.answers.yaml --out briefs/"))
    .action(
      run(async (ctx, c) => {
        const { runRender } = await import("./commands/index.ts");
        return runRender(ctx, c.args, c.opts());
      }),
    );

  cmd("schedule")
    .description(
      t(
        "納期の流れを計画します: 初稿・修正・納品・検収の日付、作業時間の見通し、連絡予定",
        "plan the deadline flow: dates of first draft, revisions, delivery and acceptance, a capacity check, check-in dates",
      ),
    )
    .requiredOption("--due <date>", t("クライアントの言う「納期」(YYYY-MM-DD)", 'what the client calls "the deadline" (YYYY-MM-DD)'))
    .requiredOption("--effort <hours>", t("作業時間の見積もり (合計時間)", "estimated work, in hours (total)"))
    .requiredOption("--hours-per-day <hours>", t("1日に作業できる時間", "hours you can work per workday"))
    .option("--start <date>", t("作業開始日 (省略時は今日)", "first day of work (default: today)"))
    .option("--due-means <what>", t("「納期」の意味: final (最終納品) か first_draft (初稿)", 'what "the deadline" means: final or first_draft'), "final")
    .option(
      "--workdays <days>",
      t("稼働日: mon-fri のような範囲か mon,wed,fri のような列挙", "workdays: a range like mon-fri or a list like mon,wed,fri"),
      "mon-fri",
    )
    .option(
      "--calendar <cal>",
      t("祝日: jp (日本の祝日を休む) か none。省略時は日本語なら jp", "holidays: jp (Japanese public holidays off) or none; default jp in Japanese, else none"),
    )
    .option("--revisions <n>", t("修正の回数", "revision rounds"), "0")
    .option("--review-days <n>", t("クライアントの確認にかかる日数 (1回あたり、暦日)", "calendar days the client needs to review each round"), "3")
    .option("--checkin-every <n>", t("進捗報告の間隔 (稼働日)", "workdays between progress reports"), "2")
    .option("--draft-share <ratio>", t("初稿までに使う作業時間の割合 (0〜1)", "share of the effort spent before the first draft (0-1)"), "0.7")
    .option(
      "--platform <id>",
      t("プラットフォーム (coconala, crowdworks, lancers, fiverr, upwork, direct)", "platform (coconala, crowdworks, lancers, fiverr, upwork, direct)"),
    )
    .option("--json", t("計画を JSON で出力します", "print the plan as JSON"))
    .addHelpText(
      "after",
      example(
        "kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4 --revisions 2 --platform coconala",
        "kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4 --revisions 2 --platform fiverr --json",
      ),
    )
    .action(
      run(async (ctx, c) => {
        const { runSchedule } = await import("./commands/index.ts");
        return runSchedule(ctx, c.opts());
      }),
    );

  cmd("ask")
    .description(
      t(
        "質問パック全体を、チャットに貼り付けられる丁寧なメッセージにします (番号付き。返信は kikitori import で取り込めます)",
        "the whole questionnaire as a polite message to paste into a platform chat, numbered so the reply can be imported",
      ),
    )
    .argument("<pack>", t("パックの id かパス", "pack id or path"))
    .addOption(
      new Option("--format <format>", t("text (チャット向け、既定) か md (メール向け)", "text (for chats, the default) or md (for email)")).choices([
        "text",
        "md",
      ]),
    )
    .option("--client <name>", t("宛名にするクライアント名", "client name for the greeting"))
    .option("--job <title>", t("案件名", "job title"))
    .option("-o, --output <file>", t("標準出力ではなくファイルに書きます", "write to a file instead of stdout"))
    .option("--force", t("既存のファイルを上書きします", "replace an existing file"))
    .addHelpText("after", example("kikitori ask logo-design --client 山田 --lang ja > ask.txt", "kikitori ask logo-design --client 'Ms. Smith' > ask.txt"))
    .action(
      run(async (ctx, c) => {
        const { runAsk } = await import("./commands/index.ts");
        return runAsk(ctx, c.args[0] ?? "", c.opts());
      }),
    );

  cmd("import")
    .description(
      t(
        "ask の番号で書かれたクライアントの返信を回答ファイルにします (読めなかった項目は番号で一覧)",
        "turn a client's reply in the ask numbering into an answers file, listing by number what could not be read",
      ),
    )
    .argument("<pack>", t("パックの id かパス (ask と同じもの)", "pack id or path (the one given to ask)"))
    .argument("<reply>", t("返信を保存したテキストファイル (- で標準入力)", "text file holding the reply (- for stdin)"))
    .option("-o, --output <file>", t("回答ファイルの書き出し先 (省略時は標準出力)", "answers file to write (default: stdout)"))
    .option("--force", t("既存のファイルを上書きします", "replace an existing file"))
    .option("--client <name>", t("クライアント名 (meta.client)", "client name (meta.client)"))
    .option("--job <title>", t("案件名 (meta.job)", "job title (meta.job)"))
    .option("--platform <id>", t("プラットフォーム (meta.platform)", "platform id (meta.platform)"))
    .addHelpText(
      "after",
      example(
        "pbpaste | kikitori import logo-design - --client 山田 -o yamada.answers.yaml",
        "pbpaste | kikitori import logo-design - --client 'Ms. Smith' -o smith.answers.yaml",
      ),
    )
    .action(
      run(async (ctx, c) => {
        const { runImport } = await import("./commands/index.ts");
        return runImport(ctx, c.args[0] ?? "", c.args[1] ?? "", c.opts());
      }),
    );

  cmd("message")
    .description(
      t(
        "保存したヒアリングと計画から、クライアントへのメッセージを作ります: confirm (内容確認), progress (進捗報告), delay (遅延のご相談), delivery (納品)",
        "write a follow-up message from the saved hearing and its plan: confirm, progress, delay or delivery",
      ),
    )
    .argument("<kind>", "confirm | progress | delay | delivery")
    .argument("<answers>", t("回答ファイル (- で標準入力)", "answers file (- for stdin)"))
    .option("--pack <pack>", t("使うパック (省略時は回答ファイルの pack.id)", "pack to use (default: the file's pack.id)"))
    .option("--percent <n>", t("progress: 全体の進み具合 (0〜100)", "progress: how far along the work is (0-100)"))
    .option("--done <text>", t("progress: 完了したこと (繰り返し指定可)", "progress: what is done (repeatable)"), collect)
    .option("--next <text>", t("progress: 次に進めること (繰り返し指定可)", "progress: what comes next (repeatable)"), collect)
    .option("--new-due <date>", t("delay: 新しい納期 (2026-12-18、12月18日 など)", "delay: the new due date (2026-12-18, Dec 18…)"))
    .option("--reason <text>", t("delay: 遅れる理由", "delay: why it is late"))
    .option("--items <text>", t("delivery: お届けするもの (繰り返し指定可)", "delivery: what is delivered (repeatable)"), collect)
    .option(
      "--round <n>",
      t("delivery: 何回目の修正の納品か (0 = 初稿、既定)", "delivery: the revision round this delivery completes (0 = first draft, the default)"),
    )
    .option("--final", t("delivery: 修正回数が残っていても最終納品として扱います", "delivery: the final delivery even if revision rounds are left"))
    .option("-o, --output <file>", t("標準出力ではなくファイルに書きます", "write to a file instead of stdout"))
    .option("--force", t("既存のファイルを上書きします", "replace an existing file"))
    .addHelpText(
      "after",
      `\n${t("例:", "Examples:")}\n  ${t(
        `kikitori message progress yamada.answers.yaml --percent 60 --done "ラフ3案" --next "清書"
  kikitori message delay yamada.answers.yaml --new-due 2026-12-18 --reason "体調不良で3日間作業できなかったため"
  kikitori message delivery yamada.answers.yaml --round 2 --items "ロゴ一式 (AI, PNG, SVG)"`,
        `kikitori message progress smith.answers.yaml --percent 60 --done "3 rough sketches" --next "clean line art"
  kikitori message delay smith.answers.yaml --new-due 2026-12-18 --reason "I was ill and could not work for three days"
  kikitori message delivery smith.answers.yaml --round 2 --items "Logo set (AI, PNG, SVG)"`,
      )}`,
    )
    .action(
      run(async (ctx, c) => {
        const { runMessage } = await import("./commands/index.ts");
        return runMessage(ctx, c.args[0] ?? "", c.args[1] ?? "", c.opts());
      }),
    );

  const pack = cmd("pack").description(t("質問パックの管理と共有", "manage and share questionnaire packs"));
  const sub = (name: string) => wire(pack.command(name));
  sub("list")
    .description(
      t("使えるパックを一覧します (どこから読み込んだか、何を隠しているかも)", "list the packs available, where each comes from and what it shadows"),
    )
    .option("--json", t("JSON で出力します", "print JSON"))
    .addHelpText("after", example("kikitori pack list --json", "kikitori pack list --json"))
    .action(
      run(async (ctx, c) => {
        const { runPackList } = await import("./commands/index.ts");
        return runPackList(ctx, c.opts());
      }),
    );
  sub("show")
    .description(t("パックの内容を表示します", "show a pack"))
    .argument("<pack>", t("パックの id かパス", "pack id or path"))
    .option("--json", t("正規化したパックを JSON で出力します (それ自体が有効なパックです)", "print the normalized pack as JSON (itself a valid pack file)"))
    .addHelpText("after", example("kikitori pack show design-general --json", "kikitori pack show design-general --json"))
    .action(
      run(async (ctx, c) => {
        const { runPackShow } = await import("./commands/index.ts");
        return runPackShow(ctx, c.args[0] ?? "", c.opts());
      }),
    );
  sub("validate")
    .description(t("パックのファイルを検査します (問題をすべて行番号付きで表示)", "check pack files, reporting every problem with its line"))
    .argument("<files...>", t("パックのファイル", "pack files"))
    .option("--json", t("結果を JSON で出力します", "print the results as JSON"))
    .addHelpText("after", example("kikitori pack validate my-pack.yaml other-pack/pack.yaml", "kikitori pack validate my-pack.yaml other-pack/pack.yaml"))
    .action(
      run(async (ctx, c) => {
        const { runPackValidate } = await import("./commands/index.ts");
        return runPackValidate(ctx, c.args, c.opts());
      }),
    );
  sub("skeleton")
    .description(
      t(
        "記入用の回答ファイルの雛形を出力します (質問・型・選択肢・例をコメントで)",
        "print an answers file to fill in, with each question, type, choices and an example as comments",
      ),
    )
    .argument("<pack>", t("パックの id かパス", "pack id or path"))
    .option("--client <name>", t("クライアント名", "client name"))
    .option("--platform <id>", t("プラットフォーム", "platform id"))
    .addHelpText(
      "after",
      example("kikitori pack skeleton design-general --lang ja > yamada.answers.yaml", "kikitori pack skeleton design-general > smith.answers.yaml"),
    )
    .action(
      run(async (ctx, c) => {
        const { runPackSkeleton } = await import("./commands/index.ts");
        return runPackSkeleton(ctx, c.args[0] ?? "", c.opts());
      }),
    );
  sub("new")
    .description(
      t(
        "新しいパックの雛形を作ります (全種類の質問の例・日英併記・エディタ用スキーマ付き)",
        "start a new pack: one commented example of every question type, in ja and en, with the editor schema",
      ),
    )
    .argument("<id>", t("パックの id (英小文字・数字・ハイフン)", "pack id (a-z, 0-9, hyphens)"))
    .option("-o, --output <file>", t("書き出すファイル (省略時 <id>.yaml、- で標準出力)", "file to write (default <id>.yaml; - for stdout)"))
    .option("--force", t("既存のファイルを上書きします", "replace existing files"))
    .addHelpText(
      "after",
      example(
        "kikitori pack new logo-design && kikitori pack validate logo-design.yaml",
        "kikitori pack new logo-design && kikitori pack validate logo-design.yaml",
      ),
    )
    .action(
      run(async (ctx, c) => {
        const { runPackNew } = await import("./commands/pack-share.ts");
        return runPackNew(ctx, c.args[0] ?? "", c.opts());
      }),
    );
  sub("export")
    .description(
      t(
        "パックをテンプレートごと1つの YAML ファイルにまとめます (pack install でそのまま使えます)",
        "write a pack as one self-contained YAML file, templates inlined (pack install accepts it)",
      ),
    )
    .argument("<pack>", t("パックの id かパス", "pack id or path"))
    .option("-o, --output <file>", t("書き出すファイル (省略時は標準出力)", "file to write (default: stdout)"))
    .option("--force", t("既存のファイルを上書きします", "replace an existing file"))
    .addHelpText("after", example("kikitori pack export logo-design -o logo-design.yaml", "kikitori pack export logo-design -o logo-design.yaml"))
    .action(
      run(async (ctx, c) => {
        const { runPackExport } = await import("./commands/pack-share.ts");
        return runPackExport(ctx, c.args[0] ?? "", c.opts());
      }),
    );
  sub("install")
    .description(
      t(
        "パックをユーザーフォルダにインストールします (先に検査し、内容を表示して確認します)",
        "install packs into your user pack folder (validated first, shown, then confirmed)",
      ),
    )
    .argument("<source>", t("パックのファイル、フォルダ、または npm pack の .tgz", "a pack file, a folder, or an npm pack .tgz"))
    .option("-y, --yes", t("確認せずにインストールします (端末がないときは必須)", "do not ask (required without a terminal)"))
    .option("--force", t("同じ版が既にあっても入れ直します", "reinstall even if the same version is installed"))
    .addHelpText("after", example("kikitori pack install ./logo-design.yaml", "kikitori pack install kikitori-pack-shop-1.0.0.tgz --yes"))
    .action(
      run(async (ctx, c) => {
        const { runPackInstall } = await import("./commands/pack-share.ts");
        return runPackInstall(ctx, c.args[0] ?? "", c.opts());
      }),
    );
  sub("remove")
    .description(t("ユーザーフォルダからパックを削除します", "remove a pack from your user pack folder"))
    .argument("<id>", t("パックの id", "pack id"))
    .option("-y, --yes", t("確認せずに削除します (端末がないときは必須)", "do not ask (required without a terminal)"))
    .addHelpText("after", example("kikitori pack remove logo-design", "kikitori pack remove logo-design"))
    .action(
      run(async (ctx, c) => {
        const { runPackRemove } = await import("./commands/pack-share.ts");
        return runPackRemove(ctx, c.args[0] ?? "", c.opts());
      }),
    );
  pack.action(function (this: Command) {
    throw new UsageError(
      msg(
        "pack のサブコマンドを指定してください (list, show, validate, skeleton, new, export, install, remove)。kikitori pack --help",
        "give a pack subcommand (list, show, validate, skeleton, new, export, install, remove): see kikitori pack --help",
      ),
    );
  });
  return program;
}

const EXAMPLES: [string, string, string][] = [
  ["kikitori start", "ヒアリングを始める (パックは一覧から選択)", "run a hearing (choose the pack from a list)"],
  ["kikitori render hearing.answers.yaml", "ブリーフとメッセージを作成", "write the brief and the message"],
  ["kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4", "納期の流れを計画", "plan the deadline flow"],
  ["kikitori ask logo-design > ask.txt", "チャットに貼る質問票", "the questionnaire to paste into a chat"],
  ["kikitori import logo-design reply.txt -o a.yaml", "クライアントの返信を回答ファイルに", "the client's reply back as answers"],
  ["kikitori message progress a.yaml --percent 60", "進捗報告のメッセージ", "a progress report"],
  ["kikitori pack list", "使えるパックの一覧", "the packs you can use"],
  ["kikitori pack validate my-pack.yaml", "パックを検査", "check a pack"],
  ["kikitori pack skeleton design-general > a.yaml", "回答ファイルの雛形", "an answers file to fill in"],
];

function rootHelp(t: T): string {
  const lines = EXAMPLES.map(([cmd, ja, en]) => `  ${cmd}\n      ${t(ja, en)}`);
  return `\n${t("例:", "Examples:")}\n${lines.join("\n")}\n\n${t(
    "終了コード: 0 成功 · 1 内部エラー · 2 使い方の誤り · 65 パックや回答の誤り · 66 入力が見つからない · 73 出力できない · 74 標準出力に書けない · 130 中断",
    "Exit codes: 0 ok · 1 internal error · 2 usage · 65 invalid pack or answers · 66 input not found · 73 output cannot be written · 74 stdout cannot be written · 130 interrupted",
  )}`;
}

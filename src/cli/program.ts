/**
 * Commander wiring: every command's flags and help live here; each command's code is a
 * module under commands/ imported only when that command runs.
 */
import { Command, CommanderError, Option } from "commander";
import { UsageError } from "../errors.ts";
import { type Lang, msg } from "../i18n.ts";
import { type Ctx, makeCtx, parseLangFlag } from "./context.ts";
import { uiLang, VERSION } from "./main.ts";
import { type IO, Output } from "./output.ts";

type T = (ja: string, en: string) => string;

export async function runProgram(argv: string[], io: IO): Promise<number> {
  const lang = uiLang(argv, io.env);
  const t: T = (ja, en) => (lang === "ja" ? ja : en);
  const noColor = argv.includes("--no-color");
  const out = new Output(io, lang, noColor);
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
    .exitOverride()
    .showHelpAfterError(false)
    .configureHelp({ styleTitle: (s) => (lang === "ja" ? (titles[s] ?? s) : s), showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    })
    .addHelpText(
      "after",
      t(
        `
例:
  kikitori render hearing.answers.yaml             ブリーフとメッセージを作成
  kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4   納期の流れを計画
  kikitori pack list                               使えるパックの一覧
  kikitori pack validate my-pack.yaml              パックを検査
  kikitori pack skeleton design-general > a.yaml   回答ファイルの雛形

終了コード: 0 成功 · 1 内部エラー · 2 使い方の誤り · 65 パックや回答の誤り · 66 入力が見つからない · 73 出力できない · 130 中断`,
        `
Examples:
  kikitori render hearing.answers.yaml             write the brief and the message
  kikitori schedule --due 2027-01-22 --effort 30 --hours-per-day 4   plan the deadline flow
  kikitori pack list                               the packs you can use
  kikitori pack validate my-pack.yaml              check a pack
  kikitori pack skeleton design-general > a.yaml   an answers file to fill in

Exit codes: 0 ok · 1 internal error · 2 usage · 65 invalid pack or answers · 66 input not found · 73 output cannot be written · 130 interrupted`,
      ),
    );

  const cmd = (name: string) => {
    const c = program
      .command(name)
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} });
    c.configureHelp({ styleTitle: (s) => (lang === "ja" ? (titles[s] ?? s) : s), showGlobalOptions: true });
    return c;
  };
  const example = (ja: string, en: string) => `\n${t("例:", "Example:")}\n  ${t(ja, en)}`;

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
        const { runRender } = await import("./commands/render.ts");
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
        const { runSchedule } = await import("./commands/schedule.ts");
        return runSchedule(ctx, c.opts());
      }),
    );

  const pack = cmd("pack").description(t("質問パックの管理と共有", "manage and share questionnaire packs"));
  const sub = (name: string) =>
    pack
      .command(name)
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
      .configureHelp({ styleTitle: (s) => (lang === "ja" ? (titles[s] ?? s) : s), showGlobalOptions: true });
  sub("list")
    .description(
      t("使えるパックを一覧します (どこから読み込んだか、何を隠しているかも)", "list the packs available, where each comes from and what it shadows"),
    )
    .option("--json", t("JSON で出力します", "print JSON"))
    .addHelpText("after", example("kikitori pack list --json", "kikitori pack list --json"))
    .action(
      run(async (ctx, c) => {
        const { runPackList } = await import("./commands/pack.ts");
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
        const { runPackShow } = await import("./commands/pack.ts");
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
        const { runPackValidate } = await import("./commands/pack.ts");
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
        const { runPackSkeleton } = await import("./commands/pack.ts");
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

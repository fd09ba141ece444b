/** `kikitori pack …`: listing, checking and sharing questionnaire packs. */
import { msg } from "../../i18n.ts";
import { command, type GroupSpec } from "../spec.ts";
import { CLIENT, FORCE, FORCE_ONE, helping, JSON_OUT, PACK_REF, PLATFORM, packSharing, YES } from "./options.ts";

export const PACK_GROUP: GroupSpec = {
  name: "pack",
  summary: msg("質問パックの管理と共有", "manage and share questionnaire packs"),
  missing: msg(
    "pack のサブコマンドを指定してください (list, show, validate, skeleton, new, export, install, remove)。kikitori pack --help",
    "give a pack subcommand (list, show, validate, skeleton, new, export, install, remove): see kikitori pack --help",
  ),
};

type Json = { json?: boolean };
type Written = { output?: string; force?: boolean };

export const PACK_COMMANDS = [
  command({
    name: "pack list",
    summary: msg("使えるパックを一覧します (どこから読み込んだか、何を隠しているかも)", "list the packs available, where each comes from and what it shadows"),
    options: [JSON_OUT],
    examples: [msg("kikitori pack list --json", "kikitori pack list --json")],
    load: () => import("../commands/pack.ts"),
    run: (m, ctx, _args, o: Json) => m.runPackList(ctx, o),
  }),
  command({
    name: "pack show",
    summary: msg("パックの内容を表示します", "show a pack"),
    args: [PACK_REF],
    options: [
      helping(JSON_OUT, "正規化したパックを JSON で出力します (それ自体が有効なパックです)", "print the normalized pack as JSON (itself a valid pack file)"),
    ],
    examples: [msg("kikitori pack show design-general --json", "kikitori pack show design-general --json")],
    load: () => import("../commands/pack.ts"),
    run: (m, ctx, [pack], o: Json) => m.runPackShow(ctx, pack ?? "", o),
  }),
  command({
    name: "pack validate",
    summary: msg("パックのファイルを検査します (問題をすべて行番号付きで表示)", "check pack files, reporting every problem with its line"),
    args: [{ name: "<files...>", help: msg("パックのファイル", "pack files") }],
    options: [helping(JSON_OUT, "結果を JSON で出力します", "print the results as JSON")],
    examples: [msg("kikitori pack validate my-pack.yaml other-pack/pack.yaml", "kikitori pack validate my-pack.yaml other-pack/pack.yaml")],
    load: () => import("../commands/pack.ts"),
    run: (m, ctx, files, o: Json) => m.runPackValidate(ctx, files, o),
  }),
  command({
    name: "pack skeleton",
    summary: msg(
      "記入用の回答ファイルの雛形を出力します (質問・型・選択肢・例をコメントで)",
      "print an answers file to fill in, with each question, type, choices and an example as comments",
    ),
    args: [PACK_REF],
    options: [CLIENT, PLATFORM],
    examples: [msg("kikitori pack skeleton design-general --lang ja > yamada.answers.yaml", "kikitori pack skeleton design-general > smith.answers.yaml")],
    load: () => import("../commands/pack.ts"),
    run: (m, ctx, [pack], o: { client?: string; platform?: string }) => m.runPackSkeleton(ctx, pack ?? "", o),
  }),
  command({
    name: "pack new",
    summary: msg(
      "新しいパックの雛形を作ります (全種類の質問の例・日英併記・エディタ用スキーマ付き)",
      "start a new pack: one commented example of every question type, in ja and en, with the editor schema",
    ),
    args: [{ name: "<id>", help: msg("パックの id (英小文字・数字・ハイフン)", "pack id (a-z, 0-9, hyphens)") }],
    options: [
      { flags: "-o, --output <file>", help: msg("書き出すファイル (省略時 <id>.yaml、- で標準出力)", "file to write (default <id>.yaml; - for stdout)") },
      FORCE,
    ],
    examples: [
      msg(
        "kikitori pack new logo-design && kikitori pack validate logo-design.yaml",
        "kikitori pack new logo-design && kikitori pack validate logo-design.yaml",
      ),
    ],
    load: packSharing,
    run: (m, ctx, [id], o: Written) => m.runPackNew(ctx, id ?? "", o),
  }),
  command({
    name: "pack export",
    summary: msg(
      "パックをテンプレートごと1つの YAML ファイルにまとめます (pack install でそのまま使えます)",
      "write a pack as one self-contained YAML file, templates inlined (pack install accepts it)",
    ),
    args: [PACK_REF],
    options: [{ flags: "-o, --output <file>", help: msg("書き出すファイル (省略時は標準出力)", "file to write (default: stdout)") }, FORCE_ONE],
    examples: [msg("kikitori pack export logo-design -o logo-design.yaml", "kikitori pack export logo-design -o logo-design.yaml")],
    load: packSharing,
    run: (m, ctx, [pack], o: Written) => m.runPackExport(ctx, pack ?? "", o),
  }),
  command({
    name: "pack install",
    summary: msg(
      "パックをユーザーフォルダにインストールします (先に検査し、内容を表示して確認します)",
      "install packs into your user pack folder (validated first, shown, then confirmed)",
    ),
    args: [{ name: "<source>", help: msg("パックのファイル、フォルダ、または npm pack の .tgz", "a pack file, a folder, or an npm pack .tgz") }],
    options: [YES, helping(FORCE, "同じ版が既にあっても入れ直します", "reinstall even if the same version is installed")],
    examples: [msg("kikitori pack install ./logo-design.yaml", "kikitori pack install kikitori-pack-shop-1.0.0.tgz --yes")],
    load: packSharing,
    run: (m, ctx, [source], o: { yes?: boolean; force?: boolean }) => m.runPackInstall(ctx, source ?? "", o),
  }),
  command({
    name: "pack remove",
    summary: msg("ユーザーフォルダからパックを削除します", "remove a pack from your user pack folder"),
    args: [{ name: "<id>", help: msg("パックの id (id@版 でその版だけ)", "pack id (id@version: that version only)"), complete: "user-pack" }],
    options: [helping(YES, "確認せずに削除します (端末がないときは必須)", "do not ask (required without a terminal)")],
    examples: [msg("kikitori pack remove logo-design@1.0.0", "kikitori pack remove logo-design@1.0.0")],
    load: packSharing,
    run: (m, ctx, [id], o: { yes?: boolean }) => m.runPackRemove(ctx, id ?? "", o),
  }),
];

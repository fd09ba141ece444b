/**
 * `render`, in a file of its own: the render bundle (dist/render.cjs, cli/render-entry.ts)
 * reads its command line from this spec alone, without the rest of the table.
 */
import { msg } from "../../i18n.ts";
import type { RenderFlags } from "../file-renderer.ts";
import { command } from "../spec.ts";
import { FORCE, PACK } from "./options.ts";

export const RENDER = command({
  name: "render",
  summary: msg(
    "保存した回答からブリーフとクライアント向けメッセージを作成します (対話なし)",
    "render the brief and the client message from saved answers (no prompts)",
  ),
  args: [{ name: "<answers...>", help: msg("回答ファイル (- で標準入力)", "answers files (- for stdin)") }],
  options: [
    PACK,
    { flags: "--out <dir>", help: msg("出力先フォルダ (省略時は回答ファイルと同じ場所)", "folder to write into (default: next to each answers file)") },
    { flags: "--only <what>", help: msg("brief か message の片方だけ作成", "write only the brief or the message"), choices: ["brief", "message"] },
    { flags: "--stdout", help: msg("ファイルに書かず標準出力に出します", "print to stdout instead of writing files") },
    {
      flags: "--draft",
      help: msg(
        "途中のヒアリングでも、回答済みの内容でブリーフの下書きを作ります (<名前>.brief.draft.md、未回答の質問を一覧)",
        "a draft brief of what is answered so far, even mid-hearing (<stem>.brief.draft.md, listing what is unanswered)",
      ),
    },
    FORCE,
  ],
  examples: [
    msg("kikitori render jobs/*.answers.yaml --out briefs/", "kikitori render jobs/*.answers.yaml --out briefs/"),
    msg("kikitori render yamada.answers.yaml --draft", "kikitori render smith.answers.yaml --draft"),
  ],
  load: () => import("../commands/render.ts"),
  run: (m, ctx, files, o: RenderFlags) => m.runRender(ctx, files, o),
});

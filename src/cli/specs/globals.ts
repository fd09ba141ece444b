/** Options every command takes (besides --help; --version at the top). */
import { msg } from "../../i18n.ts";
import type { OptionSpec } from "../spec.ts";

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: "--lang <lang>", help: msg("表示と出力の言語 (ja | en)", "language of messages and output (ja | en)"), complete: ["ja", "en"] },
  { flags: "--no-color", help: msg("色を付けません (NO_COLOR でも同じ)", "no colours (as does NO_COLOR)") },
  {
    flags: "--no-cache",
    help: msg(
      "コンパイル済みコードのキャッシュを使いません (KIKITORI_NO_CACHE=1 でも同じ)",
      "do not use the compiled-code cache (as does KIKITORI_NO_CACHE=1)",
    ),
  },
];

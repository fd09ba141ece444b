/**
 * The user's settings file, `$XDG_CONFIG_HOME/kikitori/config.yaml` (default
 * `~/.config/kikitori/config.yaml`): what every message should carry without a flag each
 * time, such as the name the worker signs with. A flag always wins over the file.
 *
 * ```yaml
 * from: 山田 花子            # or { ja: 山田 花子, en: Hanako Yamada }
 * salutation: formal        # English greetings: formal (Dear Ms. Smith,) or casual (Hi Jane,)
 * ```
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataError } from "../errors.ts";
import { LIMITS, readTextFile } from "../files.ts";
import { type Lang, msg } from "../i18n.ts";
import type { Voice } from "../render/context.ts";
import { parseYaml } from "../yaml/parse.ts";
import type { Ctx } from "./context.ts";

export interface Settings {
  from?: string | { ja?: string; en?: string };
  salutation?: "formal" | "casual";
}

export function settingsFile(env: Record<string, string | undefined>, home: string): string {
  const base = env.XDG_CONFIG_HOME || path.join(home, ".config");
  return path.join(base, "kikitori", "config.yaml");
}

const cache = new WeakMap<Ctx, Settings>();

/** The settings, or none when the file does not exist; a malformed file is a data error (65) naming it. Read once per run. */
export function readSettings(ctx: Ctx): Settings {
  const known = cache.get(ctx);
  if (known) return known;
  const s = readSettingsFile(ctx);
  cache.set(ctx, s);
  return s;
}

function readSettingsFile(ctx: Ctx): Settings {
  const file = settingsFile(ctx.io.env, ctx.lookup.home);
  if (!fs.existsSync(file)) return {};
  const parsed = parseYaml(readTextFile(file, LIMITS.packBytes), file);
  const data = parsed.data as Record<string, unknown> | null;
  if (data === null || data === undefined) return {};
  const bad = (key: string, fix: ReturnType<typeof msg>) =>
    new DataError(msg(`${file}: ${key} の値が正しくありません`, `${file}: ${key} is not valid`), [{ file, ...parsed.locate([key]), message: fix }]);
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new DataError(msg(`${file} はキーと値のマップにしてください`, `${file} must be a map of keys`), []);
  }
  const out: Settings = {};
  const from = data.from;
  if (typeof from === "string") out.from = from;
  else if (from && typeof from === "object" && !Array.isArray(from)) {
    const f = from as Record<string, unknown>;
    if ((f.ja !== undefined && typeof f.ja !== "string") || (f.en !== undefined && typeof f.en !== "string"))
      throw bad("from", msg("from: 名前 か from: { ja: 名前, en: Name } と書いてください", "write from: Name or from: { ja: 名前, en: Name }"));
    out.from = { ...(typeof f.ja === "string" ? { ja: f.ja } : {}), ...(typeof f.en === "string" ? { en: f.en } : {}) };
  } else if (from !== undefined && from !== null) {
    throw bad("from", msg("from: 名前 か from: { ja: 名前, en: Name } と書いてください", "write from: Name or from: { ja: 名前, en: Name }"));
  }
  if (data.salutation !== undefined) {
    if (data.salutation !== "formal" && data.salutation !== "casual")
      throw bad("salutation", msg("salutation は formal か casual にしてください", "salutation is formal or casual"));
    out.salutation = data.salutation;
  }
  return out;
}

export interface VoiceFlags {
  from?: string;
  formal?: boolean;
}

/** Who signs and how formally, for messages in `lang`: the flags, else the settings file. */
export function voiceFor(ctx: Ctx, lang: Lang, flags: VoiceFlags = {}): Voice {
  const s = readSettings(ctx);
  const fromSetting = typeof s.from === "string" ? s.from : (s.from?.[lang] ?? s.from?.ja ?? s.from?.en);
  const from = flags.from ?? fromSetting;
  return { ...(from ? { from } : {}), ...(flags.formal ? { formal: true } : {}), ...(s.salutation ? { style: s.salutation } : {}) };
}

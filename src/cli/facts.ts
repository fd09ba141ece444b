/**
 * What both main and the program know before a command line is parsed: the version, and
 * the language to speak in (for help and for errors that happen before a command runs).
 */
import { isLang, type Lang, langFromEnv } from "../i18n.ts";

declare const KIKITORI_VERSION: string;
export const VERSION = typeof KIKITORI_VERSION === "string" ? KIKITORI_VERSION : "0.0.0-dev";

/**
 * The design's language rule, the one place it is written: the --lang flag, else the language
 * of the file the command reads (an answers file, a client's reply), else the locale.
 */
export function resolveLang(flag: Lang | undefined, fromFile: Lang | undefined, env: Record<string, string | undefined>): Lang {
  return flag ?? fromFile ?? langFromEnv(env);
}

/** The interface language before the command line is parsed: --lang, else the locale. */
export function uiLang(argv: string[], env: Record<string, string | undefined>): Lang {
  let flag: Lang | undefined;
  for (let i = 0; i < argv.length && !flag; i++) {
    const a = argv[i] ?? "";
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (isLang(v)) flag = v;
  }
  return resolveLang(flag, undefined, env);
}

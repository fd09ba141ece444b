export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

/** A user-facing text in both languages of the tool. */
export interface Msg {
  ja: string;
  en: string;
}

export function msg(ja: string, en: string): Msg {
  return { ja, en };
}

export function isLang(v: unknown): v is Lang {
  return v === "ja" || v === "en";
}

/**
 * The design's language rule, minus the flag and answers file (the caller checks those
 * first): a locale starting with `ja` means Japanese, anything else English.
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("ja") ? "ja" : "en";
}

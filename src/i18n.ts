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

/** A pair's text in one language: how code picks between ja and en. */
export function inLang(m: Msg, lang: Lang): string {
  return m[lang];
}

/** Words several rooms say (prompts, briefs, the client questionnaire, replies read back), so all say them alike. */
export const WORDS = {
  yes: msg("はい", "Yes"),
  no: msg("いいえ", "No"),
  pending: msg("未定", "not decided yet"),
  required: msg("必須", "required"),
  mayBePending: msg("未定可", "may be pending"),
} as const;

/** `1 problem`, `3 problems`: an English count (a Japanese one has no plural). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A unit may give its singular and plural forms as `round|rounds`: 1 round, 2 rounds. */
export function unitForm(unit: string, n: number): string {
  const [one = "", many] = unit.split("|");
  return many === undefined ? one : n === 1 ? one : many;
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

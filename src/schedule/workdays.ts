import type { Lang, PlanProblem, Weekday } from "./types.ts";

// Workday specs as people type them: `mon-fri`, `mon,wed,fri`, `mon-sun`,
// `sat-mon` (a range that wraps past Sunday: sat, sun, mon), Japanese
// `月-金` / `月、水、金`, full English names. A range always walks forward
// from its first day, so `fri-mon` means fri, sat, sun, mon; refusing it would
// only force weekend workers to list days one by one.

const NAMES: ReadonlyArray<readonly [Weekday, readonly string[]]> = [
  [0, ["sun", "sunday", "日"]],
  [1, ["mon", "monday", "月"]],
  [2, ["tue", "tues", "tuesday", "火"]],
  [3, ["wed", "wednesday", "水"]],
  [4, ["thu", "thur", "thurs", "thursday", "木"]],
  [5, ["fri", "friday", "金"]],
  [6, ["sat", "saturday", "土"]],
];

const BY_NAME = new Map<string, Weekday>(NAMES.flatMap(([day, names]) => names.map((n) => [n, day] as const)));

const SHORT: Record<Lang, readonly string[]> = {
  en: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
  ja: ["日", "月", "火", "水", "木", "金", "土"],
};

export function weekdayName(day: Weekday, lang: Lang = "en"): string {
  return SHORT[lang][day] ?? String(day);
}

export type WorkdaysResult = { ok: true; days: Weekday[] } | { ok: false; problems: PlanProblem[] };

function lookup(token: string): Weekday | undefined {
  // `月曜`, `月曜日` and `Mon.` are common enough to accept.
  const cleaned = token
    .toLowerCase()
    .replace(/曜日?$/, "")
    .replace(/\.$/, "");
  return BY_NAME.get(cleaned);
}

function unknownDay(token: string): PlanProblem {
  return {
    field: "workdays",
    code: "unknown_weekday",
    message: {
      ja: `「${token}」は曜日として読めません。mon tue wed thu fri sat sun（または 月〜日）を、範囲は mon-fri、列挙は mon,wed,fri の形で指定してください。`,
      en: `"${token}" is not a weekday. Use mon tue wed thu fri sat sun, a range like mon-fri, or a list like mon,wed,fri.`,
    },
  };
}

// Every plan reads its spec twice (validation, then planning), and an agenda plans hundreds of
// jobs with the same few specs: each spec is read once. A copy goes out, so no caller can
// change what the next one gets.
const known = new Map<string, WorkdaysResult>();

/** Reads a workday spec into sorted weekday numbers, or every problem found in it. */
export function parseWorkdays(spec: string | readonly string[]): WorkdaysResult {
  const text = typeof spec === "string" ? spec : spec.join(",");
  let result = known.get(text);
  if (!result) {
    if (known.size >= 64) known.clear();
    result = readWorkdays(text);
    known.set(text, result);
  }
  return result.ok ? { ok: true, days: [...result.days] } : { ok: false, problems: result.problems.map((p) => ({ ...p, message: { ...p.message } })) };
}

function readWorkdays(text: string): WorkdaysResult {
  const tokens = text
    .replace(/[、，]/g, ",")
    .replace(/[〜～–—]/g, "-")
    .split(/[\s,]+/)
    .filter((t) => t !== "");
  const days = new Set<Weekday>();
  const problems: PlanProblem[] = [];

  for (const token of tokens) {
    const parts = token.split("-");
    if (parts.length === 1) {
      const day = lookup(token);
      if (day === undefined) problems.push(unknownDay(token));
      else days.add(day);
      continue;
    }
    const [fromText = "", toText = ""] = parts;
    const from = lookup(fromText);
    const to = lookup(toText);
    if (parts.length !== 2 || from === undefined || to === undefined) {
      for (const bad of parts.length === 2 ? [fromText, toText] : [token]) {
        if (lookup(bad) === undefined) problems.push(unknownDay(bad === "" ? token : bad));
      }
      continue;
    }
    for (let d = from; ; d = ((d + 1) % 7) as Weekday) {
      days.add(d);
      if (d === to) break;
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  if (days.size === 0) {
    return {
      ok: false,
      problems: [
        {
          field: "workdays",
          code: "no_workdays",
          message: {
            ja: "稼働日が指定されていません。例: mon-fri（平日）、mon,wed,fri、mon-sun（毎日）",
            en: "No workdays given. Use for example mon-fri (weekdays), mon,wed,fri, or mon-sun (every day).",
          },
        },
      ],
    };
  }
  return { ok: true, days: [...days].sort((a, b) => a - b) };
}

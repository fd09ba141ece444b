/**
 * Dates as clients write them, in Japanese and English: `2027/4/30`, `2027-04-30`,
 * `2027年4月30日(金)`, `令和9年4月30日`, `4月30日`, `4/30`, `Apr 30, 2027`, `30 April 2027`.
 * A date without a year is the next such day on or after today (today is passed in). Slash
 * dates are month/day as in both Japan and the US, unless the first number cannot be a month
 * (`30/4/2027`); when both readings are possible the reading is reported. Pure.
 */
import { msg } from "../i18n.ts";
import type { Reading } from "./reading.ts";
import { nfkc, stripPoliteTail } from "./text.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY = /(?<!\s)\s*[(（]\s*(?:[日月火水木金土](?:曜日?)?|(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?)\s*[)）]/giu;
const LEADING = /^(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+|by\s+|until\s+|before\s+|on\s+)+/iu;
const TRAILING = /(?<!\s)\s*(?:までに?|迄に?|必着|厳守|着|by|at the latest|latest)$/u;
const AROUND = /(?<!\s)\s*(?:頃|ごろ|位|くらい|ぐらい|前後|中|or so|ish)$/u;

type Parsed = { y?: number; m: number; d: number; len: number; ambiguous?: boolean };

const PATTERNS: [RegExp, (m: RegExpExecArray) => Omit<Parsed, "len"> | undefined][] = [
  [/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/u, (m) => ({ y: +(m[1] ?? 0), m: +(m[2] ?? 0), d: +(m[3] ?? 0) })],
  [
    /^令和\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/u,
    (m) => ({ y: 2018 + (m[1] === "元" ? 1 : +(m[1] ?? 0)), m: +(m[2] ?? 0), d: +(m[3] ?? 0) }),
  ],
  [/^(\d{1,2})\s*月\s*(\d{1,2})\s*日?/u, (m) => ({ m: +(m[1] ?? 0), d: +(m[2] ?? 0) })],
  [
    /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u,
    (m) => {
      const a = +(m[1] ?? 0);
      const b = +(m[2] ?? 0);
      const y = +(m[3] ?? 0);
      if (a > 12) return { y, m: b, d: a };
      return { y, m: a, d: b, ambiguous: b <= 12 && a !== b };
    },
  ],
  [/^(\d{1,2})\s*\/\s*(\d{1,2})(?![/\d])/u, (m) => ({ m: +(m[1] ?? 0), d: +(m[2] ?? 0) })],
  [
    new RegExp(`^${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*(\\d{4}))?`, "u"),
    (m) => ({ m: monthOf(m[1]), d: +(m[2] ?? 0), ...(m[3] ? { y: +m[3] } : {}) }),
  ],
  [
    new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s*(\\d{4}))?`, "u"),
    (m) => ({ m: monthOf(m[2]), d: +(m[1] ?? 0), ...(m[3] ? { y: +m[3] } : {}) }),
  ],
];

function monthOf(name: string | undefined): number {
  return MONTHS.indexOf((name ?? "").slice(0, 3)) + 1;
}

export function readDate(text: string, today: string): Reading {
  const original = stripPoliteTail(text);
  let s = nfkc(original).replace(WEEKDAY, "").trim().replace(LEADING, "").replace(TRAILING, "").trim();
  let around = false;
  if (AROUND.test(s)) {
    around = true;
    s = s.replace(AROUND, "").trim();
  }
  const bad = {
    kind: "unreadable" as const,
    why: msg(`「${original}」を日付として読めません (例: 2027年4月30日、4/30)`, `"${original}" cannot be read as a date (e.g. Apr 30, 2027 or 2027-04-30)`),
  };
  let parsed: Parsed | undefined;
  for (const [re, make] of PATTERNS) {
    const m = re.exec(s);
    const p = m ? make(m) : undefined;
    if (m && p) {
      parsed = { ...p, len: m[0].length };
      break;
    }
  }
  if (!parsed) return bad;
  const rest = s.slice(parsed.len).trim();
  // `4月30日か5月1日`: a second date is a choice the client has to make, not us.
  if (/\d/u.test(rest)) return bad;
  const iso = parsed.y !== undefined ? isoOf(parsed.y, parsed.m, parsed.d) : nextOccurrence(parsed.m, parsed.d, today);
  if (!iso) return bad;
  const remarks = [];
  if (parsed.ambiguous || around || parsed.y === undefined) remarks.push(msg(`「${original}」を ${iso} として読みました`, `read "${original}" as ${iso}`));
  if (rest) remarks.push(msg(`日付の後の「${rest}」は保存していません`, `"${rest}" after the date is not stored`));
  return { kind: "value", value: iso, remarks };
}

function isoOf(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The next day with this month and day, on or after today (29 Feb: the next leap year). */
function nextOccurrence(m: number, d: number, today: string): string | undefined {
  const y0 = Number(today.slice(0, 4));
  for (let y = y0; y <= y0 + 8; y++) {
    const iso = isoOf(y, m, d);
    if (iso && iso >= today) return iso;
  }
  return undefined;
}

/** Rules over the pack as a whole: every text in every language, the schedule bindings, template paths. */
import { msg } from "../i18n.ts";
import { describePath, suggest } from "../yaml/issues.ts";
import type { DataPath } from "../yaml/parse.ts";
import type { At } from "./question-rules.ts";
import { PLATFORM_IDS } from "./schedule-values.ts";
import { type PackInput, type QuestionInput, schemas } from "./schema.ts";
import type { Binding, ScheduleKey, Text } from "./types.ts";

export function checkLanguages(input: PackInput, at: At): void {
  const walk = (v: unknown, path: DataPath, isText: boolean) => {
    if (isText && v && typeof v === "object" && !Array.isArray(v)) {
      for (const key of Object.keys(v)) {
        if (key === "ja" || key === "en") continue;
        const guess = LANG_ALIASES[key.toLowerCase()];
        at(
          [...path, key],
          msg(
            `${describePath(path)} の「${key}」は言語のキーではありません (使えるのは ja と en です)`,
            `${describePath(path)}: "${key}" is not a language key (kikitori speaks ja and en)`,
          ),
          guess
            ? msg(`「${guess}」の誤りではありませんか`, `did you mean "${guess}"?`)
            : msg("ja: か en: にするか、削除してください", "use ja: or en:, or remove it"),
          "error",
          true,
        );
      }
      for (const lang of input.languages) {
        if (!Object.hasOwn(v, lang)) {
          at(
            path,
            msg(`${describePath(path)} に ${lang} の文がありません`, `${describePath(path)} has no ${lang} text`),
            msg(`${lang}: を追加してください (なければ ${input.languages[0]} で表示します)`, `add ${lang}: (until then ${input.languages[0]} is shown)`),
            "warning",
          );
        }
      }
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i], path[path.length - 1] === "examples");
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "schedule" && x && typeof x === "object" && "terms" in x) {
          for (const [t, v] of Object.entries((x as { terms?: object }).terms ?? {})) walk(v, [...path, k, "terms", t], true);
        }
        if (k === "schedule" && x && typeof x === "object" && "stages" in x) {
          for (const [i, st] of ((x as { stages?: { label?: unknown; check?: unknown }[] }).stages ?? []).entries()) {
            walk(st.label, [...path, k, "stages", i, "label"], true);
            const check = st.check as { label?: unknown } | undefined;
            if (check && typeof check === "object" && check.label !== undefined) walk(check.label, [...path, k, "stages", i, "check", "label"], true);
          }
        }
        if (k === "when" || k === "validate" || k === "schedule" || k === "templates") continue;
        walk(x, [...path, k], TEXT_KEYS.has(k));
      }
    }
  };
  walk(input, [], false);
}

/** Language keys people write for the two languages kikitori speaks. */
const LANG_ALIASES: Record<string, "ja" | "en"> = {
  jp: "ja",
  jpn: "ja",
  japanese: "ja",
  "ja-jp": "ja",
  ja_jp: "ja",
  日本語: "ja",
  eng: "en",
  english: "en",
  "en-us": "en",
  "en-gb": "en",
  en_us: "en",
  en_gb: "en",
  英語: "en",
};
const TEXT_KEYS = new Set(["title", "description", "intro", "message", "label", "help", "label", "hint", "unit", "min_label", "max_label", "statement"]);

const DATE_KEYS = new Set(["start", "due", "payment"]);
const NUMBER_KEYS = new Set(["revisions", "review_days", "effort_hours", "draft_share", "hours_per_day", "checkin_every"]);

export function checkSchedule(input: PackInput, byId: Map<string, QuestionInput>, at: At): void {
  for (const [key, b] of Object.entries(input.schedule ?? {}) as [string, Binding | undefined][]) {
    if (b === undefined || key === "terms" || key === "stages") continue;
    const path = ["schedule", key];
    const literal = typeof b === "object" ? b.default : b;
    if (typeof b === "object") {
      const q = byId.get(b.question);
      if (!q) {
        at(
          [...path, "question"],
          msg(
            `schedule.${key} が存在しない質問「${b.question}」を参照しています`,
            `schedule.${key} names "${b.question}", which is not a question of this pack`,
          ),
          msg("質問の id を書いてください", "name a question id"),
        );
      } else if (DATE_KEYS.has(key) && q.type !== "date") {
        at(
          [...path, "question"],
          msg(`schedule.${key} は date の質問に結び付けてください`, `schedule.${key} must bind a date question`),
          msg(`「${q.id}」は ${q.type} です`, `"${q.id}" is a ${q.type} question`),
        );
      } else if (NUMBER_KEYS.has(key) && !["number", "scale"].includes(q.type) && !b.map) {
        at(
          [...path, "question"],
          msg(`schedule.${key} は number の質問か、map 付きの質問に結び付けてください`, `schedule.${key} must bind a number question, or use map:`),
          msg(`「${q.id}」は ${q.type} です`, `"${q.id}" is a ${q.type} question`),
        );
      }
      for (const [answer, v] of Object.entries(b.map ?? {})) checkLiteral(key as ScheduleKey, v, [...path, "map", answer], at);
    }
    if (literal !== undefined) checkLiteral(key as ScheduleKey, literal, typeof b === "object" ? [...path, "default"] : path, at);
  }
}

/** `goal:` and `scope:` name questions of the pack. */
export function checkNamed(input: PackInput, byId: Map<string, QuestionInput>, at: At): void {
  for (const key of ["goal", "scope"] as const) {
    const v = input[key];
    const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
    list.forEach((id, i) => {
      if (byId.has(id)) return;
      at(
        Array.isArray(v) ? [key, i] : [key],
        msg(`${key} が存在しない質問「${id}」を参照しています`, `${key} names "${id}", which is not a question of this pack`),
        msg("質問の id を書いてください", "name a question id"),
      );
    });
  }
}

/** What a fixed schedule value must be, said the way the planner checks it. */
const WANT: Record<ScheduleKey, Text> = {
  start: msg("YYYY-MM-DD の実在する日付", "a real YYYY-MM-DD date"),
  due: msg("YYYY-MM-DD の実在する日付", "a real YYYY-MM-DD date"),
  due_means: msg("final か first_draft", "final or first_draft"),
  revisions: msg("0〜50 の整数", "a whole number from 0 to 50"),
  review_days: msg("0〜365 の整数", "a whole number from 0 to 365"),
  checkin_every: msg("1〜365 の整数 (稼働日)", "a whole number of workdays from 1 to 365"),
  effort_hours: msg("0 より大きく 100000 以下の数", "a number above 0, at most 100000"),
  hours_per_day: msg("0 より大きく 24 以下の数", "a number above 0, at most 24"),
  draft_share: msg("0 より大きく 1 以下の数", "a number above 0, at most 1"),
  workdays: msg("mon-fri、mon,wed,fri、月〜金 のような稼働日", "workdays like mon-fri, mon,wed,fri or 月〜金"),
  calendar: msg("jp か none", "jp or none"),
  delivery_time: msg("HH:MM の時刻 (18:00 など)", "a time of day as HH:MM, e.g. 18:00"),
  platform: msg(`次のいずれか: ${PLATFORM_IDS.join(", ")}`, `one of: ${PLATFORM_IDS.join(", ")}`),
  payment: msg("YYYY-MM-DD の実在する日付", "a real YYYY-MM-DD date"),
};

/** A fixed schedule value (or a map value, or a default) against the planner's rule for its key (scheduleValues in schedule-values.ts). */
function checkLiteral(key: ScheduleKey, v: unknown, path: DataPath, at: At): void {
  if (schemas().Values[key].safeParse(v).success) return;
  const guess = key === "platform" && typeof v === "string" ? suggest(v, PLATFORM_IDS) : undefined;
  at(
    path,
    msg(`schedule.${key} の値「${String(v)}」は使えません`, `schedule.${key} cannot be "${String(v)}"`),
    msg(
      `${WANT[key].ja}にしてください${guess ? ` (「${guess}」の誤りではありませんか)` : ""}`,
      `use ${WANT[key].en}${guess ? ` (did you mean "${guess}"?)` : ""}`,
    ),
  );
}

export function checkTemplates(input: PackInput, at: At): void {
  for (const [name, ref] of Object.entries(input.templates ?? {})) {
    if (!isTemplatePath(ref ?? "")) continue;
    const p = ref ?? "";
    if (p.startsWith("/") || /^[A-Za-z]:/.test(p) || p.split(/[\\/]/).includes("..")) {
      at(
        ["templates", name],
        msg(`テンプレート「${p}」はパックのフォルダの外を指しています`, `template "${p}" points outside the pack folder`),
        msg("パックのフォルダ内の相対パスにしてください", "use a path relative to, and inside, the pack folder"),
      );
    }
  }
}

/** A single-line value ending in `.hbs` names a file; anything else is the template text. */
export function isTemplatePath(ref: string): boolean {
  return !ref.includes("\n") && ref.trim().endsWith(".hbs");
}

/** Rules over the pack as a whole: every text in every language, the schedule bindings, template paths. */
import { msg } from "../i18n.ts";
import { isIsoDate } from "../iso-date.ts";
import { describePath } from "../yaml/issues.ts";
import type { DataPath } from "../yaml/parse.ts";
import type { At } from "./question-rules.ts";
import type { PackInput, QuestionInput } from "./schema.ts";
import type { Binding } from "./types.ts";

export function checkLanguages(input: PackInput, at: At): void {
  const walk = (v: unknown, path: DataPath, isText: boolean) => {
    if (isText && v && typeof v === "object" && !Array.isArray(v)) {
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
        if (k === "when" || k === "validate" || k === "schedule" || k === "templates") continue;
        walk(x, [...path, k], TEXT_KEYS.has(k));
      }
    }
  };
  walk(input, [], false);
}

const TEXT_KEYS = new Set(["title", "description", "intro", "message", "label", "help", "label", "hint", "unit", "min_label", "max_label", "statement"]);

const DATE_KEYS = new Set(["start", "due"]);
const NUMBER_KEYS = new Set(["revisions", "review_days", "effort_hours", "draft_share", "hours_per_day", "checkin_every"]);
const LITERALS: Record<string, readonly string[]> = { due_means: ["final", "first_draft"], calendar: ["jp", "none"] };

export function checkSchedule(input: PackInput, byId: Map<string, QuestionInput>, at: At): void {
  for (const [key, b] of Object.entries(input.schedule ?? {}) as [string, Binding | undefined][]) {
    if (b === undefined || key === "terms") continue;
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
      for (const v of Object.values(b.map ?? {})) checkLiteral(key, v, [...path, "map"], at);
    }
    if (literal !== undefined) checkLiteral(key, literal, path, at);
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

const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

function checkLiteral(key: string, v: unknown, path: DataPath, at: At): void {
  const allowed = LITERALS[key];
  const ok = allowed
    ? allowed.includes(String(v))
    : key === "delivery_time"
      ? typeof v === "string" && TIME_RE.test(v)
      : DATE_KEYS.has(key)
        ? typeof v === "string" && isIsoDate(v)
        : NUMBER_KEYS.has(key)
          ? typeof v === "number" && v >= 0
          : typeof v === "string";
  if (!ok) {
    const want = allowed
      ? allowed.join(" | ")
      : key === "delivery_time"
        ? "HH:MM (18:00)"
        : DATE_KEYS.has(key)
          ? "YYYY-MM-DD"
          : NUMBER_KEYS.has(key)
            ? "number ≥ 0"
            : "text";
    at(path, msg(`schedule.${key} の値「${String(v)}」は使えません`, `schedule.${key} cannot be "${String(v)}"`), msg(`${want} にしてください`, `use ${want}`));
  }
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

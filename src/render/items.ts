/**
 * One answer as templates show it: labels rather than stored values, numbers grouped, amounts in
 * the job's currency, dates in the reader's language, text cleaned of control sequences. Pure.
 */
import { type Answers, get, isPending, type Reference } from "../answers/types.ts";
import { formatDate } from "../date-format.ts";
import { type Lang, WORDS } from "../i18n.ts";
import { otherKey, type Question } from "../pack/types.ts";
import { formatNumber, numberWithUnit } from "../units.ts";
import { formatMoney } from "./client-words.ts";
import { cleanText } from "./markdown.ts";

export type ItemKind = "inline" | "block" | "list" | "refs" | "pending" | "none";

export interface RenderItem {
  id: string;
  /** The question's short label (or its full text when it has none). */
  question: string;
  /** The full question text. */
  message: string;
  worker: boolean;
  type: Question["type"];
  kind: ItemKind;
  /** One-line display (inline kind), or the full text (block kind). */
  text: string;
  /** Items of a list kind. */
  lines: string[];
  refs: { source: string; note: string; kind: "like" | "avoid" | ""; kindLabel: string }[];
  /** The note of a pending answer. */
  note: string;
  answered: boolean;
}

const REF_KIND: Record<Lang, Record<string, string>> = {
  ja: { like: "参考にしたい", avoid: "避けたい" },
  en: { like: "like", avoid: "avoid" },
};

export function renderItem(q: Question, answers: Answers, lang: Lang, currency: string): RenderItem {
  const base: RenderItem = {
    id: q.id,
    question: labelOf(q, lang),
    message: q.message[lang],
    worker: q.audience === "worker",
    type: q.type,
    kind: "none",
    text: "",
    lines: [],
    refs: [],
    note: "",
    answered: false,
  };
  // Cleaned before anything is decided from it (one line or several, short enough for the
  // glance), so what is decided is what the brief shows.
  const v = cleanValue(get(answers, q.id));
  if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return base;
  if (isPending(v)) return { ...base, kind: "pending", note: v.note ?? "" };
  const label = (value: string) => {
    const c = q.choices?.find((x) => x.value === value);
    if (!c) return value;
    const other = c.other ? cleanValue(get(answers, otherKey(q.id))) : undefined;
    return typeof other === "string" && other ? `${c.label[lang]}: ${other}` : c.label[lang];
  };
  const done = (kind: ItemKind, text: string, lines: string[] = []): RenderItem => ({ ...base, kind, text, lines, answered: true });
  switch (q.type) {
    case "select":
      return done("inline", label(String(v)));
    case "multiselect":
      return done("list", "", (v as string[]).map(label));
    case "list":
      return done("list", "", (v as string[]).map(String));
    case "confirm":
      return done("inline", (v === true ? WORDS.yes : WORDS.no)[lang]);
    case "number":
      if (q.money) return done("inline", formatMoney(v as number, currency, lang));
      // "Number of pieces: 3", not "…: 3 pieces": a short label that names the unit already
      // (a whole question, "How many figures?", still gets "2 figures").
      if (lang === "en" && q.unit && q.label && labelNamesUnit(q.label.en, q.unit.en)) return done("inline", formatNumber(v as number));
      return done("inline", numberWithUnit(v as number, q.unit, lang));
    case "scale": {
      const ends =
        q.min_label && q.max_label
          ? lang === "ja"
            ? `（${q.min} ${q.min_label.ja} ↔ ${q.max} ${q.max_label.ja}）`
            : ` (${q.min} ${q.min_label.en} ↔ ${q.max} ${q.max_label.en})`
          : "";
      return done("inline", `${v} / ${q.max}${ends}`);
    }
    case "date":
      return done("inline", formatDate(String(v), lang));
    case "paragraph":
      return String(v).includes("\n") ? done("block", String(v)) : done("inline", String(v));
    case "references":
      return {
        ...done("refs", ""),
        refs: (v as Reference[]).map((r) => ({
          source: r.source,
          note: r.note ?? "",
          kind: r.kind ?? "",
          kindLabel: r.kind ? (REF_KIND[lang][r.kind] ?? "") : "",
        })),
      };
    default:
      return String(v).includes("\n") ? done("block", String(v)) : done("inline", String(v));
  }
}

/** The short label, or the question without its closing punctuation ("…ですか。" → "…ですか"). */
export function labelOf(q: Question, lang: Lang): string {
  if (q.label) return q.label[lang];
  return q.message[lang].trim().replace(/(?<![。．.:：])[。．.:：]+$/u, "");
}

/** Whether an English label already names the unit ("Figures" for figure|figures). */
function labelNamesUnit(label: string, unit: string): boolean {
  const words = new Set(label.toLowerCase().match(/[a-z]+/g) ?? []);
  return unit
    .toLowerCase()
    .split("|")
    .some((u) => u.trim() !== "" && words.has(u.trim()));
}

/** An answer without control sequences and with one kind of line break, in every string it holds. */
export function cleanValue<T>(v: T): T {
  if (typeof v === "string") return cleanText(v) as T;
  if (Array.isArray(v)) return v.map(cleanValue) as T;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanValue(x)])) as T;
  return v;
}

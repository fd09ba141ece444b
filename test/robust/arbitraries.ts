/**
 * fast-check arbitraries for the property tests: texts a user could type (any Unicode, and
 * the strings YAML and Markdown would read as something else), packs of any shape the format
 * allows (every type, choices with `other`, rules, `when` on earlier questions), and valid
 * answers for any pack.
 */
import fc from "fast-check";
import type { AnswersFile, AnswerValue, Meta } from "../../src/answers/types.ts";
import { QUESTION_TYPES } from "../../src/pack/schema.ts";
import type { Condition, Pack, Question } from "../../src/pack/types.ts";
import { validatePack } from "../../src/pack/validate.ts";

/** Strings YAML 1.1/1.2, Markdown or a terminal would read as something other than text. */
export const SPECIAL = [
  "no",
  "yes",
  "off",
  "~",
  "null",
  "NULL",
  "true",
  "False",
  "2026-01-01",
  "2026-01-01T10:00:00Z",
  "12:30",
  "0x1F",
  "0o17",
  "1e3",
  ".inf",
  "-.5",
  "1_000",
  "#x",
  "a #b",
  "a: b",
  "a:b",
  "  leading",
  "trailing  ",
  " ",
  "- x",
  "? x",
  "! x",
  "&anchor",
  "*alias",
  "| x",
  "> x",
  "%YAML 1.1",
  "@x",
  "`x`",
  "'single'",
  '"double"',
  "---",
  "...",
  "<b>html</b>",
  "<https://example.com>",
  "[a](b)",
  "![i](x.png)",
  "[ref]: /url",
  "# heading",
  "Title #",
  "## ##",
  "1. item",
  "1) item",
  "* star",
  "+ plus",
  "===",
  "    indented code",
  "\ttab",
  "a\\",
  "\\",
  "&amp;",
  "&#x41;",
  "&copy",
  "|a|b|",
  "**bold**",
  "_it_",
  "~~s~~",
  "{{handlebars}}",
  "{{{raw}}}",
  "ヒアリング",
  "山田 様",
  "１．全角",
  "😀👩‍👩‍👧",
  "e\u0301",
  "\u200b",
  "\u2028",
  "\u00a0nbsp",
  "\u3000全角スペース",
  "\ufeffbom",
  "\u001b[31mred",
  "\r",
  "a\r\nb",
  "a\n\nb",
  "\n",
];

/** Any text: arbitrary code points, the special strings, and mixtures of both. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 16 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...SPECIAL),
          fc.string({ unit: "grapheme", maxLength: 4 }),
          fc.constantFrom("\n", " ", "  ", "#", "*", "_", "`", "\\", "|", "<", ">", "[", "]", "&", ";", "!", ":", "-", "=", "\t"),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join("")),
  },
);

/** A localized pack text: a plain string or a map with both languages. */
const packText = fc.oneof(anyText, fc.record({ ja: anyText, en: anyText }));

const isoDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

interface QuestionSeed {
  type: (typeof QUESTION_TYPES)[number];
  required: boolean;
  pending: boolean;
  message: string | { ja: string; en: string };
  label: (string | { ja: string; en: string }) | undefined;
  unit: (string | { ja: string; en: string }) | undefined;
  choices: (string | { ja: string; en: string })[];
  other: boolean;
  lo: number;
  span: number;
  items: [number, number] | undefined;
  length: [number, number] | undefined;
  range: boolean;
  when: { target: number; pick: number; wrap: number } | undefined;
  summary: boolean;
  worker: boolean;
}

const questionSeed: fc.Arbitrary<QuestionSeed> = fc.record({
  type: fc.constantFrom(...QUESTION_TYPES),
  required: fc.boolean(),
  pending: fc.boolean(),
  message: packText,
  label: fc.option(packText, { nil: undefined }),
  unit: fc.option(packText, { nil: undefined }),
  choices: fc.array(packText, { minLength: 1, maxLength: 4 }),
  other: fc.boolean(),
  lo: fc.integer({ min: -5, max: 5 }),
  span: fc.integer({ min: 1, max: 10 }),
  items: fc.option(fc.tuple(fc.nat(2), fc.nat(3)), { nil: undefined }),
  length: fc.option(fc.tuple(fc.nat(3), fc.nat(20)), { nil: undefined }),
  range: fc.boolean(),
  when: fc.option(fc.record({ target: fc.nat(), pick: fc.nat(), wrap: fc.nat(5) }), { nil: undefined }),
  summary: fc.boolean(),
  worker: fc.boolean(),
});

/** A `when` condition on an earlier question, of a kind that suits the question's type. */
function conditionOn(target: Question, pick: number, wrap: number): Condition {
  const values = target.choices?.map((c) => c.value) ?? [];
  const value = values[pick % Math.max(1, values.length)] ?? "";
  let base: Condition;
  switch (target.type) {
    case "select":
      base = pick % 2 === 0 ? { question: target.id, equals: value } : { question: target.id, in: values.slice(0, 1 + (pick % values.length)) };
      break;
    case "multiselect":
      base = { question: target.id, includes: value };
      break;
    case "confirm":
      base = { question: target.id, equals: pick % 2 === 0 };
      break;
    default:
      base = { question: target.id, answered: pick % 2 === 0 };
  }
  if (wrap === 1) return { not: base };
  if (wrap === 2) return { all: [base, { question: target.id, answered: true }] };
  if (wrap === 3) return { any: [base, { not: { question: target.id, answered: true } }] };
  return base;
}

/** Choice labels a reply can tell apart (pack validate refuses two alike in one language): a clash gets its number. */
function distinctLabels(labels: (string | { ja: string; en: string })[]): (string | { ja: string; en: string })[] {
  const fold = (t: string) => t.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  const seen = { ja: new Set<string>(), en: new Set<string>() };
  return labels.map((label) => {
    const both = (l: typeof label) => (typeof l === "string" ? { ja: l, en: l } : l);
    const clash = (l: typeof label) => fold(both(l).ja) === "" || fold(both(l).en) === "" || seen.ja.has(fold(both(l).ja)) || seen.en.has(fold(both(l).en));
    let out = label;
    for (let n = 1; clash(out); n++) out = typeof label === "string" ? `${label} ${n}` : { ja: `${label.ja} ${n}`, en: `${label.en} ${n}` };
    const final = both(out);
    seen.ja.add(fold(final.ja));
    seen.en.add(fold(final.en));
    return out;
  });
}

/** The pack file's data (as a user would write it) built from seeds. */
function packData(seeds: QuestionSeed[], sectionCount: number, title: string | { ja: string; en: string }, languages: ("ja" | "en")[]): object {
  const built: Question[] = [];
  const raw = seeds.map((s, i) => {
    const id = `q${i}`;
    const q: Record<string, unknown> = { id, type: s.type, message: s.message };
    if (s.label !== undefined) q.label = s.label;
    if (s.required) q.required = true;
    if (s.pending) q.allow_pending = true;
    if (s.summary) q.summary = true;
    if (s.worker) q.audience = "worker";
    if (s.type === "select" || s.type === "multiselect") {
      q.choices = distinctLabels(s.choices).map((label, ci) => ({
        value: s.other && ci === s.choices.length - 1 ? "other" : `c${ci}`,
        label,
        ...(s.other && ci === s.choices.length - 1 ? { other: true } : {}),
      }));
    }
    if (s.type === "scale") Object.assign(q, { min: s.lo, max: s.lo + s.span, min_label: s.message, max_label: s.message });
    if (s.type === "number") {
      if (s.unit !== undefined) q.unit = s.unit;
      if (s.range) q.validate = { min: s.lo, max: s.lo + s.span * 100 };
    }
    if ((s.type === "multiselect" || s.type === "list") && s.items) {
      const max = s.type === "multiselect" ? Math.min(s.choices.length, s.items[0] + s.items[1]) : s.items[0] + s.items[1];
      q.validate = { min_items: Math.min(s.items[0], max), max_items: Math.max(1, max) };
    }
    if ((s.type === "text" || s.type === "paragraph") && s.length) {
      q.validate = { min_length: s.length[0], max_length: s.length[0] + s.length[1] };
    }
    if (s.when && i > 0) {
      const target = built[s.when.target % i];
      if (target) q.when = conditionOn(target, s.when.pick, s.when.wrap);
    }
    built.push(q as unknown as Question);
    return q;
  });
  const count = Math.max(1, Math.min(sectionCount, raw.length));
  const size = Math.ceil(raw.length / count);
  const sections = [];
  for (let k = 0; k * size < raw.length; k++) {
    sections.push({ id: `s${k}`, title: raw[k * size]?.message ?? "s", questions: raw.slice(k * size, (k + 1) * size) });
  }
  return { kikitori: 1, id: "prop-pack", version: "1.0.0", title, languages, sections };
}

/** Valid packs of any shape; the arbitrary fails loudly if it ever builds an invalid one. */
export const anyPack: fc.Arbitrary<Pack> = fc
  .record({
    seeds: fc.array(questionSeed, { minLength: 1, maxLength: 7 }),
    sections: fc.integer({ min: 1, max: 3 }),
    title: packText,
    languages: fc.constantFrom<("ja" | "en")[]>(["ja", "en"], ["en", "ja"], ["ja"], ["en"]),
  })
  .map(({ seeds, sections, title, languages }) => {
    const data = packData(seeds, sections, title, languages);
    const { pack, problems } = validatePack(data, "prop.yaml", { locate: () => undefined });
    if (!pack) throw new Error(`the pack arbitrary built an invalid pack: ${JSON.stringify(problems.map((p) => p.message.en))}`);
    return pack;
  });

const textFor = (q: Question): fc.Arbitrary<string> => {
  const r = q.validate ?? {};
  if (r.pattern !== undefined) return fc.stringMatching(new RegExp(r.pattern, "u"));
  const min = r.min_length ?? 0;
  const max = r.max_length ?? Number.POSITIVE_INFINITY;
  // Lengths are characters as a person counts them (grapheme clusters), as checkValue counts them.
  return anyText.map((s) => {
    const chars = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].map((g) => g.segment);
    const cut = chars.length > max ? chars.slice(0, max).join("") : s;
    const n = Math.min(chars.length, max);
    const out = n < min ? cut + "x".repeat(min - n) : cut;
    // Padding can join the last cluster (after a ZWJ): then plain x's of the least length.
    const count = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(out)].length;
    return count >= min && count <= max ? out : "x".repeat(min);
  });
};

function itemsFor<T>(q: Question, item: fc.Arbitrary<T>, unique: boolean, pool?: T[]): fc.Arbitrary<T[]> {
  const r = q.validate ?? {};
  const minLength = r.min_items ?? 0;
  const maxLength = Math.min(r.max_items ?? 5, pool ? pool.length : 5);
  if (pool) return fc.subarray(pool, { minLength, maxLength });
  return unique ? fc.uniqueArray(item, { minLength, maxLength }) : fc.array(item, { minLength, maxLength });
}

/** A value that passes checkValue for the question. */
export function valueFor(q: Question): fc.Arbitrary<AnswerValue> {
  const r = q.validate ?? {};
  const values = q.choices?.map((c) => c.value) ?? [];
  switch (q.type) {
    case "text":
    case "paragraph":
      return textFor(q);
    case "select":
      return fc.constantFrom(...values);
    case "multiselect":
      return itemsFor(q, fc.constant(""), true, values);
    case "confirm":
      return fc.boolean();
    case "number": {
      const min = r.min ?? -1e9;
      const max = r.max ?? 1e9;
      const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      return r.integer ? whole : fc.oneof(whole, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case "scale":
      return fc.integer({ min: q.min ?? 0, max: q.max ?? 10 });
    case "date":
      return isoDate;
    case "list":
      return itemsFor(q, textFor(q), false);
    case "references":
      return itemsFor(
        q,
        fc
          .record({
            source: fc.oneof(
              anyText.filter((s) => s.trim() !== ""),
              fc.webUrl(),
            ),
            note: fc.option(
              anyText.filter((s) => s !== ""),
              { nil: undefined },
            ),
            kind: fc.option(fc.constantFrom("like" as const, "avoid" as const), { nil: undefined }),
          })
          .map((x) => ({ source: x.source, ...(x.note !== undefined ? { note: x.note } : {}), ...(x.kind ? { kind: x.kind } : {}) })),
        false,
      );
  }
}

const pendingValue = fc
  .option(
    anyText.filter((s) => s !== ""),
    { nil: undefined },
  )
  .map((note) => (note === undefined ? { pending: true as const } : { pending: true as const, note }));

/**
 * Valid answers for the pack: each question answered with a value of its type (or pending
 * where allowed, or left out where not required), `<id>_other` where `other` is picked.
 * Answers to questions a `when` hides are included too: validation drops them.
 */
export function answersFor(pack: Pack): fc.Arbitrary<Record<string, AnswerValue>> {
  const qs = pack.sections.flatMap((s) => s.questions);
  const parts = qs.map((q) => {
    let v: fc.Arbitrary<AnswerValue | undefined> = valueFor(q);
    if (q.allow_pending) v = fc.oneof({ weight: 4, arbitrary: v }, { weight: 1, arbitrary: pendingValue });
    if (!q.required) v = fc.option(v, { nil: undefined, freq: 4 });
    const other = q.choices?.find((c) => c.other);
    return fc.tuple(v, other ? fc.option(anyText, { nil: undefined, freq: 4 }) : fc.constant(undefined));
  });
  return fc.tuple(...parts).map((vals) => {
    const answers: Record<string, AnswerValue> = {};
    vals.forEach(([v, other], i) => {
      const q = qs[i];
      if (!q || v === undefined) return;
      answers[q.id] = v;
      const o = q.choices?.find((c) => c.other)?.value;
      const picked = Array.isArray(v) ? (v as string[]).includes(o ?? "\0") : v === o;
      if (picked && other !== undefined) answers[`${q.id}_other`] = other;
    });
    return answers;
  });
}

const metaText = anyText.filter((s) => s !== "");

/** The rest of an answers file: language, status and meta. */
export function fileFor(pack: Pack, answers: Record<string, AnswerValue>): fc.Arbitrary<AnswersFile> {
  return fc
    .record({
      lang: fc.option(fc.constantFrom("ja" as const, "en" as const), { nil: undefined }),
      status: fc.constantFrom("in-progress" as const, "complete" as const),
      client: fc.option(metaText, { nil: undefined }),
      job: fc.option(metaText, { nil: undefined }),
      platform: fc.option(fc.constantFrom("coconala", "crowdworks", "lancers", "fiverr", "upwork", "direct"), { nil: undefined }),
      created: fc.option(metaText, { nil: undefined }),
    })
    .map(({ lang, status, ...m }) => {
      const meta: Meta = {};
      for (const [k, v] of Object.entries(m)) if (v !== undefined) meta[k as keyof Meta] = v;
      return { kikitori: 1, pack: { id: pack.id, version: pack.version }, ...(lang ? { lang } : {}), status, meta, answers };
    });
}

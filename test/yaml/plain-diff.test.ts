/**
 * The fast reader (src/yaml/plain.ts) against the `yaml` library, read the way parse.ts reads
 * (src/yaml/full.ts: same options, same checks): for every text the fast reader accepts, the
 * library must read it without an error and give deep-equal data and the same `source` at
 * every path. Texts come from a hand-made writer that lays out random trees in every way
 * the subset allows (and some it does not), from the library's own writer as
 * renderAnswersYaml calls it, and from random edits of both. Hundreds of thousands of small
 * documents in all; a text the fast reader declines needs no comparison.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Document, isMap, isSeq } from "yaml";
import { renderAnswersYaml } from "../../src/answers/io.ts";
import type { AnswersFile } from "../../src/answers/types.ts";
import { DataError } from "../../src/errors.ts";
import { parseYamlFully } from "../../src/yaml/full.ts";
import { readPlainYaml } from "../../src/yaml/plain.ts";
import type { DataPath } from "../../src/yaml/types.ts";
import { type Tree, tree, writeTree } from "./yaml-writer.ts";

/** Every path into the data, containers included. */
function paths(data: unknown, at: DataPath = [], out: DataPath[] = []): DataPath[] {
  out.push(at);
  if (Array.isArray(data)) for (const [i, v] of data.entries()) paths(v, [...at, i], out);
  else if (data !== null && typeof data === "object") for (const [k, v] of Object.entries(data)) paths(v, [...at, k], out);
  return out;
}

const seen = { texts: 0, accepted: 0 };
/** KIKITORI_FUZZ_SCALE=10 runs ten times as many cases (about 1.3 million documents). */
const scale = Number(process.env.KIKITORI_FUZZ_SCALE ?? 1) || 1;

/** The fast reader declines, or reads exactly what the library reads. */
function agrees(text: string): boolean {
  seen.texts++;
  const fast = readPlainYaml(text);
  if (fast === undefined) return true;
  seen.accepted++;
  let full: ReturnType<typeof parseYamlFully>;
  try {
    full = parseYamlFully(text, "t.yaml");
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    throw new Error(`the fast reader read a text the library refuses: ${JSON.stringify(text)}\n${JSON.stringify(e.problems)}`);
  }
  if (!isDeepStrictEqual(fast.data, full.data)) {
    throw new Error(`different data for ${JSON.stringify(text)}\nfast: ${JSON.stringify(fast.data)}\nyaml: ${JSON.stringify(full.data)}`);
  }
  for (const p of paths(full.data)) {
    if (fast.source(p) !== full.source(p))
      throw new Error(`different source at ${JSON.stringify(p)} of ${JSON.stringify(text)}: ${fast.source(p)} / ${full.source(p)}`);
  }
  return true;
}

/** Plain data as answers files hold it, keys and strings drawn to be awkward. */
const piece = fc.constantFrom(
  ...["a", "b", "ロゴ", "制作", " ", ":", ": ", "#", " #", "-", "- ", "'", '"', "0", "1", "12", "e3", ".", "5", "x", "0x1F", "0o17"],
  ...["true", "True", "null", "~", "no", "{", "}", "[", "]", ",", "|", ">", "&", "*", "!", "%", "@", "`", "?", "\\", "2026-12-01"],
  ...["10:00", "\t", "\n", "\n\n", " \n", "\\n", "__proto__", "<<", "---", "..."],
);
const awkward = fc.array(piece, { maxLength: 5 }).map((a) => a.join(""));
const word = fc.constantFrom("id", "note", "source", "kind", "date", "hours", "done", "山田様", "0120", "1e3", ".5", "true", "null", "~", "a b", "a:b");
const text = fc.oneof(awkward, word, fc.string({ maxLength: 6 }));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: unknown; map: Record<string, unknown>; list: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("map"), tie("list")),
  map: fc.dictionary(fc.oneof(word, text), tie("value"), { maxKeys: 4 }),
  list: fc.array(tie("value"), { maxLength: 4 }),
}));

/** As renderAnswersYaml writes: version 1.2, no folding, one-line maps in a `progress`-like list; and other layouts. */
function libraryText(v: unknown, style: number): string {
  const doc = new Document({ answers: v, progress: Array.isArray(v) ? v : [v] }, { version: "1.2" });
  const log = doc.get("progress");
  if (isSeq(log)) for (const item of log.items) if (isMap(item)) item.flow = true;
  const options = [{}, { blockQuote: false }, { indentSeq: false }, { defaultStringType: "QUOTE_DOUBLE" as const }, { indent: 4 }];
  return doc.toString({ lineWidth: 0, ...options[style % options.length] });
}
const written = fc.tuple(value, fc.nat()).map(([v, s]) => libraryText(v, s));
const handMade = fc.tuple(tree, fc.nat()).map(([t, seed]: [Tree, number]) => writeTree(t, seed));

/** One random edit: insert, delete, or change a line's indentation. */
const edit = fc.tuple(
  fc.nat(),
  fc.nat({ max: 6 }),
  fc.oneof(piece, fc.constantFrom("|+", "|2", ">-", "&a ", "*a", "!!str ", "--- ", "\t", "  ", "? ", "%YAML 1.1\n")),
);
function applyEdits(t: string, edits: [number, number, string][]): string {
  let out = t;
  for (const [at, len, ins] of edits) {
    const i = at % (out.length + 1);
    if (len === 0) out = out.slice(0, i) + ins + out.slice(i);
    else if (len < 4) out = out.slice(0, i) + out.slice(i + len);
    else {
      const start = out.lastIndexOf("\n", i - 1) + 1;
      out = out.slice(0, start) + (len === 4 ? " " : "") + out.slice(start + (len === 5 ? 1 : 0));
    }
  }
  return out;
}
const mutated = fc.tuple(fc.oneof(written, handMade), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([t, e]) => applyEdits(t, e));

/** Answers files as kikitori writes them (renderAnswersYaml), with answers typed by people. */
const typed = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      ...["山田様", "0312345678", "1e3", "true", "no", "~", "2026-12-01", "ラフ: 3案", "#6B4F3A", "- 赤", "  字下げ", "末尾 ", "全角　"],
      ...["it's", '"引用"', "https://example.com/p/1", "1行目\n2行目", "1行目\n\n3行目\n", "A4, 3枚", "[案]", "{仮}", "50%", "10:00"],
    ),
  },
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom("\n先頭が空", "  先頭が空白\n2行目", "タブ\tあり", "a\r\nb", "末尾の改行\n\n") },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "grapheme" }) },
);
const answer = fc.oneof(
  typed,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.array(typed, { maxLength: 3 }),
  fc.array(fc.record({ source: typed, note: typed, kind: fc.constantFrom("like", "avoid") }, { requiredKeys: ["source"] }), { maxLength: 2 }),
  fc.record({ pending: fc.constant(true), note: typed }, { requiredKeys: ["pending"] }),
);
const answersFile = fc
  .record({
    meta: fc.record({ client: typed, job: typed, created: fc.constant("2026-11-23T10:00:00+09:00") }, { requiredKeys: [] }),
    answers: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), answer, { maxKeys: 6 }),
    progress: fc.array(fc.record({ date: fc.constant("2026-12-01"), hours: fc.nat(8), done: fc.nat(100), note: typed }, { requiredKeys: ["date"] }), {
      maxLength: 2,
    }),
    history: fc.array(fc.record({ at: fc.constant("2026-12-01T10:00:00+09:00"), key: fc.constant("due_date"), from: answer, to: answer }), { maxLength: 2 }),
  })
  .map((r) => renderAnswersYaml({ kikitori: 1, pack: { id: "writing", version: "1.1.0" }, status: "in-progress", ...r } as AnswersFile));

describe("the fast reader against the yaml library", () => {
  it("reads nearly every answers file kikitori writes, as the library does", () => {
    const before = { ...seen };
    fc.assert(fc.property(answersFile, agrees), { numRuns: 1_000 * scale });
    // About 80% here: the rest hold answers generated to be awkward (tabs, `|+`, `|2-`, a line
    // break inside a progress note, which the library writes as a multi-line flow map).
    expect(seen.accepted - before.accepted).toBeGreaterThan(0.6 * (seen.texts - before.texts));
  });

  it.each([
    ["texts the library writes", written, 10_000],
    ["texts laid out by hand", handMade, 60_000],
    ["random edits of both", mutated, 60_000],
  ] as const)("%s: the same data and sources, or declined", (_, texts, numRuns) => {
    const before = { ...seen };
    fc.assert(fc.property(texts, agrees), { numRuns: numRuns * scale });
    // The comparison is worth having only if a good part of the texts is in the subset
    // (about a third of the library's texts, a sixth of the others).
    expect(seen.accepted - before.accepted).toBeGreaterThan((numRuns * scale) / 10);
  });
});

describe("edge cases the properties found, and the subset's borders", () => {
  it.each([
    ["a: \u00a0\n", "a no-break space is text to YAML, not white space"],
    ["a: x\u3000\n", "a full-width space at the end is kept"],
    ['a: "色 #6B4F3A" # note\n', "a quoted value with a comment after it"],
    ['p:\n  - { date: 2026-12-01, hours: 3, note: "A4, 3枚" }\n', "a progress line"],
    ["a: |\nb: 1\n", "a literal block with no lines"],
    ["a: |\n  x", "clip at the end of the text without a line break"],
    ["a: |-\n  \n  x\n", "a first line of spaces only, as the library writes a leading empty line"],
    ["a: |\n  x\n\n  y\n\n\nb: 1\n", "empty lines inside and after"],
    ["- a:\n  - x\n  b: 1\n", "a list at its key's indentation inside a list item"],
    ["- - a\n  - b\n- c\n", "a list in a list"],
    ["a:b:\n", "a key with a colon inside"],
    ["'0120': 1\n\"1e3\": true\n", "quoted keys that look like numbers"],
    ["a: 0x1F\nb: 0o17\nc: .5\nd: -.inf\ne: .NaN\nf: +12\ng: 1.10\n", "numbers and their sources"],
  ])("%j (%s)", (text) => {
    expect(readPlainYaml(text)).toBeDefined();
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ["- [,a 0]\n", "an empty entry in a flow list is an error"],
    ["a: [x, , y]\n", "the same, inside"],
    ["a: |+\n  x\n\n", "keep chomping"],
    ["a: |2\n   x\n", "an indentation indicator"],
    ["a: >\n  x\n", "folded"],
    ["a: |\n  x\n     \n", "a line of spaces longer than the indentation"],
    ["a: x\n  y\n", "a multi-line plain scalar"],
    ['a: "x\n  y"\n', "a multi-line quoted scalar"],
    ["a:\tx\n", "a tab"],
    ["a: &x 1\nb: *x\n", "anchors and aliases"],
    ["a: !!str 1\n", "tags"],
    ["---\na: 1\n", "a document marker"],
    ["a: 1\na: 2\n", "duplicate keys (the library's error is reported)"],
    ["__proto__: 1\n", "__proto__ (the library's error is reported)"],
    ["? a\n: 1\n", "an explicit key"],
    ["a: 1\r2\n", "a lone carriage return"],
    [`${"k".repeat(600)}: 1\n`, "a key near the library's 1024-character limit"],
    [`${"a:\n ".repeat(25)}b: 1\n`, "deep nesting (parse.ts checks it)"],
  ])("declines %j (%s)", (text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});

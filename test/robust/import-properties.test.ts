/**
 * `import` reads whatever a client pastes back: any text, shaped like the `ask` numbering or
 * not, never makes it throw, and what it keeps is always valid for the pack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { validateAnswers } from "../../src/answers/validate.ts";
import { importReply } from "../../src/import/import.ts";
import { readPackFile } from "../../src/pack/load.ts";
import type { Pack } from "../../src/pack/types.ts";
import { FIXTURES, ROOT } from "../helpers.ts";
import { anyPack, anyText } from "./arbitraries.ts";

const filePacks: Pack[] = [
  ...fs
    .readdirSync(path.join(ROOT, "questionnaires"))
    .filter((f) => f.endsWith(".yaml") && f !== "platforms.yaml")
    .map((f) => path.join(ROOT, "questionnaires", f)),
  ...fs.readdirSync(path.join(FIXTURES, "packs")).map((f) => path.join(FIXTURES, "packs", f)),
].map((f) => readPackFile(f).pack);

const named = (p: Pack) => Object.assign(p, { [fc.toStringMethod]: () => `<pack ${p.id}>` });
const packs = fc.oneof(fc.constantFrom(...filePacks.map(named)), anyPack);

/** What follows a question number in a reply, in the forms people type. */
const marker = fc.constantFrom(". ", ".", ") ", "）", "．", "、", ": ", "：", " ", ") ", "番 ");
const numberText = fc.oneof(
  fc.integer({ min: 0, max: 120 }).map(String),
  fc.integer({ min: 1, max: 20 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  fc.integer({ min: 1, max: 20 }).map((n) => String.fromCharCode(0x2460 + n - 1)),
  fc.integer({ min: 1, max: 40 }).map((n) => `Q${n}`),
);
const choiceish = fc.oneof(
  fc.integer({ min: -2, max: 12 }).map(String),
  fc.constantFrom(
    "未定",
    "pending",
    "TBD",
    "はい",
    "いいえ",
    "yes",
    "no",
    "1、3",
    "1,2",
    "2026-12-11",
    "12月11日",
    "3万円",
    "１０",
    "その他: 水彩",
    "other: x",
  ),
);
const line = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(numberText, marker, fc.oneof(anyText, choiceish)).map(([n, m, t]) => `${n}${m}${t}`) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom("", "> 1. 質問", "-- ", "よろしくお願いします", "Best regards", "On Mon, Bob wrote:", "  - item", "```") },
);
const reply = fc.oneof(
  { weight: 4, arbitrary: fc.array(line, { maxLength: 30 }).map((ls) => ls.join("\n")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
);

describe("import", () => {
  test("never throws on any text, and keeps only valid answers", () => {
    fc.assert(
      fc.property(packs, reply, (pack, text) => {
        const result = importReply(pack, text, { today: "2026-11-23" });
        const { problems } = validateAnswers(pack, result.answers, { requireComplete: false });
        expect(problems.filter((p) => p.severity !== "warning").map((p) => p.message.en)).toEqual([]);
        expect(["complete", "in-progress"]).toContain(result.status);
      }),
      { numRuns: 200 },
    );
  });
});

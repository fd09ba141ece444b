/**
 * Round trip over every pack found: a reply written in the ask numbering (generated from the
 * pack itself, so packs added later are covered) imports to exactly the answers it means.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.ts";
import { importReply } from "../../src/import/import.ts";
import { readPackFile } from "../../src/pack/load.ts";
import { FIXTURES, ROOT } from "../helpers.ts";
import { generateReply } from "./reply-gen.ts";

const TODAY = "2026-11-23";
const builtins = fs
  .readdirSync(path.join(ROOT, "questionnaires"))
  .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith("platforms."))
  .map((f) => path.join(ROOT, "questionnaires", f));
const packs = [...builtins, path.join(FIXTURES, "packs", "all-types.yaml")].map((file) => readPackFile(file).pack);
const cases = packs.flatMap((pack) => (["ja", "en"] as const).flatMap((lang) => [0, 1, 2].map((variant) => ({ id: pack.id, pack, lang, variant }))));

describe.each(cases)("$id ($lang, variant $variant)", ({ pack, lang, variant }) => {
  it("imports a reply written in the ask numbering to exactly the answers it means", () => {
    const { reply, expected } = generateReply(pack, { lang, today: TODAY, variant });
    const result = importReply(pack, reply, { today: TODAY });
    expect(result.unreadable.map((u) => `${u.n} ${u.id}: ${u.why.en} «${u.text}»`)).toEqual([]);
    expect(result.answers).toEqual(expected);
    const stillMissing = validateAnswers(pack, expected).problems.filter((p) => p.severity !== "warning");
    expect(result.status).toBe(stillMissing.length === 0 ? "complete" : "in-progress");
    expect(result.missing.map((m) => m.question.id).sort()).toEqual(stillMissing.map((p) => p.path).sort());
  });

  it("lists an unreadable answer by its number and leaves it unanswered", () => {
    const { reply, expected, garbled } = generateReply(pack, { lang, today: TODAY, variant, garble: true });
    expect(garbled).toBeDefined();
    const result = importReply(pack, reply, { today: TODAY });
    expect(result.unreadable.map((u) => u.n)).toEqual([garbled]);
    expect(result.answers).toEqual(expected);
    expect(result.status).toBe("in-progress");
  });
});

it("finds the built-in packs and the fixture", () => {
  expect(packs.map((p) => p.id)).toContain("all-types");
});

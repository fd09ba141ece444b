/**
 * The form's two ways back, in-process: its copied reply and its downloaded answers file are
 * read by `import` to exactly the answers the form holds (for any pack and any answers,
 * whatever the client typed), with a matching checksum; a changed reply is still read, with
 * the checksum saying it changed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { visibleQuestions } from "../../src/answers/conditions.ts";
import { parseAnswersText } from "../../src/answers/io.ts";
import { validateAnswers } from "../../src/answers/validate.ts";
import { numberQuestions } from "../../src/ask/numbering.ts";
import { renderFormAnswersFile } from "../../src/form/download.ts";
import { renderFormReply } from "../../src/form/reply.ts";
import { importAnswersFile } from "../../src/import/answers-file.ts";
import { replyQuestions } from "../../src/import/form.ts";
import { importReply } from "../../src/import/import.ts";
import { readPackFile } from "../../src/pack/load.ts";
import type { Pack } from "../../src/pack/types.ts";
import { FIXTURES, ROOT } from "../helpers.ts";
import { answersFor, anyPack } from "../robust/arbitraries.ts";
import { asForm, everyTypePack } from "./helpers.ts";

const TODAY = "2026-11-23";
const filePacks: Pack[] = [
  ...fs
    .readdirSync(path.join(ROOT, "questionnaires"))
    .filter((f) => f.endsWith(".yaml") && f !== "platforms.yaml")
    .map((f) => path.join(ROOT, "questionnaires", f)),
  path.join(FIXTURES, "packs", "all-types.yaml"),
].map((f) => readPackFile(f).pack);
const named = (p: Pack) => Object.assign(p, { [fc.toStringMethod]: () => `<pack ${p.id}>` });
const packs = fc.oneof(fc.constantFrom(...[...filePacks, everyTypePack()].map(named)), anyPack);
const langs = fc.constantFrom("ja" as const, "en" as const);

/** The reply as the form's review page writes it: of the questions that apply. */
function reply(pack: Pack, lang: "ja" | "en", answers: ReturnType<typeof asForm>): string {
  const applies = new Set(visibleQuestions(pack, answers).map((q) => q.id));
  return renderFormReply({
    lang,
    title: pack.title[lang],
    packId: pack.id,
    version: pack.version,
    questions: [...replyQuestions(pack, lang).values()].filter((q) => applies.has(q.id)),
    answers,
  });
}

function file(pack: Pack, lang: "ja" | "en", answers: ReturnType<typeof asForm>): string {
  return renderFormAnswersFile({
    packId: pack.id,
    version: pack.version,
    title: pack.title[lang],
    lang,
    status: "in-progress",
    meta: { client: "山田 様", created: "2026-11-23T10:00:00+09:00" },
    answers,
  });
}

describe("the copied reply", () => {
  test("imports to exactly the form's answers (no default over an answer left blank), checksum matching, for any pack and answers", () => {
    fc.assert(
      fc.property(
        packs.chain((pack) => fc.tuple(fc.constant(pack), answersFor(pack), langs)),
        ([pack, raw, lang]) => {
          const answers = asForm(pack, raw);
          const r = importReply(pack, reply(pack, lang, answers), { today: TODAY });
          expect(r.unreadable.map((u) => `${u.n}: ${u.why.en} «${u.text}»`)).toEqual([]);
          expect(r.answers).toEqual(answers);
          expect(r.defaulted).toEqual([]);
          expect(r.form).toMatchObject({ packId: pack.id, version: pack.version, matches: true });
        },
      ),
      { numRuns: 200 },
    );
  });

  test.each(["ja", "en"] as const)("reads as a person writes it, in the ask numbering (%s)", (lang) => {
    const pack = everyTypePack();
    const answers = asForm(pack, {
      name: "山田",
      kind: "other",
      kind_other: "看板",
      kind_detail: "一行目\n\n  二行目",
      media: ["sns", "other"],
      media_other: "動画",
      sns_sizes: ["400x400", "・1500x500"],
      colors_fixed: true,
      palette: { pending: true, note: "来週" },
      mood: 2,
      calm_note: "未定",
      refs: [
        { source: "https://example.com/a.png", note: "線", kind: "like" },
        { source: "my photo.jpg", kind: "avoid" },
      ],
      due: "2027-01-15",
      budget: 30000,
    });
    const text = reply(pack, lang, answers);
    const ja = lang === "ja";
    expect(text.split("\n")).toEqual([
      ja ? "「全種類フォーム」の回答をお送りします。" : "My answers to “Every type form”:",
      "",
      "1. 山田",
      ja ? "2. 3) その他（看板）" : "2. 3) Other (看板)",
      "3. 一行目",
      "",
      "     二行目",
      ja ? "4. 1) SNS" : "4. 1) Social media",
      ja ? "   4) その他（動画）" : "   4) Other (動画)",
      "5. ・400x400",
      "   ・・1500x500",
      ja ? "7. はい" : "7. Yes",
      ja ? "8. 未定（来週）" : "8. Not decided yet (来週)",
      "9. 2",
      "10. \\未定",
      ja ? "11. ・［参考にしたい］https://example.com/a.png" : "11. ・[like] https://example.com/a.png",
      ja ? "     メモ：線" : "     Note: 線",
      ja ? "   ・［避けたい］my photo.jpg" : "   ・[avoid] my photo.jpg",
      "13. 2027-01-15",
      ja ? "14. 30000円" : "14. 30000 yen",
      "",
      expect.stringMatching(
        ja ? /^（kikitori フォーム every-type@1\.0\.0・確認コード [0-9a-f]{8}）$/ : /^\(kikitori form every-type@1\.0\.0 · check [0-9a-f]{8}\)$/,
      ),
      "",
    ]);
    const r = importReply(pack, text, { today: TODAY });
    expect(r.answers).toEqual(answers);
    expect(r.form?.matches).toBe(true);
  });

  const videoEditing = filePacks.find((p) => p.id === "video-editing") as Pack;
  const stagesN = numberQuestions(videoEditing).find((x) => x.question.id === "stages")?.n;
  test.each([
    ["ja", "なし"],
    ["en", "None"],
  ] as const)("writes a question with a default the client left blank as %s «%s», and import does not fill the default in", (lang, word) => {
    // video-editing's stages defaults to [cut, final]; the client unticked every box.
    const answers = asForm(videoEditing, { stages: [] });
    const text = reply(videoEditing, lang, answers);
    expect(text.split("\n")).toContain(`${stagesN}. ${word}`);
    const r = importReply(videoEditing, text, { today: TODAY });
    expect(r.answers.stages).toBeUndefined();
    expect(r.missing.map((m) => m.question.id)).toContain("stages");
    expect(r.form?.matches).toBe(true);
    // The same reply without the signature is an ordinary reply: "none" is still the client's answer.
    const plain = importReply(videoEditing, text.replace(/\n[（(]kikitori.*\n$/u, "\n"), { today: TODAY });
    expect(plain.form).toBeUndefined();
    expect(plain.answers.stages).toBeUndefined();
    expect(plain.defaulted.map((d) => d.question.id)).not.toContain("stages");
  });

  test.each([
    ["なし", "1. \\なし", "なし"],
    ["(blank)", "1. なし", undefined],
    ["未定", "1. \\未定", "未定"],
  ] as const)("a text with a default answered %s is written as «%s» and read back exactly", (typed, line, stored) => {
    const pack = everyTypePack();
    const name = pack.sections[0]?.questions[0];
    if (name) name.default = "未記入";
    const answers = asForm(pack, { name: typed === "(blank)" ? "" : typed, kind: "logo" });
    const text = reply(pack, "ja", answers);
    expect(text.split("\n")).toContain(line);
    const r = importReply(pack, text, { today: TODAY });
    expect(r.answers.name).toBe(stored);
    expect(r.form?.matches).toBe(true);
  });

  test("a reply changed on the way is still read, and the checksum says so", () => {
    const pack = everyTypePack();
    const answers = asForm(pack, { name: "山田", kind: "logo", mood: 4, due: "2027-01-15" });
    const changed = reply(pack, "ja", answers).replace("2. 1) ロゴ", "2. 2");
    const r = importReply(pack, changed, { today: TODAY });
    expect(r.answers).toEqual({ ...answers, kind: "banner" });
    expect(r.form).toMatchObject({ matches: false });
  });

  test("a reply from another pack's form is refused with the command that reads it", () => {
    const other = { ...everyTypePack(), id: "other-pack" };
    const text = reply(other, "en", {});
    expect(() => importReply(everyTypePack(), text, { today: TODAY })).toThrow(/other-pack/);
  });
});

describe("the downloaded answers file", () => {
  test("is an answers file that render and import read to exactly the form's answers", () => {
    fc.assert(
      fc.property(
        packs.chain((pack) => fc.tuple(fc.constant(pack), answersFor(pack), langs)),
        ([pack, raw, lang]) => {
          const answers = asForm(pack, raw);
          const text = file(pack, lang, answers);
          const read = parseAnswersText(text, "form.answers.yaml");
          expect(read.file).toMatchObject({ pack: { id: pack.id, version: pack.version }, lang, status: "in-progress", meta: { client: "山田 様" } });
          const checked = validateAnswers(pack, read.file.answers, { requireComplete: false });
          expect(checked.problems.filter((p) => p.severity !== "warning")).toEqual([]);
          expect(checked.answers).toEqual(answers);
          const imported = importAnswersFile(pack, text, "form.answers.yaml");
          expect(imported.answers).toEqual(answers);
          expect(imported.form?.matches).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("an answer edited in the file is kept, and the checksum says so", () => {
    const pack = everyTypePack();
    const answers = asForm(pack, { name: "山田", kind: "logo", due: "2027-01-15" });
    const text = file(pack, "ja", answers).replace('name: "山田"', 'name: "佐藤"');
    const imported = importAnswersFile(pack, text, "form.answers.yaml");
    expect(imported.answers.name).toBe("佐藤");
    expect(imported.form?.matches).toBe(false);
  });
});

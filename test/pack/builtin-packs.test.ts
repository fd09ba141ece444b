/**
 * The built-in packs in questionnaires/ and their example hearings (issue 5, "Done when").
 * Packs are discovered the way kikitori discovers them, so a pack added later is held to the
 * same bar without touching this file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { visibleQuestions } from "../../src/answers/conditions.ts";
import { readAnswersFile } from "../../src/answers/io.ts";
import { validateAnswers } from "../../src/answers/validate.ts";
import { formatDate } from "../../src/date-format.ts";
import { checkPackFile } from "../../src/pack/load.ts";
import { packFilesIn } from "../../src/pack/lookup.ts";
import { COMMON_TAGS, GENRE_TAGS } from "../../src/pack/tags.ts";
import { allQuestions, type Pack, type Question } from "../../src/pack/types.ts";
import { parseYaml } from "../../src/yaml/parse.ts";
import { ROOT, read as readText, run, tmpdir } from "../helpers.ts";

const DIR = path.join(ROOT, "questionnaires");
const EXAMPLES = path.join(DIR, "examples");
const LANGS = ["ja", "en"] as const;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

const files = packFilesIn(DIR, "builtin");
const packs = files.map((file) => {
  const check = checkPackFile(file, "builtin");
  return { file, name: path.basename(file), check, pack: check.loaded?.pack as Pack, raw: parseYaml(fs.readFileSync(file, "utf8"), file).data as RawPack };
});
const examples = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".answers.yaml")) : [];

type Raw = Record<string, unknown>;
interface RawPack extends Raw {
  sections: (Raw & { questions: (Raw & { choices?: Raw[] })[] })[];
}

/**
 * Every localized string of the RAW file (before normalization fills a missing language from
 * the first one), with where it sits. `prose` marks the ones that must really be Japanese in
 * `ja` and must not be in `en` (choice labels such as "PNG" or "Instagram" may be the same).
 */
function localized(raw: RawPack): { where: string; value: unknown; prose: boolean }[] {
  const out: { where: string; value: unknown; prose: boolean }[] = [];
  const take = (obj: Raw, keys: string[], where: string, prose: boolean) => {
    for (const k of keys) if (k in obj) out.push({ where: `${where}.${k}`, value: obj[k], prose });
  };
  take(raw, ["title", "description"], raw.id as string, true);
  for (const s of raw.sections) {
    take(s, ["title", "intro"], `section ${s.id as string}`, true);
    for (const q of s.questions) {
      const where = `question ${q.id as string}`;
      take(q, ["message", "help", "label"], where, true);
      take(q, ["unit", "min_label", "max_label"], where, false);
      for (const [i, e] of ((q.examples as unknown[]) ?? []).entries()) out.push({ where: `${where}.examples[${i}]`, value: e, prose: false });
      for (const c of q.choices ?? []) take(c, ["label", "hint"], `${where} choice ${c.value as string}`, false);
    }
  }
  return out;
}

/** The rights items Japan's Freelance Act asks a business client to state, found by their text. */
const FREELANCE_ACT_ITEMS: [string, RegExp, Question["type"][]][] = [
  ["the work (給付の内容)", /業務の内容|依頼内容/, ["paragraph", "text"]],
  ["the fee (報酬額)", /報酬額/, ["number"]],
  ["the payment date (支払期日)", /支払/, ["date"]],
  ["where the work is handed over (受領場所)", /納品方法|納品場所|受け取/, ["select"]],
  ["the acceptance date (検収)", /検収/, ["date"]],
  ["copyright or neighbouring rights", /著作権|著作隣接権/, ["select"]],
  ["portfolio permission", /実績|ポートフォリオ/, ["select"]],
  ["usage scope", /利用|使用/, ["select", "multiselect"]],
];

// Types whose answer fits one line of the "at a glance" list (see render/context.ts).
const SUMMARY_TYPES = new Set(["select", "multiselect", "list", "text", "number", "date", "confirm", "scale"]);
// Types whose answer is obvious without choices or examples.
const SELF_EXPLAINING = new Set(["confirm", "date", "number", "scale"]);
const WORKER_KEYS = ["effort_hours", "hours_per_day", "workdays"] as const;

const text = (q: Question) => `${q.label?.ja ?? ""} ${q.message.ja}`;

describe("built-in packs", () => {
  it("are there, and each ships an example hearing", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    // Every genre with a tag list has its built-in pack.
    expect(packs.map((p) => p.pack?.id)).toEqual(expect.arrayContaining(Object.keys(GENRE_TAGS)));
    const ids = packs.map((p) => p.pack?.id);
    for (const id of ids) expect(examples, `questionnaires/examples/${id}.answers.yaml`).toContain(`${id}.answers.yaml`);
  });

  describe.each(packs)("$name", ({ check, pack, raw }) => {
    it("loads with no problems and no warnings", () => {
      expect(check.problems.map((p) => `${p.line}: ${p.message.en}`)).toEqual([]);
      expect(pack).toBeDefined();
    });

    it("has every text in Japanese and English, written in the file itself", () => {
      const missing: string[] = [];
      for (const { where, value, prose } of localized(raw)) {
        const v = value as Record<string, unknown> | null;
        if (typeof v !== "object" || v === null) missing.push(`${where}: a plain string, not { ja, en }`);
        else
          for (const lang of LANGS) {
            const s = v[lang];
            if (typeof s !== "string" || s.trim() === "") missing.push(`${where}.${lang}: missing`);
            else if (prose && (lang === "ja") !== JAPANESE.test(s)) missing.push(`${where}.${lang}: not in ${lang === "ja" ? "Japanese" : "English"}: ${s}`);
          }
      }
      expect(missing).toEqual([]);
    });

    it("explains every question and offers choices with hints or example answers", () => {
      const bare: string[] = [];
      for (const q of allQuestions(pack)) {
        if (!q.help) bare.push(`${q.id}: no help`);
        if (SELF_EXPLAINING.has(q.type)) continue;
        const guided = (q.choices ?? []).some((c) => c.hint) || (q.examples ?? []).length > 0;
        if (!guided) bare.push(`${q.id} (${q.type}): no hinted choices and no examples`);
      }
      expect(bare).toEqual([]);
    });

    it("gives every question a short label, never the whole question", () => {
      const long: string[] = [];
      for (const q of allQuestions(pack)) {
        if (!q.label) long.push(`${q.id}: no label`);
        else if (q.label.ja.length > 20 || q.label.en.length > 40 || /[。？?]$/u.test(q.label.ja)) long.push(`${q.id}: ${q.label.ja} / ${q.label.en}`);
      }
      expect(long).toEqual([]);
    });

    it("has the sections every hearing needs, and at least 15 questions", () => {
      const ids = pack.sections.map((s) => s.id);
      // Rule: every pack asks about the deadline and the rights. The design packs (any pack
      // whose id does not contain "voice") also ask about tone, vision and references; a voice
      // pack asks about the voice instead of a visual tone.
      const needed = ["deadline", "rights", ...(pack.id.includes("voice") ? ["references"] : ["tone", "vision", "references"])];
      for (const id of needed) expect(ids, `section ${id}`).toContain(id);
      expect(allQuestions(pack).length).toBeGreaterThanOrEqual(15);
    });

    it("asks every category a professional hearing sheet asks, found by its tags", () => {
      const tagged = new Set(allQuestions(pack).flatMap((q) => q.tags ?? []));
      const genre: readonly string[] = GENRE_TAGS[pack.id as keyof typeof GENRE_TAGS] ?? [];
      expect([...COMMON_TAGS, ...genre].filter((t) => !tagged.has(t))).toEqual([]);
      expect(
        allQuestions(pack)
          .filter((q) => !q.tags?.length)
          .map((q) => q.id),
        "questions without tags",
      ).toEqual([]);
    });

    it("binds the deadline planner to its questions", () => {
      const ids = new Set(allQuestions(pack).map((q) => q.id));
      for (const key of ["start", "due", "due_means", "revisions", "effort_hours", "hours_per_day"] as const) {
        const b = pack.schedule?.[key];
        expect(b, `schedule.${key}`).toBeDefined();
        if (typeof b === "object") expect(ids, `schedule.${key} names a question`).toContain(b.question);
      }
    });

    it("asks, in its rights section, what the Freelance Act requires to be stated", () => {
      const rights = pack.sections.find((s) => s.id === "rights")?.questions ?? [];
      for (const [item, re, types] of FREELANCE_ACT_ITEMS) {
        expect(
          rights.some((q) => types.includes(q.type) && re.test(text(q))),
          item,
        ).toBe(true);
      }
      expect(
        rights.some((q) => q.type === "confirm" && /事業/.test(text(q))),
        "whether the client is a business",
      ).toBe(true);
    });

    it("marks the terms to confirm for the summary, and only answers that fit one line", () => {
      const marked = allQuestions(pack).filter((q) => q.summary);
      expect(marked.length).toBeGreaterThanOrEqual(6);
      for (const q of marked) {
        expect(SUMMARY_TYPES, `${q.id} (${q.type})`).toContain(q.type);
        expect(q.audience, `${q.id} is the worker's own`).not.toBe("worker");
      }
      const s = pack.schedule ?? {};
      for (const key of ["due", "due_means", "revisions"] as const) {
        const b = s[key];
        if (typeof b === "object")
          expect(
            marked.map((q) => q.id),
            `schedule.${key}`,
          ).toContain(b.question);
      }
    });

    it("keeps the worker's own questions (effort, hours, workdays) away from the client", () => {
      const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
      for (const key of WORKER_KEYS) {
        const b = pack.schedule?.[key];
        if (typeof b !== "object") continue;
        expect(byId.get(b.question)?.audience, `${b.question} (schedule.${key})`).toBe("worker");
      }
      for (const q of allQuestions(pack).filter((x) => x.audience === "worker")) {
        // The tool shows who answers; a hand-written prefix would say it twice.
        expect(q.message.ja, q.id).not.toMatch(/^【/);
        expect(q.message.en, q.id).not.toMatch(/^\[|^(Designer|Illustrator|Voice actor)'s \w+:/);
      }
    });
  });
});

describe.each(examples)("example %s", (name) => {
  const file = path.join(EXAMPLES, name);
  const read = readAnswersFile(file);
  const pack = packs.find((p) => p.pack?.id === read.file.pack.id)?.pack as Pack;

  it("answers a built-in pack with no problems", () => {
    expect(pack, `pack ${read.file.pack.id}`).toBeDefined();
    expect(read.file.pack.version).toBe(pack.version);
    const { problems } = validateAnswers(pack, read.file.answers, { file: name, locate: read.locate, requireComplete: read.file.status === "complete" });
    expect(problems.map((p) => `${p.path}: ${p.message.en} (${p.severity ?? "error"})`)).toEqual([]);
  });

  describe.each(LANGS)("rendered in %s", (lang) => {
    // One render per language, shared by the checks below.
    let rendered: { brief: string; message: string } | undefined;
    const output = async (kind: "brief" | "message") => {
      if (!rendered) {
        const out = tmpdir();
        const r = await run(["render", path.relative(ROOT, file), "--lang", lang, "--out", out]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/warn|警告|error|エラー/i);
        const stem = name.replace(/\.answers\.yaml$/, "");
        rendered = { brief: readText(path.join(out, `${stem}.brief.md`)), message: readText(path.join(out, `${stem}.message.md`)) };
      }
      return rendered[kind];
    };

    it("reads cleanly: no placeholders, no empty headings, labels instead of stored values", async () => {
      const brief = await output("brief");
      const message = await output("message");
      const lines = new Set(`${brief}\n${message}`.split("\n").map((l) => l.replace(/^\s*(?:[-*]|\d+\.)\s+/, "").trim()));
      for (const out of [brief, message]) {
        expect(out).not.toMatch(/undefined|\[object Object\]|NaN/);
        expect(out).not.toMatch(/^#+\s*$/m);
      }
      const visible = visibleQuestions(pack, read.file.answers);
      for (const q of visible.filter((x) => x.type === "select" || x.type === "multiselect")) {
        const v = read.file.answers[q.id];
        for (const value of Array.isArray(v) ? v : [v]) {
          const choice = q.choices?.find((c) => c.value === value);
          if (!choice || choice.label[lang] === value) continue;
          expect(lines.has(String(value)), `${q.id}: raw value "${String(value)}" shown instead of its label`).toBe(false);
          expect(brief, `${q.id}: label of "${String(value)}"`).toContain(choice.label[lang]);
        }
      }
    });

    it("sums up the terms for the client, without the worker's own answers", async () => {
      const message = await output("message");
      const answered = (q: Question) => read.file.answers[q.id] !== undefined;
      const visible = visibleQuestions(pack, read.file.answers).filter(answered);
      const shown = visible.filter((q) => q.summary && q.audience !== "worker");
      expect(shown.length).toBeGreaterThanOrEqual(6);
      expect(shown.length).toBeLessThanOrEqual(12);
      // The deadline and what it means are said once, in the schedule's own sentence.
      const restated = new Set(["due", "due_means"].map((k) => pack.schedule?.[k as "due"]).flatMap((b) => (typeof b === "object" ? [b.question] : [])));
      for (const q of shown) {
        const v = read.file.answers[q.id];
        if (restated.has(q.id) && q.type === "date" && typeof v === "string") expect(message, q.id).toContain(formatDate(v, lang));
        else if (restated.has(q.id)) expect(message, q.id).toMatch(lang === "ja" ? /」は.+のことと理解し/ : /I understand "the \w+" to mean/);
        else expect(message, q.id).toContain(q.label?.[lang] ?? "");
      }
      for (const q of visible.filter((x) => x.audience === "worker")) expect(message, q.id).not.toContain(`${q.label?.[lang]}:`);
    });
  });
});

/**
 * The ask message for every pack found: its numbering is the shared one import reads, its
 * sample reply imports cleanly, and the message pasted back (unanswered or marked) is read
 * for what the client added, not for what ask printed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { buildAskContext } from "../../src/ask/context.ts";
import { numberQuestions } from "../../src/ask/numbering.ts";
import { importReply } from "../../src/import/import.ts";
import { readPackFile } from "../../src/pack/load.ts";
import type { Pack } from "../../src/pack/types.ts";
import { tidy } from "../../src/render/render.ts";
import { templateStore } from "../../src/render/templates.ts";
import { FIXTURES, ROOT } from "../helpers.ts";

const TODAY = "2026-11-23";
const store = templateStore(path.join(ROOT, "templates"));
const files = [
  ...fs
    .readdirSync(path.join(ROOT, "questionnaires"))
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith("platforms."))
    .map((f) => path.join(ROOT, "questionnaires", f)),
  path.join(FIXTURES, "packs", "all-types.yaml"),
];
const packs = files.map((f) => readPackFile(f).pack);
const ask = (pack: Pack, lang: "ja" | "en", format: "text" | "md") =>
  tidy(store.get("ask", lang)(buildAskContext(pack, { lang, format, client: "山田", job: "ロゴ制作" })));
const cases = packs.flatMap((pack) => (["ja", "en"] as const).map((lang) => ({ id: pack.id, pack, lang })));

describe.each(cases)("ask $id ($lang)", ({ pack, lang }) => {
  it("numbers every question 1…N in pack order, with its choices beneath it", () => {
    for (const format of ["text", "md"] as const) {
      const lines = ask(pack, lang, format).split("\n");
      // After the sample reply: the first section's title.
      const title = pack.sections[0]?.title[lang] ?? "";
      let at = lines.findIndex((l) => l.includes(title) && /^(■|==|##)/.test(l));
      expect(at).toBeGreaterThan(0);
      for (const x of numberQuestions(pack)) {
        const text = x.question.message[lang].replace(/\s*\n\s*/g, " ");
        const i = lines.findIndex((l, k) => k >= at && l.startsWith(`${x.n}. `));
        expect(i, `question ${x.n} in ${format}`).toBeGreaterThanOrEqual(0);
        if (format === "text") expect(lines[i]).toContain(text);
        at = i + 1;
        for (const o of x.options) {
          const j = lines.findIndex((l, k) => k >= at && l.trim().startsWith(`${o.n}) `));
          expect(j, `choice ${x.n}-${o.n}`).toBeGreaterThanOrEqual(0);
          if (format === "text") expect(lines[j]).toContain(o.label[lang]);
          at = j + 1;
        }
      }
    }
  });

  it("never puts the worker's own questions to the client", () => {
    const text = ask(pack, lang, "text");
    for (const q of pack.sections.flatMap((s) => s.questions).filter((q) => q.audience === "worker")) {
      expect(text).not.toContain(q.message[lang]);
    }
  });

  it("is plain text that survives a chat box: no Markdown markup", () => {
    const text = ask(pack, lang, "text");
    expect(text).not.toMatch(/^\s*\|.*\|\s*$/m);
    expect(text).not.toMatch(/\*\*|^#+ /m);
    expect(text.startsWith(lang === "ja" ? "山田 様" : "Dear 山田様,")).toBe(true);
  });

  it("offers a sample reply that imports without a problem", () => {
    const text = ask(pack, lang, "text");
    const head = lang === "ja" ? "ご回答の例:" : "For example:";
    const start = text.split("\n").indexOf(head);
    expect(start).toBeGreaterThan(0);
    const sample = text.split("\n").slice(start + 1);
    const end = sample.indexOf("");
    const reply = sample
      .slice(0, end)
      .map((l) => l.replace(/^(?:（例）|\(e\.g\.\) )/, ""))
      .join("\n");
    const r = importReply(pack, reply, { today: TODAY });
    expect(r.found).toBe(end);
    expect(r.unreadable).toEqual([]);
  });

  it("pasted back unanswered, reads as no answers and nothing unreadable", () => {
    for (const format of ["text", "md"] as const) {
      const r = importReply(pack, ask(pack, lang, format), { today: TODAY });
      expect(r.unreadable.map((u) => `${u.n}: ${u.why.en}`)).toEqual([]);
      // Only the worker's own questions (never put to the client) take the pack's default.
      const defaulted = r.defaulted.map((d) => (d.n === undefined ? d.question.id : `${d.n}`));
      expect(Object.keys(r.answers).sort()).toEqual([...defaulted].sort());
    }
  });
});

describe("a questionnaire pasted back with the answers written in", () => {
  const pack = readPackFile(path.join(FIXTURES, "packs", "all-types.yaml")).pack;
  it("reads marked choices and answers under the questions", () => {
    const text = ask(pack, "ja", "text")
      .replace("1. お名前（屋号）は？【必須】", "1. お名前（屋号）は？【必須】\n→ カフェ山田")
      .replace("　　2) 親しみやすい", "　　2) 親しみやすい　←")
      .replace("　　1) SNS", "☑ 1) SNS")
      .replace("　　4) その他（内容もお書きください）", "　　4) その他（内容もお書きください） ← 店頭の看板")
      .replace("　　2) いいえ", "　　2) いいえ ◯")
      .replace("10. 納期は？【必須・未定可】", "10. 納期は？【必須・未定可】 2027/4/30");
    const r = importReply(pack, text, { today: TODAY });
    expect(r.unreadable).toEqual([]);
    expect(r.answers).toEqual({
      name: "カフェ山田",
      style: "friendly",
      usage: ["sns", "other"],
      usage_other: "店頭の看板",
      colors_fixed: false,
      due_date: "2027-04-30",
    });
    expect(r.status).toBe("complete");
  });

  it("refuses two marks on a single-choice question", () => {
    const text = ask(pack, "en", "text")
      .replace("    1) Realistic - True to life", "    1) Realistic - True to life <-")
      .replace("    2) Friendly", "    2) Friendly <-");
    const r = importReply(pack, text, { today: TODAY });
    expect(r.unreadable.map((u) => u.n)).toEqual([2]);
  });
});

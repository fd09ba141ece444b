/**
 * Every message kind, for every built-in pack, in both languages, under each plan verdict
 * (ok, tight, late) and each delay timing (early, the same day, after), run in-process as the
 * command line runs it. Each case asserts the structural promises a careful professional
 * would check before sending: one date per event, the apology on and after the day (never a
 * 「見込み」 for what has happened), no worker text and no raw condition syntax in `ask`, the
 * explicit request for an OK, the pack's own terms, and the verdict on stderr (never in the
 * message) when the plan is not ok.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Answers, AnswersFile } from "../../src/answers/types.ts";
import { planningEnv } from "../../src/cli/planning.ts";
import { formatDate } from "../../src/date-format.ts";
import { readPackFile } from "../../src/pack/load.ts";
import type { Pack } from "../../src/pack/types.ts";
import { planFromAnswers } from "../../src/render/schedule.ts";
import { planAnchor } from "../../src/schedule/binding.ts";
import type { Plan } from "../../src/schedule/index.ts";
import { ROOT, run, tmpdir } from "../helpers.ts";

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const LANGS = ["ja", "en"] as const;
type Lang = (typeof LANGS)[number];
type Verdict = "ok" | "tight" | "late";
const planning = await planningEnv(ROOT, true);

interface Job {
  id: string;
  pack: Pack;
  file: AnswersFile;
}

const jobs: Job[] = fs
  .readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".answers.yaml"))
  .map((f) => {
    const file = parse(fs.readFileSync(path.join(EXAMPLES, f), "utf8")) as AnswersFile;
    return { id: file.pack.id, pack: readPackFile(path.join(ROOT, "questionnaires", `${file.pack.id}.yaml`)).pack, file };
  });

const effortKey = (pack: Pack) => {
  const b = pack.schedule?.effort_hours;
  return typeof b === "object" ? b.question : "";
};
const planOf = (job: Job, answers: Answers): Plan | undefined => planFromAnswers(job.pack, answers, job.file.meta, planning)?.plan;

/** The example's answers with the effort changed until the planner gives the verdict asked for. */
function variant(job: Job, verdict: Verdict): { answers: Answers; plan: Plan } {
  const key = effortKey(job.pack);
  const base = job.file.answers;
  const ok = planOf(job, base);
  if (!ok) throw new Error(`${job.id}: the example has no plan`);
  if (verdict === "ok") return { answers: base, plan: ok };
  const effort = Number(base[key]);
  for (let e = effort; e < effort * 20; e += 0.5) {
    const answers = { ...base, [key]: e };
    const p = planOf(job, answers);
    if (p?.verdict === verdict) return { answers, plan: p };
  }
  throw new Error(`${job.id}: no effort gives a ${verdict} plan`);
}

/** Writes the variant next to its own temporary folder and runs a message on it. */
async function message(job: Job, answers: Answers, lang: Lang, today: string, args: string[]) {
  const dir = tmpdir();
  const file = path.join(dir, "job.answers.yaml");
  fs.writeFileSync(file, stringify({ ...job.file, answers }));
  const r = await run(["message", ...args.slice(0, 1), file, ...args.slice(1), "--lang", lang], { cwd: dir, env: { KIKITORI_TODAY: today } });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

const dayAfter = (d: string, n = 1) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const deliveries = (p: Plan) => p.milestones.filter((m) => m.kind === "first_draft" || m.kind === "revision" || m.kind === "final_delivery");

/** What any client text must never hold. */
function clean(text: string, lang: Lang) {
  expect(text).not.toMatch(/undefined|\[object Object\]|NaN|\{\{|\}\}/);
  expect(text).not.toMatch(/（）|\(\)/);
  if (lang === "en") expect(text, "English client copy says questionnaire, not hearing").not.toMatch(/hearing/i);
  if (lang === "ja") expect(text, "「納品をお届け」 says deliver twice").not.toMatch(/納品をお(届け|送り)/);
}

/** The pack's own words: a voice job never says 修正 or 納期 to the client, where it has its terms. */
function ownTerms(job: Job, text: string, lang: Lang) {
  if (lang !== "ja") return;
  const terms = job.pack.schedule?.terms ?? {};
  if (terms.revision?.ja && terms.revision.ja !== "修正") expect(text).not.toContain("修正");
  if (terms.deadline?.ja && terms.deadline.ja !== "納期") expect(text).not.toContain("「納期」");
}

/** `- date: label` lines: one date per label (a date list never gives an event two dates). */
function oneDatePerEvent(text: string, lang: Lang) {
  const dated = new Map<string, Set<string>>();
  const date = lang === "ja" ? "\\d{4}年\\d{1,2}月\\d{1,2}日\\(.\\)" : "[A-Z][a-z]{2}, [A-Z][a-z]{2} \\d{1,2}, \\d{4}";
  for (const m of text.matchAll(new RegExp(`^\\s*- (${date}): (.+)$`, "gmu"))) {
    const [, d = "", label = ""] = m;
    if (!dated.has(label)) dated.set(label, new Set());
    dated.get(label)?.add(d);
  }
  for (const [label, dates] of dated) expect([...dates], label).toHaveLength(1);
}

/** The stderr verdict line, in the interface language (--lang sets it too). */
const VERDICT: Record<Lang, Record<"tight" | "late" | "any", RegExp>> = {
  ja: { tight: /計画の判定: ぎりぎり（余裕 -?\d+%、いちばん厳しいのは .+）/, late: /計画の判定: 間に合わない（.+）/, any: /計画の判定/ },
  en: { tight: /plan: tight \(-?\d+% slack at the tightest step, .+\)/, late: /plan: late \(.+\)/, any: /plan: / },
};

const OK_REQUEST: Record<Lang, string> = {
  ja: "内容に問題がなければ、一言ご返信ください。ご返信をいただき次第、制作を開始いたします。",
  en: "If everything above looks right, a short reply is all I need, and I will start work as soon as I hear from you.",
};

describe.each(jobs.map((j) => [j.id, j] as const))("%s", (_id, job) => {
  describe.each(LANGS)("%s", (lang) => {
    describe.each(["ok", "tight", "late"] as const)("a plan that is %s", (verdict) => {
      const v = variant(job, verdict);
      const hearing = planAnchor(job.file.meta) ?? "";
      const first = deliveries(v.plan)[0]?.date ?? "";

      it("confirm: the OK request, or an honest counter-proposal with planned options", async () => {
        const r = await message(job, v.answers, lang, hearing, ["confirm"]);
        clean(r.stdout, lang);
        ownTerms(job, r.stdout, lang);
        if (verdict === "late") {
          expect(r.stdout).not.toContain(OK_REQUEST[lang]);
          expect(r.stdout).toContain(lang === "ja" ? "責任をもってお届けできる見通しが立ちません" : "I cannot responsibly deliver all of this");
          // The first option keeps the scope and moves the date to the planner's earliest.
          expect(r.stdout).toContain(formatDate(v.plan.earliestFeasibleDue ?? "", lang));
          // The infeasible schedule is never promised as the plan.
          expect(r.stdout).not.toContain(lang === "ja" ? "【スケジュール】" : "The schedule:");
          expect(r.stderr).toMatch(VERDICT[lang].late);
          expect(r.stderr).toMatch(lang === "ja" ? /代案つきの日程のご相談/ : /counter-proposal/);
        } else {
          expect(r.stdout).toContain(OK_REQUEST[lang]);
          oneDatePerEvent(r.stdout, lang);
          for (const d of deliveries(v.plan)) expect(r.stdout).toContain(formatDate(d.date, lang));
          if (verdict === "tight") expect(r.stderr).toMatch(VERDICT[lang].tight);
          else expect(r.stderr).not.toMatch(VERDICT[lang].any);
        }
        expect(r.stdout).not.toMatch(/plan: |slack|計画の判定/);
      });

      it.each(["early", "same_day", "after"] as const)("delay sent %s: the right apology, one firm date that the list repeats", async (timing) => {
        const today = timing === "early" ? dayAfter(first, -1) : timing === "same_day" ? first : dayAfter(first);
        const newDue = dayAfter(v.plan.due, 10);
        const args = ["delay", "--new-due", newDue, "--reason", lang === "ja" ? "私の見積もりが甘かったためです" : "I underestimated the work", "--round", "0"];
        if (timing !== "early") args.push("--done", lang === "ja" ? "ラフ" : "the rough sketches");
        const r = await message(job, v.answers, lang, today, args);
        const t = r.stdout;
        clean(t, lang);
        ownTerms(job, t, lang);
        const ja = lang === "ja";
        if (timing === "early") {
          expect(t).toContain(ja ? "見込み" : "I wanted to tell you now rather than at the last minute");
        } else {
          expect(t, "never 見込み for what has happened").not.toContain("見込み");
          if (timing === "same_day")
            expect(t).toContain(ja ? "本日が納品日にもかかわらず、直前のご連絡となりました" : "telling you only now, on the day itself");
          else expect(t).toContain(ja ? "お約束の日を過ぎてしまい" : "that date has passed");
          // Something is finished: a partial delivery is offered.
          expect(t).toContain(ja ? "完成している部分を本日先にお届けし" : "Receive what is finished today");
        }
        // One firm date: the headline's date is the list's date for the same delivery.
        const head = ja ? /は、(\d{4}年\d{1,2}月\d{1,2}日\(.\))までに必ずお届けいたします/ : /by ([A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4})\.$/m;
        const headline = head.exec(t)?.[1];
        expect(headline, "the headline names one date").toBeDefined();
        const listed = [...t.matchAll(/^- (.+?): (?:.+? (?:→|->) )?(\S.+)$/gmu)].map((m) => [m[1], m[2]]);
        // With stages the first draft is called by its stage (ラフのお届け, Sketch delivered).
        const stageLabel = v.plan.milestones.find((m) => m.kind === "first_draft")?.label?.[lang];
        const firstLine =
          listed.find(([label]) => stageLabel !== undefined && label === stageLabel) ??
          listed.find(([label]) => (ja ? /^(初稿|初回納品|納品)/ : /first|delivery|finished/i).test(label ?? ""));
        expect(firstLine?.[1], "the list agrees with the headline").toBe(headline);
        const labels = listed.map(([l]) => l);
        expect(new Set(labels).size, "each date that moves is listed once").toBe(labels.length);
        // Options never make the client pay: no "keep the date with fewer revisions" remedy.
        expect(t).not.toMatch(/修正回数を調整|fewer revisions|number of revisions/);
        expect(t).toMatch(ja ? /\d{4}年\d{1,2}月\d{1,2}日\(.\)までにご返信/ : /Could you reply by /);
        if (job.file.meta.platform === "coconala" || v.plan.platform === "coconala") {
          expect(t).toContain(ja ? "ココナラの納品予定日は、こちらで変更いたします" : "I will update the delivery date on Coconala myself");
        }
      });

      it("delivery: a draft is never the formal delivery; the final one thanks and explains acceptance", async () => {
        const draft = await message(job, v.answers, lang, first, ["delivery", "--round", "0"]);
        clean(draft.stdout, lang);
        ownTerms(job, draft.stdout, lang);
        expect(draft.stdout).not.toMatch(/正式な納品|formal delivery/);
        const rounds = v.plan.milestones.filter((m) => m.kind === "review").length;
        const last = deliveries(v.plan).at(-1)?.date ?? first;
        const final = await message(job, v.answers, lang, last, ["delivery", "--round", String(rounds), "--final"]);
        clean(final.stdout, lang);
        ownTerms(job, final.stdout, lang);
        expect(final.stdout).toContain(lang === "ja" ? "誠にありがとうございました" : "Thank you very much for choosing me");
        expect(final.stdout).toContain(lang === "ja" ? "納品後に気になる点が見つかった場合も" : "If you find anything after the delivery");
        if (v.plan.platform === "coconala") expect(final.stdout).toContain(lang === "ja" ? "「正式な納品」" : "formal delivery");
        expect(final.stderr).not.toMatch(/--final to confirm/);
      });

      it("progress, decline, thanks and terms read cleanly, and the verdict goes to stderr only", async () => {
        for (const args of [
          ["progress", "--percent", "40", "--done", "ラフ"],
          ["decline", "--request", lang === "ja" ? "名刺のデザイン" : "a business card design"],
          ["thanks"],
          ["terms"],
        ]) {
          const r = await message(job, v.answers, lang, first, args);
          clean(r.stdout, lang);
          ownTerms(job, r.stdout, lang);
          expect(r.stdout).not.toMatch(/plan: |計画の判定/);
          if (verdict === "ok") expect(r.stderr).not.toMatch(VERDICT[lang].any);
          else expect(r.stderr).toMatch(VERDICT[lang][verdict]);
        }
      });
    });

    it("ask (all, --first, --missing): no worker text, conditions in prose, the offer stated", async () => {
      const worker = job.pack.sections.flatMap((s) => s.questions).filter((q) => q.audience === "worker");
      const workerSections = job.pack.sections.filter((s) => s.questions.every((q) => q.audience === "worker"));
      const terms = job.pack.sections.flatMap((s) => s.questions).filter((q) => q.audience === "terms");
      const dir = tmpdir();
      const partial = path.join(dir, "partial.answers.yaml");
      const kept = Object.fromEntries(Object.entries(job.file.answers).slice(0, 6));
      fs.writeFileSync(partial, stringify({ ...job.file, status: "in-progress", answers: kept }));
      for (const extra of [[], ["--first"], ["--missing", partial]]) {
        const r = await run(["ask", job.id, "--lang", lang, ...extra], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        const t = r.stdout;
        clean(t, lang);
        for (const q of [...worker, ...terms]) expect(t, `${q.id} is not put to the client`).not.toContain(q.message[lang]);
        for (const s of workerSections) expect(t).not.toContain(s.title[lang]);
        expect(t).not.toMatch(/制作者（ワーカー）ご自身|you fill in yourself/);
        expect(t, "no raw condition syntax").not.toMatch(/」ではない|only if not|not \(Q|質問\d+が「|Q\d+ is "|Q\d+ is one of|に回答あり|Q\d+ is answered/);
        if (terms.length > 0) for (const q of terms) expect(t).toContain(q.label?.[lang] ?? "");
        if (lang === "ja") expect(t).not.toContain("ご担当者様");
        if (extra[0] === "--first")
          expect(t).toMatch(
            lang === "ja" ? /全\d+問のうち、まず\d+問だけお聞かせください/ : /There are \d+ questions in all; to begin with, here are just \d+ of them/,
          );
        if (extra[0] === "--missing") {
          // Original numbers: the first question left is not renumbered 1.
          expect(t).not.toMatch(/^1\. /m);
          expect(t).toContain(lang === "ja" ? "番号は前回と同じです" : "The numbers are the same as before");
        }
      }
    });
  });
});

/**
 * The client's form in a real browser, for every built-in pack and a pack of every question
 * type: a client fills it in on a 360 px phone (conditional questions appearing and
 * vanishing, "not decided yet", "other", a refused answer corrected, a local image), copies
 * the reply and downloads the file; `import` reads both to exactly the intended answers and
 * `render` takes the file; a reload brings everything back; nothing leaves the page; axe-core
 * finds no serious accessibility problem. Then, on generated packs, the form shows exactly the
 * questions the CLI's conditions say apply. One browser for the whole file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { pruneAnswers, visibleQuestions } from "../../src/answers/conditions.ts";
import { refusal } from "../../src/answers/refusal.ts";
import type { Answers } from "../../src/answers/types.ts";
import { firstRound } from "../../src/ask/first.ts";
import { numberQuestions } from "../../src/ask/numbering.ts";
import type { Lang } from "../../src/i18n.ts";
import { readPackFile } from "../../src/pack/load.ts";
import { allQuestions, isTermsQuestion, isWorkerQuestion, otherKey, type Pack, type Question } from "../../src/pack/types.ts";
import { asForm, everyTypePack } from "../form/helpers.ts";
import { ROOT, run, tmpdir, write } from "../helpers.ts";
import { answersFor, anyPack } from "../robust/arbitraries.ts";
import { HAVE_BROWSER, launch, open, seriousViolations } from "./browser.ts";
import { allShown, give, pickValue, shownQuestions, wantedValues } from "./form-fill.ts";

const work = tmpdir("kikitori-form-");
const everyType = everyTypePack();
const everyTypeFile = write(work, "every-type.yaml", JSON.stringify(everyType));
const builtins = fs
  .readdirSync(path.join(ROOT, "questionnaires"))
  .filter((f) => f.endsWith(".yaml") && f !== "platforms.yaml")
  .map((f) => readPackFile(path.join(ROOT, "questionnaires", f)).pack);

interface Case {
  name: string;
  ref: string;
  pack: Pack;
  lang: Lang;
}
const CASES: Case[] = [
  ...builtins.map((pack, i) => ({ name: pack.id, ref: pack.id, pack, lang: (i % 2 === 0 ? "ja" : "en") as Lang })),
  { name: "every-type", ref: everyTypeFile, pack: everyType, lang: "ja" },
  { name: "every-type", ref: everyTypeFile, pack: everyType, lang: "en" },
];

let browser: Browser;
beforeAll(async () => {
  if (HAVE_BROWSER) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function makeForm(ref: string, lang: Lang, extra: string[] = []): Promise<string> {
  const file = path.join(work, `${path.basename(ref, ".yaml")}-${lang}-${extra.join("")}.html`.replace(/[^\w.-]/g, "_"));
  const r = await run(["form", ref, "--lang", lang, "-o", file, "--force", "--client", lang === "ja" ? "山田" : "Jane", "--platform", "coconala", ...extra], {
    cwd: work,
  });
  expect(r.stderr).toMatch(lang === "ja" ? /ココナラ/ : /Coconala/);
  expect(r.code).toBe(0);
  return file;
}

const url = (file: string) => `file://${file}`;
/** Not put to the client (not in `ask`, not in the form): the worker's own questions and the worker's offer. */
const notAsked = (q: Question) => isWorkerQuestion(q) || isTermsQuestion(q);
const clientQuestions = (pack: Pack) => new Set(numberQuestions(pack).map((x) => x.question.id));

/** What the CLI says the client sees: the questions that apply, minus the worker's. */
function cliShown(pack: Pack, answers: Answers, ids = clientQuestions(pack)): string[] {
  return visibleQuestions(pack, answers)
    .map((q) => q.id)
    .filter((id) => ids.has(id));
}

async function next(page: Page): Promise<void> {
  await page.locator("nav .btn.primary").click();
}

describe.skipIf(!HAVE_BROWSER)("the form in a browser", () => {
  describe.each(CASES)("$name ($lang)", ({ ref, pack, lang }) => {
    test("a client answers on a phone; the copied reply and the downloaded file come back exactly; reload keeps it all", { timeout: 120_000 }, async () => {
      const html = await makeForm(ref, lang);
      expect(fs.statSync(html).size).toBeLessThanOrEqual(250 * 1024);
      const { context, page, requests, blocked, errors } = await open(browser);
      await page.goto(url(html));
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      for (const q of allQuestions(pack).filter(notAsked)) expect(await page.locator(`[data-q="${q.id}"]`).count()).toBe(0);

      const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
      const picking = { wanted: wantedValues(pack), lang, pendingLeft: true, otherLeft: true };
      const raw: Answers = {};
      // The pack's defaults, filled in by the form when their page first opens.
      const defaults: Answers = {};
      const given = () => ({ ...defaults, ...raw });
      let refused = false;
      let flipped = false;
      for (let guard = 0; guard < 40; guard++) {
        if (await page.locator("section.review:not([hidden])").count()) break;
        const sectionId = await page.locator("section.page:not([hidden])").getAttribute("data-section");
        const section = pack.sections.find((s) => s.id === sectionId);
        for (const q of section?.questions ?? []) {
          if (q.default !== undefined && !notAsked(q) && !(q.id in raw)) defaults[q.id] = q.default as Answers[string];
        }
        if (!refused) {
          // Next on an empty page with a required question: refused, the error tied to the field.
          const required = (await shownQuestions(page)).map((id) => byId.get(id)).find((q): q is Question => q?.required === true);
          if (required) {
            await next(page);
            const summary = page.locator("section.page:not([hidden]) .summary");
            await expect.poll(() => summary.isVisible()).toBe(true);
            const err = page.locator(`[data-q="${required.id}"] .err`);
            expect(await err.textContent()).toBe(refusal(required, undefined, lang));
            const control = page.locator(`[data-q="${required.id}"] input, [data-q="${required.id}"] textarea`).first();
            expect(await control.getAttribute("aria-describedby")).toContain((await err.getAttribute("id")) ?? "?");
            refused = true;
          }
        }
        let shown = await shownQuestions(page);
        for (let i = 0; i < shown.length; i++) {
          const q = byId.get(shown[i] ?? "");
          if (!q || q.id in raw) continue;
          const rules = q.validate ?? {};
          if (q.type === "number" && rules.max !== undefined && !refused) {
            // An answer out of range: the CLI's own words, then corrected.
            await give(page, q, rules.max + 1);
            expect(await page.locator(`[data-q="${q.id}"] .err`).textContent()).toBe(refusal(q, rules.max + 1, lang));
            expect(await page.getAttribute(`#f-${q.id}`, "aria-invalid")).toBe("true");
            refused = true;
          }
          const { value, other } = pickValue(q, picking);
          await give(page, q, value, other);
          if (q.type === "references") {
            // A local image is named, and previewed from the device without being sent anywhere.
            expect(await page.locator(`[data-q="${q.id}"] .preview img`).first().getAttribute("src")).toMatch(/^blob:/);
          }
          raw[q.id] = value;
          if (other !== undefined) raw[otherKey(q.id)] = other;
          if (!flipped) flipped = await flipCondition(page, pack, q, given());
          shown = await shownQuestions(page);
          // The page shows what the CLI's conditions say, as each answer is given.
          const onPage = new Set(section?.questions.map((x) => x.id));
          expect(shown).toEqual(cliShown(pack, given()).filter((id) => onPage.has(id)));
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await next(page);
        await expect.poll(async () => page.locator("section.page:not([hidden]) .summary:not([hidden])").count()).toBe(0);
      }
      const intended = pruneAnswers(pack, given());
      // Each way of answering was exercised where the pack offers it.
      const client = allQuestions(pack).filter((q) => !notAsked(q));
      expect({ refused, flipped, pending: !picking.pendingLeft, other: !picking.otherLeft }).toEqual({
        refused: true,
        flipped: client.some((q) => (q.type === "select" || q.type === "confirm") && sameSectionDependent(pack, q)),
        pending: client.some((q) => q.allow_pending && q.type !== "confirm"),
        other: client.some((q) => q.type === "select" && q.choices?.some((c) => c.other)),
      });
      expect(Object.keys(intended).length).toBeGreaterThan(3);

      // The review page: copy, then the reply as import reads it.
      await page.locator("#copy").click();
      await expect.poll(() => page.locator(".copy-status").textContent()).not.toBe("");
      const reply = await page.inputValue("#reply");
      const replyFile = write(work, `${pack.id}-${lang}.reply.txt`, reply);
      const imported = await run(["import", ref, replyFile, "-o", path.join(work, `${pack.id}-${lang}.answers.yaml`), "--force"], { cwd: work });
      expect(imported.code).toBe(0);
      expect(imported.stderr).toMatch(/matches|一致しています/);
      expect(parse(fs.readFileSync(path.join(work, `${pack.id}-${lang}.answers.yaml`), "utf8")).answers).toEqual(intended);

      // The downloaded file: import takes it as it is, and render once the worker's part is in.
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download").click()]);
      const downloaded = path.join(work, `${pack.id}-${lang}.download.answers.yaml`);
      await download.saveAs(downloaded);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${pack.id}-20\\d{6}-.*\\.answers\\.yaml$`));
      const fromFile = await run(["import", ref, downloaded, "-o", path.join(work, `${pack.id}-${lang}.from-file.yaml`), "--force"], { cwd: work });
      expect(fromFile.code).toBe(0);
      expect(fromFile.stderr).toMatch(/matches|一致しています/);
      expect(parse(fs.readFileSync(path.join(work, `${pack.id}-${lang}.from-file.yaml`), "utf8")).answers).toEqual(intended);
      await renderWithWorkerPart(pack, ref, downloaded);

      // Reload: the same page, the same answers, the same reply.
      await page.reload();
      expect(await page.locator("section.review").isVisible()).toBe(true);
      expect(await page.inputValue("#reply")).toBe(reply);
      expect(await page.locator("header .saved").textContent()).toMatch(/復元|back/);

      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      expect(requests.every((r) => r.startsWith("file://") || r.startsWith("blob:"))).toBe(true);
      await context.close();
    });
  });

  test("the first pages pass axe-core with an error shown, and fit 360 px without sideways scrolling", async () => {
    const html = await makeForm("design-general", "ja");
    const { context, page, blocked } = await open(browser);
    await page.goto(url(html));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await next(page);
    expect(await page.locator(".summary:not([hidden])").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // Every control is at least 44 px tall, the smallest comfortable target for a thumb.
    const small = await page
      .locator("section.page:not([hidden]) .opt, section.page:not([hidden]) input[type=text], nav .btn")
      .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 44).length);
    expect(small).toBe(0);
    expect(blocked).toEqual([]);
    await context.close();
  });

  test("--first shows the first round only, with the questionnaire's numbers", async () => {
    const html = await makeForm("design-general", "en", ["--first"]);
    const { context, page } = await open(browser);
    await page.goto(url(html));
    const pack = builtins.find((p) => p.id === "design-general") as Pack;
    const round = firstRound(pack);
    const numbers = await page.locator("[data-q] .qn").evaluateAll((els) => els.map((e) => e.textContent));
    expect(numbers).toEqual(round.map((x) => `Q${x.n}`));
    expect(round.length).toBeLessThanOrEqual(12);
    await context.close();
  });

  test("on generated packs the form shows exactly the questions the CLI's conditions say apply", async () => {
    const samples = fc.sample(
      anyPack.chain((pack) => fc.tuple(fc.constant(pack), answersFor(pack))),
      { numRuns: 24, seed: 1923 },
    );
    const { context, page } = await open(browser, { width: 800, height: 600 });
    let checked = 0;
    for (const [i, [pack, raw]] of samples.entries()) {
      const ids = clientQuestions(pack);
      if (ids.size === 0) continue;
      const file = write(work, `gen-${i}.yaml`, JSON.stringify(pack));
      const html = path.join(work, `gen-${i}.html`);
      expect((await run(["form", file, "-o", html, "--force", "--lang", pack.languages[0] ?? "en"], { cwd: work })).code).toBe(0);
      // The answers go into the form's storage, hidden questions' answers too, then the page opens on them.
      const answers = valid(pack, raw);
      await page.goto(url(html));
      const sections = pack.sections.map((s) => s.id);
      await page.evaluate(
        ({ answers, sections }) => {
          const model = JSON.parse(document.getElementById("kikitori-data")?.textContent ?? "{}");
          const key = `kikitori-form:${model.pack.id}@${model.pack.version}:${model.formId}`;
          const now = "2026-11-23T10:00:00+09:00";
          localStorage.setItem(key, JSON.stringify({ v: 1, answers, drafts: {}, seen: sections, page: "review", created: now, updated: now }));
        },
        { answers, sections },
      );
      await page.reload();
      expect((await allShown(page)).sort()).toEqual(cliShown(pack, answers, ids).sort());
      const reply = await page.inputValue("#reply");
      const r = await run(["import", file, "-"], { cwd: work, input: reply });
      expect(r.code === 0 || Object.keys(asForm(pack, answers)).length === 0).toBe(true);
      if (r.code === 0) expect(parse(r.stdout).answers ?? {}).toEqual(asForm(pack, answers));
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
    await context.close();
  });
});

/** The form's answers valid for the pack, hidden questions included (as the page keeps them). */
function valid(pack: Pack, raw: Answers): Answers {
  const client = clientQuestions(pack);
  const visibleAll = asForm({ ...pack, sections: pack.sections.map((s) => ({ ...s, questions: s.questions.map(({ when: _, ...q }) => q) })) }, raw);
  return Object.fromEntries(Object.entries(visibleAll).filter(([k]) => client.has(k) || client.has(k.replace(/_other$/, ""))));
}

function sameSectionDependent(pack: Pack, q: Question): boolean {
  const section = pack.sections.find((s) => s.questions.includes(q));
  return (section?.questions ?? []).some((d) => d.when && JSON.stringify(d.when).includes(`"${q.id}"`));
}

/**
 * A condition seen to work both ways: an earlier answer on the page changed so that the new
 * question goes away, then changed back so that it returns with its answer.
 */
async function flipCondition(page: Page, pack: Pack, q: Question, raw: Answers): Promise<boolean> {
  const section = pack.sections.find((s) => s.questions.includes(q));
  const dependents = (section?.questions ?? []).filter((d) => d.when && JSON.stringify(d.when).includes(`"${q.id}"`));
  for (const d of dependents) {
    const shown = cliShown(pack, raw).includes(d.id);
    if (!shown || (q.type !== "select" && q.type !== "confirm")) continue;
    const options = q.type === "confirm" ? [true, false] : (q.choices ?? []).map((c) => c.value);
    const away = options.find((v) => !cliShown(pack, { ...raw, [q.id]: v }).includes(d.id));
    if (away === undefined) continue;
    const input = (v: unknown) => page.locator(`[data-q="${q.id}"] input[value="${String(v)}"]`);
    await input(away).check();
    await expect.poll(() => page.locator(`[data-q="${d.id}"]`).isHidden()).toBe(true);
    await input(raw[q.id]).check();
    await expect.poll(() => page.locator(`[data-q="${d.id}"]`).isVisible()).toBe(true);
    return true;
  }
  return false;
}

/** The downloaded file renders once the worker's own answers and offer are added (the worker's `resume`). */
async function renderWithWorkerPart(pack: Pack, ref: string, file: string): Promise<void> {
  const worker = allQuestions(pack).filter((q) => notAsked(q) && q.required);
  const before = await run(["render", file, "--pack", ref, "--stdout"], { cwd: work });
  if (worker.length === 0) {
    expect(before.code).toBe(0);
    return;
  }
  expect(before.code).toBe(65);
  for (const q of worker) expect(before.stderr).toContain(q.id);
  const value = (q: Question) =>
    q.type === "number" ? (q.validate?.min ?? 1) * 4 : q.type === "date" ? "2027-03-01" : JSON.stringify(q.choices?.[0]?.value ?? "x");
  const extra = worker.map((q) => `  ${q.id}: ${value(q)}`);
  const complete = write(work, `${pack.id}-complete.answers.yaml`, `${fs.readFileSync(file, "utf8")}${extra.join("\n")}\n`);
  const after = await run(["render", complete, "--pack", ref, "--stdout"], { cwd: work });
  expect(after.code).toBe(0);
  expect(after.stdout).toContain("#");
}

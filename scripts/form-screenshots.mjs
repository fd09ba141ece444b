// The README's pictures of the client's form: docs/form-phone.png (360 px, Japanese, a page
// being answered) and docs/form-desktop.png (1280 px, English, the last page that sends the
// answers). Run after `npm run build`, with Debian's chromium (or KIKITORI_CHROMIUM):
//   node scripts/form-screenshots.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "kikitori-shots-"));
const form = (lang, client, job, out) => {
  const r = spawnSync(
    process.execPath,
    [join(root, "bin", "kikitori.cjs"), "form", "logo-design", "--lang", lang, "--client", client, "--job", job, "--platform", "coconala", "-o", out],
    { cwd: work, encoding: "utf8", env: { ...process.env, KIKITORI_TODAY: "2026-11-23" } },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return `file://${out}`;
};

const browser = await chromium.launch({
  executablePath: process.env.KIKITORI_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  // A phone, part-way through the first page.
  const phone = await browser.newPage({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, reducedMotion: "reduce" });
  await phone.goto(form("ja", "山田", "新店舗のロゴ", join(work, "ja.html")));
  await phone.fill("#f-brand_name", "カフェ・ブルーバード");
  await phone.locator('[data-q="name_scripts"] input[value="latin"]').check();
  await phone.locator('[data-q="name_scripts"] input[value="katakana"]').check();
  await phone.locator('[data-q="name_scripts"] summary').click();
  await phone.fill("#f-name_origin", "毎朝庭に来る青い鳥から。「ブルーバード」と読みます。");
  await phone.locator('[data-q="name_scripts"]').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
  await phone.screenshot({ path: join(root, "docs", "form-phone.png") });

  // A desktop browser on the last page: the answers, and the two ways to send them.
  const desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
  await desk.goto(form("en", "Jane Smith", "New cafe logo", join(work, "en.html")));
  await desk.evaluate(() => {
    const model = JSON.parse(document.getElementById("kikitori-data").textContent);
    const answers = {
      brand_name: "Blue Bird Cafe",
      name_scripts: ["latin"],
      tagline: { pending: true, note: "We may add “since 2027”" },
      name_origin: "The blue bird that visits our garden every morning; read “blue bird”.",
      business: "A neighbourhood cafe with home roasting and light lunches.",
      project_kind: "new_brand",
      materials: ["photos"],
      budget: "50k_100k",
      values: "Slow mornings, good beans, people who come back.",
      future: "Two more shops and our own coffee beans in local stores.",
      target: "People in their 30s and 40s who work nearby and like a quiet corner.",
      logo_type: "combination",
      impression: ["friendly", "natural"],
      casual_formal: 2,
      classic_modern: 4,
      color_policy: "preference",
      color_notes: "Deep blue and cream; no red",
      usage_media: ["web", "sns", "signage"],
      file_formats: ["designer"],
      proposal_count: "two_three",
    };
    const key = `kikitori-form:${model.pack.id}@${model.pack.version}:${model.formId}`;
    localStorage.setItem(key, JSON.stringify({ v: 1, answers, drafts: {}, seen: model.sections.map((s) => s.id), page: "review", created: "", updated: "" }));
  });
  await desk.reload();
  await desk.locator(".send").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 300));
  await desk.screenshot({ path: join(root, "docs", "form-desktop.png") });
  console.error("wrote docs/form-phone.png and docs/form-desktop.png");
} finally {
  await browser.close();
}

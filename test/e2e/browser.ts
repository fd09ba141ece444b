/**
 * A real browser for the form tests: the system's Chromium (Debian's `chromium`, or
 * KIKITORI_CHROMIUM) driven by playwright-core, with no network and no background traffic.
 * Without a browser the tests are skipped, unless KIKITORI_REQUIRE_BROWSER=1 (CI) makes that
 * a failure.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.KIKITORI_CHROMIUM || "/usr/bin/chromium";
export const HAVE_BROWSER = fs.existsSync(CHROMIUM);
if (!HAVE_BROWSER && process.env.KIKITORI_REQUIRE_BROWSER === "1") {
  throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set KIKITORI_CHROMIUM`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, by URL. */
  requests: string[];
  /** Requests to anything but a local file or blob, stopped before they left. */
  blocked: string[];
  /** Script errors on the page. */
  errors: string[];
}

/** A fresh browser profile (its own local storage) with one page whose every request is watched. */
export async function open(browser: Browser, viewport = { width: 360, height: 740 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: "ja-JP", reducedMotion: "reduce" });
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route(/^(?!file:|blob:|data:)/, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on("request", (r) => {
    requests.push(r.url());
  });
  page.on("pageerror", (e) => {
    errors.push(e.message);
  });
  return { context, page, requests, blocked, errors };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's scan of the page as it is now: violations of impact serious or critical. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, so the page's own CSP does not stop it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Briefs as the viewers people use show them: GitHub-flavoured Markdown (micromark with its
 * GFM extension, as GitHub and Obsidian parse; marked, as VS Code's preview does) besides
 * CommonMark. An answer never becomes a link, a table or markup there; the brief's own
 * tables have a header row, its open items are task-list checkboxes, and only the reference
 * links kikitori writes are links.
 */
import * as path from "node:path";
import { Parser as CommonMark, HtmlRenderer } from "commonmark";
import fc from "fast-check";
import { marked } from "marked";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { escapeCell, escapeInline, escapeLine } from "../../src/render/markdown.ts";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const viewers: [string, (md: string) => string][] = [
  ["micromark + GFM", (md) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })],
  ["marked (GFM)", (md) => marked.parse(md, { gfm: true, async: false })],
  ["commonmark.js", (md) => new HtmlRenderer().render(new CommonMark().parse(md))],
];

/** The text a viewer shows: tags dropped, entities read. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("GFM autolinks in answers", () => {
  it.each([
    ["https://example.com/a?b=1", "https\\://example.com/a?b=1"],
    ["HTTP://EXAMPLE.COM", "HTTP\\://EXAMPLE.COM"],
    ["ftp://files.example.com", "ftp\\://files.example.com"],
    ["www.example.com", "www\\.example.com"],
    ["see (www.example.com)", "see (www\\.example.com)"],
    ["ann@example.com", "ann\\@example.com"],
    ["first.last+tag@mail.example.co.jp", "first.last+tag\\@mail.example.co.jp"],
    ["mailto:ann@example.com", "mailto:ann\\@example.com"],
    ["@bluebird on SNS", "@bluebird on SNS"],
    ["awww.cute", "awww\\.cute"],
    ["a!@b.co", "a!\\@b.co"],
    ["ホームページはwww.yamada.jpです", "ホームページはwww\\.yamada.jpです"],
    ["http:no-slashes", "http:no-slashes"],
    // What the property below once found.
    ["www.!", "www\\.!"],
    ["0https://https://", "0https\\://https\\://"],
    ["ann@.A", "ann\\@.A"],
  ])("%j → %j", (input, escaped) => {
    expect(escapeInline(input)).toBe(escaped);
  });

  const answer = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "https://",
          "http://",
          "www.",
          "@",
          ".",
          "example.com",
          "ann",
          "_",
          "*",
          "~",
          "|",
          "[x]",
          "<",
          ">",
          "#",
          "-",
          "1.",
          "&amp;",
          "`",
          "\\",
          " ",
          "\n",
          "山田",
          "mailto:",
          "(",
          ")",
        ),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 24 },
    )
    .map((parts) => parts.join(""));

  it.each(viewers)("no answer turns into a link or markup in %s, and its text shows as written", (name, view) => {
    fc.assert(
      fc.property(answer, (text) => {
        const written = text
          .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
          .replace(/\s+/g, " ")
          .trim();
        // A line of its own, and (where the viewer has tables) a table cell under the header "a".
        const cases: [string, string][] = [[escapeLine(text), written]];
        if (name !== "commonmark.js") cases.push([`| a |\n| --- |\n| ${escapeCell(text)} |`, `a ${written}`.trim()]);
        for (const [md, shown] of cases) {
          const html = view(`${md}\n`);
          expect(html).not.toMatch(/<(a|em|strong|del|code|img|h\d|li|blockquote|input)\b/);
          expect(shownText(html)).toBe(shown);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("a brief in GFM viewers", () => {
  const env = { KIKITORI_PATH: path.join(FIXTURES, "packs") };
  const answers = read(path.join(FIXTURES, "answers", "full.answers.yaml"))
    .replace('name: "# カフェ山田 [本店]"', 'name: "www.yamada-cafe.jp (info@yamada-cafe.jp)"')
    .replace('palette: "- 青\\n- 白\\n1. 緑"', 'palette: "See https://example.com/colours\\nor mail ann@example.com | ~~old~~"')
    .replace("note: 相談したい", "note: ask bob@example.com at www.example.org");

  it.each(["ja", "en"])("%s: tables with a header, task lists, and links only where kikitori makes them", async (lang) => {
    const dir = tmpdir();
    write(dir, "job.answers.yaml", answers);
    const r = await run(["render", "job.answers.yaml", "--stdout", "--only", "brief", "--lang", lang], { cwd: dir, env });
    expect(r.code).toBe(0);
    for (const [name, view] of viewers) {
      const html = view(r.stdout);
      const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      expect(links, name).toEqual(["https://example.com/a.png"]);
      expect(shownText(html), name).toContain("www.yamada-cafe.jp (info@yamada-cafe.jp)");
      expect(shownText(html), name).toContain("ask bob@example.com at www.example.org");
      if (name === "commonmark.js") continue;
      // The first table (the job's details) has a header row with words in it.
      const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? "";
      expect([...head.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => (m[1] ?? "").trim()).filter(Boolean), name).toHaveLength(2);
      // Open items are task-list checkboxes.
      expect(html, name).toMatch(/<input [^>]*type="checkbox"/);
    }
  });
});

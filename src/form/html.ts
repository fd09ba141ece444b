/**
 * The client's form as one HTML file: the page's script and style inline, its data as a JSON
 * block, and a Content-Security-Policy that lets nothing load or leave: no network, no fonts,
 * no frames; only the inline script and style by their hashes, and local image previews.
 * Pure: the hash function is passed in.
 */
import type { FormModel } from "./model.ts";

export interface FormAssets {
  /** The page's bundled script (build: dist/form/page.js). */
  script: string;
  /** The page's style (build: dist/form/page.css). */
  css: string;
}

/** `'sha256-…'` of a text, as CSP wants it. */
export type CspHash = (text: string) => string;

export function renderFormHtml(model: FormModel, assets: FormAssets, hash: CspHash): string {
  // A data block or inline script ends at the first `</script`, whatever the JavaScript says.
  const data = JSON.stringify(model).replace(/</g, "\\u003c");
  const csp = [
    "default-src 'none'",
    `script-src ${hash(assets.script)}`,
    `style-src ${hash(assets.css)}`,
    "img-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="x-dns-prefetch-control" content="off">
<meta name="robots" content="noindex, nofollow">
<meta name="generator" content="kikitori form ${escapeHtml(`${model.pack.id}@${model.pack.version}`)}">
<title>${escapeHtml(model.pack.title)}</title>
<style>${assets.css}</style>
</head>
<body>
<noscript><p class="noscript">${escapeHtml(model.strings.noscript)}</p></noscript>
<div id="app"></div>
<script type="application/json" id="kikitori-data">${data}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

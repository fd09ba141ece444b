/**
 * `kikitori pack export`: a pack as one self-contained YAML file, its template files written
 * inline, so it can be sent as a single attachment and installed anywhere. The author's text
 * and comments are kept; only `templates:` entries naming files change.
 */
import { isMap, parseDocument, Scalar } from "yaml";
import { DataError } from "../errors.ts";
import { LIMITS, readTextFile } from "../files.ts";
import { msg } from "../i18n.ts";
import { parseYaml } from "../yaml/parse.ts";
import { readPackTemplate, templateFiles } from "./load.ts";
import { isTemplatePath } from "./pack-rules.ts";
import type { LoadedPack } from "./types.ts";
import { validatePack } from "./validate.ts";

export function exportPack(loaded: LoadedPack): string {
  const original = readTextFile(loaded.file, LIMITS.packBytes);
  const doc = parseDocument(original, { version: "1.2", schema: "core", merge: false, uniqueKeys: true });
  const { pack } = loaded;
  for (const [name, ref] of Object.entries(pack.templates ?? {})) {
    if (ref === undefined || !isTemplatePath(ref)) continue;
    const node = new Scalar(inlineText(loaded, ref));
    node.type = Scalar.BLOCK_LITERAL;
    doc.setIn(["templates", name], node);
  }
  const templates = doc.get("templates", true);
  if (isMap(templates)) templates.flow = false;
  const text = doc.toString({ lineWidth: 0, blockQuote: "literal" });
  // The export must itself be a valid pack, with nothing left outside it.
  const check = parseYaml(text, "export");
  const again = validatePack(check.data, "export", check);
  const leftover = Object.values(again.pack?.templates ?? {}).some((r) => r !== undefined && isTemplatePath(r));
  if (!again.pack || leftover) {
    throw new DataError(
      msg(`${loaded.file} を1つのファイルにまとめられませんでした`, `${loaded.file} could not be exported as one file`),
      again.problems.filter((p) => p.severity !== "warning"),
    );
  }
  return text;
}

/**
 * A file reference's text. `{lang}` files become one template that picks by the `lang` of
 * the render context; identical files (or a single-language pack) need no choice.
 */
function inlineText(loaded: LoadedPack, ref: string): string {
  const files = templateFiles(loaded.pack, ref);
  const texts = files.map((f) => readPackTemplate(loaded, f));
  const unique = [...new Set(texts)];
  const first = unique[0] ?? "";
  if (unique.length === 1 || !ref.includes("{lang}")) return ensureNewline(first);
  const byLang = loaded.pack.languages.map((l, i) => [l, texts[i] ?? ""] as const);
  const [head, ...rest] = byLang;
  if (!head) return ensureNewline(first);
  let out = `{{#if (eq lang "${head[0]}")}}\n${ensureNewline(head[1])}`;
  rest.forEach(([l, t], i) => {
    out += i === rest.length - 1 ? `{{else}}\n${ensureNewline(t)}` : `{{else if (eq lang "${l}")}}\n${ensureNewline(t)}`;
  });
  return `${out}{{/if}}\n`;
}

function ensureNewline(s: string): string {
  return s.endsWith("\n") ? s : `${s}\n`;
}

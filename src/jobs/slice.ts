/**
 * Reading only what the agenda needs. Parsing a whole answers file costs about a
 * millisecond (most of it the free-text answers); the agenda of 500 jobs needs the header,
 * the log and the few answers the plan reads. An answers file as kikitori writes it is a
 * block mapping: top-level keys at column 0, each answer a key at one indentation under
 * `answers:`. This cuts the text along those lines, without interpreting any value, so
 * that the YAML parser reads the pieces that matter. Anything laid out otherwise (flow
 * style, directives, quoted or complex keys, tabs) gets `undefined`: read the whole file.
 * Pure.
 */

const TOP_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]|\r?$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?\r?$/;
const WHITE_SPACE = /\s/;

/** BLANK_OR_COMMENT, with the regular expression run only on lines that may match. */
function blankOrComment(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) i++;
  // Most lines hold a key or a value: after the indentation comes neither `#`, CR nor the end.
  if (i < line.length && line.charCodeAt(i) !== 0x23 && line.charCodeAt(i) !== 0x0d) return false;
  return BLANK_OR_COMMENT.test(line);
}

interface Block {
  key: string;
  lines: string[];
}

/** The top-level blocks of the text in order, or undefined if it is not plainly laid out. */
export function topLevelBlocks(text: string): Block[] | undefined {
  const blocks: Block[] = [];
  const lead: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split("\n")) {
    const current = blocks[blocks.length - 1];
    if (blankOrComment(line) || line.startsWith(" ")) {
      if (line.startsWith(" ") && !current) return undefined;
      (current?.lines ?? lead).push(line);
      continue;
    }
    const m = TOP_KEY.exec(line);
    if (!m?.[1] || seen.has(m[1])) return undefined;
    seen.add(m[1]);
    blocks.push({ key: m[1], lines: [line] });
  }
  return blocks;
}

/** The answers under `answers:` by id (each with its lines), or undefined if not plainly laid out. */
export function answerBlocks(block: Block): Map<string, string[]> | undefined {
  const [head = "", ...body] = block.lines;
  if (!/^answers:[ \t]*(?:#.*)?\r?$/.test(head)) return undefined;
  const out = new Map<string, string[]>();
  let indent = -1;
  let current: string[] | undefined;
  for (const line of body) {
    if (blankOrComment(line)) {
      current?.push(line);
      continue;
    }
    // The indentation is every leading white space character (as trimStart sees it), and must
    // hold no tab; it is nearly always spaces only, counted without cutting the line.
    let n = 0;
    while (line.charCodeAt(n) === 0x20) n++;
    if (n < line.length && WHITE_SPACE.test(line.charAt(n))) {
      n = line.length - line.trimStart().length;
      if (line.slice(0, n).includes("\t")) return undefined;
    }
    if (indent < 0) indent = n;
    if (n > indent) {
      if (!current) return undefined;
      current.push(line);
      continue;
    }
    if (n < indent) return undefined;
    const rest = line.slice(n);
    // A list may sit at the key's own indentation (`colors:` then `- blue`).
    if (/^-(?:[ \t]|\r?$)/.test(rest)) {
      if (!current) return undefined;
      current.push(line);
      continue;
    }
    const m = /^([a-z0-9_]+):(?:[ \t]|\r?$)/.exec(rest);
    if (!m?.[1] || out.has(m[1])) return undefined;
    current = [line];
    out.set(m[1], current);
  }
  return out;
}

/**
 * The text without the answers other than `keep` (and without `history:`, which the agenda
 * does not read); undefined when the file must be read whole.
 */
export function sliceAnswersText(blocks: readonly Block[], keep: ReadonlySet<string>): string | undefined {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.key === "history") continue;
    if (b.key !== "answers") {
      parts.push(...b.lines);
      continue;
    }
    const answers = answerBlocks(b);
    if (!answers) return undefined;
    parts.push("answers:");
    for (const [id, lines] of answers) if (keep.has(id)) parts.push(...lines);
  }
  return `${parts.join("\n")}\n`;
}

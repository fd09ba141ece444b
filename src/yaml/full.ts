/**
 * Reading YAML with the `yaml` library: every text outside plain.ts's subset, and the
 * positions of values in any text. Everything a hostile file could use against us is bounded
 * here: size (checked by the reader), nesting depth, alias expansion, `__proto__` keys, and
 * YAML 1.1's implicit typing (which would turn `no` into false).
 */
import type { Document, Node, Pair, YAMLMap } from "yaml";
import { DataError, type Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import { findDeepNesting } from "./depth.ts";
import { yamlLibrary } from "./library.ts";
import { type DataPath, type ParsedYaml, type Position, YAML_LIMITS } from "./types.ts";

const YAML_CODES_JA: Record<string, string> = {
  DUPLICATE_KEY: "同じキーが重複しています",
  BAD_INDENT: "インデントが正しくありません",
  MISSING_CHAR: "必要な記号がありません",
  MULTIPLE_DOCS: "1つのファイルに複数のドキュメントがあります",
  BLOCK_AS_IMPLICIT_KEY: "キーの書き方が正しくありません",
  TAB_AS_INDENT: "インデントにタブ文字は使えません",
  UNEXPECTED_TOKEN: "予期しない記号があります",
};

/** More problems than this from one file are noise: the first ones say what is wrong. */
const MAX_PROBLEMS = 10;

type At = (offset: number | undefined) => Position | undefined;

// Where the library's own wording names its API, say what to do instead.
const YAML_CODES_EN: Record<string, string> = {
  MULTIPLE_DOCS: "the file holds more than one YAML document (a --- line starts another)",
};

export function parseYamlFully(text: string, file: string): ParsedYaml {
  refuseDeepNesting(text, file);
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    // Duplicate keys are found in checkTree with a Set: the library's check compares every
    // pair of keys, which is a sixth of the parse time of an answers file.
    uniqueKeys: false,
    prettyErrors: true,
    version: "1.2",
    schema: "core",
    merge: false,
  });
  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };

  const problems = syntaxProblems(doc, file, at);
  if (problems.length === 0) checkTree(doc.contents as Node | null, 0, file, at, problems);
  if (problems.length > 0) {
    throw new DataError(msg(`${file} を読み込めません`, `${file} cannot be read`), problems);
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliases });
  } catch {
    throw new DataError(msg(`${file} を読み込めません`, `${file} cannot be read`), [
      {
        file,
        message: msg("エイリアスの展開が多すぎます", "aliases expand too much"),
        fix: msg("アンカー(&)とエイリアス(*)を使わずに書いてください", "write the values out instead of using anchors (&) and aliases (*)"),
      },
    ]);
  }

  const nodes = finder(doc);
  return { data, locate: locator(nodes, at), source: sourcer(nodes) };
}

/** Nesting too deep for the parser's stack is refused before parsing, with its position. */
function refuseDeepNesting(text: string, file: string): void {
  const deep = findDeepNesting(text, YAML_LIMITS.scanDepth);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split("\n").length;
    throw new DataError(msg(`${file} を読み込めません`, `${file} cannot be read`), [
      {
        file,
        line,
        col: deep - before.lastIndexOf("\n"),
        message: msg(`入れ子が深すぎます (${YAML_LIMITS.maxDepth} 段まで)`, `nesting is too deep (at most ${YAML_LIMITS.maxDepth} levels)`),
        fix: msg("構造を浅くしてください", "flatten the structure"),
      },
    ]);
  }
}

/** The syntax errors of a parsed document (the first few), and a %YAML directive other than 1.2. */
function syntaxProblems(doc: Document.Parsed, file: string, at: At): Problem[] {
  const problems: Problem[] = doc.errors.slice(0, MAX_PROBLEMS).map((e) => {
    const en = YAML_CODES_EN[e.code] ?? e.message.split(/ at line \d+/)[0] ?? e.message;
    const ja = YAML_CODES_JA[e.code] ? `${YAML_CODES_JA[e.code]} (${en})` : `YAML の構文エラーです: ${en}`;
    return {
      file,
      ...at(e.pos[0]),
      message: msg(ja, en),
      fix: msg("該当行の YAML を直してください", "fix the YAML on that line"),
    };
  });
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== "1.2") {
    problems.push({
      file,
      line: 1,
      col: 1,
      message: msg(
        `%YAML ${doc.directives.yaml.version} ディレクティブには対応していません`,
        `the %YAML ${doc.directives.yaml.version} directive is not supported`,
      ),
      fix: msg("先頭の %YAML 行を削除してください (YAML 1.2 として読みます)", "remove the %YAML line (files are read as YAML 1.2)"),
    });
  }
  return problems;
}

/** Nodes by data path, with the keys of each map indexed when first asked for. */
interface Finder {
  pairOf(map: YAMLMap<unknown, unknown>, key: string | number): Pair<unknown, unknown> | undefined;
  nodeAt(path: DataPath): unknown;
}

function finder(doc: Document.Parsed): Finder {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  // Scanning a map for each key made reporting every key of a 10,000-key map quadratic
  // (seconds for one answers file).
  const index = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();
  const pairOf: Finder["pairOf"] = (map, key) => {
    let keys = index.get(map);
    if (!keys) {
      keys = new Map();
      for (const p of map.items) if (isScalar(p.key) && !keys.has(String(p.key.value))) keys.set(String(p.key.value), p);
      index.set(map, keys);
    }
    return keys.get(String(key));
  };
  const nodeAt: Finder["nodeAt"] = (path) => {
    let node: unknown = doc.contents;
    for (const seg of path) {
      if (isMap(node)) node = pairOf(node, seg)?.value;
      else if (isSeq(node)) node = node.items[Number(seg)];
      else return undefined;
    }
    return node;
  };
  return { pairOf, nodeAt };
}

/** Where the value at a data path starts in the text (or its key, or the nearest parent). */
function locator({ pairOf, nodeAt }: Finder, at: At): ParsedYaml["locate"] {
  const { isMap } = yamlLibrary();
  return (path: DataPath, opts?: { key?: boolean }): Position | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const parentPath = path.slice(0, Math.max(0, n - 1));
      if (n === path.length && opts?.key && n > 0) {
        const parent = nodeAt(parentPath);
        const last = path[n - 1];
        if (isMap(parent) && last !== undefined) {
          const pair = pairOf(parent, last);
          const pos = at((pair?.key as Node | undefined)?.range?.[0]);
          if (pos) return pos;
        }
      }
      const node = nodeAt(path.slice(0, n));
      const pos = at((node as Node | undefined)?.range?.[0]);
      if (pos) return pos;
    }
    return undefined;
  };
}

/** The text as written of a plain scalar read as a number or boolean (see ParsedYaml.source). */
function sourcer({ nodeAt }: Finder): ParsedYaml["source"] {
  const { isScalar } = yamlLibrary();
  return (path: DataPath): string | undefined => {
    const node = nodeAt(path);
    if (!isScalar(node) || node.type !== "PLAIN" || typeof node.source !== "string") return undefined;
    return typeof node.value === "number" || typeof node.value === "boolean" ? node.source : undefined;
  };
}

function checkTree(node: Node | null, depth: number, file: string, at: (o: number | undefined) => Position | undefined, out: Problem[]): void {
  if (!node || out.length > 20) return;
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLibrary();
  if (depth > YAML_LIMITS.maxDepth) {
    out.push({
      file,
      ...at(node.range?.[0]),
      message: msg(`入れ子が深すぎます (${YAML_LIMITS.maxDepth} 段まで)`, `nesting is too deep (at most ${YAML_LIMITS.maxDepth} levels)`),
      fix: msg("構造を浅くしてください", "flatten the structure"),
    });
    return;
  }
  if (isAlias(node)) return;
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (isScalar(key)) {
        const name = String(key.value);
        if (seen.has(name)) {
          out.push({
            file,
            ...at(key.range?.[0]),
            message: msg(`キー「${name}」が重複しています`, `the key "${name}" appears twice (map keys must be unique)`),
            fix: msg("どちらか一方を削除してください", "remove one of them"),
          });
        }
        seen.add(name);
      }
      if (isScalar(key) && key.value === "__proto__") {
        out.push({
          file,
          ...at(key.range?.[0]),
          message: msg("キー __proto__ は使えません", "the key __proto__ is not allowed"),
          fix: msg("このキーを削除してください", "remove this key"),
        });
      } else if (key && !isScalar(key)) {
        out.push({
          file,
          ...at(key.range?.[0]),
          message: msg("キーは文字列にしてください", "keys must be plain strings"),
          fix: msg("マップやリストをキーに使わないでください", "do not use a map or list as a key"),
        });
      }
      checkTree(pair.value as Node | null, depth + 1, file, at, out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) checkTree(item as Node | null, depth + 1, file, at, out);
  }
}

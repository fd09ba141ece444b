/**
 * What a pack's template may contain, checked on the parsed template before anything is
 * compiled: packs are shared by strangers, and Handlebars is a small language with a few
 * doors out. Closed here: decorators, partials (inline, dynamic, or any: there are none to
 * call, so no cycles either), helpers other than kikitori's, prototype-related names
 * (`constructor`, `__proto__`, `__defineGetter__`…), and nesting deep enough to stall the
 * Handlebars parser (20 000 nested blocks take minutes). Runtime access to prototypes is also
 * off in the engine (allowProto*: false); this check makes a hostile template fail early,
 * with a reason, instead of silently rendering blanks.
 */
import { createRequire } from "node:module";
import type Handlebars from "handlebars";
import { type Msg, msg } from "../i18n.ts";

let full: typeof Handlebars | undefined;
/** The full Handlebars, required on first use: most runs load no pack template at all. */
function handlebarsFull(): typeof Handlebars {
  full ??= createRequire(import.meta.url)("handlebars") as typeof Handlebars;
  return full;
}

/** kikitori's own helpers (implemented in render/engine.ts, which must define exactly these). */
export const TEMPLATE_HELPERS = ["md", "line", "plain", "block", "quote", "cell", "link", "date", "shortdate", "eq", "inc"] as const;
export type TemplateHelper = (typeof TEMPLATE_HELPERS)[number];
/** Handlebars' built-in helpers that templates may use. */
export const HANDLEBARS_HELPERS = ["if", "unless", "each", "with", "lookup"] as const;

const ALLOWED = new Set<string>([...TEMPLATE_HELPERS, ...HANDLEBARS_HELPERS]);
/** Registered on every Handlebars instance, callable by name: `log` writes to stdout. */
const HIDDEN_HELPERS = new Set(["log", "helperMissing", "blockHelperMissing"]);
/** Names that reach into prototypes: every Object.prototype member, and `prototype`. */
export const FORBIDDEN_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);
/** Blocks plus sub-expressions open at once; kikitori's own templates need about 5. */
export const MAX_TEMPLATE_NESTING = 64;
const MAX_ISSUES = 20;

export interface TemplateIssue {
  line: number;
  col: number;
  message: Msg;
  fix: Msg;
}

type AnyNode = hbs.AST.Node & Record<string, unknown>;

/** The template's syntax tree, or its syntax error. */
function parseTemplate(source: string): hbs.AST.Program | TemplateIssue {
  try {
    return handlebarsFull().parse(source);
  } catch (e) {
    const text = String((e as Error).message);
    const line = Number(/line (\d+)/.exec(text)?.[1] ?? 1);
    const first = text.split("\n")[0] ?? text;
    return {
      line,
      col: 1,
      message: msg(`Handlebars の構文エラーです: ${first}`, `Handlebars syntax error: ${first}`),
      fix: msg("{{ }} の対応と綴りを確認してください", "check that every {{ }} and block is closed and spelt right"),
    };
  }
}

/** Every reason the template may not be used; empty when it is safe to compile. */
export function checkTemplateSource(source: string): TemplateIssue[] {
  const deep = nestingProblem(source);
  if (deep) return [deep];
  const ast = parseTemplate(source);
  if ("message" in ast) return [ast];
  const issues: TemplateIssue[] = [];
  const add = (node: hbs.AST.Node, message: Msg, fix: Msg) => {
    if (issues.length < MAX_ISSUES) issues.push({ line: node.loc?.start.line ?? 1, col: (node.loc?.start.column ?? 0) + 1, message, fix });
  };
  // An explicit stack: nesting is bounded above, but no recursion is cheaper to trust.
  const stack: AnyNode[] = [ast as unknown as AnyNode];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    switch (node.type) {
      case "Program":
        stack.push(...((node.body as AnyNode[]) ?? []));
        for (const p of (node.blockParams as string[] | undefined) ?? []) if (FORBIDDEN_NAMES.has(p)) add(node, forbiddenName(p), renameFix);
        break;
      case "Decorator":
      case "DecoratorBlock": {
        const name = pathName(node.path as AnyNode);
        add(
          node,
          name === "inline"
            ? msg("インライン・パーシャル ({{#*inline}}) は使えません", "inline partials ({{#*inline}}) are not allowed")
            : msg(`デコレーター ({{*${name}}}) は使えません`, `decorators ({{*${name}}}) are not allowed`),
          msg("その内容をテンプレートに直接書いてください", "write the text in place"),
        );
        break;
      }
      case "PartialStatement":
      case "PartialBlockStatement": {
        const dynamic = (node.name as AnyNode).type === "SubExpression";
        add(
          node,
          dynamic
            ? msg("動的パーシャル ({{> (…)}}) は使えません", "dynamic partials ({{> (…)}}) are not allowed")
            : msg(`パーシャル ({{> ${pathName(node.name as AnyNode)}}}) は使えません`, `partials ({{> ${pathName(node.name as AnyNode)}}}) are not available`),
          msg("kikitori のテンプレートにはパーシャルがありません。内容を直接書いてください", "kikitori templates have no partials: write the text in place"),
        );
        break;
      }
      case "MustacheStatement":
      case "BlockStatement":
      case "SubExpression":
        checkCall(node, add);
        stack.push(...((node.params as AnyNode[]) ?? []));
        if (node.hash) stack.push(node.hash as AnyNode);
        if (node.program) stack.push(node.program as AnyNode);
        if (node.inverse) stack.push(node.inverse as AnyNode);
        break;
      case "Hash":
        for (const pair of (node.pairs as (hbs.AST.HashPair & AnyNode)[]) ?? []) {
          if (FORBIDDEN_NAMES.has(pair.key)) add(pair, forbiddenName(pair.key), renameFix);
          stack.push(pair.value as AnyNode);
        }
        break;
      case "PathExpression":
        checkPath(node, add);
        break;
      case "StringLiteral":
        if (FORBIDDEN_NAMES.has(node.value as string)) add(node, forbiddenName(node.value as string), renameFix);
        break;
    }
  }
  return issues.sort((a, b) => a.line - b.line || a.col - b.col);
}

type Add = (node: hbs.AST.Node, message: Msg, fix: Msg) => void;

const renameFix = msg("プロトタイプに触れる名前は使えません。別の項目名を使ってください", "names that reach into prototypes are refused: use another field");
const forbiddenName = (name: string) => msg(`名前「${name}」は使えません`, `the name "${name}" is not allowed`);

function checkCall(node: AnyNode, add: Add): void {
  const callee = node.path as AnyNode;
  if (callee.type !== "PathExpression") {
    // `{{"name"}}` looks a field up by a literal name.
    if (callee.type === "StringLiteral" && FORBIDDEN_NAMES.has(callee.value as string)) add(callee, forbiddenName(callee.value as string), renameFix);
    return;
  }
  checkPath(callee, add);
  const simple = (callee.depth as number) === 0 && !callee.data && (callee.parts as string[]).length === 1;
  const name = callee.original as string;
  const hasArgs = ((node.params as unknown[]) ?? []).length > 0 || (((node.hash as AnyNode | undefined)?.pairs as unknown[]) ?? []).length > 0;
  const isCall = hasArgs || node.type === "SubExpression";
  if ((isCall && !(simple && ALLOWED.has(name))) || (simple && HIDDEN_HELPERS.has(name))) {
    add(
      callee,
      msg(`ヘルパー「${name}」は使えません`, `the helper "${name}" is not available`),
      msg(`使えるヘルパー: ${[...ALLOWED].join(", ")}`, `templates may use: ${[...ALLOWED].join(", ")}`),
    );
  }
}

function checkPath(node: AnyNode, add: Add): void {
  for (const part of (node.parts as string[]) ?? []) {
    if (FORBIDDEN_NAMES.has(part)) {
      add(node, forbiddenName(part), renameFix);
      return;
    }
  }
}

function pathName(node: AnyNode | undefined): string {
  if (!node) return "";
  return String(node.original ?? node.value ?? "");
}

/** Blocks and sub-expressions open at once, counted on Handlebars' own (iterative) lexer. */
function nestingProblem(source: string): TemplateIssue | undefined {
  const parser = (handlebarsFull() as unknown as { Parser: { lexer: Lexer; terminals_: Record<number, string> } }).Parser;
  const lexer = parser.lexer;
  const weights: number[] = [];
  let depth = 0;
  try {
    lexer.setInput(source);
    for (let code = lexer.lex(); code !== lexer.EOF; code = lexer.lex()) {
      // The lexer returns token numbers; the parser's table names them.
      const tok = typeof code === "number" ? parser.terminals_[code] : code;
      if (tok === "EOF") break;
      switch (tok) {
        case "OPEN_BLOCK":
        case "OPEN_INVERSE":
        case "OPEN_PARTIAL_BLOCK":
        case "OPEN_RAW_BLOCK":
          weights.push(1);
          depth++;
          break;
        case "OPEN_INVERSE_CHAIN":
          // `{{else if x}}` nests one more block, closed by the same `{{/if}}`.
          if (weights.length > 0) weights[weights.length - 1] = (weights[weights.length - 1] ?? 0) + 1;
          depth++;
          break;
        case "OPEN_ENDBLOCK":
        case "END_RAW_BLOCK":
          depth -= weights.pop() ?? 0;
          break;
        case "OPEN_SEXPR":
          depth++;
          break;
        case "CLOSE_SEXPR":
          depth--;
          break;
      }
      if (depth > MAX_TEMPLATE_NESTING) {
        const line = (lexer.yylineno ?? 0) + 1;
        return {
          line,
          col: 1,
          message: msg(`ブロックの入れ子が深すぎます (${MAX_TEMPLATE_NESTING} 段まで)`, `blocks nest too deep (at most ${MAX_TEMPLATE_NESTING} levels)`),
          fix: msg("入れ子を浅くしてください", "flatten the template"),
        };
      }
    }
  } catch {
    // A lexical error: Handlebars.parse reports it with its position.
  }
  return undefined;
}

interface Lexer {
  EOF: unknown;
  yylineno?: number;
  setInput(s: string): void;
  lex(): unknown;
}

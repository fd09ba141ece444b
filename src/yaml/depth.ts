/**
 * A cheap upper bound of a YAML text's nesting, found before the real parse. The yaml
 * library composes documents recursively: a hostile file of a few hundred kilobytes of `[`
 * or `- - - …` runs it out of stack, and V8 can turn that into a fatal out-of-memory crash
 * (seen when a regular expression gets compiled near the stack limit). The lexer is
 * iterative, so we lex first and stop at the first token past the bound.
 */
import { yamlLibrary } from "./library.ts";

/**
 * The first offset where the nesting bound exceeds `limit`, or undefined. The bound on a line
 * is its indentation plus its block indicators (`-`, `?`, `:`) plus the open flow brackets:
 * never below the real depth, so a text within the bound cannot exhaust the parser.
 */
export function findDeepNesting(text: string, limit: number): number | undefined {
  let offset = 0;
  let flow = 0;
  let line = 0;
  let atLineStart = true;
  let scalarNext = false;
  const { CST, Lexer } = yamlLibrary();
  for (const tok of new Lexer().lex(text)) {
    const at = offset;
    // The lexer's own markers (document start, scalar, flow end) are not in the source: counting
    // them put the reported position one character further per scalar.
    if (scalarNext || (tok !== CST.DOCUMENT && tok !== CST.SCALAR && tok !== CST.FLOW_END)) offset += tok.length;
    if (scalarNext) {
      // The source of a scalar: its text says nothing about structure.
      scalarNext = false;
      atLineStart = false;
      continue;
    }
    const type = CST.tokenType(tok);
    switch (type) {
      case "scalar":
        scalarNext = true;
        continue;
      case "newline":
        atLineStart = true;
        if (flow === 0) line = 0;
        continue;
      case "space":
        if (atLineStart && flow === 0) line = tok.length;
        atLineStart = false;
        continue;
      case "flow-map-start":
      case "flow-seq-start":
        flow++;
        break;
      case "flow-map-end":
      case "flow-seq-end":
        flow = Math.max(0, flow - 1);
        break;
      case "seq-item-ind":
      case "explicit-key-ind":
      case "map-value-ind":
        if (flow === 0) line++;
        break;
    }
    atLineStart = false;
    if (line + flow > limit) return at;
  }
  return undefined;
}

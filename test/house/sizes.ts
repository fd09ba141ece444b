/** Lengths of source files and of the functions in them, read with the TypeScript parser. */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

export interface Sized {
  /** `file` or `file:line name`. */
  where: string;
  lines: number;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

export function fileSizes(srcDir: string): Sized[] {
  return tsFiles(srcDir).map((p) => ({
    where: path.relative(srcDir, p).split(path.sep).join("/"),
    lines: fs.readFileSync(p, "utf8").trimEnd().split("\n").length,
  }));
}

/** Every function, method, arrow function and accessor, with the lines it spans. */
export function functionSizes(srcDir: string): Sized[] {
  const out: Sized[] = [];
  for (const p of tsFiles(srcDir)) {
    const file = path.relative(srcDir, p).split(path.sep).join("/");
    const source = ts.createSourceFile(p, fs.readFileSync(p, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && "body" in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        out.push({ where: `${file}:${start + 1} ${nameOf(node)}`, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

function nameOf(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous)";
}

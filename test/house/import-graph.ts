/**
 * The source import graph, read with TypeScript's own pre-processor (static imports,
 * re-exports and dynamic `import()` alike), and the house rule it must follow: imports flow
 * down through the rooms, never up, and never in a circle.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** Rooms from the top (4) to the ground (0); a file's room is its first folder under src/ ("" for src/ itself). */
export const LEVELS: Readonly<Record<string, number>> = {
  boot: 5,
  cli: 4,
  flow: 3,
  prompt: 3,
  ask: 3,
  import: 3,
  form: 3,
  jobs: 3,
  checks: 3,
  render: 3,
  messages: 3,
  schedule: 3,
  answers: 2,
  pack: 1,
  yaml: 0,
  "": 0,
};

/** Each source file with the source files it imports (paths relative to src/). */
export type Graph = Map<string, string[]>;

export interface Sources {
  graph: Graph;
  /** Each source file with the packages and node: modules it imports. */
  packages: Map<string, string[]>;
}

/** Every .ts file under `srcDir` and what it imports. */
export function readSources(srcDir: string): Sources {
  const graph: Graph = new Map();
  const packages = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) {
        const file = path.relative(srcDir, p).split(path.sep).join("/");
        const specs = ts.preProcessFile(fs.readFileSync(p, "utf8"), true, true).importedFiles.map((f) => f.fileName);
        const local = specs.filter((f) => f.startsWith("."));
        graph.set(file, [
          ...new Set(
            local.map((f) =>
              path
                .relative(srcDir, path.resolve(path.dirname(p), f))
                .split(path.sep)
                .join("/"),
            ),
          ),
        ]);
        packages.set(file, [...new Set(specs.filter((f) => !f.startsWith(".")))]);
      }
    }
  };
  walk(srcDir);
  return { graph, packages };
}

export function roomOf(file: string): string {
  const i = file.indexOf("/");
  return i < 0 ? "" : file.slice(0, i);
}

/** Imports from a room to a higher one (or into a room the table does not know). */
export function upwardImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, deps] of graph) {
    const lf = LEVELS[roomOf(from)];
    for (const to of deps) {
      const lt = LEVELS[roomOf(to)];
      if (lf === undefined || lt === undefined) out.push(`${from} -> ${to} (room not in LEVELS)`);
      else if (lt > lf) out.push(`${from} -> ${to}`);
    }
  }
  return out.sort();
}

/** Every import cycle, each as a path of files that returns to its first one. */
export function cycles(graph: Graph): string[][] {
  // Tarjan's strongly connected components; a component of more than one file (or a file
  // importing itself) holds a cycle, reported as one shortest loop through its first file.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(loopThrough(graph, new Set(comp), comp.sort()[0]!));
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return found;
}

function loopThrough(graph: Graph, comp: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const loop = [start];
        for (let x: string | undefined = v; x !== undefined && x !== start; x = prev.get(x)) loop.splice(1, 0, x);
        return [...loop, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

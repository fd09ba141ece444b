/**
 * The house rules for imports (docs/architecture.md): no cycles, nothing imports a room
 * above its own, and the libraries that belong to one room stay there.
 */
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../helpers.ts";
import { cycles, type Graph, LEVELS, readSources, roomOf, upwardImports } from "./import-graph.ts";

const { graph, packages } = readSources(path.join(ROOT, "src"));

describe("the source import graph", () => {
  test("reads the whole of src/", () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(graph.get("cli/main.ts")).toContain("cli/program.ts");
  });

  test("has no cycle", () => {
    expect(cycles(graph).map((c) => c.join(" -> "))).toEqual([]);
  });

  test("imports only downward: cli -> client rooms -> answers -> pack -> ground", () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  test("a command never imports another command (shared code lives in a room below)", () => {
    const isCommand = (f: string) => f.startsWith("cli/commands/") && f !== "cli/commands/index.ts";
    const offenders = [...graph].flatMap(([from, deps]) => (isCommand(from) ? deps.filter(isCommand).map((to) => `${from} -> ${to}`) : []));
    expect(offenders).toEqual([]);
  });

  // Libraries (and node:fs) that only some rooms may use: the core stays pure and testable.
  const only: [string, (file: string) => boolean][] = [
    ["commander", (f) => roomOf(f) === "cli"],
    ["chalk", (f) => roomOf(f) === "cli"],
    ["@inquirer/core", (f) => roomOf(f) === "prompt"],
    ["@inquirer/prompts", (f) => roomOf(f) === "prompt"],
    ["node:fs", (f) => ["boot", "cli", "pack", "render", ""].includes(roomOf(f))],
  ];
  test.each(only)("%s is imported only where it belongs", (pkg, allowed) => {
    const offenders = [...packages].filter(([file, pkgs]) => pkgs.includes(pkg) && !allowed(file)).map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});

describe("the checks themselves", () => {
  const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));
  test.each([
    ["none", { "a.ts": ["b.ts"], "b.ts": [] }, []],
    ["two files", { "a.ts": ["b.ts"], "b.ts": ["a.ts"] }, [["a.ts", "b.ts", "a.ts"]]],
    ["three files", { "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["a.ts"] }, [["a.ts", "b.ts", "c.ts", "a.ts"]]],
    ["a file importing itself", { "a.ts": ["a.ts"] }, [["a.ts", "a.ts"]]],
  ])("finds cycles: %s", (_, edges, expected) => {
    expect(cycles(g(edges))).toEqual(expected);
  });

  test.each([
    ["pack/x.ts", "answers/y.ts", ["pack/x.ts -> answers/y.ts"]],
    ["answers/y.ts", "pack/x.ts", []],
    ["errors.ts", "cli/main.ts", ["errors.ts -> cli/main.ts"]],
    ["flow/x.ts", "cli/y.ts", ["flow/x.ts -> cli/y.ts"]],
    ["render/x.ts", "schedule/y.ts", []],
    ["nowhere/x.ts", "errors.ts", ["nowhere/x.ts -> errors.ts (room not in LEVELS)"]],
  ])("%s -> %s: upward %j", (from, to, expected) => {
    expect(upwardImports(g({ [from]: [to] }))).toEqual(expected);
  });

  test("every room of src/ has a level", () => {
    expect([...new Set([...graph.keys()].map(roomOf))].filter((r) => LEVELS[r] === undefined)).toEqual([]);
  });
});

/**
 * A hand-made YAML writer for the differential test of the fast reader: it lays a random tree
 * out in the ways a person or kikitori might — block maps and lists at any indentation, lists
 * at their key's indentation, `- key: …` items, `- - …`, one-line flow maps and lists, plain,
 * quoted and literal block scalars, comments, blank lines, trailing spaces — and writes
 * scalars as they come, so that many texts are not what they look like. Layout choices come
 * from a seeded generator so a failing case reproduces.
 */
import fc from "fast-check";

export type Tree = { t: "scalar"; v: unknown } | { t: "map"; entries: [string, Tree][] } | { t: "list"; items: Tree[] };

const piece = fc.constantFrom(
  ...["a", "ロゴ", " ", ":", ": ", "#", " #", "-", "- ", "'", '"', "0", "12", "e3", ".", "5", "0x1F", "true", "null", "~", "{", "}"],
  ...["[", "]", ",", "|", ">", "&", "*", "!", "?", "\\", "2026-12-01", "10:00", "\n", "\n\n", "  \n", "\n  x", "__proto__", "---"],
);
const scalarText = fc.oneof(
  fc.array(piece, { maxLength: 4 }).map((a) => a.join("")),
  fc.constantFrom("ラフ: 3案", "https://example.com/a#b", "駅から徒歩5分、\n手作りの焼き菓子", "a\n\nb\n", "- x", "#1", "x #1", "it's", 'say "hi"'),
  fc.constantFrom("id", "note", "山田様", "0120", "1e3", ".5", "+1", "-0", "0o17", ".inf", ".NaN", "true", "False", "~", "", "a b", "1.10"),
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("id", "note", "source", "kind", "done", "見出し", "a b", "a:b", "0120", "true", "x", "q_other", "a-b.c") },
  { weight: 1, arbitrary: scalarText },
);
const { node } = fc.letrec<{ node: Tree; scalar: Tree; map: Tree; list: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: "small" }, tie("scalar"), tie("map"), tie("list")),
  scalar: fc.oneof(scalarText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)).map((v): Tree => ({ t: "scalar", v })),
  map: fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }).map((entries): Tree => ({ t: "map", entries })),
  list: fc.array(tie("node"), { maxLength: 4 }).map((items): Tree => ({ t: "list", items })),
}));

/** A document: a map at the top, sometimes a list. */
export const tree: fc.Arbitrary<Tree> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 5 }).map((entries): Tree => ({ t: "map", entries })) },
  { weight: 1, arbitrary: node },
);

type Rand = (n: number) => number;

/** mulberry32: a small seeded generator; rand(n) is in 0..n-1. */
function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function writeTree(t: Tree, seed: number): string {
  const r = seeded(seed);
  const out = block(t, 0, r);
  return out.startsWith("\n") ? out.slice(1) : out;
}

function pad(n: number): string {
  return " ".repeat(n);
}

/** A scalar as a person might type it: as is, quoted either way, or JSON-quoted. */
function scalarOnLine(v: unknown, r: Rand): string {
  const s = v === null ? ["null", "~", ""][r(3)] : String(v);
  switch (r(6)) {
    case 0:
      return JSON.stringify(s) ?? "";
    case 1:
      return `'${String(s).replaceAll("'", "''")}'`;
    default:
      return String(s);
  }
}

function keyText(k: string, r: Rand): string {
  return r(5) === 0 ? JSON.stringify(k) : r(8) === 0 ? `'${k.replaceAll("'", "''")}'` : k;
}

function comment(r: Rand): string {
  return [" # note", "", "", "", "  ", " #"][r(6)] ?? "";
}

function flowText(t: Tree, r: Rand): string {
  if (t.t === "scalar") return scalarOnLine(t.v, r);
  const sp = r(2) === 0 ? " " : "";
  if (t.t === "list") return t.items.length === 0 ? "[]" : `[${sp}${t.items.map((x) => flowText(x, r)).join(", ")}${sp}]`;
  return t.entries.length === 0 ? "{}" : `{${sp}${t.entries.map(([k, v]) => `${k}: ${flowText(v, r)}`).join(", ")}${sp}}`;
}

/** A literal block scalar's header and lines, for a value inside a collection at `indent`. */
function literal(v: unknown, indent: number, r: Rand): string {
  const body = String(v)
    .split("\n")
    .map((l) => (l === "" && r(4) > 0 ? "" : pad(indent + 1 + r(3)) + l));
  return `${["|", "|-", "|+", "|2", ">"][r(10) % 5 === 4 && r(3) === 0 ? 4 : r(2)]}\n${body.join("\n")}`;
}

/** What follows `key:` or `- ` of a collection at `indent`: on the line, or a block on the lines below (starting with "\n"). */
function after(t: Tree, indent: number, r: Rand, inList: boolean): string {
  if (t.t === "scalar") {
    if (typeof t.v === "string" && (t.v.includes("\n") || r(6) === 0)) return ` ${literal(t.v, indent, r)}`;
    return ` ${scalarOnLine(t.v, r)}${comment(r)}`;
  }
  const empty = t.t === "map" ? t.entries.length === 0 : t.items.length === 0;
  if (empty || r(4) === 0) return ` ${flowText(t, r)}${comment(r)}`;
  const step = 1 + r(4);
  // A list may sit at its key's own indentation; an item's map or list may start on the dash's line.
  if (inList && r(2) === 0) return ` ${block(t, indent + 2, r).trimStart()}`;
  return block(t, t.t === "list" && !inList && r(2) === 0 ? indent : indent + step, r);
}

/** A map or list in block style at `indent`, each line starting with "\n" (so a first line can join a dash). */
function block(t: Tree, indent: number, r: Rand): string {
  if (t.t === "scalar") return `\n${pad(indent)}${scalarOnLine(t.v, r)}`;
  const lines: string[] = [];
  const extra = () => (r(8) === 0 ? `\n${pad(r(2) * indent)}# comment` : r(10) === 0 ? "\n" : "");
  if (t.t === "map") {
    for (const [k, v] of t.entries) lines.push(`${extra()}\n${pad(indent)}${keyText(k, r)}:${after(v, indent, r, false)}`);
  } else {
    for (const item of t.items) lines.push(`${extra()}\n${pad(indent)}-${after(item, indent, r, true)}`);
  }
  return lines.join("") + (r(12) === 0 ? "   " : "") + (r(3) === 0 ? "" : "\n");
}

/**
 * Turns zod's issues into problems a person can act on: one per mistake, at the line of the
 * offending key or value, with a fix. Unions are reduced to the branch that came closest.
 */
import type * as z from "zod";
import type { Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import type { DataPath, ParsedYaml } from "./parse.ts";

type Issue = z.core.$ZodIssue;

export function schemaProblems(
  issues: readonly Issue[],
  data: unknown,
  parsed: Pick<ParsedYaml, "locate">,
  file: string,
  knownKeys: readonly string[] = [],
): Problem[] {
  const out: Problem[] = [];
  const env: Env = { data, parsed, knownKeys };
  for (const issue of issues) collect(env, issue, [], out);
  // One mistake often yields the same problem twice through unions; keep the first.
  const seen = new Set<string>();
  return out
    .map((p) => ({ ...p, file }))
    .filter((p) => {
      const k = `${p.line}:${p.col}:${p.message.en}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

/** What the problems are read against: the data, where each part is in the file, the keys "did you mean" picks from. */
interface Env {
  data: unknown;
  parsed: Pick<ParsedYaml, "locate">;
  knownKeys: readonly string[];
}

/** The problems of one issue; a union is reduced to the branch that came closest to the data. */
function collect(env: Env, issue: Issue, base: DataPath, acc: Problem[]): void {
  const { data, parsed } = env;
  const path = [...base, ...(issue.path as (string | number)[])];
  const value = getAt(data, path);
  const name = describePath(path);
  const place = (key = false) => parsed.locate(path, { key });
  if (issue.code === "invalid_union") {
    if (value === undefined) {
      acc.push({ ...parsed.locate(path.slice(0, -1)), path: name, ...missing(path) });
      return;
    }
    const branches = issue.errors;
    const simple = branches.every((b) => b.length === 1 && b[0]?.code === "invalid_type" && b[0].path.length === 0);
    if (simple) {
      const expected = branches.map((b) => (b[0] as { expected: string }).expected).join(" / ");
      acc.push({ ...place(), path: name, ...wrongType(name, expected) });
      return;
    }
    // The branch with the fewest complaints is the one the author meant.
    const best = [...branches].sort((a, b) => weight(a) - weight(b))[0] ?? [];
    for (const sub of best) collect(env, sub, path, acc);
    return;
  }
  addProblem(env, issue, path, acc);
}

/** The problem of one issue that is not a union, at the line of the offending key or value. */
function addProblem(env: Env, issue: Exclude<Issue, { code: "invalid_union" }>, path: DataPath, acc: Problem[]): void {
  const { parsed, knownKeys } = env;
  const value = getAt(env.data, path);
  const name = describePath(path);
  const place = (key = false) => parsed.locate(path, { key });
  switch (issue.code) {
    case "unrecognized_keys":
      for (const key of issue.keys) {
        const guess = suggest(key, knownKeys);
        acc.push({
          ...parsed.locate([...path, key], { key: true }),
          path: describePath([...path, key]),
          message: msg(`不明なキー「${key}」です`, `unknown key "${key}"`),
          fix: guess
            ? msg(`「${guess}」の誤りではありませんか`, `did you mean "${guess}"?`)
            : msg("削除するか、綴りを確認してください", "remove it or check the spelling"),
        });
      }
      return;
    case "invalid_type":
      if (value === undefined) acc.push({ ...parsed.locate(path.slice(0, -1)), path: name, ...missing(path) });
      else acc.push({ ...place(), path: name, ...wrongType(name, issue.expected) });
      return;
    case "invalid_format": {
      const pattern = "pattern" in issue && issue.pattern ? String(issue.pattern) : issue.format;
      acc.push({
        ...place(),
        path: name,
        message: msg(`${name} の値「${String(value)}」の形式が正しくありません`, `${name} "${String(value)}" has the wrong form`),
        fix: msg(`次の形式にしてください: ${pattern}`, `use the form ${pattern}`),
      });
      return;
    }
    case "invalid_value":
      if (value === undefined) {
        acc.push({ ...parsed.locate(path.slice(0, -1)), path: name, ...missing(path) });
        return;
      }
      acc.push({
        ...place(),
        path: name,
        message: msg(`${name} の値「${String(value)}」は使えません`, `${name} cannot be "${String(value)}"`),
        fix: msg(`次のいずれかにしてください: ${issue.values.join(", ")}`, `use one of: ${issue.values.join(", ")}`),
      });
      return;
    case "too_small":
      acc.push({
        ...place(),
        path: name,
        message: msg(`${name} が少なすぎます (最小 ${String(issue.minimum)})`, `${name} is too small (minimum ${String(issue.minimum)})`),
        fix: msg("値を増やしてください", "add to it"),
      });
      return;
    case "too_big":
      acc.push({
        ...place(),
        path: name,
        message: msg(`${name} が大きすぎます (最大 ${String(issue.maximum)})`, `${name} is too big (maximum ${String(issue.maximum)})`),
        fix: msg("値を減らしてください", "reduce it"),
      });
      return;
    default:
      acc.push({
        ...place(),
        path: name,
        message: msg(`${name} が正しくありません: ${issue.message}`, `${name} is not valid: ${issue.message}`),
        fix: msg("形式の説明 (README) を確認してください", "see the format in README.md"),
      });
  }
}

function weight(branch: readonly Issue[]): number {
  // Unknown keys and wrong types at the top of the branch mean "not this branch at all".
  return branch.reduce((n, i) => n + (i.code === "unrecognized_keys" ? 3 : i.path.length === 0 ? 2 : 1), 0);
}

function missing(path: DataPath) {
  const key = String(path[path.length - 1] ?? "");
  const where = describePath(path.slice(0, -1)) || "top level";
  return {
    message: msg(`必須のキー「${key}」がありません (${where})`, `the key "${key}" is missing (in ${where})`),
    fix: msg(`「${key}:」を追加してください`, `add "${key}:"`),
  };
}

function wrongType(name: string, expected: string) {
  return {
    message: msg(`${name} の型が違います (${expected} が必要です)`, `${name} has the wrong type (expected ${expected})`),
    fix: msg(`${expected} の値を書いてください`, `write a ${expected} value`),
  };
}

export function getAt(data: unknown, path: DataPath): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** `sections[0].questions[2].id` */
export function describePath(path: DataPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

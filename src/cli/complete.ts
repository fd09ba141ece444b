/**
 * Shell completion, decided from the command table: given the words typed so far (the last
 * one being completed, maybe empty), what may come next. The shell scripts
 * (shell-scripts.ts) only pass the words and show the answer, so every shell completes the
 * same things, and commands added to the table complete without touching the scripts.
 */
import type { Lang, Msg } from "../i18n.ts";
import type { ArgSpec, CommandTable, Completes, OptionSpec } from "./spec.ts";

export interface Candidate {
  value: string;
  help: string;
}

/** What the shell adds to the candidates: nothing, any file, pack and answers files (and folders), folders. */
export type Directive = "plain" | "files" | "yaml" | "dirs";

export interface Completion {
  candidates: Candidate[];
  directive: Directive;
}

/** The values only a run can know: pack ids as kikitori would find them, platform ids. */
export type Sources = (kind: "pack" | "user-pack" | "platform") => Candidate[];

interface Node {
  summary?: Msg;
  children: Map<string, Node>;
  args: readonly ArgSpec[];
  options: readonly OptionSpec[];
}

function tree(table: CommandTable): Node {
  const root: Node = { children: new Map(), args: [], options: [] };
  const at = (path: string[]): Node => {
    let node = root;
    for (const word of path) {
      let next = node.children.get(word);
      if (!next) {
        next = { summary: table.groups.find((g) => g.name === word)?.summary, children: new Map(), args: [], options: [] };
        node.children.set(word, next);
      }
      node = next;
    }
    return node;
  };
  for (const c of table.commands.filter((c) => !c.hidden))
    Object.assign(at(c.name.split(" ")), { summary: c.summary, args: c.args ?? [], options: c.options ?? [] });
  Object.assign(at([table.help.name]), { summary: table.help.summary, args: table.help.args ?? [] });
  return root;
}

const longOf = (o: OptionSpec) => /--[\w-]+/.exec(o.flags)?.[0] ?? "";
const shortOf = (o: OptionSpec) => /(?:^|\s)(-\w)\b/.exec(o.flags)?.[1];
const takesValue = (o: OptionSpec) => /[<[]/.test(o.flags);

/**
 * What a value completes to: as declared, else the option's choices, else a help that is
 * just the values (`confirm | progress | delay`), else its name.
 */
export function completesOf(spec: OptionSpec | ArgSpec): Completes {
  if (spec.complete) return spec.complete;
  if ("choices" in spec && spec.choices) return spec.choices;
  if (/^[\w-]+( \| [\w-]+)+$/.test(spec.help.en)) return spec.help.en.split(" | ");
  const long = "flags" in spec ? longOf(spec).slice(2) : "";
  const placeholder = /[<[]([\w-]+)/.exec("flags" in spec ? spec.flags : spec.name)?.[1] ?? "";
  const byName: Record<string, Completes> = {
    platform: "platform",
    pack: "pack",
    lang: ["ja", "en"],
    out: "dir",
    output: "file",
    answers: "answers",
    file: "file",
    files: "file",
    source: "file",
    reply: "file",
    dir: "dir",
  };
  return byName[long] ?? byName[placeholder] ?? "none";
}

/** Completions for the last of `words` (the words after `kikitori`). */
export function complete(table: CommandTable, words: readonly string[], lang: Lang, sources: Sources): Completion {
  const root = tree(table);
  const cur = words.at(-1) ?? "";
  let node = root;
  const positional: string[] = [];
  let pending: OptionSpec | undefined;
  const options = () => [...table.globals, ...node.options];
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = undefined;
    } else if (word.startsWith("-") && word !== "-") {
      const option = options().find((o) => longOf(o) === word || shortOf(o) === word);
      if (option && takesValue(option)) pending = option;
    } else if (positional.length === 0 && node.children.has(word)) {
      node = node.children.get(word) as Node;
    } else positional.push(word);
  }
  if (pending) return values(completesOf(pending), cur, "", lang, sources, root, positional);
  const eq = /^(--[\w-]+)=(.*)$/.exec(cur);
  if (eq) {
    const option = options().find((o) => longOf(o) === eq[1]);
    return option && takesValue(option) ? values(completesOf(option), eq[2] ?? "", `${eq[1]}=`, lang, sources, root, positional) : none();
  }
  if (cur.startsWith("-")) {
    const all = [...options(), { flags: "-h, --help", help: { ja: "ヘルプを表示します", en: "show help" } }];
    const flags = all.map((o) => ({ value: longOf(o), help: o.help[lang] }));
    return { candidates: flags.filter((c) => c.value.startsWith(cur)), directive: "plain" };
  }
  if (node.children.size > 0 && positional.length === 0) return { candidates: childrenOf(node, cur, lang), directive: "plain" };
  const arg = node.args[positional.length] ?? (node.args.at(-1)?.name.includes("...") ? node.args.at(-1) : undefined);
  return arg ? values(completesOf(arg), cur, "", lang, sources, root, positional) : none();
}

function none(): Completion {
  return { candidates: [], directive: "plain" };
}

function childrenOf(node: Node, cur: string, lang: Lang): Candidate[] {
  return [...node.children].filter(([name]) => name.startsWith(cur)).map(([name, n]) => ({ value: name, help: n.summary?.[lang] ?? "" }));
}

function values(kind: Completes, cur: string, prefix: string, lang: Lang, sources: Sources, root: Node, typed: string[]): Completion {
  const pick = (list: Candidate[], directive: Directive = "plain"): Completion => ({
    candidates: list.filter((c) => c.value.startsWith(cur)).map((c) => ({ value: `${prefix}${c.value}`, help: c.help })),
    directive,
  });
  if (Array.isArray(kind)) return pick(kind.map((value) => ({ value, help: "" })));
  switch (kind) {
    case "pack":
      return pick(sources("pack"), "yaml");
    case "user-pack":
    case "platform":
      return pick(sources(kind));
    case "answers":
      return pick([], "yaml");
    case "file":
      return pick([], "files");
    case "dir":
      return pick([], "dirs");
    case "command": {
      // help pack <Tab>: the commands under the words typed after help.
      let node: Node | undefined = root;
      for (const word of typed) node = node?.children.get(word);
      return node ? { candidates: childrenOf(node, cur, lang), directive: "plain" } : none();
    }
    default:
      return none();
  }
}

/** The answer as the scripts read it: `value<Tab>help` lines, then `:directive`. */
export function formatCompletion(c: Completion): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, " ");
  return `${c.candidates.map((x) => `${clean(x.value)}\t${clean(x.help)}`).join("\n")}${c.candidates.length ? "\n" : ""}:${c.directive}\n`;
}

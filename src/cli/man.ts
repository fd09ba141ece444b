/**
 * The man page (kikitori.1), written from the command table at build time, so it lists the
 * commands, arguments and options the program really has. Pure: scripts/build.mjs writes it.
 */
import type { Lang, Msg } from "../i18n.ts";
import type { ArgSpec, Command, CommandTable, OptionSpec } from "./spec.ts";

/**
 * Text as roff reads it: backslashes and leading dots escaped, dashes as minus signs, and
 * anything beyond ASCII as a \[uXXXX] escape (groff and mandoc read it whatever the locale).
 */
function roff(text: string): string {
  return text
    .replace(/\\/g, "\\e")
    .replace(/-/g, "\\-")
    .replace(/[^\x00-\x7f]/gu, (c) => `\\[u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}]`)
    .split("\n")
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join("\n");
}

const bold = (s: string) => `\\fB${roff(s)}\\fR`;
const HEAD: Record<Lang, Record<string, string>> = {
  en: {
    name: "NAME",
    synopsis: "SYNOPSIS",
    description: "DESCRIPTION",
    commands: "COMMANDS",
    globals: "GLOBAL OPTIONS",
    environment: "ENVIRONMENT",
    exit: "EXIT STATUS",
    see: "SEE ALSO",
    examples: "Examples:",
    args: "Arguments:",
  },
  ja: {
    name: "名前",
    synopsis: "書式",
    description: "説明",
    commands: "コマンド",
    globals: "共通オプション",
    environment: "環境変数",
    exit: "終了ステータス",
    see: "関連項目",
    examples: "例:",
    args: "引数:",
  },
};

export interface ManExtras {
  version: string;
  environment: readonly (readonly [string, Msg])[];
}

export function renderMan(table: CommandTable, lang: Lang, extras: ManExtras): string {
  const h = HEAD[lang];
  const t = (m: Msg) => m[lang];
  const out = [
    `.TH KIKITORI 1 "" "kikitori ${extras.version}" "kikitori"`,
    ".ad l",
    `.SH ${h.name}`,
    `kikitori \\- ${roff(t(table.root.summary))}`,
    `.SH ${h.synopsis}`,
    `${bold("kikitori")} [\\fIoptions\\fR] \\fIcommand\\fR [\\fIarguments\\fR]`,
    `.SH ${h.description}`,
    roff(t(table.root.summary)),
    ".PP",
    ...table.root.examples.flatMap(([line, what]) => [".TP", bold(line), roff(t(what))]),
    `.SH ${h.commands}`,
  ];
  for (const c of table.commands.filter((x) => !x.hidden)) out.push(...commandSection(c, lang, h));
  out.push(...commandSection({ ...table.help, options: [] }, lang, h));
  out.push(`.SH ${h.globals}`, ...optionItems(table.globals, lang));
  out.push(".TP", bold("-h, --help"), roff(lang === "ja" ? "ヘルプを表示します" : "show help"));
  out.push(".TP", bold("-V, --version"), roff(lang === "ja" ? "バージョンを表示します" : "print the version"));
  out.push(`.SH ${h.environment}`, ...extras.environment.flatMap(([name, what]) => [".TP", bold(name), roff(t(what))]));
  out.push(`.SH ${h.exit}`);
  // "Exit codes: 0 ok · 1 internal error · …" as one item per code.
  for (const item of t(table.root.exitCodes)
    .replace(/^[^:]*:\s*/, "")
    .split(" · ")) {
    const [code, ...what] = item.split(" ");
    out.push(".TP", bold(code ?? ""), roff(what.join(" ")));
  }
  out.push(`.SH ${h.see}`, `${bold("kikitori help")} \\fIcommand\\fR, README.md`);
  return `${out.join("\n")}\n`;
}

function usage(c: Pick<Command, "name" | "args" | "options">): string {
  const opts = (c.options ?? []).length > 0 ? " [options]" : "";
  return `kikitori ${c.name}${opts}${(c.args ?? []).map((a) => ` ${a.name}`).join("")}`;
}

function commandSection(c: Pick<Command, "name" | "summary" | "args" | "options" | "examples" | "notes">, lang: Lang, h: Record<string, string>): string[] {
  const t = (m: Msg) => m[lang];
  const out = [".SS", bold(usage(c)), ".PP", roff(t(c.summary)), ".RS"];
  const args: readonly ArgSpec[] = c.args ?? [];
  if (args.length > 0) out.push(".PP", h.args ?? "", ...args.flatMap((a) => [".TP", `\\fI${roff(a.name)}\\fR`, roff(t(a.help))]));
  out.push(...optionItems(c.options ?? [], lang));
  if (c.examples && c.examples.length > 0) out.push(".PP", h.examples ?? "", ".nf", ...c.examples.map((e) => roff(`  ${t(e)}`)), ".fi");
  if (c.notes) out.push(".PP", roff(t(c.notes)).replace(/\n/g, "\n.br\n"));
  out.push(".RE");
  return out;
}

function optionItems(options: readonly OptionSpec[], lang: Lang): string[] {
  return options.flatMap((o) => [
    ".TP",
    bold(o.flags),
    roff(o.help[lang] + (o.default !== undefined ? ` (${lang === "ja" ? "既定" : "default"}: ${o.default})` : "")),
  ]);
}

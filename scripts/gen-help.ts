// Build step: every help screen as the CLI prints it outside a terminal (80 columns), in both
// languages, so that dist/boot.cjs answers `--help` without loading the CLI (src/boot/start.ts).
import { screenFile } from "../src/boot/start.ts";
import { collectingIO } from "../src/cli/collecting-io.ts";
import { runProgram } from "../src/cli/program.ts";
import { COMMANDS, GROUPS } from "../src/cli/specs/index.ts";

async function capture(argv: string[], lang: "ja" | "en"): Promise<string> {
  const out = { stdout: "", stderr: "" };
  const io = collectingIO(out, { LANG: lang === "ja" ? "ja_JP.UTF-8" : "C" }, "/");
  const code = await runProgram(argv, io, { lang });
  if (code !== 0 || out.stderr !== "") throw new Error(`kikitori ${argv.join(" ")} exited ${code}: ${out.stderr}`);
  return out.stdout;
}

export async function generateHelp(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const paths = [[], ...GROUPS.map((g) => [g.name]), ...COMMANDS.filter((c) => !c.hidden).map((c) => c.name.split(" "))];
  for (const lang of ["ja", "en"] as const) {
    out[`${lang}/${screenFile([], true)}.txt`] = await capture([], lang);
    for (const words of paths) out[`${lang}/${screenFile(words)}.txt`] = await capture([...words, "--help"], lang);
  }
  return out;
}

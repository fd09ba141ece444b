// Build step: every help screen as the CLI prints it outside a terminal (80 columns), in both
// languages, so that dist/boot.cjs answers `--help` without loading the CLI (src/boot/start.ts).
import { screenFile } from "../src/boot/start.ts";
import type { IO } from "../src/cli/output.ts";
import { runProgram } from "../src/cli/program.ts";
import { COMMANDS, GROUPS } from "../src/cli/specs/index.ts";

async function capture(argv: string[], lang: "ja" | "en"): Promise<string> {
  let stdout = "";
  let stderr = "";
  const io: IO = {
    stdout: {
      write: (s) => {
        stdout += s;
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (s) => {
        stderr += s;
        return true;
      },
      isTTY: false,
    },
    get stdin(): never {
      throw new Error("help reads no input");
    },
    env: { LANG: lang === "ja" ? "ja_JP.UTF-8" : "C" },
    cwd: "/",
    now: () => new Date(0),
  };
  const code = await runProgram(argv, io, { lang });
  if (code !== 0 || stderr !== "") throw new Error(`kikitori ${argv.join(" ")} exited ${code}: ${stderr}`);
  return stdout;
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

/**
 * `kikitori completion <shell>` in the real shells, as a person uses it: the script is loaded
 * into an interactive bash, zsh or fish in a terminal (tmux), words are typed, Tab is pressed,
 * and the command line is read back. Each shell is tested where it is installed (.ci/run
 * installs bash-completion, zsh and fish). bash is also driven directly (COMP_WORDS), with and
 * without bash-completion.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, FIXTURES, TEST_CACHE, tmpdir, write } from "../helpers.ts";
import { hasTmux, Pty } from "./pty.ts";

const has = (shell: string) => spawnSync(shell, ["-c", "exit 0"]).status === 0;
const BASH_COMPLETION = "/usr/share/bash-completion/bash_completion";

/** A folder with `kikitori` on PATH (the built binary), answers files and a folder to complete. */
function workspace(): { dir: string; env: Record<string, string> } {
  const dir = tmpdir("kikitori-shell-");
  write(dir, "bin/kikitori", `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  fs.chmodSync(path.join(dir, "bin", "kikitori"), 0o755);
  write(dir, "work/my job.answers.yaml", "kikitori: 1\n");
  write(dir, "work/my.txt", "not an answers file\n");
  fs.mkdirSync(path.join(dir, "work", "outdir"));
  return { dir, env: { PATH: `${path.join(dir, "bin")}:${process.env.PATH ?? ""}`, KIKITORI_PATH: path.join(FIXTURES, "packs"), XDG_CACHE_HOME: TEST_CACHE } };
}

const open: Pty[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

/** An interactive shell in a terminal with the completion script loaded. */
async function shell(command: string[], load: string): Promise<{ type(words: string, completed: string): Promise<string> }> {
  const w = workspace();
  const t = new Pty({ cwd: path.join(w.dir, "work"), args: [], command, env: { ...w.env, LANG: "C.UTF-8", TERM: "xterm" }, cols: 160 });
  open.push(t);
  t.type(`${load}\n`);
  t.type('echo loaded-""42\n');
  await t.waitFor("loaded-42");
  t.keys("C-l");
  return {
    /** Types the words, presses Tab, and returns the command line once it reads `completed`. */
    async type(words: string, completed: string) {
      t.keys("C-u");
      t.type(words);
      await t.waitFor(words);
      t.keys("Tab");
      const line = new RegExp(`${completed.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")} *$`, "m");
      await t.waitFor(line, 10_000);
      const row = t.rows().find((r) => line.test(r)) ?? "";
      return row.slice(row.indexOf("kikitori ")).trimEnd();
    },
  };
}

const CASES: [string, string][] = [
  ["kikitori pa", "kikitori pack"],
  ["kikitori pack li", "kikitori pack list"],
  ["kikitori pack list --j", "kikitori pack list --json"],
  ["kikitori help rend", "kikitori help render"],
  ["kikitori start --platform coco", "kikitori start --platform coconala"],
  ["kikitori ask all-ty", "kikitori ask all-types"],
  ["kikitori render my", "kikitori render my\\ job.answers.yaml"],
  ["kikitori render x --out=ou", "kikitori render x --out=outdir/"],
  ["kikitori render x --only me", "kikitori render x --only message"],
];

describe.skipIf(!hasTmux())("completion in interactive shells", () => {
  it.skipIf(!has("bash"))("bash", { timeout: 120_000 }, async () => {
    const sh = await shell(["bash", "--norc", "--noprofile"], "source <(kikitori completion bash)");
    for (const [typed, completed] of CASES) expect(await sh.type(typed, completed)).toBe(completed);
  });

  it.skipIf(!has("zsh"))("zsh", { timeout: 120_000 }, async () => {
    const sh = await shell(["zsh", "-f"], "autoload -U compinit && compinit -u && source <(kikitori completion zsh)");
    for (const [typed, completed] of CASES) expect(await sh.type(typed, completed)).toBe(completed);
  });

  it.skipIf(!has("fish"))("fish", { timeout: 120_000 }, async () => {
    const sh = await shell(["fish", "--no-config"], "kikitori completion fish | source");
    for (const [typed, completed] of CASES) expect(await sh.type(typed, completed)).toBe(completed);
  });
});

describe.skipIf(!has("bash"))("the bash function itself (COMP_WORDS)", () => {
  const w = workspace();
  const cwd = path.join(w.dir, "work");
  /** COMPREPLY for the words, the last one being completed. */
  const reply = (words: string[], withBashCompletion: boolean) => {
    const script = [
      withBashCompletion ? `source ${BASH_COMPLETION}` : "",
      "source <(kikitori completion bash)",
      `COMP_WORDS=(${words.map((x) => `'${x}'`).join(" ")})`,
      `COMP_CWORD=${words.length - 1}`,
      `COMP_LINE='${words.join(" ")}'`,
      `COMP_POINT=${words.join(" ").length}`,
      "_kikitori",
      `printf "%s\\n" "\${COMPREPLY[@]}"`,
    ].join("\n");
    const r = spawnSync("bash", ["--norc", "--noprofile", "-c", script], { cwd, env: { ...w.env, HOME: cwd }, encoding: "utf8" });
    expect(r.stderr).toBe("");
    return r.stdout.split("\n").filter(Boolean).sort();
  };
  const cases: [string[], string[]][] = [
    [
      ["kikitori", "pack", "s"],
      ["show", "skeleton"],
    ],
    [
      ["kikitori", "render", ""],
      ["my job.answers.yaml", "outdir"],
    ],
    [
      ["kikitori", "--lang", ""],
      ["en", "ja"],
    ],
    [
      ["kikitori", "message", "d"],
      ["decline", "delay", "delivery"],
    ],
    [
      ["kikitori", "pack", "validate", "my"],
      ["my job.answers.yaml", "my.txt"],
    ],
  ];
  it.each(cases)("%j -> %j (plain bash)", (words, expected) => {
    expect(reply(words, false)).toEqual(expected);
  });
  it.skipIf(!fs.existsSync(BASH_COMPLETION)).each(cases)("%j -> %j (with bash-completion)", (words, expected) => {
    expect(reply(words, true)).toEqual(expected);
  });
  it("puts --opt=value back together without bash-completion", () => {
    expect(reply(["kikitori", "render", "x", "--lang", "=", "e"], false)).toEqual(["en"]);
  });
});

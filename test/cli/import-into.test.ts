/**
 * `import --into`: the client's follow-up reply (to `ask --missing`, in the original numbers)
 * completes the answers file it was asked for, in place.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { numberQuestions } from "../../src/ask/numbering.ts";
import { readPackFile } from "../../src/pack/load.ts";
import { ROOT, run, tmpdir, write } from "../helpers.ts";

const EXAMPLE = fs.readFileSync(path.join(ROOT, "questionnaires", "examples", "logo-design.answers.yaml"), "utf8");
const pack = readPackFile(path.join(ROOT, "questionnaires", "logo-design.yaml")).pack;
const numberOf = (id: string) => numberQuestions(pack).find((x) => x.question.id === id)?.n;
const env = { env: { KIKITORI_TODAY: "2026-11-25" } };

/** The example with its due date not answered yet: an in-progress hearing. */
function unfinished(): string {
  const dir = tmpdir();
  write(dir, "yamada.answers.yaml", EXAMPLE.replace(/^ {2}due_date: .*\n/m, "").replace(/^status: complete$/m, "status: in-progress"));
  fs.chmodSync(path.join(dir, "yamada.answers.yaml"), 0o600);
  return dir;
}

describe("import --into", () => {
  it("asks only what is missing, then merges the reply into the same file", async () => {
    const dir = unfinished();
    const asked = await run(["ask", "logo-design", "--missing", "yamada.answers.yaml"], { cwd: dir, ...env });
    expect(asked.code, asked.stderr).toBe(0);
    const n = numberOf("due_date");
    expect(asked.stdout).toMatch(new RegExp(`^${n}\\. `, "m"));

    write(dir, "reply.txt", `${n}. 2027-01-15\n`);
    const r = await run(["import", "logo-design", "reply.txt", "--into", "yamada.answers.yaml"], { cwd: dir, ...env });
    expect(r.code, r.stderr).toBe(0);
    const before = parse(EXAMPLE);
    const after = parse(fs.readFileSync(path.join(dir, "yamada.answers.yaml"), "utf8"));
    expect(after.answers.due_date).toBe("2027-01-15");
    expect(after.status).toBe("complete");
    // Everything else is as it was: no default replaced an answer the reply did not mention.
    for (const [id, v] of Object.entries(before.answers as Record<string, unknown>)) if (id !== "due_date") expect(after.answers[id], id).toEqual(v);
    expect(after.meta.client).toBe(before.meta.client);
    expect(fs.statSync(path.join(dir, "yamada.answers.yaml")).mode & 0o777).toBe(0o600);
    expect(r.stderr).toMatch(/merged 1 answer\(s\) into yamada\.answers\.yaml \(every required answer is in\)|1 件の回答を取り込みました/);
  });

  it.each([
    [["-o", "other.answers.yaml"], 2],
    [["--client", "x"], 2],
  ])("refuses %j with --into (exit %i), leaving the file untouched", async (extra, code) => {
    const dir = unfinished();
    const file = path.join(dir, "yamada.answers.yaml");
    const text = fs.readFileSync(file, "utf8");
    write(dir, "reply.txt", `${numberOf("due_date")}. 2027-01-15\n`);
    const r = await run(["import", "logo-design", "reply.txt", "--into", "yamada.answers.yaml", ...extra], { cwd: dir, ...env });
    expect(r.code).toBe(code);
    expect(fs.readFileSync(file, "utf8")).toBe(text);
  });

  it("refuses a file of another pack (exit 2) and a missing file (exit 66)", async () => {
    const dir = unfinished();
    write(dir, "reply.txt", "1. x\n");
    expect((await run(["import", "icon-illustration", "reply.txt", "--into", "yamada.answers.yaml"], { cwd: dir, ...env })).code).toBe(2);
    expect((await run(["import", "logo-design", "reply.txt", "--into", "nothing.answers.yaml"], { cwd: dir, ...env })).code).toBe(66);
  });
});

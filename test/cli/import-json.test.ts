/** `kikitori import --json`: the report as data, for scripts. */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "packs") };
const REPLY = "Hi!\n\n1. Yamada Cafe\n2) 2\nQ5: maybe\n7. 4\n10. Apr 30, 2027\n\nThanks,\nJo\n";

describe("kikitori import --json", () => {
  it("prints the report (and the answers in it) on stdout, nothing else", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", REPLY);
    const r = await run(["import", "all-types", "reply.txt", "--json"], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ status: "in-progress", found: 5, stored: 4 });
    expect(report.file).toBeUndefined();
    expect(report.unreadable).toEqual([
      {
        n: 5,
        id: expect.any(String),
        question: expect.objectContaining({ en: "Are the colours decided?" }),
        why: { ja: expect.any(String), en: expect.stringContaining('"maybe" is not a yes or a no') },
        text: "maybe",
      },
    ]);
    for (const list of ["remarks", "skipped", "missing"]) expect(report[list]).toEqual(expect.any(Array));
    expect(report.answersFile).toMatchObject({
      kikitori: 1,
      pack: { id: "all-types" },
      status: "in-progress",
      answers: { name: "Yamada Cafe", style: "friendly", friendliness: 4, due_date: "2027-04-30" },
    });
  });

  it("writes -o FILE as without --json, and names it in the report", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", REPLY);
    const r = await run(["import", "all-types", "reply.txt", "--json", "-o", "a.answers.yaml"], { cwd: dir, env });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe("a.answers.yaml");
    expect(parse(read(path.join(dir, "a.answers.yaml"))).answers).toEqual(report.answersFile.answers);
    expect(r.stderr).toBe("wrote a.answers.yaml\n");
  });

  it("still fails as a failure, with the error on stderr (65)", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", "nothing numbered here\n");
    const r = await run(["import", "all-types", "reply.txt", "--json"], { cwd: dir, env });
    expect(r.code).toBe(65);
    expect(r.stdout).toBe("");
  });
});

/**
 * One reading of values, through the commands: units pluralised on every surface, money read
 * for what it is, the pack's defaults in import, text kept as written, whole numbers where the
 * planner counts. The pack is test/fixtures/values/units.yaml.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURES, read, run, tmpdir, write } from "../helpers.ts";

const env = { KIKITORI_PATH: path.join(FIXTURES, "values") };
const HEAD = "kikitori: 1\npack: { id: units, version: 1.0.0 }\nlang: en\nmeta: { created: 2026-11-23T10:00:00+09:00 }\n";

async function inDir(args: string[], files: Record<string, string> = {}, input?: string) {
  const dir = tmpdir();
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  const r = await run(args, { cwd: dir, env, ...(input !== undefined ? { input } : {}) });
  return { ...r, dir };
}

describe("units are pluralised on every surface", () => {
  it("the accessible prompts and the review say figures, 2 figures, 1 round", async () => {
    const typed = ["Jane", "", "2 figures", "", "", "", "1", "", "", "", "", "2027-01-15", "1", ""];
    const r = await inDir(["start", "units", "--accessible", "-o", "a.answers.yaml"], {}, `${typed.join("\n")}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("1–10 figures");
    expect(r.stderr).not.toContain("figure|figures");
    expect(r.stderr).toMatch(/How many figures\?: 2 figures/);
    expect(r.stderr).toMatch(/How many revision rounds\?: 1 round\b/);
    expect(parse(read(path.join(r.dir, "a.answers.yaml"))).answers).toMatchObject({ figures: 2, rounds: 1 });
  });

  it("the brief says 2 figures and 1 round", async () => {
    const r = await inDir(["render", "a.answers.yaml", "--stdout", "--only", "brief"], {
      "a.answers.yaml": `${HEAD}answers: { figures: 2, rounds: 1, due: 2027-01-15, platform: upwork }\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("2 figures");
    expect(r.stdout).toContain("1 round\n");
  });
});

describe("typed values: one tolerance for prompts, --set and answers files", () => {
  it("an answers file takes yes for a confirm, 3人 with the question's unit and 2027/1/15", async () => {
    const r = await inDir(["render", "a.answers.yaml", "--stdout", "--only", "brief", "--lang", "ja"], {
      "a.answers.yaml": `${HEAD}answers: { figures: 3人, print: yes, due: 2027/1/15, platform: upwork }\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("3人");
    expect(r.stdout).toContain("2027年1月15日(金)");
  });

  it("--set takes the same forms", async () => {
    const r = await inDir([
      "start",
      "units",
      "--defaults",
      "-o",
      "a.answers.yaml",
      "--set",
      "figures=2 figures",
      "--set",
      "print=はい",
      "--set",
      "due=2027年1月15日",
      "--set",
      "platform=upwork",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(read(path.join(r.dir, "a.answers.yaml"))).answers).toMatchObject({ figures: 2, print: true, due: "2027-01-15" });
  });

  it("a date without its year is prose: refused as typed input, with the form to use", async () => {
    const r = await inDir(["start", "units", "--defaults", "-o", "a.answers.yaml", "--set", "figures=2", "--set", "due=12月7日", "--set", "platform=upwork"]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('due: "12月7日" is not a date — use YYYY-MM-DD');
  });
});

describe("text answers keep the text as written", () => {
  it("0312345678 and 1.10 stay as written, in the brief and through resume's check", async () => {
    const r = await inDir(["render", "a.answers.yaml", "--stdout", "--only", "brief"], {
      "a.answers.yaml": `${HEAD}answers: { figures: 1, phone: 0312345678, version: 1.10, due: 2027-01-15, platform: upwork }\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("0312345678");
    expect(r.stdout).toContain("1.10");
  });

  it("a name of 33 characters holding 𠮷 fits max_length 40", async () => {
    const name = `${"𠮷".repeat(8)}${"あ".repeat(25)}`;
    const r = await inDir(["render", "a.answers.yaml", "--stdout", "--only", "brief"], {
      "a.answers.yaml": `${HEAD}answers: { figures: 1, shop: ${name}, due: 2027-01-15, platform: upwork }\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(name);
  });
});

describe("whole numbers where the planner counts", () => {
  it("revision rounds of 2.5 are refused at their line and column (65)", async () => {
    const r = await inDir(["render", "a.answers.yaml", "--stdout"], {
      "a.answers.yaml": `${HEAD}answers:\n  figures: 1\n  rounds: 2.5\n  due: 2027-01-15\n  platform: upwork\n`,
    });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("a.answers.yaml:7:3: rounds: 2.5 is not a whole number");
    const set = await inDir([
      "start",
      "units",
      "--defaults",
      "-o",
      "b.answers.yaml",
      "--set",
      "figures=1",
      "--set",
      "rounds=2.5",
      "--set",
      "due=2027-01-15",
      "--set",
      "platform=upwork",
    ]);
    expect(set.code).toBe(65);
    expect(set.stderr).toContain("rounds: 2.5 is not a whole number");
  });
});

describe("import", () => {
  const reply = (lines: Record<number, string>) =>
    Object.entries(lines)
      .map(([n, t]) => `${n}. ${t}`)
      .join("\n");

  it.each([
    ["$150", /"\$150" is in US dollars, but the question asks in yen/],
    ["150ドル", /in US dollars, but the question asks in yen/],
    ["USD 200", /in US dollars, but the question asks in yen/],
    ["€90", /in euros, but the question asks in yen/],
    ["30,000円（税別）", /is before tax, but the question asks for the amount including tax/],
  ])("does not store %s as a fee in yen including tax: listed as unreadable", async (fee, why) => {
    const r = await inDir(["import", "units", "reply.txt", "--lang", "en"], { "reply.txt": reply({ 1: "2", 6: fee, 10: "2027-01-15", 11: "2" }) });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout).answers.fee).toBeUndefined();
    expect(r.stderr).toMatch(/could not read 1/);
    expect(r.stderr).toMatch(why);
  });

  it("converts within a currency only when the text says so, and lists it", async () => {
    const r = await inDir(["import", "units", "reply.txt", "--lang", "en"], {
      "reply.txt": reply({ 1: "2", 6: "33,000円（税込）", 7: "30,000円", 10: "2027-01-15", 11: "2" }),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout).answers).toMatchObject({ fee: 33000, budget: 3 });
    expect(r.stderr).toMatch(/please check:[\s\S]*read "30,000円" as 3/);
  });

  it("gives what the reply leaves out the pack's default, listed as defaulted", async () => {
    const r = await inDir(["import", "units", "reply.txt", "--lang", "en"], { "reply.txt": reply({ 1: "2", 5: "なし", 10: "2027-01-15", 11: "2" }) });
    expect(r.code, r.stderr).toBe(0);
    const answers = parse(r.stdout).answers;
    // Not mentioned: print and style take their defaults; rounds, answered "none", stays empty.
    expect(answers).toMatchObject({ print: false, style: "calm" });
    expect(answers.rounds).toBeUndefined();
    expect(r.stderr).toMatch(/defaulted \(not in the reply; the pack's default is stored\):\n {2}8\. Will it be printed\?: No\n {2}9\. Which style\?: Calm/);
  });

  it("the report's Japanese: 「…を含む場合」, never 「…を含むの場合」", async () => {
    const dir = tmpdir();
    write(dir, "reply.txt", "1. 山田\n3. 2\n4. 400x400\n");
    const r = await run(["import", "all-types", "reply.txt", "--lang", "ja"], { cwd: dir, env: { KIKITORI_PATH: path.join(FIXTURES, "packs") } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("に「SNS」を含む場合だけの質問のため、保存していません");
    expect(r.stderr).not.toMatch(/含むの場合|ないの場合/);
  });
});

describe("a pack written from the README, through every path", () => {
  it("the hearing, --defaults and import give the same answers, and render and every message plan the same dates", async () => {
    const dir = tmpdir();
    const at = { cwd: dir, env: { ...env, KIKITORI_TODAY: "2026-11-23" } };
    // The accessible hearing: figures, (phone, version, shop), rounds default 2 kept, fee, budget, print, style, due, platform.
    const typed = ["Jane", "", "3 figures", "", "", "", "", "33000", "3", "", "", "2027-01-15", "2", ""];
    const h = await run(["start", "units", "--accessible", "-o", "h.answers.yaml"], { ...at, input: `${typed.join("\n")}\n` });
    expect(h.code, h.stderr).toBe(0);
    const d = await run(
      [
        "start",
        "units",
        "--defaults",
        "-o",
        "d.answers.yaml",
        "--client",
        "Jane",
        "--set",
        "figures=3人",
        "--set",
        "fee=33,000",
        "--set",
        "budget=3",
        "--set",
        "due=2027/1/15",
        "--set",
        "platform=upwork",
      ],
      at,
    );
    expect(d.code, d.stderr).toBe(0);
    write(dir, "reply.txt", "1. 3人\n6. 33,000円（税込）\n7. 3万円\n10. 2027年1月15日\n11. 2\n");
    const i = await run(["import", "units", "reply.txt", "-o", "i.answers.yaml", "--client", "Jane", "--lang", "en"], at);
    expect(i.code, i.stderr).toBe(0);
    const answers = (f: string) => parse(read(path.join(dir, f))).answers;
    const want = { figures: 3, rounds: 2, fee: 33000, budget: 3, print: false, style: "calm", due: "2027-01-15", platform: "upwork" };
    for (const f of ["h.answers.yaml", "d.answers.yaml", "i.answers.yaml"]) expect(answers(f), f).toEqual(want);
    for (const f of ["h.answers.yaml", "d.answers.yaml", "i.answers.yaml"]) expect(parse(read(path.join(dir, f))).meta.platform, f).toBe("upwork");

    const later = { ...at, env: { ...at.env, KIKITORI_TODAY: "2026-12-02" } };
    const briefs = await Promise.all(["h", "d", "i"].map((s) => run(["render", `${s}.answers.yaml`, "--stdout", "--only", "brief"], later)));
    const flow = (b: string) => b.slice(b.indexOf("## Deadline flow"), b.indexOf("## ", b.indexOf("## Deadline flow") + 5));
    expect(briefs[0]?.stdout).toContain("3 figures");
    expect(flow(briefs[0]?.stdout ?? "")).toContain("First draft");
    for (const b of briefs) expect(flow(b.stdout)).toBe(flow(briefs[0]?.stdout ?? ""));
    for (const kind of [["confirm"], ["progress", "--percent", "40"], ["delay", "--new-due", "2027-01-22", "--reason", "ill"], ["delivery"]]) {
      const m = await run(["message", kind[0] ?? "", "i.answers.yaml", ...kind.slice(1)], later);
      expect(m.code, `${kind[0]}: ${m.stderr}`).toBe(0);
    }
  });
});

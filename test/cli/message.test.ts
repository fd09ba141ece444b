/**
 * kikitori message, run in-process on the example hearings: the client's name, the
 * figures given and the dates appear; a delay's new dates are the planner's own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatDate } from "../../src/date-format.ts";
import { ROOT, read, run, tmpdir, write } from "../helpers.ts";

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const LOGO = path.join(EXAMPLES, "logo-design.answers.yaml");
const DESIGN = path.join(EXAMPLES, "design-general.answers.yaml");
const logo = parse(read(LOGO)) as { meta: { client: string }; answers: Record<string, unknown> };

type Milestone = { id: string; date: string; kind: string };
/** The planner on its own (kikitori schedule --pack logo-design, for its stages), fed the logo example's answers by hand. */
async function logoPlan(due: string): Promise<{ milestones: Milestone[]; checkins: string[] }> {
  const a = logo.answers;
  const r = await run([
    "schedule",
    "--start",
    String(a.start_date),
    "--due",
    due,
    "--effort",
    String(a.effort_hours),
    "--hours-per-day",
    String(a.hours_per_day),
    "--revisions",
    String(a.revision_rounds),
    "--review-days",
    String(a.review_days),
    "--workdays",
    "mon-fri",
    "--calendar",
    "jp",
    "--platform",
    "lancers",
    "--pack",
    "logo-design",
    "--json",
  ]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const CLIENT_FACING = ["first_draft", "review", "revision", "final_delivery", "acceptance_end", "stage", "check", "client_step"];
const at = (today: string) => ({ env: { KIKITORI_TODAY: today } });

describe("message confirm", () => {
  it("is the confirmation message render writes", async () => {
    const m = await run(["message", "confirm", LOGO], at("2026-11-23"));
    const r = await run(["render", LOGO, "--only", "message", "--stdout"], at("2026-11-23"));
    expect(m.code).toBe(0);
    expect(m.stdout).toBe(r.stdout);
    expect(m.stdout).toContain(logo.meta.client);
  });

  it.each([
    ["ja", "（いただいたメモ: 深い緑か紺で迷っています。", "支払期日: 2026年11月24日(火)までにご提案します（メモ: ココナラで購入時に"],
    ["en", " (your note: 深い緑か紺で迷っています。", "Payment date: by Tue, Nov 24, 2026 (note: ココナラで購入時に"],
  ] as const)(
    "%s: a note is the client's (いただいたメモ) only on a question the client answered, not on the worker's own offer",
    async (lang, client, own) => {
      const logoMessage = await run(["message", "confirm", LOGO, "--lang", lang], at("2026-11-23"));
      expect(logoMessage.stdout).toContain(client);
      const designMessage = await run(["message", "confirm", DESIGN, "--lang", lang], at("2026-11-23"));
      expect(designMessage.stdout).toContain(own);
    },
  );
});

describe("message progress", () => {
  it.each([
    ["ja", "現在、全体の約40%まで進んでおります。", "【完了したこと】"],
    ["en", "The work is about 40% done.", "Done so far:"],
  ] as const)("%s: name, figures, done and next verbatim, the next check-in and the coming dates", async (lang, percent, doneHead) => {
    const today = "2026-12-01";
    const r = await run(
      ["message", "progress", LOGO, "--lang", lang, "--percent", "40", "--done", "ラフ3案 *A* と [B]", "--done", "配色\n2パターン", "--next", "清書"],
      at(today),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lang === "ja" ? logo.meta.client : "Dear ことり珈琲焙煎所 森 美穂様,");
    expect(r.stdout).toContain(percent);
    expect(r.stdout).toContain(doneHead);
    expect(r.stdout).toContain("- ラフ3案 *A* と [B]\n- 配色 / 2パターン\n");
    expect(r.stdout).toContain("- 清書");
    const plan = await logoPlan(String(logo.answers.due_date));
    const next = plan.checkins.find((d) => d > today) ?? "";
    expect(r.stdout).toContain(formatDate(next, lang));
    for (const m of plan.milestones.filter((m) => CLIENT_FACING.includes(m.kind) && m.date > today)) {
      expect(r.stdout).toContain(`- ${formatDate(m.date, lang)}: `);
    }
  });

  it.each([
    [["--percent", "140"], 2],
    [["--percent", "x"], 2],
    [[], 2],
    [["--new-due", "2027-01-10"], 2],
  ])("%j exits %i", async (args, code) => {
    const r = await run(["message", "progress", LOGO, ...args], at("2026-12-01"));
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
  });
});

describe("message delay", () => {
  const today = "2026-12-01";
  it.each(["ja", "en"] as const)("%s: every remaining milestone moves to the planner's new date", async (lang) => {
    const r = await run(
      ["message", "delay", LOGO, "--lang", lang, "--new-due", "2026-12-25", "--reason", "体調を崩し、3日間作業ができなかったため"],
      at(today),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("体調を崩し、3日間作業ができなかったため");
    expect(r.stdout).toContain(formatDate("2026-12-25", lang));
    expect(r.stdout).toContain(formatDate(String(logo.answers.due_date), lang));
    // The rest of the work (every delivery still ahead) planned again from today.
    const before = new Map((await logoPlan(String(logo.answers.due_date))).milestones.map((m) => [m.id, m.date]));
    const arrow = lang === "ja" ? " → " : " -> ";
    const moved = [...r.stdout.matchAll(new RegExp(`^- .+: (.+)${arrow}(.+)$`, "gm"))];
    expect(moved.length).toBeGreaterThanOrEqual(5);
    for (const [, from = "", to = ""] of moved) {
      expect([...before.values()].map((d) => formatDate(d, lang))).toContain(from);
      expect(to > "" && to !== from).toBe(true);
    }
    expect(r.stdout).toContain(
      lang === "ja" ? "最終納品: 2026年12月18日(金) → 2026年12月25日(金)" : "You receive the final files: Fri, Dec 18, 2026 -> Fri, Dec 25, 2026",
    );
  });

  it("is about the delivery the new plan moves: when only the deadline moves, the next draft keeps its date and is not 'late'", async () => {
    // The writing pack planned without its stages (first draft + rounds), as a pack without stages plans.
    const dir = tmpdir();
    const lines = fs.readFileSync(path.join(ROOT, "questionnaires", "writing.yaml"), "utf8").split("\n");
    const from = lines.indexOf("  stages:");
    const to = lines.findIndex((l, i) => i > from && /^ {0,2}\S/.test(l) && !l.startsWith("  -"));
    write(dir, "writing.yaml", [...lines.slice(0, from), ...lines.slice(to)].join("\n"));
    write(dir, "writing.answers.yaml", fs.readFileSync(path.join(EXAMPLES, "writing.answers.yaml"), "utf8"));
    const r = await run(
      [
        "message",
        "delay",
        "writing.answers.yaml",
        "--pack",
        "./writing.yaml",
        "--lang",
        "en",
        "--new-due",
        "2026-12-23",
        "--reason",
        "I underestimated the work.",
      ],
      { cwd: dir, ...at("2026-11-27") },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('I am writing about the final delivery for "');
    expect(r.stdout).toContain("You will receive the final delivery by Wed, Dec 23, 2026.");
    expect(r.stdout).toContain("- You receive the first draft: Fri, Dec 11, 2026\n");
    expect(r.stdout).not.toContain("receive the first draft by");
  });

  it("reads the new date as a client would write it", async () => {
    const r = await run(["message", "delay", LOGO, "--new-due", "12月25日", "--reason", "機材の故障"], at(today));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("最終納品日も2026年12月18日(金)から2026年12月25日(金)に変わります");
  });

  it("warns the worker (not the client) when the new date is still too tight", async () => {
    const dir = tmpdir();
    write(dir, "big.answers.yaml", fs.readFileSync(LOGO, "utf8").replace("effort_hours: 26", "effort_hours: 200"));
    const r = await run(["message", "delay", "big.answers.yaml", "--new-due", "2026-12-21", "--reason", "急な入院"], { cwd: dir, ...at("2026-12-15") });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: big\.answers\.yaml: plan: late \(.+\); the earliest feasible date is .+; review the dates before sending/);
    expect(r.stdout).not.toMatch(/earliest|plan:/);
  });

  it.each([
    [["--new-due", "2026-12-25"], "--reason"],
    [["--reason", "x"], "--new-due"],
    [["--new-due", "2026-12-10", "--reason", "x"], "later than the current due date"],
    [["--new-due", "someday", "--reason", "x"], "not a date"],
    [["--new-due", "2026-11-30", "--reason", "x"], "after today"],
  ])("%j is a usage error naming %s", async (args, text) => {
    const r = await run(["message", "delay", LOGO, ...args], at(today));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
  });
});

describe("message delivery", () => {
  it("the first draft: items, the review date, the revision rounds left", async () => {
    const r = await run(["message", "delivery", LOGO, "--items", "ロゴ案A・B（PNG）", "--items", "配色案 2種"], at("2026-12-08"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(logo.meta.client);
    // The logo pack's first draft is its design concepts (schedule.stages).
    expect(r.stdout).toContain("デザイン案をお送りいたします。");
    expect(r.stdout).toContain("- ロゴ案A・B（PNG）\n- 配色案 2種");
    // review_days: 2 in the example.
    expect(r.stdout).toContain("2026年12月10日(木)までにご確認いただけますでしょうか");
    expect(r.stdout).toContain("修正は、料金内であと2回承ります。");
    // A draft on a platform is a message, never the platform's formal delivery.
    expect(r.stdout).not.toContain("正式な納品");
  });

  it.each(["ja", "en"] as const)("%s: the final delivery gives the platform's acceptance window from today", async (lang) => {
    // The design pack's last stage, the final files, follows the revision rounds: it is the final delivery.
    const r = await run(["message", "delivery", DESIGN, "--stage", "final", "--items", "告知画像 2点 (PNG)", "--lang", lang], at("2026-12-09"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lang === "ja" ? "山田様" : "Dear 山田様,");
    expect(r.stdout).toContain("告知画像 2点 (PNG)");
    // Coconala: 3 days from the delivery.
    expect(r.stdout).toContain(formatDate("2026-12-12", lang));
    expect(r.stdout).toContain(lang === "ja" ? "ココナラの仕組みで自動的に承諾" : "Coconala accepts the delivery automatically");
    expect(r.stdout).toContain(lang === "ja" ? "ココナラの「正式な納品」からお送りしております" : "sent as the formal delivery on Coconala");
    expect(r.stderr).toContain(lang === "ja" ? "未確認の情報です" : "not verified");
  });

  it("the final delivery of a direct job asks for acceptance by the date agreed in the terms, not sooner", async () => {
    const writing = path.join(EXAMPLES, "writing.answers.yaml");
    const r = await run(["message", "delivery", writing, "--round", "1", "--final"], at("2026-12-18"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("2026年12月25日(金)までにご確認いただけますと幸いです。");
  });

  it("warns the worker when the last round is sent without --final", async () => {
    // The voice pack's retakes are its last stage: its last round is the final delivery (the design
    // pack's final files follow its rounds, so its last round asks for a check instead).
    const voice = path.join(EXAMPLES, "voice-recording.answers.yaml");
    const r = await run(["message", "delivery", voice, "--round", "1", "--lang", "en"], at("2026-12-09"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "--round 1 is the last round agreed, so this is written as the final delivery (send it as the formal delivery); add --final to confirm",
    );
  });

  it("a revision round beyond those agreed is a usage error", async () => {
    const r = await run(["message", "delivery", DESIGN, "--round", "3"], at("2026-12-09"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2 revision round(s)");
  });
});

describe("message: output and errors", () => {
  it("writes -o FILE and refuses to replace it without --force (73)", async () => {
    const dir = tmpdir();
    const args = ["message", "progress", LOGO, "--percent", "10", "-o", "progress.txt"];
    expect((await run(args, { cwd: dir, ...at("2026-12-01") })).code).toBe(0);
    expect(read(path.join(dir, "progress.txt"))).toContain("約10%");
    const again = await run(args, { cwd: dir, ...at("2026-12-01") });
    expect(again.code).toBe(73);
    expect((await run([...args, "--force"], { cwd: dir, ...at("2026-12-01") })).code).toBe(0);
  });

  it("refuses invalid answers (65) and unknown kinds (2)", async () => {
    const dir = tmpdir();
    const bad = fs.readFileSync(LOGO, "utf8").replace("revision_rounds: 2", "revision_rounds: many");
    write(dir, "bad.answers.yaml", bad);
    const r = await run(["message", "progress", "bad.answers.yaml", "--percent", "5"], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("revision_rounds");
    expect((await run(["message", "praise", LOGO])).code).toBe(2);
    expect((await run(["message", "thanks", LOGO, "--new-due", "2027-01-10"])).code).toBe(2);
    expect((await run(["message", "progress", "missing.yaml", "--percent", "5"], { cwd: dir })).code).toBe(66);
  });
});

describe("message decline and thanks", () => {
  it.each(["ja", "en"] as const)("%s decline: the request, the reason, what the order covers, an alternative", async (lang) => {
    const r = await run(
      ["message", "decline", LOGO, "--lang", lang, "--request", "名刺のデザイン", "--reason", "今回のご依頼はロゴ制作のみのため", "--from", "佐藤"],
      at("2026-12-01"),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("名刺のデザイン");
    expect(r.stdout).toContain("今回のご依頼はロゴ制作のみのため");
    // The pack's scope: answer, line by line.
    expect(r.stdout).toContain(String(logo.answers.work_scope).split("\n")[0]);
    expect(r.stdout).toContain(lang === "ja" ? "別途お見積もりいたします" : "a separate quote");
    expect(r.stdout.trimEnd().endsWith("佐藤")).toBe(true);
  });

  it.each(["ja", "en"] as const)("%s thanks: what was delivered, after-care, the platform's rating, the next job", async (lang) => {
    const r = await run(["message", "thanks", DESIGN, "--lang", lang, "--items", "告知画像 3点"], at("2026-12-14"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("- 告知画像 3点");
    expect(r.stdout).toContain(lang === "ja" ? "ココナラの取引画面から評価をいただけますと" : "a rating on Coconala would mean a lot to me");
    expect(r.stdout).toContain(lang === "ja" ? "お取引の完了後もお気軽にご連絡ください" : "even after the order is closed");
    expect(r.stdout).toContain(lang === "ja" ? "いつでもお声がけください" : "I would be glad to help");
  });
});

describe("message: who signs, and --json", () => {
  it("signs with --from, else with the settings file's from", async () => {
    const dir = tmpdir();
    write(dir, ".config/kikitori/config.yaml", "from: { ja: 佐藤 花子, en: Hanako Sato }\nsalutation: formal\n");
    const env = { ...at("2026-12-01").env, XDG_CONFIG_HOME: path.join(dir, ".config") };
    const ja = await run(["message", "progress", LOGO, "--percent", "10"], { cwd: dir, env });
    expect(ja.stdout.trimEnd().endsWith("佐藤 花子")).toBe(true);
    const en = await run(["message", "progress", LOGO, "--percent", "10", "--lang", "en", "--from", "H. Sato"], { cwd: dir, env });
    expect(en.stdout.trimEnd().endsWith("Best regards,\nH. Sato")).toBe(true);
    write(dir, ".config/kikitori/config.yaml", "from: [1, 2]\n");
    const bad = await run(["message", "progress", LOGO, "--percent", "10"], { cwd: dir, env });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain("config.yaml");
  });

  it("--json carries the text, the verdict and the warnings", async () => {
    const r = await run(["message", "confirm", LOGO, "--json"], at("2026-11-23"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ kind: "confirm", lang: "ja", verdict: { verdict: "ok", earliestFeasibleDue: null }, warnings: [] });
    expect(j.text).toContain(logo.meta.client);
    expect(j.verdict.bottleneck).toMatchObject({ id: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});

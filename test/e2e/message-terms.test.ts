/** `kikitori message terms`: the written terms (取引条件の明示) for every built-in pack. */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { kikitori, ROOT, read, tmpdir, write } from "../helpers.ts";

const EXAMPLES = path.join(ROOT, "questionnaires", "examples");
const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".answers.yaml"));

// Every item Japan's Freelance Act §3 (and its rules) asks to state, as each language names it.
const ITEMS = {
  ja: [
    "発注者",
    "受注者",
    "業務委託をした日",
    "業務の内容（給付の内容）",
    "納期（給付を受領する期日）",
    "納品の場所・方法（給付を受領する場所）",
    "検収完了日（検査を完了する期日）",
    "報酬の額",
    "支払期日",
  ],
  en: [
    "Client",
    "Freelancer",
    "Date of the commission",
    "The work",
    "Delivery date (when the work is received)",
    "Place and method of delivery",
    "Acceptance (inspection) completed by",
    "Fee",
    "Payment date",
  ],
};

describe.each(examples)("message terms for %s", (name) => {
  it.each(["ja", "en"] as const)("lists every item of the written terms (%s)", (lang) => {
    const r = kikitori(["message", "terms", path.join(EXAMPLES, name), "--lang", lang]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    for (const item of ITEMS[lang]) expect(r.stdout, item).toMatch(new RegExp(`^\\d+\\. ${item.replace(/[()（）]/g, "\\$&")}: \\S`, "m"));
    expect(r.stdout).not.toMatch(/undefined|\[object Object\]|NaN/);
    // Open terms are listed with their reason and the date they will be decided.
    const open = (r.stdout.match(lang === "ja" ? /未定（下記の「未定の事項」をご覧ください）/g : /not decided yet \(see below\)/g) ?? []).length;
    expect((r.stdout.match(lang === "ja" ? /^　　決定予定日: \d{4}年/gm : /^ {3}To be decided by: \w{3}, /gm) ?? []).length).toBe(open);
  });
});

describe("message terms", () => {
  const design = read(path.join(EXAMPLES, "design-general.answers.yaml"));

  it("states the final delivery as the delivery date when the deadline means the first draft", () => {
    const r = kikitori(["message", "terms", path.join(EXAMPLES, "icon-illustration.answers.yaml"), "--lang", "ja"]);
    // The final delivery after the stages the example's client checks (sketch, colour, final check).
    expect(r.stdout).toMatch(/^6\. 納期（給付を受領する期日）: 2026年12月24日\(木\)\n　　初稿の提出日: 2026年12月4日\(金\)$/m);
  });

  it.each([
    [
      "ja",
      "5. 知的財産権の扱い: 著作権は制作者に残し、お決めいただいた範囲でご利用いただきます（利用許諾）",
      "9. 報酬の額: 18,000円（税込）",
      "上記の【取引条件】と【未定の事項】を引用し、「この条件で発注いたします」と添えて",
    ],
    [
      "en",
      "5. Rights in the work: I keep the copyright and license you to use the work within the agreed scope",
      "9. Fee: ¥18,000 (tax included)",
      "quotes the terms above and the items not decided yet and says you commission the work on them",
    ],
  ] as const)(
    "%s: restates a choice in the worker's words, says 税込 once, asks a business to state the terms back, and signs",
    (lang, rights, fee, stateBack) => {
      const r = kikitori(["message", "terms", path.join(EXAMPLES, "design-general.answers.yaml"), "--lang", lang, "--from", "佐藤 花子"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split("\n")).toContain(rights);
      expect(r.stdout.split("\n")).toContain(fee);
      expect(r.stdout).toContain(stateBack);
      expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("佐藤 花子");
    },
  );

  it("gives each open term its reason and the decision date, and warns when the date is missing", () => {
    const dir = tmpdir();
    const fee = write(dir, "fee.answers.yaml", design.replace("fee: 18000", "fee: { pending: true, note: 差分の点数が決まってから }"));
    const r = kikitori(["message", "terms", fee, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("- Fee\n   Why: 差分の点数が決まってから\n   To be decided by: Wed, Dec 9, 2026");
    const undated = write(dir, "undated.answers.yaml", design.replace("fee: 18000", "fee: { pending: true }").replace(/^ {2}decide_by: .*\n/m, ""));
    const u = kikitori(["message", "terms", undated, "--lang", "en"]);
    expect(u.code).toBe(0);
    expect(u.stdout).toContain("   To be decided by: to be agreed");
    expect(u.stderr).toContain("no date for deciding them");
    expect(u.stderr).toContain("these terms have no answer and no reason for being open: Fee");
  });

  it("asks a business client to send the terms as its own message, and a private client only to confirm", () => {
    const dir = tmpdir();
    const business = kikitori(["message", "terms", path.join(EXAMPLES, "design-general.answers.yaml"), "--lang", "ja"]).stdout;
    expect(business).toContain("フリーランス新法（特定受託事業者に係る取引の適正化等に関する法律）第3条");
    const personal = write(
      dir,
      "p.answers.yaml",
      design.replace("client_is_business: true", "client_is_business: false").replace(/^ {2}(client_has_employees|terms_confirmation): .*\n/gm, ""),
    );
    const r = kikitori(["message", "terms", personal, "--lang", "ja"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("第3条");
    expect(r.stdout).toContain("この内容でよろしければ、その旨をご返信いただけますと幸いです。");
  });

  it("is a kind of its own: flags of other kinds are refused", () => {
    const r = kikitori(["message", "terms", path.join(EXAMPLES, "design-general.answers.yaml"), "--percent", "10"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--percent belongs to message progress");
  });
});

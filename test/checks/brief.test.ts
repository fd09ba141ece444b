/** The brief's "check before you start" section, as the worker reads it. */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { kikitori, ROOT, read, tmpdir, write } from "../helpers.ts";

const EXAMPLE = path.join(ROOT, "questionnaires", "examples", "design-general.answers.yaml");

describe("check before you start", () => {
  it.each([
    ["ja", "## 着手前のチェック", "- [ ] 印刷所で刷る制作物なのに、カラーモードがRGB（画面用）の指定です。", "ココナラでは、サービスの外での連絡"],
    [
      "en",
      "## Check before you start",
      "- [ ] The piece goes to a printer, but the colour mode is RGB (screens).",
      "Coconala forbids contact outside the platform",
    ],
  ])("lists what holds, pack checks and platform checks alike (%s)", (lang, heading, packCheck, platformCheck) => {
    const dir = tmpdir();
    const text = read(EXAMPLE)
      .replace("print_handling: home", "print_handling: client\n  print_size: a4")
      .replace(/^ {2}print_size: a4\n/m, "")
      .replace("contact_channel: [platform]", "contact_channel: [platform, email]")
      .replace("formats: [png, pdf]", "formats: [png, print_pdf]");
    const file = write(dir, "contradictions.answers.yaml", text);
    const r = kikitori(["render", file, "--only", "brief", "--stdout", "--lang", lang]);
    expect(r.code, r.stderr).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf(heading)).split("\n## ")[0] ?? "";
    expect(section).toContain(packCheck);
    expect(section).toContain(platformCheck);
    expect(section).toContain("https://coconala-support.zendesk.com/hc/ja/articles/9517266871193");
  });

  it("says nothing is wrong when nothing holds, and is absent when no check applies", () => {
    const r = kikitori(["render", EXAMPLE, "--only", "brief", "--stdout", "--lang", "en"]);
    expect(r.stdout).toMatch(/## Check before you start\n\n\d+ checks of the answers and the platform's rules found nothing to settle\./);
    // A pack without checks, on a platform without any: nothing to evaluate, no section.
    const dir = tmpdir();
    const answers = write(
      dir,
      "a.answers.yaml",
      read(path.join(ROOT, "test", "fixtures", "answers", "full.answers.yaml")).replace("platform: coconala", "platform: direct"),
    );
    const pack = path.join(ROOT, "test", "fixtures", "packs", "all-types.yaml");
    const plain = kikitori(["render", answers, "--pack", pack, "--only", "brief", "--stdout", "--lang", "en"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toContain("Check before you start");
  });
});

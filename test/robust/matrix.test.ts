/**
 * Bad input, one line per case, run through main() as the command line runs it: each must
 * exit with its DESIGN code, say in a few lines where the problem is (file, and line:col where
 * there is one), show no stack trace, and leave the folder exactly as it was (nothing written,
 * nothing changed).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, read, run, tmpdir } from "../helpers.ts";

const ALL_TYPES = read(path.join(FIXTURES, "packs", "all-types.yaml"));
const ANSWERS = read(path.join(FIXTURES, "answers", "full.answers.yaml"));
const HEADER = "kikitori: 1\npack: { id: all-types, version: 1.2.0 }\n";
const MB10 = Buffer.alloc(10 * 1024 * 1024 + 1, "a");
/** The fixture pack with one line added after its version. */
const packWith = (extra: string) => ALL_TYPES.replace("version: 1.2.0\n", () => `version: 1.2.0\n${extra}\n`);
const answersWith = (from: string, to: string) => {
  if (!ANSWERS.includes(from)) throw new Error(`fixture lacks ${from}`);
  return ANSWERS.replace(from, () => to);
};

type Files = Record<string, string | Buffer>;
interface Case {
  files: Files;
  args: string[];
  code: number;
  /** What stderr must say: the place and the reason. */
  says: RegExp;
  input?: string | Buffer;
}

const A = "a.answers.yaml";
const P = "pack.yaml";
const render = (files: Files, code: number, says: RegExp, extra: string[] = []): Case => ({ files, args: ["render", A, ...extra], code, says });
const renderWithPack = (pack: string | Buffer, code: number, says: RegExp, more: Files = {}): Case => ({
  files: { [A]: ANSWERS, [P]: pack, ...more },
  args: ["render", A, "--pack", `./${P}`],
  code,
  says,
});
const validate = (pack: string | Buffer, code: number, says: RegExp, extra: string[] = []): Case => ({
  files: { [P]: pack },
  args: ["pack", "validate", P, ...extra],
  code,
  says,
});

const CASES: Record<string, Case> = {
  // Answers files, read by render.
  "answers: empty file": render({ [A]: "" }, 65, /a\.answers\.yaml:1:1: the top level is not a map/),
  "answers: only a comment": render({ [A]: "# nothing yet\n" }, 65, /a\.answers\.yaml:1:1: the top level is not a map/),
  "answers: binary (PNG header)": render(
    { [A]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
    65,
    /a\.answers\.yaml:3:1: it contains NUL bytes/,
  ),
  "answers: invalid UTF-8 (Shift_JIS)": render(
    { [A]: Buffer.concat([Buffer.from(`${HEADER}meta: { client: `), Buffer.from([0x8e, 0x52, 0x93, 0x63]), Buffer.from(" }\n")]) },
    65,
    /a\.answers\.yaml:3:17: the text is not valid UTF-8/,
  ),
  "answers: UTF-16 with BOM": render({ [A]: Buffer.from(`\ufeff${HEADER}`, "utf16le") }, 65, /a\.answers\.yaml:1:1: UTF-16 is not supported/),
  "answers: YAML syntax error": render({ [A]: `${HEADER}answers:\n  name: [unclosed\n` }, 65, /a\.answers\.yaml:\d+:\d+: .*(flow|Flow|collection)/),
  "answers: tab indentation": render({ [A]: `${HEADER}answers:\n\tname: x\n` }, 65, /a\.answers\.yaml:4:1: /),
  "answers: duplicate key": render({ [A]: `${HEADER}answers:\n  name: a\n  name: b\n` }, 65, /a\.answers\.yaml:5:3: .*(unique|duplicate|Duplicate)/i),
  "answers: two documents": render({ [A]: `${HEADER}---\n${HEADER}` }, 65, /a\.answers\.yaml:3:1: /),
  "answers: a list at the top": render({ [A]: "- kikitori: 1\n" }, 65, /a\.answers\.yaml:1:1: the top level is not a map/),
  "answers: a scalar at the top": render({ [A]: "hello\n" }, 65, /a\.answers\.yaml:1:1: the top level is not a map/),
  "answers: kikitori as a string": render({ [A]: 'kikitori: "1"\npack: { id: all-types, version: 1.2.0 }\n' }, 65, /a\.answers\.yaml:1:11: kikitori/),
  "answers: pack as a string": render({ [A]: "kikitori: 1\npack: all-types\n" }, 65, /a\.answers\.yaml:2:7: pack/),
  "answers: version as a number": render({ [A]: "kikitori: 1\npack: { id: all-types, version: 1.2 }\n" }, 65, /a\.answers\.yaml:2:\d+: pack\.version/),
  "answers: unknown status": render({ [A]: `${HEADER}status: done\n` }, 65, /a\.answers\.yaml:3:9: status cannot be "done"/),
  "answers: unknown lang": render({ [A]: `${HEADER}lang: fr\n` }, 65, /a\.answers\.yaml:3:7: lang/),
  "answers: meta as a list": render({ [A]: `${HEADER}meta: [a, b]\n` }, 65, /a\.answers\.yaml:3:7: meta/),
  "answers: answers as a list": render({ [A]: `${HEADER}answers: [a, b]\n` }, 65, /a\.answers\.yaml:3:10: answers/),
  "answers: 10 MB file": render({ [A]: MB10 }, 65, /a\.answers\.yaml: it has 10485761 bytes \(the limit is 2 MiB\)/),
  "answers: 10 MB on stdin": { files: {}, args: ["render", "-"], input: MB10, code: 65, says: /<stdin>: it is larger than the limit of 2 MiB/ },
  "answers: flow nesting a million deep": render(
    { [A]: `${HEADER}answers:\n  name: ${"[".repeat(1_000_000)}\n` },
    65,
    /a\.answers\.yaml:4:1\d\d: nesting is too deep/,
  ),
  "answers: block nesting 40 deep": render(
    { [A]: `${HEADER}answers:\n${Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")} x\n` },
    65,
    /a\.answers\.yaml:\d+:\d+: nesting is too deep/,
  ),
  "answers: alias bomb": render(
    {
      [A]: `${HEADER}a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n`,
    },
    65,
    /a\.answers\.yaml: aliases expand too much/,
  ),
  "answers: __proto__ under answers": render(
    { [A]: `${HEADER}answers:\n  __proto__: { polluted: true }\n` },
    65,
    /a\.answers\.yaml:4:3: the key __proto__ is not allowed/,
  ),
  "answers: __proto__ at the top": render({ [A]: `__proto__: 1\n${HEADER}` }, 65, /a\.answers\.yaml:1:1: the key __proto__ is not allowed/),
  "answers: %YAML 1.1 directive": render({ [A]: `%YAML 1.1\n---\n${HEADER}` }, 65, /a\.answers\.yaml:1:1: the %YAML 1\.1 directive is not supported/),
  "answers: unknown pack id": render({ [A]: answersWith("id: all-types", "id: no-such-pack") }, 66, /pack "no-such-pack" not found/),
  "answers: answer for an unknown question": render(
    { [A]: answersWith("answers:\n", "answers:\n  colour: blue\n") },
    65,
    /a\.answers\.yaml:\d+:3: colour: no question of this pack has this id/,
  ),
  "answers: a key named constructor": render(
    { [A]: answersWith("answers:\n", "answers:\n  constructor: x\n") },
    65,
    /a\.answers\.yaml:\d+:3: constructor: no question/,
  ),
  "answers: wrong type for a confirm": render(
    { [A]: answersWith("colors_fixed: true", "colors_fixed: maybe") },
    65,
    /a\.answers\.yaml:\d+:\d+: colors_fixed: must be true or false/,
  ),
  "answers: a date that does not exist": render(
    { [A]: answersWith("due_date: 2026-12-11", "due_date: 2026-02-30") },
    65,
    /a\.answers\.yaml:\d+:\d+: due_date: "2026-02-30" is not a date/,
  ),
  "answers: a number out of range": render(
    { [A]: answersWith("revisions: 2", "revisions: 1e309") },
    65,
    /a\.answers\.yaml:\d+:\d+: revisions: must be a number/,
  ),
  "answers: the answers file is a folder": { files: { "a.answers.yaml/x": "" }, args: ["render", A], code: 66, says: /a\.answers\.yaml is a folder/ },
  "answers: missing file": render({}, 66, /a\.answers\.yaml not found/),

  // Templates and outputs.
  "render: missing template file": renderWithPack(
    packWith("templates: { brief: nothere.md.hbs }"),
    65,
    /pack\.yaml:\d+:\d+: template "nothere\.md\.hbs" does not exist/,
  ),
  "render: template outside the pack folder": renderWithPack(
    packWith("templates: { brief: ../brief.md.hbs }"),
    65,
    /pack\.yaml:\d+:\d+: template "\.\.\/brief\.md\.hbs" points outside the pack folder/,
  ),
  "render: template with a syntax error": renderWithPack(
    packWith('templates: { brief: "{{#if x}}" }'),
    65,
    /pack\.yaml:\d+:\d+: templates\.brief, line 1: Handlebars syntax error/,
  ),
  "render: template naming an unknown field": renderWithPack(packWith('templates: { brief: "{{nope}}" }'), 65, /templates\.brief\): "nope" not defined - 1:2/),
  "render: --out under a file": {
    files: { [A]: ANSWERS, out: "a file" },
    args: ["render", A, "--out", "out/briefs"],
    code: 73,
    says: /output folder out\/briefs cannot be created: a file is in the way/,
  },
  "render: --out in /proc": render({ [A]: ANSWERS }, 73, /output folder \/proc\/kikitori-test cannot be created/, ["--out", "/proc/kikitori-test"]),
  "render: output exists": render({ [A]: ANSWERS, "a.brief.md": "mine" }, 73, /a\.brief\.md already exists: add --force/),

  // Pack files, read by render --pack.
  "render --pack: empty pack": renderWithPack("", 65, /pack\.yaml:1:1: the file is empty/),
  "render --pack: binary pack": renderWithPack(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), 65, /pack\.yaml:1:5: it contains NUL bytes/),
  "render --pack: YAML syntax error": renderWithPack(
    ALL_TYPES.replace("title: { ja: 全種類テスト, en: All types test }", "title: { ja: 全種類テスト, en: All types test"),
    65,
    /pack\.yaml:\d+:\d+: /,
  ),
  "render --pack: missing pack": {
    files: { [A]: ANSWERS },
    args: ["render", A, "--pack", "./nope.yaml"],
    code: 66,
    says: /pack file \.\/nope\.yaml not found/,
  },

  // Pack files, read by pack validate.
  "pack validate: empty": validate("", 65, /pack\.yaml:1:1: the file is empty/),
  "pack validate: binary": validate(Buffer.from([1, 2, 0, 3]), 65, /pack\.yaml:1:3: it contains NUL bytes/),
  "pack validate: invalid UTF-8": validate(Buffer.from([0x6b, 0x3a, 0x20, 0xc3, 0x28, 0x0a]), 65, /pack\.yaml:1:4: the text is not valid UTF-8/),
  "pack validate: YAML syntax error": validate("kikitori: 1\nid: [x\n", 65, /pack\.yaml:\d+:\d+: /),
  "pack validate: a list at the top": validate("- a\n- b\n", 65, /pack\.yaml:1:1: the top level is not a map/),
  "pack validate: a scalar at the top": validate("just text\n", 65, /pack\.yaml:1:1: the top level is not a map/),
  "pack validate: wrong types in the header": validate(
    "kikitori: 1\nid: Bad_Id\nversion: one\ntitle: [x]\nlanguages: jp\nsections: {}\n",
    65,
    /pack\.yaml:2:5: id "Bad_Id" has the wrong form[\s\S]*pack\.yaml:6:11: sections/,
  ),
  "pack validate: 10 MB": validate(MB10, 65, /pack\.yaml: it has 10485761 bytes \(the limit is 1 MiB\)/),
  "pack validate: deep nesting": validate(`kikitori: 1\nid: x\nx: ${"{a: ".repeat(200)}\n`, 65, /pack\.yaml:3:\d{3}: nesting is too deep/),
  "pack validate: __proto__ key": validate(packWith("__proto__: { polluted: true }"), 65, /pack\.yaml:5:1: the key __proto__ is not allowed/),
  "pack validate: when on a later question": validate(
    ALL_TYPES.replace("when: { question: usage, includes: sns }", "when: { question: budget, answered: true }"),
    65,
    /pack\.yaml:\d+:\d+: when names "budget", which does not come before/,
  ),
  "pack validate: duplicate question id": validate(ALL_TYPES.replace("- id: goal", "- id: name"), 65, /pack\.yaml:\d+:\d+: question id "name" is used twice/),
  "pack validate: catastrophic regex": validate(
    ALL_TYPES.replace("validate: { max_length: 40 }", () => "validate: { pattern: '(a+)+$' }"),
    65,
    /pack\.yaml:\d+:\d+: this pattern is too long or has nested quantifiers/,
  ),
  "pack validate: platforms file": validate("platforms: []\n", 65, /pack\.yaml:1:1: this file holds platform profiles/),
  "pack validate: missing file": { files: {}, args: ["pack", "validate", "nope.yaml"], code: 66, says: /nope\.yaml not found/ },

  // Command lines.
  "cli: unknown flag": render({ [A]: ANSWERS }, 2, /unknown option '--bogus'/, ["--bogus"]),
  "cli: bad --only": render({ [A]: ANSWERS }, 2, /argument 'both' is invalid/, ["--only", "both"]),
  "cli: bad --lang": render({ [A]: ANSWERS }, 2, /--lang takes ja or en \(got fr\)/, ["--lang", "fr"]),
  "cli: stdin twice": { files: {}, args: ["render", "-", "-"], code: 2, says: /stdin \(-\) can be given only once/ },
  "cli: unknown command": { files: {}, args: ["rendr"], code: 2, says: /unknown command 'rendr'/ },
  "cli: pack validate unknown flag": validate(ALL_TYPES, 2, /unknown option '--strict'/, ["--strict"]),

  // start --defaults --set.
  "start --set: unknown id": {
    files: {},
    args: ["start", "all-types", "--defaults", "-o", A, "--set", "colour=blue"],
    code: 65,
    says: /--set: colour: no question of this pack has this id/,
  },
  "start --set: wrong type": {
    files: {},
    args: ["start", "all-types", "--defaults", "-o", A, "--set", "colors_fixed=maybe"],
    code: 65,
    says: /--set: colors_fixed: must be true or false/,
  },
  "start --set: not id=value": {
    files: {},
    args: ["start", "all-types", "--defaults", "-o", A, "--set", "name"],
    code: 2,
    says: /--set "name" must be id=value/,
  },
  "start --set: __proto__": {
    files: {},
    args: ["start", "all-types", "--defaults", "-o", A, "--set", "__proto__=x"],
    code: 65,
    says: /--set: __proto__: no question of this pack has this id/,
  },

  // import.
  "import: binary reply": {
    files: { "r.txt": Buffer.from([0xff, 0xd8, 0xff, 0, 0x10]) },
    args: ["import", "all-types", "r.txt", "-o", A],
    code: 65,
    says: /r\.txt:1:4: it contains NUL bytes/,
  },
  "import: empty reply": { files: { "r.txt": "" }, args: ["import", "all-types", "r.txt", "-o", A], code: 65, says: /r\.txt holds no numbered answers/ },
  "import: 10 MB reply": {
    files: { "r.txt": MB10 },
    args: ["import", "all-types", "r.txt", "-o", A],
    code: 65,
    says: /r\.txt: it has 10485761 bytes \(the limit is 1 MiB\)/,
  },
  "import: unknown pack": { files: { "r.txt": "1. x\n" }, args: ["import", "no-such-pack", "r.txt", "-o", A], code: 66, says: /pack "no-such-pack" not found/ },
  "import: output under a file": {
    files: { "r.txt": "1. x\n", out: "" },
    args: ["import", "all-types", "r.txt", "-o", "out/a.yaml"],
    code: 73,
    says: /a file is in the way/,
  },
};

/** Every file under `dir` with a hash of its content: what "nothing changed" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full);
      if (e.isDirectory()) {
        out[`${rel}/`] = "dir";
        walk(full);
      } else out[rel] = createHash("sha1").update(fs.readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("bad input", () => {
  it("has at least 40 cases", () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(CASES))("%s", async (_name, c) => {
    const dir = tmpdir("kikitori-matrix-");
    for (const [name, content] of Object.entries(c.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    const before = snapshot(dir);
    const r = await run(c.args, { cwd: dir, env: { KIKITORI_PATH: path.join(FIXTURES, "packs") }, ...(c.input ? { input: c.input } : {}) });
    expect(r.stderr).toMatch(c.says);
    expect(r.code).toBe(c.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/internal error/);
    // A short reason, not a flood: a few lines at most, whatever the input.
    expect(r.stderr.split("\n").length).toBeLessThanOrEqual(16);
    expect(snapshot(dir)).toEqual(before);
  });
});

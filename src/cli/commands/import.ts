/**
 * `kikitori import <pack> <reply|->`: a client's reply in the `ask` numbering → an answers
 * file (stdout, or -o FILE), and on stderr, by question number, what could not be read.
 * With --json the report is the output (stdout), the answers inside it and in -o FILE.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readAnswersFile, renderAnswersYaml, writeAnswersFile } from "../../answers/io.ts";
import type { AnswersFile } from "../../answers/types.ts";
import { validateAnswers } from "../../answers/validate.ts";
import { stripControls } from "../../controls.ts";
import { DataError, UsageError } from "../../errors.ts";
import { decodeText, LIMITS, readTextFile } from "../../files.ts";
import { questionAnswerText, syncPlatform } from "../../flow/steps.ts";
import { count, msg } from "../../i18n.ts";
import { importAnswersFile, isAnswersFileText } from "../../import/answers-file.ts";
import type { FormCheck } from "../../import/form.ts";
import { detectLang, type ImportNote, type ImportResult, importReply, missingRequired } from "../../import/import.ts";
import { capLines } from "../../listing.ts";
import { findPack } from "../../pack/lookup.ts";
import { labelOf } from "../../render/items.ts";
import { existsError } from "../../write-file.ts";
import { type Ctx, outputLang } from "../context.ts";
import { emitText } from "../emit.ts";
import { lockedError, lockOwner } from "../hearing-lock.ts";
import { noteFirstReply, orderedFlag, replyWindowPlatform } from "../ordered.ts";
import { refuseInputAsOutput } from "../overlap.ts";
import { checkPlatformFlag } from "../platforms.ts";
import { readStdin } from "../stdin.ts";

export interface ImportFlags {
  output?: string;
  force?: boolean;
  client?: string;
  job?: string;
  platform?: string;
  json?: boolean;
  ordered?: string;
  into?: string;
}

export async function runImport(ctx: Ctx, ref: string, replyArg: string, flags: ImportFlags): Promise<number> {
  if (flags.into !== undefined) return importInto(ctx, ref, replyArg, flags);
  if (flags.platform !== undefined) checkPlatformFlag(ctx, flags.platform);
  const outFile = flags.output && flags.output !== "-" ? path.resolve(ctx.io.cwd, flags.output) : undefined;
  // Refuse early: a worker should not read a whole report to learn nothing was written.
  if (outFile && !flags.force && fs.existsSync(outFile)) throw existsError(flags.output ?? outFile);
  const ordered = flags.ordered === undefined ? undefined : orderedFlag(ctx, flags.ordered);
  if (outFile) refuseInputAsOutput(ctx, outFile, [replyArg]);
  // The file of a running hearing would be replaced under it (and overwritten at its next answer).
  const owner = outFile ? lockOwner(outFile) : undefined;
  if (outFile && owner) throw lockedError(ctx, outFile, owner);
  const loaded = findPack(ref, ctx.lookup);
  const name = replyArg === "-" ? "<stdin>" : replyArg;
  const reply =
    replyArg === "-"
      ? decodeText(await readStdin(ctx.io.stdin), name, LIMITS.replyBytes)
      : readTextFile(path.resolve(ctx.io.cwd, replyArg), LIMITS.replyBytes, name);
  // The file the client's form downloads (or any answers file of the pack) is taken as it is.
  const fromFile = isAnswersFileText(reply) ? importAnswersFile(loaded.pack, reply, name) : undefined;
  const result = fromFile ?? importReply(loaded.pack, reply, { today: ctx.today() });
  if (!fromFile && result.found === 0) {
    throw new DataError(msg(`${name} に番号付きの回答が見つかりません`, `${name} holds no numbered answers`), [
      {
        file: name,
        message: msg("回答は kikitori ask の質問番号で始まる必要があります", "each answer must start with its question's number from kikitori ask"),
        fix: msg("例: 「1. カフェ山田」「2. 3」「Q3: 1、2」", 'e.g. "1. Yamada Cafe", "2. 3", "Q3: 1, 2"'),
      },
    ]);
  }
  const now = ctx.now();
  const meta: AnswersFile["meta"] = { ...fromFile?.file.meta };
  if (flags.client) meta.client = flags.client;
  if (flags.job) meta.job = flags.job;
  if (flags.platform) meta.platform = flags.platform;
  if (ordered) meta.ordered = ordered;
  meta.created ??= now;
  meta.updated = now;
  const file: AnswersFile = {
    kikitori: 1,
    pack: { id: loaded.pack.id, version: loaded.pack.version },
    lang: outputLang(ctx, fromFile?.file.lang ?? detectLang(reply)),
    status: result.status,
    // As in the hearing: a pack that asks the platform itself sets meta.platform from the answer.
    meta: syncPlatform(loaded.pack, result.answers, meta),
    answers: result.answers,
  };
  if (!flags.json) {
    emitText(ctx, renderAnswersYaml(file, loaded.pack), flags, { inputs: [replyArg, loaded.file], mode: 0o600 });
    showReport(ctx, result, fromFile !== undefined);
  } else {
    if (outFile) emitText(ctx, renderAnswersYaml(file, loaded.pack), flags, { inputs: [replyArg, loaded.file], mode: 0o600 });
    ctx.out.json(reportJson(result, file, outFile ? flags.output : undefined));
  }
  if (result.form && result.form.version !== loaded.pack.version) {
    ctx.out.info(
      ctx.out.errColor.yellow(
        ctx.out.t(
          `注意: フォームは ${result.form.packId}@${result.form.version} で作られ、パックは今 ${loaded.pack.version} です。番号や選択肢が変わっていないか確認してください。`,
          `note: the form was made with ${result.form.packId}@${result.form.version}; the pack is now ${loaded.pack.version}. Check that no number or choice moved.`,
        ),
      ),
    );
  }
  noteFirstReply(ctx, replyWindowPlatform(ctx, loaded.pack, result.answers, meta), ordered);
  return 0;
}

/**
 * The report as data: the counts, the answers file (its path when written), and each list of
 * the report (unreadable, remarks, skipped, missing…) with the question number, id, the
 * question and why, in both languages.
 */
function reportJson(r: ImportResult, file: AnswersFile, written: string | undefined): object {
  const isNotes = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "object" && x !== null && "question" in x);
  const lists = Object.entries(r).filter(([, v]) => isNotes(v)) as [
    string,
    { n?: number; question: { id: string; message: object }; why?: object; text?: string }[],
  ][];
  return {
    ...(written ? { file: written } : {}),
    status: r.status,
    ...(r.form ? { form: r.form } : {}),
    found: r.found,
    stored: Object.keys(r.answers).filter((k) => !k.endsWith("_other")).length,
    ...Object.fromEntries(
      lists.map(([key, items]) => [
        key,
        items.map((x) => ({
          n: x.n ?? null,
          id: x.question.id,
          question: x.question.message,
          ...(x.why ? { why: x.why } : {}),
          ...(x.text ? { text: x.text } : {}),
        })),
      ]),
    ),
    answersFile: file,
  };
}

function showReport(ctx: Ctx, r: ImportResult, fromFile: boolean): void {
  const { t, errColor: c } = { t: ctx.out.t.bind(ctx.out), errColor: ctx.out.errColor };
  const lang = ctx.lang;
  // The client's words, shown on the worker's terminal: without control sequences.
  const quote = (s: string) => {
    const one = stripControls(s.replace(/(?<!\s)\s*\n\s*/g, " / "));
    return one.length > 60 ? `${one.slice(0, 59)}…` : one;
  };
  const line = (x: ImportNote, withText: boolean) =>
    `  ${x.n}. ${x.question.message[lang]}${withText && x.text ? ` ${c.dim(`«${quote(x.text)}»`)}` : ""}\n     ${stripControls(x.why[lang])}`;
  const list = (xs: ImportNote[], withText: boolean) => {
    for (const l of capLines(
      xs.map((x) => line(x, withText)),
      lang,
    ))
      ctx.out.info(l);
  };
  const answered = Object.keys(r.answers).filter((k) => !k.endsWith("_other")).length;
  ctx.out.info(
    fromFile
      ? t(`回答ファイルから ${answered} 問の回答を読み取りました。`, `read the answers to ${count(answered, "question", "questions")} from the answers file.`)
      : t(
          `${r.found} 件の回答を読み取り、${answered} 問の回答を保存しました。`,
          `read ${count(r.found, "numbered answer", "numbered answers")}; stored the answers to ${count(answered, "question", "questions")}.`,
        ),
  );
  if (r.form) showFormCheck(ctx, r.form);
  if (r.unreadable.length) {
    ctx.out.info(c.red(t(`読み取れなかった回答 (${r.unreadable.length} 件、未回答のままです):`, `could not read ${r.unreadable.length} (left unanswered):`)));
    list(r.unreadable, true);
  }
  if (r.remarks.length) {
    ctx.out.info(c.yellow(t("確認してください:", "please check:")));
    list(r.remarks, false);
  }
  if (r.defaulted.length) {
    ctx.out.info(t("回答がないためパックの既定値にした質問 (defaulted):", "defaulted (not in the reply; the pack's default is stored):"));
    const lines = r.defaulted.map(
      (x) => `  ${x.n !== undefined ? `${x.n}. ` : ""}${labelOf(x.question, lang)}: ${questionAnswerText(x.question, r.answers, lang)}`,
    );
    for (const l of capLines(lines, lang)) ctx.out.info(l);
  }
  if (r.skipped.length) {
    ctx.out.info(t("該当しない質問への回答:", "answers to questions that do not apply:"));
    list(r.skipped, false);
  }
  const asked = r.missing.flatMap((x) => (x.n !== undefined ? [x.n] : []));
  if (asked.length) {
    ctx.out.info(c.yellow(t(`回答のない必須の質問: ${asked.join(", ")}`, `required questions without an answer: ${asked.join(", ")}`)));
  }
  const own = r.missing.filter((x) => x.n === undefined).map((x) => labelOf(x.question, lang));
  if (own.length) {
    ctx.out.info(
      t(`制作者が入力する項目 (クライアントには聞いていません): ${own.join("、")}`, `for you to fill in (not asked of the client): ${own.join(", ")}`),
    );
  }
  if (r.status === "in-progress")
    ctx.out.info(t("残りは kikitori resume <回答ファイル> で入力できます。", "fill in the rest with kikitori resume <answers file>."));
}

/** A reply or file from the client's form: say whether it arrived as the form wrote it (a warning, never a failure). */
function showFormCheck(ctx: Ctx, f: FormCheck): void {
  const { t, errColor: c } = { t: ctx.out.t.bind(ctx.out), errColor: ctx.out.errColor };
  const pack = `${f.packId}@${f.version}`;
  if (f.matches) {
    ctx.out.info(
      t(
        `kikitori フォーム (${pack}) の回答です。確認コード ${f.checksum} は一致しています。`,
        `from the kikitori form (${pack}); its check code ${f.checksum} matches.`,
      ),
    );
    return;
  }
  ctx.out.info(
    c.yellow(
      t(
        `警告: 確認コード ${f.checksum} が一致しません。フォーム (${pack}) が書いた後に回答が書き換えられたか、違うように読み取られています。上の回答を確認してください。`,
        `warning: check code ${f.checksum} does not match: the answers were changed after the form (${pack}) wrote them, or read differently. Check the answers above.`,
      ),
    ),
  );
}

/**
 * `--into ANSWERS`: a follow-up reply (to `ask --missing`, in the original numbers) merged into
 * the answers file it completes. Only what the reply answers changes; what it leaves out keeps
 * its answer (no pack default replaces it); the file is rewritten in place, keeping its mode,
 * its log and its history, and refused while a hearing holds it.
 */
async function importInto(ctx: Ctx, ref: string, replyArg: string, flags: ImportFlags): Promise<number> {
  const into = flags.into ?? "";
  if (flags.output !== undefined || flags.client !== undefined || flags.job !== undefined || flags.platform !== undefined || flags.ordered !== undefined) {
    throw new UsageError(
      msg(
        "--into は -o、--client、--job、--platform、--ordered と一緒には使えません (取り込み先の回答ファイルを書き換えます)",
        "--into cannot go with -o, --client, --job, --platform or --ordered: it rewrites the answers file it names",
      ),
    );
  }
  const target = path.resolve(ctx.io.cwd, into);
  const owner = lockOwner(target);
  if (owner) throw lockedError(ctx, target, owner);
  refuseInputAsOutput(ctx, target, [replyArg]);
  const existing = readAnswersFile(target, into);
  const loaded = findPack(ref, ctx.lookup);
  if (existing.file.pack.id !== loaded.pack.id) {
    throw new UsageError(
      msg(
        `${into} は ${existing.file.pack.id} の回答です (指定したパックは ${loaded.pack.id})`,
        `${into} holds answers to ${existing.file.pack.id}, not ${loaded.pack.id}`,
      ),
    );
  }
  const name = replyArg === "-" ? "<stdin>" : replyArg;
  const reply =
    replyArg === "-"
      ? decodeText(await readStdin(ctx.io.stdin), name, LIMITS.replyBytes)
      : readTextFile(path.resolve(ctx.io.cwd, replyArg), LIMITS.replyBytes, name);
  const result = importReply(loaded.pack, reply, { today: ctx.today() });
  if (result.found === 0) {
    throw new DataError(msg(`${name} に番号付きの回答が見つかりません`, `${name} holds no numbered answers`), [
      {
        file: name,
        message: msg(
          "回答は kikitori ask --missing の質問番号で始まる必要があります",
          "each answer must start with its question's number from kikitori ask --missing",
        ),
        fix: msg("例: 「12. 2027-01-15」", 'e.g. "12. 2027-01-15"'),
      },
    ]);
  }
  const defaulted = new Set(result.defaulted.map((d) => d.question.id));
  const given = Object.fromEntries(Object.entries(result.answers).filter(([id]) => !defaulted.has(id.replace(/_other$/, ""))));
  const merged = validateAnswers(loaded.pack, { ...existing.file.answers, ...given });
  const missing = missingRequired(loaded.pack, merged.answers);
  const file: AnswersFile = {
    ...existing.file,
    status: missing.length > 0 ? "in-progress" : "complete",
    meta: syncPlatform(loaded.pack, merged.answers, { ...existing.file.meta, updated: ctx.now() }),
    answers: merged.answers,
  };
  writeAnswersFile(target, file, loaded.pack, { force: true });
  showReport(ctx, { ...result, answers: merged.answers, missing, status: file.status }, false);
  ctx.out.info(
    ctx.out.t(
      `${into} に ${Object.keys(given).length} 件の回答を取り込みました (${file.status === "complete" ? "すべての必須の回答がそろいました" : `未回答の必須項目: ${missing.length} 件`})`,
      `merged ${Object.keys(given).length} answer(s) into ${into} (${file.status === "complete" ? "every required answer is in" : `${missing.length} required answer(s) still missing`})`,
    ),
  );
  return 0;
}

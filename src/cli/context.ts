/** What every command receives: the streams, the languages, where packs and templates live. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { localIsoDate, localTimestamp } from "../date-format.ts";
import { UsageError } from "../errors.ts";
import { isLang, type Lang, msg } from "../i18n.ts";
import type { LookupEnv } from "../pack/lookup.ts";
import { resolveLang } from "./facts.ts";
import type { IO, Output } from "./output.ts";

export interface Ctx {
  io: IO;
  out: Output;
  /** The interface language (messages, prompts). */
  lang: Lang;
  /** --lang when given, for output files. */
  langFlag?: Lang;
  root: string;
  lookup: LookupEnv;
  templatesDir: string;
  /** Today's local calendar date, YYYY-MM-DD (KIKITORI_TODAY overrides it for reproducible output). */
  today(): string;
  /** Now, as the answers file writes it (`2026-11-23T10:00:00+09:00`), on the day today() says. */
  now(): string;
}

let cachedRoot: string | undefined;

/** The installed package's folder: where questionnaires/ and templates/ are. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, "questionnaires")) && fs.existsSync(path.join(dir, "package.json"))) {
      cachedRoot = dir;
      return dir;
    }
    dir = path.dirname(dir);
  }
  cachedRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  return cachedRoot;
}

/** The language of what a command writes: --lang, else the file it reads (`fromFile`), else the locale. */
export function outputLang(ctx: Ctx, fromFile?: Lang): Lang {
  return resolveLang(ctx.langFlag, fromFile, ctx.io.env);
}

/**
 * Speaks the language of the file a command works on (a hearing being resumed), unless
 * --lang was given: its warnings, its last line and its errors, not only its prompts.
 */
export function speakFileLang(ctx: Ctx, fromFile: Lang | undefined): void {
  const lang = outputLang(ctx, fromFile);
  ctx.lang = lang;
  ctx.out.lang = lang;
}

export function parseLangFlag(v: unknown): Lang | undefined {
  if (v === undefined) return undefined;
  if (!isLang(v)) {
    throw new UsageError(msg(`--lang には ja か en を指定してください (指定値: ${String(v)})`, `--lang takes ja or en (got ${String(v)})`));
  }
  return v;
}

export function makeCtx(io: IO, out: Output, langFlag: Lang | undefined): Ctx {
  const root = packageRoot();
  return {
    io,
    out,
    lang: resolveLang(langFlag, undefined, io.env),
    ...(langFlag ? { langFlag } : {}),
    root,
    lookup: { cwd: io.cwd, env: io.env, builtinDir: path.join(root, "questionnaires"), home: io.env.HOME || os.homedir() },
    templatesDir: path.join(root, "templates"),
    today: () => fixedDay(io.env) ?? localIsoDate(io.now()),
    now: () => localTimestamp(io.now(), fixedDay(io.env)),
  };
}

/** KIKITORI_TODAY, when it is a date: every clock read of the run takes that day. */
function fixedDay(env: Record<string, string | undefined>): string | undefined {
  const fixed = env.KIKITORI_TODAY;
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : undefined;
}

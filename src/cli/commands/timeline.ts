/**
 * `kikitori timeline <answers> [-o plan.svg|plan.png] [--width PX]`: the plan as one picture
 * for the client. SVG to stdout or a file; PNG drawn from it (loaded only then).
 */
import * as path from "node:path";
import { parseAnswersBytes, type ReadAnswers, readAnswersFile } from "../../answers/io.ts";
import { validateAnswers } from "../../answers/validate.ts";
import { DataError, type Problem, UsageError } from "../../errors.ts";
import { count, msg } from "../../i18n.ts";
import { planOf } from "../../messages/followup.ts";
import { findPack } from "../../pack/lookup.ts";
import { allQuestions, type LoadedPack } from "../../pack/types.ts";
import { addressee } from "../../render/context.ts";
import { renderPictureSvg } from "../../schedule/picture/svg.ts";
import type { Plan } from "../../schedule/types.ts";
import { writeFileAtomic } from "../../write-file.ts";
import { type Ctx, outputLang } from "../context.ts";
import { planningEnv } from "../planning.ts";
import { readStdin } from "../stdin.ts";

export interface TimelineFlags {
  output?: string;
  force?: boolean;
  pack?: string;
  width?: string;
}

const MIN_WIDTH = 320;
const MAX_WIDTH = 4096;

export async function runTimeline(ctx: Ctx, answersArg: string, flags: TimelineFlags): Promise<number> {
  const format = formatOf(flags.output);
  const width = widthOf(flags.width);
  const read: ReadAnswers =
    answersArg === "-" ? parseAnswersBytes(await readStdin(ctx.io.stdin), "<stdin>") : readAnswersFile(path.resolve(ctx.io.cwd, answersArg), answersArg);
  const loaded = findPack(flags.pack ?? read.file.pack.id, ctx.lookup);
  const lang = outputLang(ctx, read.file.lang);
  const today = ctx.today();
  const planning = await planningEnv(ctx.root, loaded.pack.schedule !== undefined);
  const answers = validAnswers(loaded, read);
  const plan = planned(loaded, read, planOf({ pack: loaded.pack, file: read.file, answers, lang, today, planning }));
  const platform = planning.platforms.find((p) => p.id === plan.platform);
  const svg = renderPictureSvg(
    {
      plan,
      lang,
      today,
      terms: loaded.pack.schedule?.terms ?? {},
      ...(read.file.meta.job ? { job: read.file.meta.job } : {}),
      ...(read.file.meta.client ? { client: addressee(read.file.meta.client, lang) } : {}),
      ...(platform && platform.id !== "direct" ? { platformName: platform.name[lang] } : {}),
    },
    { width },
  );
  if (!flags.output || flags.output === "-") {
    ctx.out.out(svg.trimEnd());
    return 0;
  }
  const content = format === "png" ? await (await import("../png.ts")).renderPng(svg, width, ctx.io.env) : svg;
  writeFileAtomic(path.resolve(ctx.io.cwd, flags.output), content, { force: flags.force === true });
  ctx.out.info(ctx.out.t(`${flags.output} に書き出しました`, `wrote ${flags.output}`));
  return 0;
}

function formatOf(output: string | undefined): "svg" | "png" {
  if (!output || output === "-") return "svg";
  const ext = path.extname(output).toLowerCase();
  if (ext === ".svg" || ext === ".png") return ext === ".png" ? "png" : "svg";
  throw new UsageError(
    msg(`-o のファイル名は .svg か .png で終えてください (指定値: ${output})`, `-o takes a file name ending in .svg or .png (got ${output})`),
  );
}

function widthOf(value: string | undefined): number {
  if (value === undefined) return 1080;
  const n = Number(value.trim().replace(/px$/i, ""));
  if (!Number.isInteger(n) || n < MIN_WIDTH || n > MAX_WIDTH) {
    throw new UsageError(
      msg(
        `--width は ${MIN_WIDTH}〜${MAX_WIDTH} の整数 (ピクセル) にしてください (指定値: ${value})`,
        `--width takes a whole number of pixels from ${MIN_WIDTH} to ${MAX_WIDTH} (got ${value})`,
      ),
    );
  }
  return n;
}

function validAnswers(loaded: LoadedPack, read: ReadAnswers) {
  const { answers, problems } = validateAnswers(loaded.pack, read.file.answers, { file: read.name, locate: read.locate });
  const errors: Problem[] = problems.filter((p) => p.severity !== "warning");
  if (errors.length > 0) {
    throw new DataError(msg(`${read.name} の回答に ${errors.length} 件の問題があります`, `${read.name}: ${count(errors.length, "answer problem")}`), errors);
  }
  return answers;
}

/** The plan, or why there is none: a pack without a schedule, answers the planner still needs, input it refuses. */
function planned(loaded: LoadedPack, read: ReadAnswers, outcome: ReturnType<typeof planOf>): Plan {
  if (outcome?.plan) return outcome.plan;
  const file = read.name;
  if (!outcome) {
    throw new DataError(
      msg(
        `パック ${loaded.pack.id} には納期の計画 (schedule:) がないため、図を作れません`,
        `pack ${loaded.pack.id} binds no deadline plan (schedule:), so there is nothing to draw`,
      ),
    );
  }
  const byId = new Map(allQuestions(loaded.pack).map((q) => [q.id, q]));
  const problems: Problem[] = [
    ...outcome.missing.map((m) => {
      const q = m.question ? byId.get(m.question) : undefined;
      return {
        file,
        message: q
          ? msg(`「${q.label?.ja ?? q.message.ja}」(${q.id}) の回答がありません`, `"${q.label?.en ?? q.message.en}" (${q.id}) has no answer`)
          : msg(`schedule.${m.key} の値がありません`, `schedule.${m.key} has no value`),
        fix: q
          ? msg(`kikitori resume ${file} で回答してください`, `answer it with kikitori resume ${file}`)
          : msg("パックの schedule: を確認してください", "check the pack's schedule:"),
      };
    }),
    ...outcome.problems.map((p) => ({ file, message: p.message })),
  ];
  throw new DataError(msg(`${file} からは計画を作れません`, `${file}: no plan can be made from these answers`), problems);
}

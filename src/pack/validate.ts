/**
 * Pack validation: the zod shape check, then the rules that need the whole pack. Returns
 * every problem at once (errors and warnings), and the normalized pack when there are no
 * errors. Pure: file existence of templates is checked by load.ts.
 */
import type { Problem } from "../errors.ts";
import { msg } from "../i18n.ts";
import { describePath, schemaProblems } from "../yaml/issues.ts";
import type { DataPath, ParsedYaml } from "../yaml/parse.ts";
import { normalizePack } from "./normalize.ts";
import { checkLanguages, checkNamed, checkSchedule, checkTemplates } from "./pack-rules.ts";
import { type At, checkQuestion, checkWhen } from "./question-rules.ts";
import { knownKeys, type PackInput, type QuestionInput, schemas } from "./schema.ts";
import { checkStages } from "./stages.ts";
import type { Pack, Text } from "./types.ts";
import { checkChecksAndTerms } from "./validate-checks.ts";

const RESERVED_IDS = new Set(["__proto__", "constructor", "prototype"]);

export interface PackValidation {
  pack?: Pack;
  problems: Problem[];
}

export function validatePack(data: unknown, file: string, parsed: Pick<ParsedYaml, "locate">): PackValidation {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    // An empty file, a list or a lone value: zod would say " has the wrong type" of nothing.
    return {
      problems: [
        {
          file,
          line: 1,
          col: 1,
          message: msg(
            data === null || data === undefined ? "ファイルが空です" : "先頭がキーと値のマップになっていません",
            data === null || data === undefined ? "the file is empty" : "the top level is not a map of keys",
          ),
          fix: msg(
            "kikitori: 1, id:, version:, title:, languages:, sections: で始めてください",
            "start with kikitori: 1, id:, version:, title:, languages:, sections:",
          ),
        },
      ],
    };
  }
  if (data && typeof data === "object" && Object.hasOwn(data, "platforms") && !Object.hasOwn(data, "sections")) {
    return {
      problems: [
        {
          file,
          line: 1,
          col: 1,
          message: msg("これはプラットフォーム情報のファイルで、質問パックではありません", "this file holds platform profiles, not a questionnaire pack"),
          fix: msg("パックのファイルを指定してください", "give a pack file"),
        },
      ],
    };
  }
  const shaped = schemas().PackSchema.safeParse(data);
  if (!shaped.success) {
    return { problems: schemaProblems(shaped.error.issues, data, parsed, file, knownKeys()) };
  }
  const input = shaped.data;
  const problems: Problem[] = [];
  const at = (path: DataPath, message: Text, fix: Text, severity: "error" | "warning" = "error", key = false) => {
    problems.push({ file, ...parsed.locate(path, { key }), path: describePath(path), message, fix, severity });
  };
  checkRules(input, at);
  if (problems.some((p) => p.severity !== "warning")) return { problems };
  return { pack: normalizePack(input), problems };
}

/** The rules that need the whole pack: ids, `_other` collisions, `when` order, then each question and the pack-wide rules. */
function checkRules(input: PackInput, at: At): void {
  const seenSections = new Map<string, number>();
  const order = new Map<string, number>();
  const questions: { q: QuestionInput; path: DataPath }[] = [];
  input.sections.forEach((s, si) => {
    if (seenSections.has(s.id)) {
      at(
        ["sections", si, "id"],
        msg(`セクション id「${s.id}」が重複しています`, `section id "${s.id}" is used twice`),
        msg("別の id にしてください", "give it another id"),
      );
    }
    seenSections.set(s.id, si);
    s.questions.forEach((q, qi) => {
      const path = ["sections", si, "questions", qi];
      if (order.has(q.id) || RESERVED_IDS.has(q.id)) {
        at(
          [...path, "id"],
          msg(`質問 id「${q.id}」は重複しているか使えない名前です`, `question id "${q.id}" is used twice or reserved`),
          msg("パック内で一意の id にしてください", "give it an id unique in the pack"),
        );
      }
      order.set(q.id, questions.length);
      questions.push({ q, path });
    });
  });
  const byId = new Map(questions.map((x) => [x.q.id, x.q]));

  for (const [i, { q, path }] of questions.entries()) {
    checkQuestion(q, path, at);
    if (q.id.endsWith("_other")) {
      const base = byId.get(q.id.slice(0, -"_other".length));
      if (base?.choices?.some((c) => c.other)) {
        at(
          [...path, "id"],
          msg(`質問 id「${q.id}」は「${base.id}」の「その他」の回答と衝突します`, `question id "${q.id}" collides with the "other" text of "${base.id}"`),
          msg("別の id にしてください", "give it another id"),
        );
      }
    }
    if (q.when) checkWhen(q.when, [...path, "when"], i, order, byId, at);
  }
  checkLanguages(input, at);
  checkSchedule(input, byId, at);
  checkStages(input, byId, at);
  checkNamed(input, byId, at);
  checkTemplates(input, at);
  checkChecksAndTerms(input, byId, at);
}

/**
 * What the client's form would store for given answers (each value through the form's own
 * reading and the CLI's checks, as the page does), and a pack of every question type with
 * every kind of condition, for the form tests.
 */

import { checkValue } from "../../src/answers/check-value.ts";
import { chosenOther, pruneAnswers } from "../../src/answers/conditions.ts";
import { type Answers, type AnswerValue, isPending } from "../../src/answers/types.ts";
import { numberQuestions } from "../../src/ask/numbering.ts";
import { oneLine, readInput } from "../../src/form/normalize.ts";
import { otherKey, type Pack, type Question } from "../../src/pack/types.ts";
import { validatePack } from "../../src/pack/validate.ts";

/** The raw input a widget gives for a value: fields give text, choices give values. */
function widgetInput(q: Question, v: AnswerValue): unknown {
  return q.type === "number" || q.type === "text" || q.type === "paragraph" || q.type === "date" ? String(v) : v;
}

/** The answers a client's form keeps for these answers: client questions only, tidied, valid, pruned. */
export function asForm(pack: Pack, raw: Record<string, AnswerValue>): Answers {
  const out: Answers = {};
  for (const { question: q } of numberQuestions(pack)) {
    const v = raw[q.id];
    if (v === undefined) continue;
    if (isPending(v)) {
      if (!q.allow_pending) continue;
      const note = oneLine(v.note ?? "");
      out[q.id] = note ? { pending: true, note } : { pending: true };
      continue;
    }
    const input = readInput(q, widgetInput(q, v));
    if (input === undefined) continue;
    const checked = checkValue(q, input);
    if ("error" in checked) continue;
    out[q.id] = checked.value;
    const other = raw[otherKey(q.id)];
    const text = typeof other === "string" ? oneLine(other) : "";
    if (text && chosenOther(q, checked.value)) out[otherKey(q.id)] = text;
  }
  return pruneAnswers(pack, out);
}

/**
 * A pack with every question type, each kind of condition (equals, in, includes, answered,
 * all, any, not), "other" choices, "not decided yet", limits and a worker-only question.
 */
export function everyTypePack(): Pack {
  const t = (ja: string, en: string) => ({ ja, en });
  const data = {
    kikitori: 1,
    id: "every-type",
    version: "1.0.0",
    title: t("全種類フォーム", "Every type form"),
    languages: ["ja", "en"],
    sections: [
      {
        id: "basics",
        title: t("基本", "Basics"),
        intro: t("まずは基本から。", "The basics first."),
        questions: [
          { id: "name", type: "text", message: t("お名前は？", "Your name?"), required: true, validate: { max_length: 30 }, examples: [t("山田", "Yamada")] },
          {
            id: "kind",
            type: "select",
            message: t("種類は？", "Which kind?"),
            required: true,
            help: t("作るものを決めるためです", "To know what to make"),
            choices: [
              { value: "logo", label: t("ロゴ", "Logo"), hint: t("マーク", "A mark") },
              { value: "banner", label: t("バナー", "Banner") },
              { value: "other", label: t("その他", "Other"), other: true },
            ],
          },
          { id: "kind_detail", type: "paragraph", message: t("その他の詳細は？", "More about it?"), when: { question: "kind", equals: "other" } },
          {
            id: "media",
            type: "multiselect",
            message: t("使う場所は？", "Where is it used?"),
            validate: { min_items: 1, max_items: 2 },
            choices: [
              { value: "sns", label: t("SNS", "Social media") },
              { value: "web", label: t("ウェブ", "Web") },
              { value: "print", label: t("印刷", "Print") },
              { value: "other", label: t("その他", "Other"), other: true },
            ],
          },
          { id: "sns_sizes", type: "list", message: t("サイズは？", "Which sizes?"), when: { question: "media", includes: "sns" }, validate: { max_items: 3 } },
          {
            id: "print_run",
            type: "number",
            message: t("部数は？", "How many copies?"),
            when: { question: "media", includes: "print" },
            validate: { min: 1, max: 10000 },
            unit: t("部", "copy|copies"),
          },
        ],
      },
      {
        id: "look",
        title: t("見た目", "Look"),
        questions: [
          { id: "colors_fixed", type: "confirm", message: t("色は決まっていますか？", "Are the colours decided?") },
          {
            id: "palette",
            type: "paragraph",
            message: t("色の指定は？", "Which colours?"),
            when: { question: "colors_fixed", equals: true },
            allow_pending: true,
          },
          {
            id: "mood",
            type: "scale",
            message: t("雰囲気は？", "What mood?"),
            min: 1,
            max: 5,
            min_label: t("落ち着いた", "calm"),
            max_label: t("にぎやか", "lively"),
          },
          {
            id: "calm_note",
            type: "text",
            message: t("落ち着いた雰囲気で大事なことは？", "What matters for a calm mood?"),
            when: { not: { question: "mood", in: [4, 5] } },
          },
          { id: "refs", type: "references", message: t("参考資料は？", "References?"), validate: { max_items: 4 } },
          { id: "refs_note", type: "text", message: t("参考資料の補足は？", "Anything about the references?"), when: { question: "refs", answered: true } },
        ],
      },
      {
        id: "plan",
        title: t("予定", "Plan"),
        questions: [
          { id: "due", type: "date", message: t("納期は？", "When is it due?"), required: true, allow_pending: true },
          { id: "budget", type: "number", message: t("予算は？", "Budget?"), allow_pending: true, validate: { min: 0 }, unit: t("円", "yen") },
          {
            id: "rush",
            type: "confirm",
            message: t("特急ですか？", "Is it a rush job?"),
            when: {
              all: [
                { question: "due", answered: true },
                {
                  any: [
                    { question: "kind", equals: "banner" },
                    { question: "kind", equals: "logo" },
                  ],
                },
              ],
            },
          },
          { id: "effort", type: "number", message: t("作業時間は？", "Hours of work?"), audience: "worker", required: true },
        ],
      },
    ],
  };
  const { pack, problems } = validatePack(data, "every-type.yaml", { locate: () => undefined });
  if (!pack) throw new Error(`every-type pack is invalid: ${problems.map((p) => p.message.en).join("; ")}`);
  return pack;
}

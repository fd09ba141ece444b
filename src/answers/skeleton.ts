/**
 * A commented answers file to fill in by hand: every question with its text, type, choices
 * and an example as comments, and an empty value after each key. Empty values count as "not
 * answered", so the file renders as soon as the required answers are filled.
 */
import { type Lang, WORDS } from "../i18n.ts";
import { describeCondition } from "../pack/describe.ts";
import { otherChoice, otherKey, type Pack, type Question } from "../pack/types.ts";
import { yamlLibrary } from "../yaml/library.ts";

const TYPE_HINT: Record<Question["type"], [string, string]> = {
  text: ["1行の文字列", "one line of text"],
  paragraph: ["複数行の文字列 (| の後に改行して書けます)", "several lines of text (write | then the lines, indented)"],
  select: ["選択肢の値を1つ", "one choice value"],
  multiselect: ["選択肢の値のリスト [a, b]", "a list of choice values [a, b]"],
  confirm: ["true か false", "true or false"],
  number: ["数値", "a number"],
  date: ["日付 YYYY-MM-DD", "a date YYYY-MM-DD"],
  scale: ["整数", "a whole number"],
  list: ["文字列のリスト [a, b]", "a list of texts [a, b]"],
  references: ["- { source: URL かファイル, note: メモ, kind: like か avoid }", "- { source: URL or file, note: why, kind: like or avoid }"],
};

export function renderSkeleton(pack: Pack, lang: Lang, opts: { client?: string | undefined; platform?: string | undefined; now: string }): string {
  const ja = lang === "ja";
  const { stringify } = yamlLibrary();
  const yamlValue = (v: unknown) => stringify(v, { lineWidth: 0 }).trimEnd();
  const comment = (s: string) =>
    s
      .split("\n")
      .map((l) => `  # ${l}`.trimEnd())
      .join("\n");
  const out: string[] = [
    `# ${ja ? "回答ファイル" : "answers file"}: ${pack.title[lang]} (${pack.id}@${pack.version})`,
    ja
      ? "# 各キーの後に回答を書き、kikitori render <このファイル> でブリーフとメッセージを作成します。"
      : "# Write each answer after its key, then run: kikitori render <this file>",
    ja
      ? "# 空のままの項目は「未回答」として扱います。未定の項目は { pending: true, note: メモ } と書けます (未定可の質問のみ)。"
      : '# Keys left empty count as not answered. Where allowed, write { pending: true, note: why } for "not decided yet".',
    "kikitori: 1",
    `pack: { id: ${pack.id}, version: ${pack.version} }`,
    `lang: ${lang}`,
    "status: complete",
    "meta:",
    `  client: ${opts.client ? yamlValue(opts.client) : ""}${ja ? "  # クライアント名" : "  # client name"}`,
    `  job: ${ja ? " # 案件名" : " # job title"}`,
    `  platform: ${opts.platform ? yamlValue(opts.platform) : ""}  # coconala | crowdworks | lancers | fiverr | upwork | skeb | direct`,
    `  created: ${opts.now}`,
    "answers:",
  ];
  let n = 0;
  for (const s of pack.sections) {
    out.push("", comment(`── ${s.title[lang]} ──`));
    for (const q of s.questions) {
      n++;
      const tags = [TYPE_HINT[q.type][ja ? 0 : 1], q.required ? WORDS.required[lang] : "", q.allow_pending ? WORDS.mayBePending[lang] : ""]
        .filter(Boolean)
        .join(", ");
      out.push(comment(`${n}. ${q.message[lang]} (${tags})`));
      if (q.help) out.push(comment(`${ja ? "なぜ聞くか" : "why we ask"}: ${q.help[lang]}`));
      if (q.choices) {
        out.push(comment(ja ? "選択肢:" : "choices:"));
        for (const c of q.choices)
          out.push(
            comment(
              `  ${c.value} = ${c.label[lang]}${c.other ? (ja ? ` (${otherKey(q.id)}: に内容を書きます)` : ` (write the text under ${otherKey(q.id)}:)`) : ""}`,
            ),
          );
      }
      if (q.type === "scale")
        out.push(comment(`${q.min}${q.min_label ? ` = ${q.min_label[lang]}` : ""} … ${q.max}${q.max_label ? ` = ${q.max_label[lang]}` : ""}`));
      const ex = q.examples?.[0];
      if (ex) out.push(comment(`${ja ? "例" : "example"}: ${ex[lang]}`));
      if (q.when) out.push(comment(`${ja ? "条件" : "only if"}: ${describeCondition(q.when, pack, lang, (x) => x.id)}`));
      const def = q.default !== undefined ? ` ${yamlValue(q.default)}` : "";
      out.push(`  ${q.id}:${def}`);
      if (otherChoice(q)) out.push(`  ${otherKey(q.id)}:`);
    }
  }
  return `${out.join("\n")}\n`;
}

/**
 * `kikitori pack new`: a starting pack with one commented example of every question type, in
 * both languages, that validates as it is. Pure: the caller decides where the schema is.
 */
export function renderNewPack(id: string, schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# A kikitori questionnaire pack / kikitori の質問パック
#   check it / 検査:        kikitori pack validate <this file>
#   try it / 試す:          kikitori pack skeleton <this file>
#   share it / 共有:        kikitori pack export <this file> -o ${id}.yaml
# Every text is either one string or { ja: …, en: … }. 文はすべて1つの文字列か { ja: …, en: … } です。
kikitori: 1
id: ${id}                # [a-z0-9-]: how people find the pack / パックの名前
version: 0.1.0           # semver: raise it when questions change / 質問を変えたら上げる
title: { ja: ${id} ヒアリング, en: ${id} hearing }
description:
  ja: 案件の開始前にクライアントへ伺う質問です。
  en: Questions to ask the client before the job starts.
languages: [ja, en]      # the first one fills in missing texts / 先頭の言語で不足分を補います

sections:
${BASICS}${PLAN}${OPTIONAL}`;
}

/** The first section: text, paragraph, select (with "other"), multiselect, list with `when`, confirm. */
const BASICS = `  - id: basics
    title: { ja: 基本情報, en: Basics }
    intro:
      ja: まず案件の概要を伺います。
      en: First, a few words about the job.
    questions:
      # text: one line / 1行の文字列
      - id: project_name
        type: text
        message: { ja: 案件名（作品名）を教えてください, en: What is the project called? }
        help: { ja: やり取りの中で呼ぶ名前です, en: The name we will use in our messages }
        examples: [{ ja: カフェのロゴ, en: Café logo }]
        required: true
        validate: { max_length: 60 }

      # paragraph: several lines / 複数行の文章
      - id: vision
        type: paragraph
        message: { ja: この制作で実現したいことは？, en: What should this work achieve? }
        examples: [{ ja: 初めてのお客様にも入りやすい印象にしたい, en: Make first-time visitors feel welcome }]
        allow_pending: true          # "not decided yet" is a valid answer / 「未定」で回答できる

      # select: one choice; other: true asks for free text / 1つ選ぶ。other: true は自由記述
      - id: tone
        type: select
        message: { ja: 全体の雰囲気は？, en: What overall feel? }
        choices:
          - { value: calm, label: { ja: 落ち着いた, en: Calm }, hint: { ja: 余白を多めに, en: Plenty of space } }
          - { value: lively, label: { ja: にぎやか, en: Lively } }
          - { value: other, label: { ja: その他, en: Other }, other: true }
        default: calm
        required: true

      # multiselect: several choices / 複数選択
      - id: usage
        type: multiselect
        message: { ja: どこで使いますか？, en: Where will it be used? }
        choices:
          - { value: web, label: { ja: ウェブサイト, en: Website } }
          - { value: sns, label: { ja: SNS, en: Social media } }
          - { value: print, label: { ja: 印刷物, en: Print } }
        validate: { min_items: 1 }

      # list: several short items; when: asked only if an earlier answer matches
      # list: 短い項目をいくつか。when: 前の回答に応じて聞く
      - id: sns_accounts
        type: list
        message: { ja: 使うSNSのアカウントは？, en: Which social media accounts? }
        examples: [{ ja: "@cafe_example", en: "@cafe_example" }]
        when: { question: usage, includes: sns }

      # confirm: yes or no / はい・いいえ
      - id: has_brand_colors
        type: confirm
        message: { ja: 決まったブランドカラーはありますか？, en: Are there set brand colours? }
        default: false

`;

/** The second section: scale, number with a unit, date, references. */
const PLAN = `  - id: plan
    title: { ja: 進め方, en: Plan }
    questions:
      # scale: an integer between labelled ends / 両端に説明のある整数
      - id: detail_level
        type: scale
        message: { ja: 細部へのこだわりはどのくらいですか？, en: How much does fine detail matter? }
        min: 1
        max: 5
        min_label: { ja: おまかせ, en: up to you }
        max_label: { ja: 細かく指定したい, en: I will specify it }

      # number: with an optional unit and range / 単位と範囲を付けられる数値
      - id: revisions
        type: number
        message: { ja: 修正は何回まで想定していますか？, en: How many revision rounds do you expect? }
        unit: { ja: 回, en: rounds }
        validate: { min: 0, max: 10 }
        default: 2

      # date: YYYY-MM-DD / 日付
      - id: due_date
        type: date
        message: { ja: 最終納品の希望日は？, en: When do you need the final delivery? }
        required: true
        allow_pending: true

      # references: images or links, each liked or avoided / 参考画像やリンク (好き・避けたい)
      - id: references
        type: references
        message: { ja: 参考にしたい画像やサイトはありますか？, en: Any images or sites to take as references? }
        help: { ja: 避けたい例も役に立ちます, en: Examples to avoid help too }

`;

/** What a pack may add: schedule bindings and its own templates. */
const OPTIONAL = `# Optional / 任意:
# schedule:                      # feeds the deadline planner / 納期計画に使う
#   due: { question: due_date }
#   revisions: { question: revisions }
# templates:                     # your own brief or message / 独自のブリーフやメッセージ
#   brief: brief.{lang}.md.hbs   # a file beside this one, per language / このファイルと同じフォルダ
`;

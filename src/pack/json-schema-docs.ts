/**
 * What editors show for each key of a pack (hover and completion), in English and Japanese,
 * by what holds the key (README, Packs, says the same at more length). A key missing here
 * keeps the description zod gives it; test/pack/json-schema.test.ts wants one for every key.
 */
type Doc = readonly [en: string, ja: string];

export const TYPE_DOCS: Record<string, Doc> = {
  text: ["One line of text.", "1行のテキスト。"],
  paragraph: ["Several lines of text.", "複数行のテキスト。"],
  select: ["One choice of choices:.", "choices: から1つ選びます。"],
  multiselect: ["Several choices of choices: (a list of their values).", "choices: から複数選びます (値のリスト)。"],
  confirm: ["Yes or no (true or false).", "はい/いいえ (true / false)。"],
  number: ["A number; validate: min, max, integer bound it.", "数値。validate の min・max・integer で制限できます。"],
  date: ["A date, YYYY-MM-DD.", "日付 (YYYY-MM-DD)。"],
  scale: ["An integer from min to max, its ends named by min_label and max_label.", "min から max までの整数。両端の意味は min_label と max_label。"],
  list: ["Several short items, one per line.", "短い項目を複数 (1行に1つ)。"],
  references: ["Images or links: each item {source, note, kind: like|avoid}.", "画像やリンク。各項目は {source, note, kind: like|avoid}。"],
};

export const KEY_DOCS: Record<string, Doc> = {
  "pack.$schema": ["The JSON Schema editors check this file with.", "エディタがこのファイルの検査に使う JSON Schema。"],
  "pack.kikitori": ["Format version of this file: 1.", "このファイルの形式の版: 1。"],
  "pack.id": [
    "Pack id: a-z and 0-9 words joined by -. Answers files name their pack by it.",
    "パックの id: 英小文字と数字をハイフンでつなぎます。回答ファイルはこの id でパックを指します。",
  ],
  "pack.version": [
    "Semantic version (1.2.0). Answers files record the version they were given with.",
    "セマンティックバージョン (1.2.0)。回答ファイルは回答時の版を記録します。",
  ],
  "pack.title": ["The pack's title: a string, or { ja: …, en: … }.", "パックの題名。文字列か { ja: …, en: … }。"],
  "pack.description": ["What the pack is for.", "パックの説明。"],
  "pack.languages": [
    "Languages of the pack: [ja, en], [ja] or [en]; the first is the fallback.",
    "パックの言語: [ja, en]、[ja]、[en]。最初の言語が代わりに使われます。",
  ],
  "pack.sections": ["The sections, in order; each has questions.", "セクション (順番どおり)。それぞれに質問があります。"],
  "pack.schedule": ["Binds the deadline planner's inputs to questions or fixed values.", "納期計画の入力を、質問の回答か固定値に結び付けます。"],
  "pack.templates": [
    "Template overrides: a path ending in .hbs (inside the pack's folder) or the template text.",
    "テンプレートの差し替え: .hbs で終わるパス (パックのフォルダ内) か、テンプレートの本文。",
  ],
  "pack.checks": ['"Check before you start": shown in the brief when their condition holds.', "「着手前の確認」: 条件が成り立つとブリーフに表示します。"],
  "pack.written_terms": ["Which question answers each item of the written terms (message terms).", "取引条件の明示 (message terms) の各項目に答える質問。"],

  "pack.goal": [
    "The question(s) whose answer the confirmation restates as the goal of the job, in one line (the first answered).",
    "確認メッセージで案件の目的として1行で言い直す回答の質問 (複数なら最初に回答されたもの)。",
  ],
  "pack.scope": [
    "The question(s) that state the agreed work: quoted when a request falls outside it (message decline).",
    "お引き受けした作業の範囲を答える質問。範囲外のご依頼をお断りするとき (message decline) に引用します。",
  ],
  "pack.currency": [
    "ISO 4217 code of the amounts (money: true), e.g. JPY; default: the platform's currency.",
    "金額 (money: true) の通貨の ISO 4217 コード (JPY など)。省略時はプラットフォームの通貨。",
  ],
  "pack.salutation": [
    "English greetings: formal (Dear Ms. Smith,) or casual (Hi Jane,); default by platform.",
    "英語の呼びかけ: formal (Dear Ms. Smith,) か casual (Hi Jane,)。省略時はプラットフォームで決まります。",
  ],

  "section.id": ["Section id: a-z, 0-9, _ and -.", "セクションの id: 英小文字・数字・_・-。"],
  "section.title": ["The section's title.", "セクションの題名。"],
  "section.intro": ["Shown before the section's first question.", "セクションの最初の質問の前に表示します。"],
  "section.questions": ["The questions of the section, in order.", "セクションの質問 (順番どおり)。"],

  "question.id": [
    "Question id: a-z, 0-9 and _, unique in the pack; <id>_other holds the text of an other choice.",
    "質問の id: 英小文字・数字・_。パック内で一意。<id>_other は「その他」の内容に使われます。",
  ],
  "question.message": ["The question as asked.", "質問文。"],
  "question.label": ["A short name for briefs and messages (default: the question).", "ブリーフやメッセージで使う短い名前 (省略時は質問文)。"],
  "question.help": ["Why we ask: shown beside the question.", "なぜ聞くか: 質問の横に表示します。"],
  "question.choices": [
    "The choices of a select or multiselect: {value, label, hint?, other?}.",
    "select・multiselect の選択肢: {value, label, hint?, other?}。",
  ],
  "question.examples": ["Example answers shown to the answerer.", "回答例 (答える人に表示します)。"],
  "question.default": [
    "The answer offered first; it must fit the type (a choice value, a list of them, true/false, a number, a date, text).",
    "最初に示す回答。型に合うこと (選択肢の値、そのリスト、true/false、数値、日付、テキスト)。",
  ],
  "question.required": ["An answer is needed to finish (default false).", "完了に回答が必要 (既定 false)。"],
  "question.allow_pending": ['"Not decided yet" is a valid answer.', "「未定」を回答にできます。"],
  "question.when": [
    "Asked only if this condition holds; it may only name an earlier question.",
    "この条件が成り立つときだけ聞きます。前にある質問だけを参照できます。",
  ],
  "question.validate": [
    "Limits on the answer: min, max, integer, min_items, max_items, min_length, max_length, pattern.",
    "回答の制限: min, max, integer, min_items, max_items, min_length, max_length, pattern。",
  ],
  "question.unit": [
    "Shown after a number: 回, rounds; round|rounds gives singular and plural.",
    "数値の後に表示する単位: 回、rounds。round|rounds で単数と複数。",
  ],
  "question.summary": [
    "true: the answer appears in the brief's summary and the confirmation message.",
    "true: ブリーフの概要と確認メッセージに回答を載せます。",
  ],
  "question.audience": [
    "worker: the worker's own input, never put to the client nor shown in client messages (default client).",
    "worker: 制作者自身が入力し、クライアントには聞かずメッセージにも出しません (既定 client)。",
  ],
  "question.propose": [
    "When the answer is pending, the worker proposes it: first_draft (with the first draft) or next_contact (by the next contact, a quote).",
    "回答が未定のとき制作者から提案します: first_draft (初稿と一緒に) か next_contact (次の連絡までに、見積もりとして)。",
  ],
  "question.money": [
    "An amount of money: shown in the job's currency (the pack's currency, else the platform's).",
    "金額: 案件の通貨で表示します (パックの currency、なければプラットフォームの通貨)。",
  ],
  "question.tags": [
    "Categories the question covers (budget, rights…), from kikitori's vocabulary; checks find questions by them.",
    "質問の分類 (budget, rights など、kikitori の語彙から)。チェックはこれで質問を探します。",
  ],
  "question.min": ["scale: the lowest value (an integer).", "scale: 最小値 (整数)。"],
  "question.max": ["scale: the highest value (an integer).", "scale: 最大値 (整数)。"],
  "question.min_label": ["scale: what the lowest value means.", "scale: 最小値の意味。"],
  "question.max_label": ["scale: what the highest value means.", "scale: 最大値の意味。"],

  "choice.value": ["Stored in the answers file: a-z, 0-9, _ and -.", "回答ファイルに保存する値: 英小文字・数字・_・-。"],
  "choice.label": ["What the answerer sees.", "答える人に見える文言。"],
  "choice.hint": ["A word more, shown beside the label.", "文言の横に出す補足。"],
  "choice.other": ["Picking it asks for free text, stored as <id>_other; one per question.", "選ぶと自由記入を求め <id>_other に保存します。1問に1つまで。"],

  "choice.statement": [
    "How the worker restates this choice to the client in messages (the label is the client's voice, the statement the worker's).",
    "メッセージで制作者がこの選択肢をクライアントに言い直す文 (label はクライアントの言葉、statement は制作者の言葉)。",
  ],

  "validate.min": ["number: the lowest value allowed.", "number: 許す最小値。"],
  "validate.max": ["number: the highest value allowed.", "number: 許す最大値。"],
  "validate.integer": ["number: whole numbers only.", "number: 整数のみ。"],
  "validate.pattern": [
    "A JavaScript regular expression (Unicode) the text must match; at most 200 characters, no repeat inside a repeat such as (a+)+.",
    "テキストが一致すべき JavaScript の正規表現 (Unicode)。200文字以内、(a+)+ のような入れ子の繰り返しは不可。",
  ],
  "validate.min_items": ["multiselect, list, references: the fewest items.", "multiselect・list・references: 最少の項目数。"],
  "validate.max_items": ["multiselect, list, references: the most items.", "multiselect・list・references: 最多の項目数。"],
  "validate.min_length": ["The fewest characters, as a person counts them.", "最少の文字数 (人が数える文字で)。"],
  "validate.max_length": ["The most characters, as a person counts them.", "最多の文字数 (人が数える文字で)。"],

  "schedule.start": ["First day of work (YYYY-MM-DD), or the question that gives it.", "作業開始日 (YYYY-MM-DD)、またはそれを答える質問。"],
  "schedule.due": ['What the client calls "the deadline" (YYYY-MM-DD).', "クライアントの言う「納期」(YYYY-MM-DD)。"],
  "schedule.due_means": ['What "the deadline" means: final (the final delivery) or first_draft.', "「納期」の意味: final (最終納品) か first_draft (初稿)。"],
  "schedule.revisions": ["Revision rounds (0-50).", "修正の回数 (0〜50)。"],
  "schedule.review_days": ["Calendar days the client needs to review each round (0-365).", "クライアントの確認にかかる日数 (1回あたり、暦日、0〜365)。"],
  "schedule.effort_hours": ["Estimated work in hours, in total.", "作業時間の見積もり (合計時間)。"],
  "schedule.draft_share": ["Share of the effort spent before the first draft (above 0, at most 1).", "初稿までに使う作業時間の割合 (0より大きく1以下)。"],
  "schedule.hours_per_day": ["Hours of work per workday (above 0, at most 24).", "1日に作業できる時間 (0より大きく24以下)。"],
  "schedule.workdays": ["Workdays: mon-fri, mon,wed,fri, 月〜金…", "稼働日: mon-fri、mon,wed,fri、月〜金 など。"],
  "schedule.calendar": ["Holidays: jp (Japanese public holidays off) or none.", "祝日: jp (日本の祝日を休む) か none。"],
  "schedule.checkin_every": ["Workdays between progress reports (1-365).", "進捗報告の間隔 (稼働日、1〜365)。"],
  "schedule.platform": [
    "The platform whose rules join the plan (coconala, crowdworks, lancers, fiverr, upwork, skeb, direct).",
    "計画に加えるプラットフォームの規則 (coconala, crowdworks, lancers, fiverr, upwork, skeb, direct)。",
  ],
  "schedule.terms": [
    "The pack's own words for the deliveries, e.g. 初回納品 and リテイク for voice work.",
    "納品の呼び方 (音声なら 初回納品、リテイク など)。",
  ],
  "schedule.delivery_time": ["The time of day deliveries are due, HH:MM (e.g. 18:00).", "納品の時刻 (HH:MM、18:00 など)。"],
  "schedule.payment": ["When the fee is paid (YYYY-MM-DD).", "報酬の支払日 (YYYY-MM-DD)。"],
  "schedule.stages": ["The job's stages in order, with the client's checks and steps.", "案件の段階 (順番どおり)。クライアントの確認や作業も含みます。"],
  "stage.id": ["Stage id: a-z, 0-9 and _, unique among questions and stages.", "段階の id: 英小文字・数字・_ (質問や他の段階と重ならないこと)。"],
  "stage.actor": ["client: a step the client owes before the next stage (default worker).", "client: 次の段階の前にクライアントが行う作業 (既定 worker)。"],
  "stage.label": ["The stage's name, as the client reads it.", "段階の名前 (クライアントが読む言葉で)。"],
  "stage.share": [
    "Share of the effort hours (the shares add up to at most 1; the rest is for revisions).",
    "作業時間のうちこの段階の割合 (合計 1 以下。残りは修正に充てます)。",
  ],
  "stage.hours": ["Fixed hours instead of a share.", "割合の代わりに決まった作業時間。"],
  "stage.days": ["Client steps: calendar days the client needs (the lead time).", "クライアントの作業: 必要な日数 (暦日)。"],
  "stage.check": ["The client checks the stage's result before the next stage starts.", "次の段階の前に、クライアントがこの段階の成果を確認します。"],
  "stage.revisions": ["The revision rounds follow this stage (default: the last stage).", "修正はこの段階の後に行います (既定は最後の段階)。"],
  "stage.first_draft": [
    'What "the first draft" is when the deadline means it (default: the first stage the client checks).',
    "締切が初稿を指すとき、どの段階を初稿とするか (既定はクライアントが最初に確認する段階)。",
  ],
  "stage.when": [
    "The stage or step happens only when this holds for the answers (not on the last stage).",
    "回答がこの条件を満たすときだけ行う段階 (最後の段階には付けられません)。",
  ],
  "stage_check.when": ["Checked only when this holds for the answers.", "回答がこの条件を満たすときだけ確認します。"],
  "stage_check.days": ["Review days (default: the schedule's review_days).", "確認の日数 (既定は schedule の review_days)。"],
  "stage_check.label": ["What the client's check is called.", "クライアントの確認の呼び方。"],
  "binding.question": ["The question whose answer gives the value.", "値を答える質問。"],
  "binding.map": ["Answer (a choice value) → the value.", "回答 (選択肢の値) → 値。"],
  "binding.default": ["When the answer is missing or pending.", "回答がないか未定のときの値。"],
  "terms.first_draft": ["The word for the first draft.", "初稿の呼び方。"],
  "terms.revision": ["The word for a revision.", "修正の呼び方。"],
  "terms.final_delivery": ["The word for the final delivery.", "最終納品の呼び方。"],
  "terms.deadline": ["The word for the deadline.", "締切の呼び方。"],

  "templates.brief": ["The brief (Markdown for the worker).", "ブリーフ (制作者向けの Markdown)。"],
  "templates.message-confirm": ["The confirmation message to the client.", "クライアントへの確認メッセージ。"],
  "templates.message-progress": ["The progress report.", "進捗報告。"],
  "templates.message-delay": ["The delay notice.", "遅延のご相談。"],
  "templates.message-delivery": ["The delivery message.", "納品のメッセージ。"],
  "templates.message-terms": ["The written terms (Freelance Act §3).", "取引条件の明示 (フリーランス法第3条)。"],
  "templates.message-decline": ["The message declining a request.", "お断りのメッセージ。"],
  "templates.message-thanks": ["The thank-you message after the job.", "お礼のメッセージ。"],
  "templates.ask": ["The questionnaire pasted into a chat (kikitori ask).", "チャットに貼る質問票 (kikitori ask)。"],

  "written_terms.client_name": ["The client's name.", "発注者の名称。"],
  "written_terms.worker_name": ["The worker's name.", "受注者の名称。"],
  "written_terms.order_date": ["When the work was commissioned (a date).", "業務委託をした日 (日付)。"],
  "written_terms.work": ["What the work is.", "給付の内容。"],
  "written_terms.rights": ["Rights and usage.", "権利と利用範囲。"],
  "written_terms.fee": ["The fee (a number).", "報酬の額 (数値)。"],
  "written_terms.payment_date": ["When the fee is paid (a date).", "支払期日 (日付)。"],
  "written_terms.delivery_date": ["When the work is delivered (a date).", "給付を受領する期日 (日付)。"],
  "written_terms.place": ["Where the work is delivered.", "給付を受領する場所。"],
  "written_terms.inspection_date": ["When the inspection ends (a date).", "検査を完了する期日 (日付)。"],
  "written_terms.business": ["Whether the client is a business (confirm).", "発注者が事業者か (confirm)。"],
  "written_terms.employees": ["Whether the client has employees (confirm).", "発注者に従業員がいるか (confirm)。"],
  "written_terms.decide_by": ["When undecided terms will be decided (a date).", "未定の事項を定める予定日 (日付)。"],

  "check.id": ["Check id: a-z, 0-9 and _.", "チェックの id: 英小文字・数字・_。"],
  "check.when": ["When the check is shown: a condition over the answers and the plan.", "表示する条件 (回答と計画についての条件)。"],
  "check.message": ["What is wrong and what to do about it, in the worker's words.", "何が問題で、どうするか (制作者向けの文)。"],
  "check.source": ["The law or platform page the check rests on (a URL).", "根拠となる法令やプラットフォームのページ (URL)。"],

  "condition.question": ["The (earlier) question the condition looks at.", "条件が見る (前にある) 質問。"],
  "condition.tag": ["The first question with this category tag.", "この分類タグを持つ最初の質問。"],
  "condition.equals": ["True when the answer is this value.", "回答がこの値なら成り立ちます。"],
  "condition.in": ["True when the answer is one of these values.", "回答がこれらの値のどれかなら成り立ちます。"],
  "condition.includes": ["multiselect, list: true when the answer includes this value.", "multiselect・list: 回答がこの値を含めば成り立ちます。"],
  "condition.answered": ["true: the question has an answer; false: it has none (or it is pending).", "true: 回答がある。false: 回答がない (未定を含む)。"],
  "condition.pending": ['true: the answer is "not decided yet".', "true: 回答が「未定」。"],
  "condition.at_least": ["True when the number answered is at least this.", "数値の回答がこれ以上なら成り立ちます。"],
  "condition.at_most": ["True when the number answered is at most this.", "数値の回答がこれ以下なら成り立ちます。"],
  "condition.date": [
    "A date: a question id, tag.<tag>, or plan.<milestone> (plan.final_delivery, plan.due…).",
    "日付: 質問の id、tag.<タグ>、plan.<マイルストーン> (plan.final_delivery, plan.due など)。",
  ],
  "condition.after": ["True when date is later than this date (plus days).", "date がこの日付 (+ days) より後なら成り立ちます。"],
  "condition.before": ["True when date is earlier than this date (plus days).", "date がこの日付 (+ days) より前なら成り立ちます。"],
  "condition.days": ["Calendar days added to the date compared with.", "比べる日付に足す日数 (暦日)。"],
  "condition.all": ["True when every condition of the list holds.", "リストの条件がすべて成り立てば成り立ちます。"],
  "condition.any": ["True when one condition of the list holds.", "リストの条件のどれかが成り立てば成り立ちます。"],
  "condition.not": ["True when this condition does not hold.", "この条件が成り立たなければ成り立ちます。"],
};

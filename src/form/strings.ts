/**
 * Every word of the client's form, in both languages. The form carries only its own
 * language's strings; `{name}` marks a value filled in on the page.
 */

import { REFUSAL } from "../answers/refusal.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";

const STRINGS = {
  noscript: msg(
    "このフォームはブラウザ（Safari、Chrome など）で開いてください。チャットアプリ内のプレビューでは動かないことがあります。JavaScript を有効にしてご利用ください。",
    "Please open this form in a browser (Safari, Chrome…): previews inside chat apps may not run it. It needs JavaScript.",
  ),
  intro: msg(
    "質問にお答えください。回答はこの端末のブラウザに自動で保存され、途中で閉じても続きから再開できます。最後のページで「回答をコピー」を押し、{where}に貼り付けて送信してください。",
    "Please answer the questions below. Your answers are saved in this browser as you go, so you can close the page and come back later. On the last page, press “Copy my answers” and paste them into {where}.",
  ),
  offline: msg("このフォームはインターネットに接続せずに動き、回答をどこにも送信しません。", "This form works offline and sends nothing anywhere."),
  whereDefault: msg("チャット（メッセージ欄）", "the chat"),
  wherePlatform: msg("{platform}のメッセージ欄", "the {platform} chat"),
  count: msg("質問は{total}問です（うち必須{required}問）。", "{total} questions ({required} required)."),
  countFirst: msg("全{all}問のうち、まず{total}問だけお聞かせください。", "Just {total} of the {all} questions for now."),
  job: msg("{job}", "{job}"),
  forClient: msg("{client} 様", "For {client}"),
  section: msg("セクション {k}/{n}", "Section {k} of {n}"),
  progress: msg("{a}/{t}問 回答済み", "{a} of {t} answered"),
  qref: msg("質問{n}", "Q{n}"),
  required: msg("必須", "Required"),
  why: msg("なぜ聞くの？", "Why we ask"),
  examples: msg("回答例", "Examples"),
  pending: msg("まだ決まっていない", "Not decided yet"),
  pendingNote: msg("メモ（任意）：何が未定か、いつ頃決まりそうか", "Note (optional): what is open, and when it may be decided"),
  otherText: REFUSAL.otherAsk,
  clearChoice: msg("選択を取り消す", "Clear my choice"),
  listItem: msg("{k}つ目", "Item {k}"),
  listAdd: msg("行を追加", "Add another"),
  remove: msg("削除", "Remove"),
  removeItem: msg("{k}つ目を削除", "Remove item {k}"),
  refSource: msg("URL または画像のファイル名", "Link or image file name"),
  refPick: msg("端末の画像を選ぶ", "Choose an image on this device"),
  refKind: msg("この資料は", "This one is"),
  like: msg("参考にしたい", "Like this"),
  avoid: msg("避けたい", "Avoid this"),
  refNote: msg("メモ（どこが良い・気になるか）", "Note (what you like or dislike about it)"),
  refAdd: msg("参考資料を追加", "Add a reference"),
  refItem: msg("参考資料 {k}", "Reference {k}"),
  refOpen: msg("リンクを開く", "Open the link"),
  refLocal: msg(
    "画像そのものはこのフォームでは送られません。回答を送るときに、チャットに添付してください。",
    "The images themselves are not sent with your answers: please attach them in the chat when you send them.",
  ),
  navigation: msg("ページの移動", "Pages"),
  back: msg("戻る", "Back"),
  next: msg("次へ", "Next"),
  toReview: msg("確認へ進む", "Review my answers"),
  checkOne: msg("{n}件の質問をご確認ください", "Please check 1 question"),
  checkMany: msg("{n}件の質問をご確認ください", "Please check {n} questions"),
  saved: msg("この端末に保存しました（{time}）", "Saved on this device at {time}"),
  restored: msg("前回の回答を復元しました", "Your earlier answers are back"),
  notSaved: msg(
    "このブラウザでは自動保存できません。閉じる前に回答をコピーしてください",
    "This browser cannot save your answers: copy them before you close the page",
  ),
  reviewTitle: msg("回答の確認と送信", "Review and send"),
  reviewIntro: msg("回答を確認し、直したい項目は「修正」から戻れます。", "Check your answers; “Edit” takes you back to a section."),
  edit: msg("修正", "Edit"),
  editSection: msg("「{title}」を修正", "Edit “{title}”"),
  noAnswer: msg("（未回答）", "(no answer)"),
  blank: msg("未回答：{list}", "Not answered: {list}"),
  missing: msg(
    "まだ答えていない必須の質問があります：{list}。このまま送信して、あとで回答していただくこともできます。",
    "Some required questions have no answer yet: {list}. You can send now and answer them later.",
  ),
  sendTitle: msg("回答の送り方", "Send your answers"),
  sendStep1: msg("「回答をコピー」を押します。", "Press “Copy my answers”."),
  sendStep2: msg("{where}に貼り付けて送信してください。", "Paste them into {where} and send."),
  copy: msg("回答をコピー", "Copy my answers"),
  copied: msg("コピーしました。{where}に貼り付けてください。", "Copied. Now paste them into {where}."),
  copyFailed: msg(
    "自動でコピーできませんでした。下の枠の文字をすべて選択してコピーしてください。",
    "Could not copy automatically: select all the text in the box below and copy it.",
  ),
  replyLabel: msg("送信する内容", "What you will send"),
  download: msg("回答をファイルで保存", "Download my answers as a file"),
  downloadNote: msg(
    "ファイルで送る場合は、保存したファイル（{file}）を{where}に添付してください。",
    "To send a file instead, attach the downloaded file ({file}) in {where}.",
  ),
  downloaded: msg("保存しました：{file}", "Downloaded: {file}"),
  offPlatform: msg(
    "{platform}では外部サイトへのリンクの共有が禁止されています。回答はこのページからコピーして、{where}に直接貼り付けてください。",
    "{platform} does not allow links to other sites: please paste your answers straight into {where} from this page.",
  ),
} satisfies Record<string, Msg>;

export type FormStringKey = keyof typeof STRINGS;
export type FormStrings = Record<FormStringKey, string>;

/** The form's words in one language. */
export function formStrings(lang: Lang): FormStrings {
  return Object.fromEntries(Object.entries(STRINGS).map(([k, m]) => [k, m[lang]])) as FormStrings;
}

/**
 * Agreed answers that changed since the client last heard from the worker (`kikitori set`
 * records them in `history:`): what the next message says, e.g. "Due date: Fri, Dec 4 →
 * Tue, Dec 8". Only what the client agreed to: the worker's own answers stay private. Pure.
 */
import type { AnswersFile, AnswerValue } from "../answers/types.ts";
import { isPending } from "../answers/types.ts";
import { formatDate } from "../date-format.ts";
import type { Lang } from "../i18n.ts";
import { allQuestions, isWorkerQuestion, type Pack, type Question } from "../pack/types.ts";
import { labelOf } from "../render/items.ts";

export interface ChangeItem {
  label: string;
  fromText: string;
  toText: string;
}

/** Changes recorded after the last message logged as sent (all of them when none was). */
export function changesToTell(pack: Pack, file: AnswersFile, lang: Lang): ChangeItem[] {
  const lastSent = (file.progress ?? []).reduce((d, e) => (e.sent && e.date > d ? e.date : d), "");
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const out: ChangeItem[] = [];
  for (const h of file.history ?? []) {
    // A change made the day a message went out may be what that message said: keep it.
    if (h.at.slice(0, 10) < lastSent) continue;
    const q = byId.get(h.key);
    if (!q || isWorkerQuestion(q)) continue;
    out.push({ label: labelOf(q, lang), fromText: valueText(q, h.from, lang), toText: valueText(q, h.to, lang) });
  }
  return out;
}

function valueText(q: Question, v: AnswerValue | null, lang: Lang): string {
  const ja = lang === "ja";
  if (v === null || v === undefined || v === "") return ja ? "なし" : "none";
  if (isPending(v)) return ja ? "未定" : "not decided yet";
  const choice = (x: unknown) => q.choices?.find((c) => c.value === x)?.label[lang] ?? String(x);
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" && x !== null ? x.source : choice(x))).join(ja ? "、" : ", ");
  if (q.type === "date" && typeof v === "string") return formatDate(v, lang);
  if (q.type === "select") return choice(v);
  if (typeof v === "boolean") return v ? (ja ? "はい" : "Yes") : ja ? "いいえ" : "No";
  if (typeof v === "number" && q.unit) {
    const [one, many = one] = q.unit[lang].split("|");
    return ja ? `${v}${one}` : `${v} ${v === 1 ? one : many}`;
  }
  return String(v);
}

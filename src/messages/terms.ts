/**
 * The written terms (取引条件の明示): every item Japan's Freelance Act §3 asks a commissioning
 * business to state, taken from the answers the pack binds under `written_terms:` and from the
 * plan, with the undecided ones, why they are open and when they will be decided. Pure.
 *
 * The date the work is received is the plan's final delivery, a fixed date even when the
 * client's "deadline" means a first draft; without a plan, the answer bound as delivery_date,
 * else the due date when it means the final delivery. A choice is restated as the worker
 * restates it everywhere (its `statement:`), not in the client's words of the questionnaire.
 */
import { formatDate } from "../date-format.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";
import { allQuestions, type TermsKey } from "../pack/types.ts";
import { statementOf } from "../render/client-words.ts";
import type { RenderContext } from "../render/context.ts";
import type { RenderItem } from "../render/items.ts";
import { cleanText } from "../render/markdown.ts";
import type { Plan } from "../schedule/index.ts";
import { baseContext, type FollowUpInput, planOf } from "./followup.ts";

export interface TermsItem {
  key: string;
  label: string;
  /** The term as one line; empty when it is open. */
  text: string;
  /** Lines that qualify it (the first-draft date, how the platform pays…). */
  notes: string[];
  /** Not decided yet (answered "not decided" or not answered at all). */
  open: boolean;
  /** Why it is open: the note given with "not decided yet". */
  reason: string;
}

export interface TermsContext extends RenderContext {
  terms: {
    items: TermsItem[];
    open: TermsItem[];
    /** When the open terms will be decided. */
    decideBy: string;
    decideByText: string;
    /** The client commissions as a business (the Act applies); null when not asked. */
    business: boolean | null;
    employees: boolean | null;
  };
}

export interface TermsResult {
  context: TermsContext;
  warnings: Msg[];
}

// The fee's amount says 税込 / tax included itself where the currency has consumption tax.
const LABELS: Record<string, [string, string]> = {
  client_name: ["発注者", "Client"],
  worker_name: ["受注者", "Freelancer"],
  order_date: ["業務委託をした日", "Date of the commission"],
  work: ["業務の内容（給付の内容）", "The work"],
  rights: ["知的財産権の扱い", "Rights in the work"],
  delivery_date: ["納期（給付を受領する期日）", "Delivery date (when the work is received)"],
  place: ["納品の場所・方法（給付を受領する場所）", "Place and method of delivery"],
  inspection_date: ["検収完了日（検査を完了する期日）", "Acceptance (inspection) completed by"],
  fee: ["報酬の額", "Fee"],
  payment_date: ["支払期日", "Payment date"],
};

type Value = Omit<TermsItem, "key" | "label" | "notes">;
const OPEN: Value = { text: "", open: true, reason: "" };
const fixed = (text: string): Value => ({ text, open: false, reason: "" });

/** What each term is made of: the rendered answers, the plan, and the pack's bindings. */
interface Reader {
  input: FollowUpInput;
  base: RenderContext;
  plan: Plan | undefined;
  items: Map<string, RenderItem>;
  bound: Partial<Record<TermsKey, string>>;
  t: (ja: string, en: string) => string;
}

export function buildTermsContext(input: FollowUpInput): TermsResult {
  const outcome = planOf(input);
  const base = baseContext(input, outcome);
  const r: Reader = {
    input,
    base,
    plan: outcome?.plan,
    items: new Map(base.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const))),
    bound: input.pack.written_terms ?? {},
    t: (ja, en) => (input.lang === "ja" ? ja : en),
  };
  const list = [
    term(r, "client_name", fromAnswer(r, "client_name", cleanText(input.file.meta.client ?? ""))),
    term(r, "worker_name", fromAnswer(r, "worker_name")),
    term(r, "order_date", fromAnswer(r, "order_date")),
    term(r, "work", fromAnswer(r, "work")),
    ...(r.bound.rights ? [term(r, "rights", fromAnswer(r, "rights"))] : []),
    delivery(r),
    term(r, "place", fromAnswer(r, "place")),
    inspection(r),
    term(r, "fee", fromAnswer(r, "fee")),
    payment(r),
  ];
  const decideBy = itemOf(r, "decide_by")?.kind === "inline" ? String(input.answers[r.bound.decide_by ?? ""] ?? "") : "";
  const yes = (key: TermsKey): boolean | null => {
    const v = r.bound[key] ? input.answers[r.bound[key] as string] : undefined;
    return typeof v === "boolean" ? v : null;
  };
  const open = list.filter((i) => i.open);
  const terms = {
    items: list,
    open,
    decideBy,
    decideByText: decideBy ? formatDate(decideBy, input.lang) : "",
    business: yes("business"),
    employees: yes("employees"),
  };
  return { context: { ...base, terms }, warnings: termsWarnings(open, decideBy) };
}

function itemOf(r: Reader, key: TermsKey): RenderItem | undefined {
  const id = r.bound[key];
  return id ? r.items.get(id) : undefined;
}

function term(r: Reader, key: string, value: Value, notes: string[] = []): TermsItem {
  const [ja, en] = LABELS[key] ?? [key, key];
  return { key, label: r.t(ja, en), notes, ...value };
}

/** The bound answer: open when pending (with its note) or unanswered, else its text or statement. */
function fromAnswer(r: Reader, key: TermsKey, fallback = ""): Value {
  const item = itemOf(r, key);
  if (item?.kind === "pending") return { text: "", open: true, reason: item.note };
  if (item && item.kind !== "none") return fixed(stated(r, key) ?? (item.kind === "list" ? item.lines.join(r.t("、", ", ")) : item.text));
  return fallback ? fixed(fallback) : OPEN;
}

/** A picked choice in the worker's words (`statement:`), when the pack gives them. */
function stated(r: Reader, key: TermsKey): string | undefined {
  const id = r.bound[key] ?? "";
  const q = allQuestions(r.input.pack).find((x) => x.id === id);
  const v = r.input.answers[id];
  return q && typeof v === "string" ? cleanText(statementOf(q, v, r.input.lang) ?? "") || undefined : undefined;
}

function delivery(r: Reader): TermsItem {
  const { plan, input } = r;
  const { pack, lang } = input;
  if (plan) {
    const word = pack.schedule?.terms?.first_draft?.[lang] ?? r.t("初稿", "First draft");
    // 初稿の提出日, but 初回納品日: a delivery is not "submitted".
    const label = lang === "en" ? word : word === "初稿" ? "初稿の提出日" : `${word}日`;
    const notes = plan.dueMeans === "first_draft" ? [`${label}: ${formatDate(plan.firstDraftDate, lang)}`] : [];
    return term(r, "delivery_date", fixed(formatDate(plan.finalDate, lang)), notes);
  }
  const own = fromAnswer(r, "delivery_date");
  if (!own.open || r.bound.delivery_date) return term(r, "delivery_date", own);
  // No plan: the due date, when it is the final delivery.
  const due = typeof pack.schedule?.due === "object" ? r.items.get(pack.schedule.due.question) : undefined;
  const dm = pack.schedule?.due_means;
  const meant = typeof dm === "object" ? input.answers[dm.question] : dm;
  const meansFinal = typeof dm === "object" ? typeof meant === "string" && (dm.map?.[meant] ?? meant) === "final" : dm === undefined || dm === "final";
  if (due?.kind === "inline" && meansFinal) return term(r, "delivery_date", fixed(due.text));
  return term(r, "delivery_date", { text: "", open: true, reason: due?.kind === "pending" ? due.note : "" });
}

function inspection(r: Reader): TermsItem {
  const own = fromAnswer(r, "inspection_date");
  const auto = r.plan?.milestones.find((m) => m.id === "acceptance_end");
  if (own.open && !own.reason && auto) {
    const platform = r.base.meta.platformName || r.plan?.platform || "";
    return term(r, "inspection_date", fixed(formatDate(auto.date, r.input.lang)), [
      r.t(`${platform}の仕組みにより、この日に自動で承認されます`, `${platform} accepts the delivery automatically on this date`),
    ]);
  }
  return term(r, "inspection_date", own);
}

function payment(r: Reader): TermsItem {
  const timing = r.items.get("payment_timing");
  const notes = timing && timing.kind === "inline" ? [r.t(`お支払いの方法: ${timing.text}`, `Payment terms: ${timing.text}`)] : [];
  const name = r.base.meta.platformName;
  if (r.plan?.platform && r.plan.platform !== "direct" && name) notes.push(r.t(`${name}を通じてお支払いいただきます`, `Paid through ${name}`));
  return term(r, "payment_date", fromAnswer(r, "payment_date"), notes);
}

/** For the worker: open terms the Act wants explained (a reason, a decision date). */
function termsWarnings(open: TermsItem[], decideBy: string): Msg[] {
  const warnings: Msg[] = [];
  const unanswered = open.filter((i) => !i.reason);
  if (unanswered.length > 0) {
    const names = (l: Lang) => unanswered.map((i) => LABELS[i.key]?.[l === "ja" ? 0 : 1] ?? i.key).join(l === "ja" ? "、" : ", ");
    warnings.push(
      msg(
        `次の取引条件は、回答も「未定」の理由もありません: ${names("ja")}。kikitori resume で回答するか、未定の理由を書いてください`,
        `these terms have no answer and no reason for being open: ${names("en")}; answer them with kikitori resume, or give the reason they are open`,
      ),
    );
  }
  if (open.length > 0 && !decideBy) {
    warnings.push(
      msg(
        "未定の取引条件がありますが、決定予定日がありません。フリーランス新法では、未定の事項は理由と決定予定日を明示します",
        "some terms are open but have no date for deciding them: the Freelance Act asks for the reason and that date",
      ),
    );
  }
  return warnings;
}

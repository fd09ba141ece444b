/**
 * The written terms (取引条件の明示): every item Japan's Freelance Act §3 asks a commissioning
 * business to state, taken from the answers the pack binds under `written_terms:` and from the
 * plan, with the undecided ones, why they are open and when they will be decided. Pure.
 *
 * The date the work is received is the plan's final delivery, a fixed date even when the
 * client's "deadline" means a first draft; without a plan, the answer bound as delivery_date,
 * else the due date when it means the final delivery.
 */
import { formatDate } from "../date-format.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";
import type { TermsKey } from "../pack/types.ts";
import type { RenderContext, RenderItem } from "../render/context.ts";
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

const LABELS: Record<string, [string, string]> = {
  client_name: ["発注者", "Client"],
  worker_name: ["受注者", "Freelancer"],
  order_date: ["業務委託をした日", "Date of the commission"],
  work: ["業務の内容（給付の内容）", "The work"],
  rights: ["知的財産権の扱い", "Rights in the work"],
  delivery_date: ["納期（給付を受領する期日）", "Delivery date (when the work is received)"],
  place: ["納品の場所・方法（給付を受領する場所）", "Place and method of delivery"],
  inspection_date: ["検収完了日（検査を完了する期日）", "Acceptance (inspection) completed by"],
  fee: ["報酬の額（税込）", "Fee (tax included)"],
  payment_date: ["支払期日", "Payment date"],
};

export function buildTermsContext(input: FollowUpInput): TermsResult {
  const { lang, pack, file } = input;
  const outcome = planOf(input);
  const plan = outcome?.plan;
  const base = baseContext(input, outcome);
  const bound = pack.written_terms ?? {};
  const items = new Map(base.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const itemOf = (key: TermsKey): RenderItem | undefined => {
    const id = bound[key];
    return id ? items.get(id) : undefined;
  };
  const ja = lang === "ja";
  const t = (j: string, e: string) => (ja ? j : e);
  const fromAnswer = (key: TermsKey, fallback = ""): Omit<TermsItem, "key" | "label" | "notes"> => {
    const item = itemOf(key);
    if (item?.kind === "pending") return { text: "", open: true, reason: item.note };
    if (item && item.kind !== "none") return { text: item.kind === "list" ? item.lines.join(t("、", ", ")) : item.text, open: false, reason: "" };
    return fallback ? { text: fallback, open: false, reason: "" } : { text: "", open: true, reason: "" };
  };
  const term = (key: string, value: Omit<TermsItem, "key" | "label" | "notes">, notes: string[] = []): TermsItem => {
    const [j, e] = LABELS[key] ?? [key, key];
    return { key, label: t(j, e), notes, ...value };
  };

  const delivery = (): TermsItem => {
    if (plan) {
      const notes =
        plan.dueMeans === "first_draft"
          ? [t(`初稿の提出日: ${formatDate(plan.firstDraftDate, lang)}`, `First draft: ${formatDate(plan.firstDraftDate, lang)}`)]
          : [];
      return term("delivery_date", { text: formatDate(plan.finalDate, lang), open: false, reason: "" }, notes);
    }
    const own = fromAnswer("delivery_date");
    if (!own.open || bound.delivery_date) return term("delivery_date", own);
    // No plan: the due date, when it is the final delivery.
    const due = typeof pack.schedule?.due === "object" ? items.get(pack.schedule.due.question) : undefined;
    const dm = pack.schedule?.due_means;
    const meant = typeof dm === "object" ? input.answers[dm.question] : dm;
    const meansFinal = typeof dm === "object" ? typeof meant === "string" && (dm.map?.[meant] ?? meant) === "final" : dm === undefined || dm === "final";
    if (due?.kind === "inline" && meansFinal) return term("delivery_date", { text: due.text, open: false, reason: "" });
    return term("delivery_date", { text: "", open: true, reason: due?.kind === "pending" ? due.note : "" });
  };

  const inspection = (): TermsItem => {
    const own = fromAnswer("inspection_date");
    const auto = plan?.milestones.find((m) => m.id === "acceptance_end");
    if (own.open && !own.reason && auto) {
      const platform = base.meta.platformName || plan?.platform || "";
      return term("inspection_date", { text: formatDate(auto.date, lang), open: false, reason: "" }, [
        t(`${platform}の仕組みにより、この日に自動で承認されます`, `${platform} accepts the delivery automatically on this date`),
      ]);
    }
    return term("inspection_date", own);
  };

  const payment = (): TermsItem => {
    const timing = items.get("payment_timing");
    const notes = timing && timing.kind === "inline" ? [t(`お支払いの方法: ${timing.text}`, `Payment terms: ${timing.text}`)] : [];
    if (plan?.platform && plan.platform !== "direct" && base.meta.platformName) {
      notes.push(t(`${base.meta.platformName}を通じてお支払いいただきます`, `Paid through ${base.meta.platformName}`));
    }
    return term("payment_date", fromAnswer("payment_date"), notes);
  };

  const list = [
    term("client_name", fromAnswer("client_name", file.meta.client ?? "")),
    term("worker_name", fromAnswer("worker_name")),
    term("order_date", fromAnswer("order_date")),
    term("work", fromAnswer("work")),
    ...(bound.rights ? [term("rights", fromAnswer("rights"))] : []),
    delivery(),
    term("place", fromAnswer("place")),
    inspection(),
    term("fee", fromAnswer("fee")),
    payment(),
  ];
  const decide = itemOf("decide_by");
  const decideBy = decide?.kind === "inline" ? String(input.answers[bound.decide_by ?? ""] ?? "") : "";
  const yes = (key: TermsKey): boolean | null => {
    const v = bound[key] ? input.answers[bound[key] as string] : undefined;
    return typeof v === "boolean" ? v : null;
  };
  const open = list.filter((i) => i.open);
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
  return {
    context: {
      ...base,
      terms: {
        items: list,
        open,
        decideBy,
        decideByText: decideBy ? formatDate(decideBy, lang) : "",
        business: yes("business"),
        employees: yes("employees"),
      },
    },
    warnings,
  };
}

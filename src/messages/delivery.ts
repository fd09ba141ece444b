/**
 * The delivery message: what is delivered, how to review it, the revision rounds left and,
 * for the final delivery, the platform's acceptance window counted from today. Pure.
 */
import { formatDate } from "../date-format.ts";
import { UsageError } from "../errors.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";
import { addDays, isIsoDate } from "../iso-date.ts";
import { term } from "../render/client-milestones.ts";
import type { RenderContext } from "../render/context.ts";
import { bindPlanInput } from "../schedule/binding.ts";
import { milestoneLabel, type Plan, type PlatformRule } from "../schedule/index.ts";
import { deliveryNoun, objectOf } from "./delay.ts";
import { baseContext, type FollowUpInput, hearingDay, planOf, revisionRounds } from "./followup.ts";

export interface DeliveryFlags {
  items: string[];
  /** The revision round this delivery completes: 0 = the first draft. */
  round?: number;
  /** The final delivery even though rounds are left (the client is happy). */
  final?: boolean;
}

export interface Acceptance {
  days: number;
  end: string;
  endText: string;
  /** The platform accepts on its own when the window passes. */
  autoComplete: boolean;
  platformName: string;
  verified: boolean;
  source: string;
}

export interface DeliveryContext extends RenderContext {
  delivery: {
    items: string[];
    /** What is delivered, as a noun in the pack's words: 初稿, リテイク1回目, the first draft. */
    what: string;
    /** What is handed over: 「初回納品のデータ」, never 「初回納品をお送り」 (a delivery is not delivered). */
    whatObject: string;
    /** The pack's word for a revision: 修正 / リテイク. */
    revisionWord: string;
    /**
     * The platform's own step for the final work (Coconala's 正式な納品), or null. Drafts on
     * such a platform are ordinary messages and must never be called that.
     */
    formalDelivery: string | null;
    /** The platform's name, or empty. */
    platformName: string;
    round: number;
    /** The first draft (round 0). */
    first: boolean;
    /** What this delivery is called in the pack's words: 初稿, リテイク2回目, Revision 2. */
    label: string;
    /** Revision rounds agreed, when the plan knows them. */
    rounds: number | null;
    roundsLeft: number | null;
    roundsKnown: boolean;
    final: boolean;
    reviewDays: number;
    reviewBy: string;
    reviewByText: string;
    acceptance: Acceptance | null;
  };
}

export interface DeliveryResult {
  context: DeliveryContext;
  plan?: Plan;
  warnings: Msg[];
}

export function buildDeliveryContext(input: FollowUpInput, flags: DeliveryFlags): DeliveryResult {
  const { lang, today, pack, answers, file, planning } = input;
  const outcome = planOf(input);
  const plan = outcome?.plan;
  const rounds = plan ? revisionRounds(plan) : null;
  const round = flags.round ?? 0;
  if (rounds !== null && round > rounds) {
    throw new UsageError(
      msg(`--round ${round} は合意した修正回数 (${rounds} 回) を超えています`, `--round ${round} is more than the ${rounds} revision round(s) agreed`),
    );
  }
  const final = flags.final === true || (rounds !== null && round === rounds);
  const platformId0 = plan?.platform ?? file.meta.platform ?? "";
  const formalRule = planning.platforms.find((p) => p.id === platformId0)?.rules.find((r) => r.kind === "delivery" && r.label);
  const bound = bindPlanInput(pack, answers, file.meta, hearingDay(file, today));
  const reviewDays = bound?.input?.reviewDays ?? 3;
  const platformId = plan?.platform ?? file.meta.platform ?? "";
  const profile = planning.platforms.find((p) => p.id === platformId);
  const rule = profile?.rules.find((r) => r.kind === "acceptance" && r.from === "delivery" && r.days !== undefined);
  const warnings: Msg[] = [];
  if (rounds !== null && round === rounds && !flags.final && rounds > 0) {
    const step = formalRule?.label;
    warnings.push(
      msg(
        `--round ${round} は合意した最後の回です。最終納品として書きました${step ? `（${step.ja}で送ってください）` : ""}。最終納品で合っていれば --final を付けてください`,
        `--round ${round} is the last round agreed, so this is written as the final delivery${step ? ` (send it as the ${step.en})` : ""}; add --final to confirm`,
      ),
    );
  }
  const acceptance = final && profile && rule?.days !== undefined ? acceptanceOf(rule, rule.days, profile.name[lang], today, lang) : null;
  if (acceptance && profile && !acceptance.verified) {
    warnings.push(
      msg(
        `${profile.name.ja}の検収期間（${acceptance.days}日）は未確認の情報です。送る前に ${acceptance.source} で確認してください`,
        `${profile.name.en}'s acceptance window (${acceptance.days} days) is not verified: check ${acceptance.source} before sending`,
      ),
    );
  }
  const reviewBy = (final && agreedAcceptance(input)) || addDays(today, reviewDays);
  const what = deliveryNoun(
    round === 0
      ? { id: "first_draft", kind: "first_draft", date: "" }
      : final
        ? { id: "final_delivery", kind: "final_delivery", date: "" }
        : { id: `revision_${round}`, kind: "revision", round, date: "" },
    { lang, terms: input.pack.schedule?.terms, rounds: rounds ?? round },
  );
  return {
    context: {
      ...baseContext(input, outcome),
      delivery: {
        items: flags.items,
        what,
        whatObject: objectOf(what, lang),
        revisionWord: term(input.pack.schedule?.terms, "revision", lang),
        formalDelivery: formalRule?.label?.[lang] ?? null,
        platformName: profile?.name[lang] ?? "",
        round,
        first: round === 0,
        // The pack's words for what is delivered: 初稿 / 初回納品, 修正2回目 / リテイク2回目.
        label: milestoneLabel(
          round === 0 ? { id: "first_draft", kind: "first_draft" } : { id: `revision_${round}`, kind: "revision", round },
          lang,
          input.pack.schedule?.terms,
        ),
        rounds,
        roundsLeft: rounds === null ? null : Math.max(0, rounds - round),
        roundsKnown: rounds !== null,
        final,
        reviewDays,
        reviewBy,
        reviewByText: formatDate(reviewBy, lang),
        acceptance,
      },
    },
    ...(plan ? { plan } : {}),
    warnings,
  };
}

/** The platform's acceptance window, counted from today, the day of this delivery (not the planned one). */
function acceptanceOf(rule: PlatformRule, days: number, platformName: string, today: string, lang: Lang): Acceptance {
  const end = addDays(today, days);
  return {
    days,
    end,
    endText: formatDate(end, lang),
    autoComplete: rule.lapse === "auto_complete",
    platformName,
    verified: rule.verified,
    source: rule.source,
  };
}

/** The acceptance date agreed in the terms (written_terms.inspection_date), when it is still ahead. */
function agreedAcceptance({ pack, answers, today }: FollowUpInput): string | undefined {
  const id = pack.written_terms?.inspection_date;
  const v = id ? answers[id] : undefined;
  return typeof v === "string" && isIsoDate(v) && v >= today ? v : undefined;
}

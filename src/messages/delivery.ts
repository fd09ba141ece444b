/**
 * The delivery message: what is delivered, how to review it, the revision rounds left and,
 * for the final delivery, the platform's acceptance window counted from today. Pure.
 */
import { formatDate } from "../date-format.ts";
import { UsageError } from "../errors.ts";
import { type Msg, msg } from "../i18n.ts";
import { addDays } from "../iso-date.ts";
import type { RenderContext } from "../render/context.ts";
import { bindPlanInput } from "../schedule/binding.ts";
import { milestoneLabel, type Plan } from "../schedule/index.ts";
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
  const bound = bindPlanInput(pack, answers, file.meta, hearingDay(file, today));
  const reviewDays = bound?.input?.reviewDays ?? 3;
  const platformId = plan?.platform ?? file.meta.platform ?? "";
  const profile = planning.platforms.find((p) => p.id === platformId);
  const rule = profile?.rules.find((r) => r.kind === "acceptance" && r.from === "delivery" && r.days !== undefined);
  const warnings: Msg[] = [];
  let acceptance: Acceptance | null = null;
  if (final && profile && rule?.days !== undefined) {
    // Counted from today, the day of this delivery, not the planned one.
    const end = addDays(today, rule.days);
    acceptance = {
      days: rule.days,
      end,
      endText: formatDate(end, lang),
      autoComplete: rule.lapse === "auto_complete",
      platformName: profile.name[lang],
      verified: rule.verified,
      source: rule.source,
    };
    if (!rule.verified)
      warnings.push(
        msg(
          `${profile.name.ja} の検収期間 (${rule.days} 日) は未確認の情報です。送る前に ${rule.source} で確認してください`,
          `${profile.name.en}'s acceptance window (${rule.days} days) is not verified: check ${rule.source} before sending`,
        ),
      );
  }
  const reviewBy = addDays(today, reviewDays);
  return {
    context: {
      ...baseContext(input, outcome),
      delivery: {
        items: flags.items,
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

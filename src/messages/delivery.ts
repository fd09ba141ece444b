/**
 * The delivery message: what is delivered, how to review it, the revision rounds left and,
 * for the final delivery, the platform's acceptance window counted from today. Pure.
 */
import { formatDate } from "../date-format.ts";
import { UsageError } from "../errors.ts";
import { type Lang, type Msg, msg } from "../i18n.ts";
import { addDays, daysBetween, isIsoDate } from "../iso-date.ts";
import { term } from "../render/client-milestones.ts";
import type { RenderContext } from "../render/context.ts";
import { bindPlanInput } from "../schedule/binding.ts";
import { firstDraftStageOf, type Milestone, milestoneLabel, type Plan, type PlatformRule } from "../schedule/index.ts";
import { bindStages } from "../schedule/stage-binding.ts";
import { deliveryNoun, objectOf } from "./delay-words.ts";
import { baseContext, type FollowUpInput, planOf, revisionRounds } from "./followup.ts";

export interface DeliveryFlags {
  items: string[];
  /** The revision round this delivery completes: 0 = the first draft. */
  round?: number;
  /** The final delivery even though rounds are left (the client is happy). */
  final?: boolean;
  /** A stage of the pack's (`line_art`): that stage's result, with its own next step. */
  stage?: string;
}

export interface StageDelivery {
  id: string;
  /** The client checks it now (else it is shown as progress and the work goes on). */
  checked: boolean;
  /** The next stage's name, when a stage follows the client's check. */
  next: string;
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
    /** What this delivery is called in the pack's words: 初稿, リテイク2回目, Revision 2, 線画. */
    label: string;
    /** The same inside a sentence: `the line art` reads "line art" in English. */
    labelInSentence: string;
    /** Set when --stage names a stage of the pack's. */
    stage: StageDelivery | null;
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
  const stage = flags.stage === undefined ? null : stageDelivery(input, plan, flags.stage);
  // The last round is the final delivery unless stages follow it (a final check, the export).
  const roundStep = plan?.milestones.find((m) => m.actor === "worker" && m.round === round);
  const final = flags.final === true || (stage ? stage.final : rounds !== null && round === rounds && roundStep?.kind !== "revision");
  const platformId0 = plan?.platform ?? file.meta.platform ?? "";
  const formalRule = planning.platforms.find((p) => p.id === platformId0)?.rules.find((r) => r.kind === "delivery" && r.label);
  const bound = bindPlanInput(pack, answers, file.meta);
  const reviewDays = stage?.reviewDays ?? firstReviewDays(plan, round) ?? bound?.input?.reviewDays ?? 3;
  const platformId = plan?.platform ?? file.meta.platform ?? "";
  const profile = planning.platforms.find((p) => p.id === platformId);
  const rule = profile?.rules.find((r) => r.kind === "acceptance" && r.from === "delivery" && r.days !== undefined);
  const warnings: Msg[] = [];
  if (final && !flags.final && !stage && rounds !== null && rounds > 0) {
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
  const { label, what } = deliveryWords(input, plan, { stage, round, final, rounds });
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
        first: !stage && round === 0,
        label,
        labelInSentence: lang === "en" && /^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label,
        stage: stage ? { id: stage.id, checked: stage.checked, next: stage.next } : null,
        rounds,
        roundsLeft: rounds === null ? null : Math.max(0, rounds - round),
        roundsKnown: rounds !== null && (!stage || stage.beforeRounds),
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

/** The client's review days after the first draft (round 0) as planned: a stage's own check may differ. */
function firstReviewDays(plan: Plan | undefined, round: number): number | undefined {
  if (!plan || round !== 0) return undefined;
  const at = plan.milestones.findIndex((m) => m.id === "first_draft");
  const next = at < 0 ? undefined : plan.milestones.slice(at + 1).find((m) => m.actor === "client");
  return next && (next.kind === "check" || next.kind === "review") ? daysBetween(plan.milestones[at]?.date ?? next.date, next.date) : undefined;
}

/** What --stage names: the stage's own milestone in the plan, its check, and what follows it. */
function stageDelivery(input: FollowUpInput, plan: Plan | undefined, id: string) {
  const { pack, answers, lang } = input;
  const stages = pack.schedule?.stages ? bindStages(pack.schedule.stages, answers).filter((s) => s.actor !== "client") : [];
  const stage = stages.find((s) => s.id === id);
  if (!stage) {
    throw new UsageError(
      stages.length === 0
        ? msg(
            `パック ${pack.id} には段階 (schedule.stages) がありません。--round を使ってください`,
            `pack ${pack.id} has no stages (schedule.stages): use --round`,
          )
        : msg(
            `--stage ${id} はこの案件の段階にありません。次のいずれかを指定してください: ${stages.map((s) => s.id).join(", ")}`,
            `--stage ${id} is not a stage of this job: use one of ${stages.map((s) => s.id).join(", ")}`,
          ),
    );
  }
  const milestones = plan?.milestones ?? [];
  const at = milestones.findIndex((m) => m.stage === id && m.actor === "worker" && m.kind !== "revision");
  const own: Milestone | undefined = milestones[at];
  const turn = at < 0 ? undefined : milestones.slice(at + 1).find((m) => m.actor !== "platform");
  const checked = turn !== undefined && turn.actor === "client" && (turn.kind === "check" || turn.kind === "review");
  const index = stages.indexOf(stage);
  const beforeRounds = turn?.kind === "review";
  return {
    id,
    label: stage.label[lang],
    final: own?.kind === "final_delivery",
    checked,
    beforeRounds,
    next: beforeRounds ? "" : (stages[index + 1]?.label[lang] ?? ""),
    reviewDays: checked && own && turn ? daysBetween(own.date, turn.date) : undefined,
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

/** What is delivered, in the pack's words: 初稿 / 初回納品 / ラフ, 修正2回目 / リテイク2回目, a stage by its name. */
function deliveryWords(
  input: FollowUpInput,
  plan: Plan | undefined,
  at: { stage: { label: string } | null; round: number; final: boolean; rounds: number | null },
): { label: string; what: string } {
  const { lang } = input;
  const { stage, round, final, rounds } = at;
  const terms = input.pack.schedule?.terms;
  // The pack's words for what is delivered: 初稿 / 初回納品 / ラフ, 修正2回目 / リテイク2回目.
  const label = stage
    ? stage.label
    : round === 0
      ? (terms?.first_draft?.[lang] ?? (plan ? firstDraftStageOf(plan)?.[lang] : undefined) ?? milestoneLabel({ id: "first_draft", kind: "first_draft" }, lang))
      : milestoneLabel({ id: `revision_${round}`, kind: "revision", round }, lang, terms);
  // In an English sentence a stage's label is a noun: "Here is the sample recording".
  const labelNoun = lang === "en" ? `the ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
  const what =
    stage || round === 0
      ? labelNoun
      : deliveryNoun(
          round === 0
            ? { id: "first_draft", kind: "first_draft", date: "" }
            : final
              ? { id: "final_delivery", kind: "final_delivery", date: "" }
              : { id: `revision_${round}`, kind: "revision", round, date: "" },
          { lang, terms: input.pack.schedule?.terms, rounds: rounds ?? round },
        );
  return { label, what };
}

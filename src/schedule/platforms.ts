import { z } from "zod";
import { type CheckCondition, checkSchemas } from "../pack/check-schema.ts";
import type { Localized } from "./types.ts";

// Platform rules are data (questionnaires/platforms.yaml), read by the caller
// with whatever YAML loader it uses; this module only checks the shape of the
// already-parsed value and reports every problem with its path.

/** `conduct`: how the parties may deal with each other (channels, use of the work), with no window. */
export type RuleKind = "first_reply" | "acceptance" | "revision" | "deal_limit" | "delivery" | "conduct" | "extension";
/** Which event a window is counted from. */
export type RuleFrom = "order" | "delivery";
/** What the platform does when the window lapses. */
export type RuleLapse = "auto_cancel" | "auto_complete" | "auto_close" | "staff_followup" | "late_flag" | "none";

export interface PlatformRule {
  /** Unique within the platform; notes are keyed `<platform>.<rule id>`. */
  id: string;
  kind: RuleKind;
  /** Window length in calendar days, when the rule has one. */
  days?: number;
  from?: RuleFrom;
  lapse?: RuleLapse;
  /** For `revision`: how many times the client may send a formal delivery back. */
  max_returns?: number;
  /** For `conduct`: all talk and files stay on the platform; no links to outside sites or tools. */
  platform_only?: boolean;
  summary: Localized;
  /** The platform's help page or terms where the rule is stated. */
  source: string;
  /** When `source` was last read (YYYY-MM-DD). */
  read?: string;
  /** True only when the rule was read on the platform's own page. */
  verified: boolean;
  /** Why it is unverified, or what the source says differently. */
  caveat?: Localized;
  /** The platform's own name for the step, as the client sees it: 正式な納品, 納品予定日. */
  label?: Localized;
  /** For `extension`: who changes the delivery date on the platform. */
  by?: "seller" | "buyer";
  /** For `extension`: whether the other side accepts the change on the platform. */
  approval?: "buyer" | "seller" | "none";
}

/**
 * A check of the brief's "check before you start" section that holds on this platform. Its
 * condition finds questions by their tags (`{tag: contact, includes: email}`), so one
 * platform rule fits every pack.
 */
export interface PlatformCheck {
  id: string;
  when: CheckCondition;
  message: Localized;
  source: string;
  read?: string;
  verified: boolean;
}

export interface PlatformProfile {
  id: string;
  name: Localized;
  site?: string;
  /** ISO 4217 code the platform pays in (JPY, USD); amounts are shown in it. */
  currency?: string;
  /** Talk happens in the platform's chat: English greetings are casual (Hi Jane,). */
  chat?: boolean;
  /** The platform's word for the client's rating of the seller (評価, review, feedback). */
  review?: Localized;
  rules: PlatformRule[];
  checks?: PlatformCheck[];
}

export interface PlatformsFile {
  kikitori: 1;
  platforms: PlatformProfile[];
}

export interface PlatformProblem {
  path: (string | number)[];
  code: string;
  message: Localized;
}

// Built on first use: nothing is done at import time (the build validates the built-in file).
function buildSchema() {
  const localized = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
  const id = z.string().regex(/^[a-z0-9_-]+$/);
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  const base = checkSchemas(localized);
  const checkSchema = z.strictObject({ ...base.check.shape, source: z.url({ protocol: /^https?$/ }), read: isoDate.optional(), verified: z.boolean() });

  const ruleSchema = z
    .strictObject({
      id,
      kind: z.enum(["first_reply", "acceptance", "revision", "deal_limit", "delivery", "conduct", "extension"]),
      days: z.number().positive().optional(),
      from: z.enum(["order", "delivery"]).optional(),
      lapse: z.enum(["auto_cancel", "auto_complete", "auto_close", "staff_followup", "late_flag", "none"]).optional(),
      max_returns: z.number().int().nonnegative().optional(),
      platform_only: z.boolean().optional(),
      summary: localized,
      source: z.url({ protocol: /^https?$/ }),
      read: isoDate.optional(),
      verified: z.boolean(),
      caveat: localized.optional(),
      label: localized.optional(),
      by: z.enum(["seller", "buyer"]).optional(),
      approval: z.enum(["buyer", "seller", "none"]).optional(),
    })
    .refine((rule) => rule.days === undefined || rule.from !== undefined, {
      message: "a rule with `days` needs `from` (order or delivery)",
      path: ["from"],
    });

  const profileSchema = z.strictObject({
    id,
    name: localized,
    site: z.url().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    chat: z.boolean().optional(),
    review: localized.optional(),
    rules: z.array(ruleSchema),
    checks: z.array(checkSchema).optional(),
  });

  const fileSchema = z.strictObject({
    kikitori: z.literal(1),
    platforms: z.array(profileSchema).min(1),
  });
  return fileSchema;
}
let fileSchema: ReturnType<typeof buildSchema> | undefined;

// Fails to compile if the schema and the hand-written types drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<z.infer<ReturnType<typeof buildSchema>>, PlatformsFile> = true;
void schemaMatchesTypes;

function issueMessage(issue: z.core.$ZodIssue): Localized {
  switch (issue.code) {
    case "invalid_type":
      return {
        ja: `型が違います（${issue.expected} が必要です）。`,
        en: `Wrong type: expected ${issue.expected}.`,
      };
    case "unrecognized_keys":
      return {
        ja: `不明なキー ${issue.keys.join(", ")} があります。綴りを確認するか削除してください。`,
        en: `Unknown key(s) ${issue.keys.join(", ")}: check the spelling or remove them.`,
      };
    case "invalid_value":
      return {
        ja: `使えない値です。次のいずれかにしてください: ${issue.values.map(String).join(", ")}`,
        en: `Not an allowed value. Use one of: ${issue.values.map(String).join(", ")}`,
      };
    case "invalid_format":
      return {
        ja: `形式が違います（${issue.format}）。id は英小文字・数字・_・-、source は https:// で始まる URL です。`,
        en: `Wrong format (${issue.format}). Ids use a-z, 0-9, _ and -; sources are https:// URLs.`,
      };
    case "too_small":
      return {
        ja: `値が小さすぎるか空です（最小 ${String(issue.minimum)}）。`,
        en: `Too small or empty (minimum ${String(issue.minimum)}).`,
      };
    default:
      return { ja: issue.message, en: issue.message };
  }
}

export type PlatformsResult = { ok: true; platforms: PlatformProfile[] } | { ok: false; problems: PlatformProblem[] };

/** Checks parsed platforms.yaml data; returns the profiles or every problem with its path. */
export function validatePlatforms(data: unknown): PlatformsResult {
  fileSchema ??= buildSchema();
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        code: issue.code,
        message: issueMessage(issue),
      })),
    };
  }
  const problems: PlatformProblem[] = [];
  const seen = new Set<string>();
  parsed.data.platforms.forEach((profile, index) => {
    if (seen.has(profile.id)) {
      problems.push({
        path: ["platforms", index, "id"],
        code: "duplicate_id",
        message: {
          ja: `プラットフォーム id「${profile.id}」が重複しています。どちらかの id を変えてください。`,
          en: `Platform id "${profile.id}" appears twice; rename one of them.`,
        },
      });
    }
    seen.add(profile.id);
    const ruleIds = new Set<string>();
    profile.rules.forEach((rule, ruleIndex) => {
      if (ruleIds.has(rule.id)) {
        problems.push({
          path: ["platforms", index, "rules", ruleIndex, "id"],
          code: "duplicate_id",
          message: {
            ja: `${profile.id} のルール id「${rule.id}」が重複しています。`,
            en: `Rule id "${rule.id}" appears twice in ${profile.id}.`,
          },
        });
      }
      ruleIds.add(rule.id);
    });
    const checkIds = new Set<string>();
    (profile.checks ?? []).forEach((check, checkIndex) => {
      if (checkIds.has(check.id)) {
        problems.push({
          path: ["platforms", index, "checks", checkIndex, "id"],
          code: "duplicate_id",
          message: {
            ja: `${profile.id} のチェック id「${check.id}」が重複しています。`,
            en: `Check id "${check.id}" appears twice in ${profile.id}.`,
          },
        });
      }
      checkIds.add(check.id);
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, platforms: parsed.data.platforms };
}

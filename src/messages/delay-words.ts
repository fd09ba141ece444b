/**
 * The words of the delay and delivery notices: the delivery as a noun (the pack's own terms),
 * what is handed over, the promised time of day, and who changes the date on the platform. Pure.
 */
import type { Answers } from "../answers/types.ts";
import type { Lang } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";
import { type MilestoneLike, type Terms, term } from "../render/client-milestones.ts";
import { resolveBinding } from "../schedule/binding.ts";
import type { PlatformProfile } from "../schedule/index.ts";

/** `初稿` / `リテイク1回目` / `最終納品`, `the first draft` / `revision 1`: the delivery as a noun. */
export function deliveryNoun(m: MilestoneLike, env: { lang: Lang; terms?: Terms | undefined; rounds: number }): string {
  const { lang, terms, rounds } = env;
  const ja = lang === "ja";
  if (m.kind === "first_draft") return ja ? term(terms, "first_draft", lang) : `the ${term(terms, "first_draft", lang)}`;
  if (m.kind === "revision") return ja ? `${term(terms, "revision", lang)}${m.round ?? 1}回目` : `${term(terms, "revision", lang)} ${m.round ?? 1}`;
  if (rounds === 0) return ja ? (terms?.final_delivery?.ja ?? "納品物") : "the delivery";
  return ja ? term(terms, "final_delivery", lang) : `the ${term(terms, "final_delivery", lang)}`;
}

/** `最終納品` → `最終納品のデータ`: what is handed over, for sentences that end in お届けします. */
export function objectOf(noun: string, lang: Lang): string {
  return lang === "ja" && /納品$/u.test(noun) ? `${noun}のデータ` : noun;
}

/** The pack's delivery time (schedule.delivery_time), when it binds one. */
export function timeOf(pack: Pack, answers: Answers): string | undefined {
  const v = resolveBinding(pack.schedule?.delivery_time, answers);
  return typeof v === "string" && /^\d{2}:\d{2}$/.test(v) ? v : undefined;
}

/** Who changes the delivery date on the platform, and what the platform calls it. */
export interface Extension {
  platformName: string;
  label: string;
  bySeller: boolean;
  buyerApproves: boolean;
}

export function extensionOf(platform: PlatformProfile | undefined, lang: "ja" | "en"): Extension | null {
  const rule = platform?.rules.find((r) => r.kind === "extension");
  if (!platform || !rule) return null;
  return {
    platformName: platform.name[lang],
    label: rule.label?.[lang] ?? (lang === "ja" ? "納期" : "delivery date"),
    bySeller: rule.by !== "buyer",
    buyerApproves: rule.approval === "buyer",
  };
}

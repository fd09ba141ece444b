/**
 * The small pieces of client copy every message shares: how the client is greeted, how an
 * amount is written in the job's currency, and how an answer is restated in the worker's
 * voice. Pure: the platform profile and the pack are passed in.
 */
import type { Lang } from "../i18n.ts";
import type { Pack, Question } from "../pack/types.ts";
import type { PlatformProfile } from "../schedule/index.ts";

/** `formal`: `Dear Ms. Smith,`; `casual`: `Hi Jane,` (chat platforms). */
export type SalutationStyle = "formal" | "casual";

const JA_HONORIFIC = /\s*(様|さま|御中|殿|さん|先生)$/u;
const ROMAJI_HONORIFIC = /[\s-]+(san|sama|sensei)$/iu;
const TITLE = /^(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+/iu;
const COMPANY = /\b(Inc|LLC|Ltd|Co|Corp|GmbH|Company|Studio|Team|Agency)\.?$/iu;
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff]/u;

/**
 * The line that opens a message. Japanese: `山田 様` (the client's own honorific kept), and
 * nothing at all without a name: an individual buyer is not a `ご担当者様`. English, built
 * from the name as written: `Hi Jane,` on chat platforms, `Dear Ms. Smith,` when formal (only
 * with a title: never `Dear Ms. Jane Smith,`), `Dear Takahashi-san,` for a Japanese name, the
 * name as written with its honorific when it is in Japanese script (`Dear 山田様,`).
 */
export function salutation(client: string, lang: Lang, style: SalutationStyle): string {
  const name = client.trim().replace(/\s+/gu, " ");
  if (lang === "ja") {
    if (!name) return "";
    return JA_HONORIFIC.test(name) ? name : `${name} 様`;
  }
  const hello = style === "formal" ? "Dear" : "Hi";
  if (!name) return style === "formal" ? "Hello," : "Hi,";
  // 様 is formal already: "Hi 山田様," mixes two registers.
  if (JAPANESE_SCRIPT.test(name.replace(JA_HONORIFIC, "")))
    return `Dear ${JA_HONORIFIC.test(name) ? name.replace(/\s+(?=(?:様|さま|御中|殿|さん|先生)$)/u, "") : `${name}様`},`;
  const honorific = name.match(JA_HONORIFIC) ?? name.match(ROMAJI_HONORIFIC);
  if (honorific) {
    const bare = name.slice(0, honorific.index).trim();
    const family = bare.split(" ").at(-1) ?? bare;
    return `${hello} ${family}-san,`;
  }
  if (COMPANY.test(name)) return `${hello} ${name.replace(/\s+team$/iu, "")} team,`;
  const title = TITLE.exec(name);
  const rest = title ? name.slice(title[0].length) : name;
  const words = rest.split(" ");
  if (style === "formal") {
    if (title) return `Dear ${normalTitle(title[1] ?? "")} ${words.at(-1)},`;
    return `Dear ${rest},`;
  }
  if (title && words.length === 1) return `Hi ${normalTitle(title[1] ?? "")} ${rest},`;
  return `Hi ${words[0]},`;
}

function normalTitle(t: string): string {
  const lower = t.toLowerCase();
  const map: Record<string, string> = { mr: "Mr.", mrs: "Mrs.", ms: "Ms.", miss: "Miss", mx: "Mx.", dr: "Dr.", prof: "Prof." };
  return map[lower] ?? t;
}

/**
 * Formal when the flag says so; else what the pack says; else the user's setting; else casual
 * on chat platforms and formal elsewhere (email).
 */
export function salutationStyle(
  pack: Pick<Pack, "salutation">,
  platform: PlatformProfile | undefined,
  voice: { formal?: boolean | undefined; style?: SalutationStyle | undefined } = {},
): SalutationStyle {
  if (voice.formal) return "formal";
  return pack.salutation ?? voice.style ?? (platform?.chat ? "casual" : "formal");
}

/** The currency of the job's amounts: the pack's, else the platform's, else yen (the built-in packs' market). */
export function currencyOf(pack: Pick<Pack, "currency">, platform: PlatformProfile | undefined): string {
  return pack.currency ?? platform?.currency ?? "JPY";
}

/**
 * An amount in the job's currency: `66,000円（税込）` / `¥66,000 (tax included)` in yen (the
 * packs ask for the fee with consumption tax), `$500` / `500米ドル` in dollars, with no tax
 * words outside Japan.
 */
export function formatMoney(n: number, currency: string, lang: Lang): string {
  const amount = groupThousands(n);
  if (currency === "JPY") return lang === "ja" ? `${amount}円（税込）` : `¥${amount} (tax included)`;
  if (currency === "USD") return lang === "ja" ? `${amount}米ドル` : `$${amount}`;
  if (currency === "EUR") return lang === "ja" ? `${amount}ユーロ` : `€${amount}`;
  return `${amount} ${currency}`;
}

/** 30000 → 30,000. Not toLocaleString: loading ICU costs ~10 ms a run. */
export function groupThousands(n: number): string {
  const [int = "", frac] = String(Math.round(n * 100) / 100).split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac.padEnd(2, "0")}` : "");
}

/**
 * A choice restated by the worker: the pack's `statement:` when it has one, else its label
 * (written in the client's voice: 「利用許諾でよい」), which reads as what was agreed.
 */
export function statementOf(q: Question, value: string, lang: Lang): string | undefined {
  const c = q.choices?.find((x) => x.value === value);
  return c?.statement?.[lang];
}

/** The first sentence (or line) of a text, within `max` characters: a goal in one line. */
export function oneLine(text: string, max: number): string {
  const first =
    text
      .split(/\r?\n/u)
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  const sentence = /^(.+?[。．！？!?]|.+?\.(?=\s|$))/u.exec(first)?.[1] ?? first;
  const pick = sentence.length <= max ? sentence : first.length <= max ? first : `${[...sentence].slice(0, max - 1).join("")}…`;
  return pick.replace(/[。．.]$/u, "");
}

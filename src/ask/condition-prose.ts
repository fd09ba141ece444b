/**
 * A `when` condition as the client reads it in the questionnaire: plain prose in the question
 * numbering, 「質問44で「著作権を譲渡してほしい」以外を選んだ場合のみ」 / "skip if you chose …
 * in Q44", never the data's own shape (「「…」ではない」, "only if not (Q44 is …)"). A negation is
 * pushed down to the plain tests it holds, so every condition reads as choices the client made.
 * Pure.
 */
import type { Lang } from "../i18n.ts";
import type { Condition, Pack, Question } from "../pack/types.ts";
import { allQuestions } from "../pack/types.ts";

type Leaf = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;
type Node = { leaf: Leaf; negated: boolean } | { all: Node[] } | { any: Node[] };

/** The condition with every `not` moved onto a plain test (De Morgan). */
function normal(c: Condition, negated = false): Node {
  if ("not" in c) return normal(c.not, !negated);
  if ("all" in c) return negated ? { any: c.all.map((x) => normal(x, true)) } : { all: c.all.map((x) => normal(x)) };
  if ("any" in c) return negated ? { all: c.any.map((x) => normal(x, true)) } : { any: c.any.map((x) => normal(x)) };
  return { leaf: c, negated };
}

/** The questions of an `any` whose every branch is "not answered", else none. */
function openOnes(nodes: Node[]): string[] {
  const ids = nodes.map((n) => ("leaf" in n && "answered" in n.leaf && n.leaf.answered === n.negated ? n.leaf.question : undefined));
  return ids.every((id) => id !== undefined) ? (ids as string[]) : [];
}

/**
 * The whole tag: `質問44で「…」以外を選んだ場合のみ` / `skip if you chose "…" in Q44`; `name` gives
 * a question's reference (`質問3` / `Q3`).
 */
export function conditionProse(cond: Condition, pack: Pack, lang: Lang, name: (q: Question) => string): string {
  const byId = new Map(allQuestions(pack).map((q) => [q.id, q]));
  const ja = lang === "ja";
  const quote = (s: string) => (ja ? `「${s}」` : `"${s}"`);
  const label = (q: Question | undefined, v: unknown) => {
    if (q?.type === "confirm" && typeof v === "boolean") return v ? (ja ? "はい" : "Yes") : ja ? "いいえ" : "No";
    const choice = q?.choices?.find((x) => x.value === String(v));
    return choice ? choice.label[lang] : String(v);
  };
  const list = (q: Question | undefined, vs: unknown[]) => {
    const items = vs.map((v) => quote(label(q, v)));
    if (ja) return items.join("");
    return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
  };
  /** A plain test as a clause about what the client answered, positive or negated. */
  const clause = (leaf: Leaf, negated: boolean): string => {
    const q = byId.get(leaf.question);
    const who = q ? name(q) : leaf.question;
    const yesNo = q?.type === "confirm";
    if ("answered" in leaf) {
      const answered = leaf.answered !== negated;
      return ja ? `${who}に${answered ? "ご回答いただいた" : "ご回答がない"}` : answered ? `you answered ${who}` : `you left ${who} blank`;
    }
    if ("equals" in leaf) {
      const v = quote(label(q, leaf.equals));
      if (yesNo) return ja ? `${who}で${v}${negated ? "以外" : ""}とお答えになった` : `you answered ${negated ? "anything but " : ""}${v} to ${who}`;
      return ja ? `${who}で${v}${negated ? "以外" : ""}を選んだ` : `you chose ${negated ? "anything but " : ""}${v} in ${who}`;
    }
    if ("in" in leaf) {
      const vs = list(q, leaf.in);
      return ja ? `${who}で${vs}${negated ? "以外" : "のいずれか"}を選んだ` : `you chose ${negated ? "none of " : ""}${vs} in ${who}`;
    }
    const v = quote(label(q, leaf.includes));
    return ja ? `${who}で${v}を選${negated ? "ばなかった" : "んだ"}` : `you ${negated ? "did not choose" : "chose"} ${v} in ${who}`;
  };
  const walk = (n: Node): string => {
    if ("leaf" in n) return clause(n.leaf, n.negated);
    const open = "any" in n ? openOnes(n.any) : [];
    if (open.length > 1) {
      // "any of these is not answered" reads as one thought: something is not decided yet.
      const names = open.map((id) => {
        const q = byId.get(id);
        return q ? name(q) : id;
      });
      if (ja) return `${names.join("、")}のいずれかがまだ決まっていない`;
      return `any of ${names.slice(0, -1).join(", ")} or ${names.at(-1)} is not decided yet`;
    }
    const parts = ("all" in n ? n.all : n.any).map(walk);
    if (ja) return parts.join("all" in n ? "うえで、" : "か、");
    return parts.join("all" in n ? " and " : " or ");
  };
  const root = normal(cond);
  // A single negated choice reads best the other way round: "skip if you chose X".
  if (!ja && "leaf" in root && root.negated && !("answered" in root.leaf)) {
    return `skip if ${clause(root.leaf, false)}`;
  }
  if (ja) return `${walk(root)}場合のみ`;
  return `only if ${walk(root)}`;
}

/**
 * The thanks after acceptance: what was delivered, after-care, a request for the platform's
 * review (how freelancers on these platforms are found), and an open door for the next job
 * (継続依頼 is how home-studio and design work grows). Pure.
 */
import { get } from "../answers/types.ts";
import { oneLine } from "../render/client-words.ts";
import type { RenderContext } from "../render/context.ts";
import { baseContext, type FollowUpInput, planOf } from "./followup.ts";

export interface ThanksFlags {
  /** What was delivered; default: the agreed work in one line. */
  items: string[];
}

export interface ThanksContext extends RenderContext {
  thanks: {
    items: string[];
    /** The agreed work in one line (the pack's `scope:` answer), when no items are given. */
    work: string;
    /** The platform and its word for the client's rating (評価, review), or empty off-platform. */
    platformName: string;
    reviewWord: string;
  };
}

export function buildThanksContext(input: FollowUpInput, flags: ThanksFlags): ThanksContext {
  const outcome = planOf(input);
  const base = baseContext(input, outcome);
  const platform = input.planning.platforms.find((p) => p.id === (outcome?.plan?.platform ?? input.file.meta.platform));
  let work = "";
  for (const id of input.pack.scope ?? []) {
    const v = get(input.answers, id);
    if (typeof v === "string" && v.trim()) {
      work = oneLine(v, input.lang === "ja" ? 80 : 160);
      break;
    }
  }
  return {
    ...base,
    thanks: {
      items: flags.items,
      work,
      platformName: platform?.review ? platform.name[input.lang] : "",
      reviewWord: platform?.review?.[input.lang] ?? "",
    },
  };
}

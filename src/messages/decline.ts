/**
 * The polite decline: turning down a request, or a change outside what was agreed, calmly and
 * sincerely (never matching a rude tone), with the reason, what the agreed work does cover, and
 * an alternative: a separate quote, or a later date. Pure.
 */
import { get } from "../answers/types.ts";
import type { RenderContext } from "../render/context.ts";
import { cleanText } from "../render/markdown.ts";
import { baseContext, type FollowUpInput, planOf } from "./followup.ts";

export interface DeclineFlags {
  /** What the client asked for, in a few words. */
  request?: string;
  reason?: string;
  alternative?: string;
}

export interface DeclineContext extends RenderContext {
  decline: {
    request: string;
    reason: string;
    alternative: string;
    /** What the agreed work covers: the pack's `scope:` answer, line by line, else the summary. */
    scope: string[];
  };
}

export function buildDeclineContext(input: FollowUpInput, flags: DeclineFlags): DeclineContext {
  const base = baseContext(input, planOf(input));
  return {
    ...base,
    decline: {
      request: flags.request ?? "",
      reason: flags.reason ?? "",
      alternative: flags.alternative ?? "",
      scope: scopeLines(input, base),
    },
  };
}

function scopeLines(input: FollowUpInput, base: RenderContext): string[] {
  for (const id of input.pack.scope ?? []) {
    const v = get(input.answers, id);
    if (typeof v === "string" && v.trim()) {
      return cleanText(v)
        .split(/\n+/u)
        .map((l) => l.trim())
        .filter(Boolean);
    }
  }
  return [...base.clientGlance, ...base.offer].map((g) => `${g.label}: ${g.text}`);
}

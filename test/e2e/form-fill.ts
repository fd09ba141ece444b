/**
 * How the browser tests answer a form as a client would: which value each question gets
 * (values that make conditional questions appear, "not decided yet", "other" with its text),
 * and how to give it through the page's own controls.
 */
import type { Page } from "playwright-core";
import type { Answers, AnswerValue, Reference } from "../../src/answers/types.ts";
import type { Lang } from "../../src/i18n.ts";
import { conditionRefs } from "../../src/pack/conditions.ts";
import type { Condition, Pack, Question } from "../../src/pack/types.ts";

/** Values later conditions look for, by question id: picking them makes conditional questions appear. */
export function wantedValues(pack: Pack): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const walk = (c: Condition): void => {
    if ("all" in c) c.all.forEach(walk);
    else if ("any" in c) c.any.forEach(walk);
    else if ("not" in c) walk(c.not);
    else {
      const list = out.get(c.question) ?? [];
      if ("equals" in c) list.push(c.equals);
      if ("in" in c) list.push(...c.in);
      if ("includes" in c) list.push(c.includes);
      out.set(c.question, list);
    }
  };
  for (const s of pack.sections) for (const q of s.questions) if (q.when) walk(q.when);
  return out;
}

export interface Picking {
  wanted: Map<string, unknown[]>;
  lang: Lang;
  /** Give "not decided yet" (with a note) to the first question that allows it. */
  pendingLeft: boolean;
  /** Pick "other" (with its text) in the first choice question that has it. */
  otherLeft: boolean;
}

/** The answer the test gives a question, and the "other" text when it picks "other". */
export function pickValue(q: Question, p: Picking): { value: AnswerValue; other?: string } {
  const ja = p.lang === "ja";
  const r = q.validate ?? {};
  const wanted = p.wanted.get(q.id) ?? [];
  if (q.allow_pending && p.pendingLeft && q.type !== "confirm") {
    p.pendingLeft = false;
    return { value: { pending: true, note: ja ? "来週決めます" : "I'll decide next week" } };
  }
  const choices = q.choices ?? [];
  const other = choices.find((c) => c.other);
  switch (q.type) {
    case "text": {
      const ex = q.examples?.[0]?.[p.lang].split("\n")[0]?.trim() || (ja ? "山田 太郎" : "Jane Smith");
      return { value: fitLength(ex, r.min_length, r.max_length) };
    }
    case "paragraph":
      return {
        value: fitLength(ja ? "落ち着いた雰囲気にしたいです。\n  色は青が好きです。" : "Something calm.\n  Blue is my colour.", r.min_length, r.max_length),
      };
    case "select": {
      if (other && p.otherLeft) {
        p.otherLeft = false;
        return { value: other.value, other: ja ? "手描き風" : "hand-drawn" };
      }
      const want = choices.find((c) => !c.other && wanted.includes(c.value));
      return { value: (want ?? choices.filter((c) => !c.other)[1] ?? choices[0])?.value ?? "" };
    }
    case "multiselect": {
      const plain = choices.filter((c) => !c.other);
      const max = r.max_items ?? choices.length;
      const picked = [...new Set([...plain.filter((c) => wanted.includes(c.value)), ...plain].map((c) => c.value))].slice(
        0,
        Math.max(r.min_items ?? 1, Math.min(2, max)),
      );
      return { value: choices.filter((c) => picked.includes(c.value)).map((c) => c.value) };
    }
    case "confirm":
      return { value: wanted.includes(true) || !wanted.includes(false) };
    case "number": {
      const lo = r.min ?? 1;
      const hi = r.max ?? lo + 100;
      return { value: Math.min(hi, Math.max(lo, 3)) };
    }
    case "scale":
      return { value: Math.min(q.max ?? 5, (q.min ?? 1) + 1) };
    case "date":
      return { value: "2027-01-15" };
    case "list": {
      const items = ja ? ["A案", "B案", "C案"] : ["Plan A", "Plan B", "Plan C"];
      return { value: items.slice(0, Math.max(r.min_items ?? 1, Math.min(2, r.max_items ?? 2))) };
    }
    case "references": {
      const refs: Reference[] = [{ source: "https://example.com/ref.png", note: ja ? "色味が好き" : "love the colours", kind: "like" }];
      if ((r.max_items ?? 2) >= 2) refs.push({ source: "photo.png", kind: "avoid" });
      return { value: refs };
    }
  }
}

function fitLength(s: string, min = 0, max = Number.POSITIVE_INFINITY): string {
  const cut = s.length > max ? s.slice(0, max).trim() : s;
  return cut.length < min ? cut.padEnd(min, "x") : cut;
}

/** A tiny PNG, picked as a local reference image. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

const box = (id: string) => `[data-q="${id}"]`;

/** Gives an answer through the question's controls, as a person would (clicks, typing, a file). */
export async function give(page: Page, q: Question, value: AnswerValue, other?: string): Promise<void> {
  const at = box(q.id);
  const pendingBox = page.locator(`${at} input[data-pending]`);
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "pending" in value) {
    await pendingBox.check();
    await page.locator(`${at} .pnote input`).fill(value.note ?? "");
    await page.locator(`${at} .pnote input`).blur();
    return;
  }
  if ((await pendingBox.count()) > 0 && (await pendingBox.isChecked())) await pendingBox.uncheck();
  switch (q.type) {
    case "select":
    case "confirm":
      await page.locator(`${at} input[value="${String(value)}"]`).check();
      if (other !== undefined) await page.locator(`${at} .other input`).fill(other);
      break;
    case "multiselect":
      for (const c of q.choices ?? []) {
        const input = page.locator(`${at} input[value="${c.value}"]`);
        if ((value as string[]).includes(c.value)) await input.check();
        else await input.uncheck();
      }
      if (other !== undefined) await page.locator(`${at} .other input`).fill(other);
      break;
    case "scale":
      await page.locator(`${at} input[value="${String(value)}"]`).check();
      break;
    case "list": {
      const items = value as string[];
      for (const [i, item] of items.entries()) {
        const input = page.locator(`${at} .rows input`).nth(i);
        await input.fill(item);
        if (i < items.length - 1) await input.press("Enter");
      }
      break;
    }
    case "references": {
      const refs = value as Reference[];
      for (const [i, ref] of refs.entries()) {
        if (i > 0) await page.locator(`${at} button.btn.small`).last().click();
        const row = page.locator(`${at} fieldset.ref`).nth(i);
        if (/^https?:/.test(ref.source)) await row.locator("input[id$=-src]").fill(ref.source);
        else await row.locator("input[type=file]").setInputFiles({ name: ref.source, mimeType: "image/png", buffer: PNG });
        await row.locator(`input[value="${ref.kind ?? "like"}"]`).check();
        if (ref.note) await row.locator("input[id$=-note]").fill(ref.note);
      }
      break;
    }
    default: {
      const input = page.locator(`${at} #f-${q.id}`);
      await input.fill(String(value));
      await input.blur();
    }
  }
}

/** Ids of the questions shown on the open page, in order. */
export function shownQuestions(page: Page): Promise<string[]> {
  return page.locator("section.page:not([hidden]) [data-q]:not([hidden])").evaluateAll((els) => els.map((e) => e.getAttribute("data-q") ?? ""));
}

/** Every question the form shows (on any page), by id. */
export function allShown(page: Page): Promise<string[]> {
  return page.locator("[data-q]:not([hidden])").evaluateAll((els) => els.map((e) => e.getAttribute("data-q") ?? ""));
}

export function refsOf(pack: Pack, id: string): string[] {
  const q = pack.sections.flatMap((s) => s.questions).find((x) => x.id === id);
  return q?.when ? conditionRefs(q.when) : [];
}

export type { Answers };

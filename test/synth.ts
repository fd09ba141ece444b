/**
 * Answers synthesized for any pack (from `pack show --json`): every visible question answered
 * with a recognizable value of its type, `when` respected, so tests can check that what was
 * answered shows up in what was rendered.
 */

import { evaluate } from "../src/answers/conditions.ts";
import type { Answers } from "../src/answers/types.ts";
import type { Pack, Question } from "../src/pack/types.ts";

export function synthesize(pack: Pack, seed = 0): { answers: Answers; texts: string[]; labels: string[] } {
  const answers: Answers = {};
  const texts: string[] = [];
  const labels: string[] = [];
  let n = seed;
  for (const s of pack.sections) {
    for (const q of s.questions) {
      if (q.when && !evaluate(q.when, answers)) continue;
      n++;
      answerOne(q, n, answers, texts);
    }
  }
  for (const s of pack.sections) {
    for (const q of s.questions) {
      const v = answers[q.id];
      const picked: unknown[] = Array.isArray(v) ? v : [v];
      for (const c of q.choices ?? []) if (picked.includes(c.value)) labels.push(c.label.ja, c.label.en);
    }
  }
  return { answers, texts, labels };
}

function answerOne(q: Question, n: number, answers: Answers, texts: string[]): void {
  const rules = q.validate ?? {};
  const text = `Answer-${n} 回答${n}`;
  switch (q.type) {
    case "text":
    case "paragraph": {
      if (rules.pattern) return; // cannot invent a value for an arbitrary pattern
      let t = q.type === "paragraph" ? `${text}\nline two ${n}` : text;
      if (rules.max_length !== undefined) t = t.slice(0, rules.max_length);
      if (rules.min_length !== undefined) t = t.padEnd(rules.min_length, "x");
      answers[q.id] = t;
      texts.push(...t.split("\n"));
      return;
    }
    case "select": {
      const choices = q.choices ?? [];
      const c = choices[n % choices.length];
      if (!c) return;
      answers[q.id] = c.value;
      if (c.other) {
        answers[`${q.id}_other`] = `Other-${n}`;
        texts.push(`Other-${n}`);
      }
      return;
    }
    case "multiselect": {
      const choices = q.choices ?? [];
      const min = Math.max(1, rules.min_items ?? 1);
      const max = Math.min(choices.length, rules.max_items ?? choices.length);
      const count = Math.min(max, Math.max(min, 2));
      const picked = choices.slice(0, count);
      answers[q.id] = picked.map((c) => c.value);
      if (picked.some((c) => c.other)) {
        answers[`${q.id}_other`] = `Other-${n}`;
        texts.push(`Other-${n}`);
      }
      return;
    }
    case "confirm":
      answers[q.id] = n % 2 === 0;
      return;
    case "number": {
      const lo = rules.min ?? 0;
      const hi = rules.max ?? lo + 100;
      answers[q.id] = Math.min(hi, Math.max(lo, lo + (n % 7)));
      return;
    }
    case "scale":
      answers[q.id] = q.max ?? 1;
      return;
    case "date":
      answers[q.id] = `2027-0${(n % 9) + 1}-1${n % 9}`;
      return;
    case "list": {
      const items = [`Item-${n}a`, `Item-${n}b`].slice(0, rules.max_items ?? 2);
      answers[q.id] = items;
      texts.push(...items);
      return;
    }
    case "references":
      answers[q.id] = [
        { source: `https://example.com/ref-${n}.png`, note: `Note-${n}`, kind: "like" },
        { source: `refs/avoid-${n}.jpg`, kind: "avoid" },
      ];
      texts.push(`https://example.com/ref-${n}.png`, `Note-${n}`, `refs/avoid-${n}.jpg`);
      return;
  }
}

/** The Markdown source with backslash escapes and NBSPs undone, for "is it visible" checks. */
export function unescapeMd(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/\u00a0/g, " ");
}

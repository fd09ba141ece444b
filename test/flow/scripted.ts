/** A Prompter that plays a script: each line names the question it expects and what to reply. */
import { expect } from "vitest";
import type { Ask, PackChoice, Prompter, Reply, Review, ReviewReply } from "../../src/flow/prompter.ts";
import type { Lang } from "../../src/i18n.ts";

/** `[question id, reply]`, or `["review", reply]` for the review screen. */
export type Line = [string, Reply | ReviewReply];

export const ans = (value: unknown): Reply => ({ type: "answer", value });
export const back: Reply = { type: "back" };
export const pending: Reply = { type: "pending" };
export const finish: ReviewReply = { type: "finish" };
export const edit = (id: string): ReviewReply => ({ type: "edit", id });

export class ScriptedPrompter implements Prompter {
  readonly asks: Ask[] = [];
  readonly reviews: Review[] = [];
  private i = 0;
  constructor(private readonly script: Line[]) {}

  private next(expected: string): Reply | ReviewReply {
    const line = this.script[this.i++];
    if (!line) throw new Error(`script ended, but the flow asked ${expected}`);
    expect(expected, `script line ${this.i}`).toBe(line[0]);
    return line[1];
  }

  async ask(q: Ask): Promise<Reply> {
    this.asks.push(q);
    return this.next(q.id) as Reply;
  }

  async review(r: Review): Promise<ReviewReply> {
    this.reviews.push(r);
    return this.next("review") as ReviewReply;
  }

  async choosePack(_lang: Lang, packs: PackChoice[]): Promise<string> {
    return packs[0]?.id ?? "";
  }

  say(): void {}

  /** Every line was played. */
  done(): boolean {
    return this.i === this.script.length;
  }
}

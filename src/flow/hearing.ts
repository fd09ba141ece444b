/**
 * The hearing engine: which question comes next, back, "other" and "not decided yet"
 * follow-ups, the review screen. Pure apart from the Prompter it drives and the `save`
 * callback it calls after every change (the caller writes the answers file there).
 *
 * Two ways of moving forward:
 * - walk (a new hearing): every question in order, each showing its current answer, so
 *   going back and forward again steps through the questions one by one;
 * - fill (resume, and edits from the review screen): only the questions not settled yet
 *   (unanswered, or newly shown by a changed answer), then the review screen.
 */

import { checkValue } from "../answers/check-value.ts";
import { coerceText } from "../answers/coerce.ts";
import { chosenOther, pruneAnswers } from "../answers/conditions.ts";
import { refusal } from "../answers/refusal.ts";
import { type Answers, get, isPending, type Meta } from "../answers/types.ts";
import type { Lang } from "../i18n.ts";
import { otherKey, type Pack } from "../pack/types.ts";
import type { Prompter } from "./prompter.ts";
import { askScreen, followUpScreen, isEmpty, reviewScreen, SAY, type View } from "./screens.ts";
import { META_KEYS, type MetaKey, metaId, type PlatformChoice, platformQuestion, type Step, stepsFor, syncPlatform } from "./steps.ts";

export interface HearingState {
  answers: Answers;
  meta: Meta;
}

export interface HearingOptions {
  pack: Pack;
  lang: Lang;
  answers: Answers;
  meta: Meta;
  /** Job details to ask (those not given by flags or the answers file). */
  askMeta: readonly MetaKey[];
  platforms: readonly PlatformChoice[];
  /** walk: a new hearing; fill: resume at the first unanswered question; review: open the review screen. */
  start: "walk" | "fill" | "review";
  /** Questions answered on the command line: the walk passes them by (review can change them). */
  given?: readonly string[];
  /** fill: ask only these (after `migrate`: the answers that no longer fit and new required questions). */
  askOnly?: readonly string[];
  /** Called after every change, with the answers pruned of hidden questions. */
  save(state: HearingState): void | Promise<void>;
}

type StepResult = { type: "back" } | { type: "answer"; value: unknown; other?: string };

export async function runHearing(opts: HearingOptions, prompter: Prompter): Promise<HearingState> {
  return new Hearing(opts, prompter).run();
}

/** A hearing under way: the answers so far, where it stands, and its moves. */
class Hearing implements View {
  readonly pack: Pack;
  readonly lang: Lang;
  answers: Answers;
  meta: Meta;
  private readonly given: Set<string>;
  /** The job details asked: a pack with a platform question of its own asks it there, not among them. */
  private readonly metaKeys: readonly MetaKey[];
  private readonly metaInList: Set<MetaKey>;
  private readonly settled: Set<string>;
  private mode: "walk" | "fill";
  /** The step on screen; null for the review screen. */
  private cursor: string | null;
  /** Where an edit from the review screen started: going back from there returns to the review. */
  private editOrigin: string | undefined;
  private notice: string | undefined;

  constructor(
    private readonly opts: HearingOptions,
    private readonly prompter: Prompter,
  ) {
    this.pack = opts.pack;
    this.lang = opts.lang;
    this.answers = pruneAnswers(this.pack, opts.answers);
    this.meta = syncPlatform(this.pack, this.answers, { ...opts.meta });
    this.given = new Set(opts.given ?? []);
    this.metaKeys = platformQuestion(this.pack) ? META_KEYS.filter((k) => k !== "platform") : META_KEYS;
    this.metaInList = new Set<MetaKey>(opts.askMeta.filter((k) => this.metaKeys.includes(k)));
    const only = opts.askOnly ? new Set(opts.askOnly) : undefined;
    // Settled: not asked in fill mode. After a migration, everything but what it listed.
    this.settled = new Set<string>(
      opts.start === "walk"
        ? []
        : only
          ? stepsFor(this.pack, this.answers, [], opts.platforms).flatMap((st) => (only.has(st.id) && get(this.answers, st.id) === undefined ? [] : [st.id]))
          : Object.keys(this.answers),
    );
    this.mode = opts.start === "walk" ? "walk" : "fill";
    this.cursor = opts.start === "review" ? null : (this.nextOf(this.steps())?.id ?? null);
  }

  private steps(): Step[] {
    return stepsFor(
      this.pack,
      this.answers,
      META_KEYS.filter((k) => this.metaInList.has(k)),
      this.opts.platforms,
    );
  }

  /** The next step to show among `steps`: in a walk every one not given on the command line, else the unsettled ones. */
  private nextOf(steps: Step[]): Step | undefined {
    return this.mode === "walk" ? steps.find((s) => !this.given.has(s.id)) : steps.find((s) => !this.settled.has(s.id));
  }

  async run(): Promise<HearingState> {
    for (;;) {
      const list = this.steps();
      if (this.cursor === null) {
        if (await this.review(list)) return { answers: this.answers, meta: this.meta };
        continue;
      }
      const step = list.find((s) => s.id === this.cursor);
      if (!step) {
        // The question was hidden by a changed answer: carry on with what is left.
        this.cursor = list.find((s) => !this.settled.has(s.id))?.id ?? null;
        continue;
      }
      const out = await this.askStep(step, list, this.notice);
      this.notice = undefined;
      if (out.type === "back") this.back(step, list);
      else await this.answered(step, out);
    }
  }

  /** The review screen; true when the hearing is finished. */
  private async review(list: Step[]): Promise<boolean> {
    const r = await this.prompter.review(reviewScreen(this, this.opts.platforms, this.metaKeys, this.notice));
    this.notice = undefined;
    if (r.type === "finish") {
      const missing = list.find((s) => !s.meta && s.question.required && get(this.answers, s.id) === undefined);
      if (!missing) return true;
      this.cursor = missing.id;
      this.mode = "fill";
      this.notice = SAY.missing[this.lang];
      return false;
    }
    const key = META_KEYS.find((k) => metaId(k) === r.id);
    if (key) this.metaInList.add(key);
    if (!this.steps().some((s) => s.id === r.id)) return false;
    this.cursor = this.editOrigin = r.id;
    this.mode = "fill";
    return false;
  }

  private back(step: Step, list: Step[]): void {
    const i = list.indexOf(step);
    if (this.editOrigin === step.id) {
      this.cursor = null;
      this.editOrigin = undefined;
    } else if (i <= 0) this.notice = SAY.first[this.lang];
    else this.cursor = list[i - 1]?.id ?? null;
  }

  /** Takes the answer, saves, and moves on to the next step (or the review). */
  private async answered(step: Step, out: Extract<StepResult, { type: "answer" }>): Promise<void> {
    this.apply(step, out);
    this.settled.add(step.id);
    const now = this.steps();
    for (const id of this.settled) if (!now.some((s) => s.id === id)) this.settled.delete(id);
    await this.opts.save({ answers: this.answers, meta: { ...this.meta } });
    const after = now.slice(now.findIndex((s) => s.id === step.id) + 1);
    this.cursor = this.nextOf(after)?.id ?? null;
    if (this.cursor === null) this.editOrigin = undefined;
  }

  private apply(step: Step, out: Extract<StepResult, { type: "answer" }>): void {
    if (step.meta) {
      const key = step.meta;
      if (out.value === undefined) delete this.meta[key];
      else this.meta[key] = out.other ?? String(out.value);
      return;
    }
    const next: Answers = { ...this.answers };
    delete next[otherKey(step.id)];
    if (out.value === undefined) delete next[step.id];
    else next[step.id] = out.value as Answers[string];
    if (out.other !== undefined) next[otherKey(step.id)] = out.other;
    // Changing an answer may hide later questions: their answers go (and are not saved).
    this.answers = pruneAnswers(this.pack, next);
    this.meta = syncPlatform(this.pack, this.answers, this.meta);
  }

  /** Asks one step until it gets an answer it can take (with its follow-up) or "back". */
  private async askStep(step: Step, list: Step[], firstNotice: string | undefined): Promise<StepResult> {
    const q = step.question;
    let note = firstNotice;
    for (;;) {
      const reply = await this.prompter.ask(askScreen(this, step, list, note, (raw) => this.refusal(step, raw)));
      note = undefined;
      if (reply.type === "back") return reply;
      if (reply.type === "pending") {
        if (!q.allow_pending) {
          note = SAY.noPending[this.lang];
          continue;
        }
        const current = get(this.answers, step.id);
        const r = await this.prompter.ask(followUpScreen(this, step, list, "note", isPending(current) ? current.note : undefined));
        if (r.type === "back") continue;
        const text = r.type === "answer" && typeof r.value === "string" ? r.value.trim() : "";
        return { type: "answer", value: text ? { pending: true, note: text } : { pending: true } };
      }
      const error = this.refusal(step, reply.value);
      if (error) {
        note = error;
        continue;
      }
      if (isEmpty(reply.value)) return { type: "answer", value: undefined };
      const checked = checkValue(q, typed(step, reply.value));
      if (!("value" in checked)) continue;
      if (!chosenOther(q, checked.value)) return { type: "answer", value: checked.value };
      const before = step.meta ? undefined : get(this.answers, otherKey(step.id));
      const r = await this.prompter.ask(followUpScreen(this, step, list, "other", typeof before === "string" ? before : undefined));
      if (r.type !== "answer" || typeof r.value !== "string" || !r.value.trim()) continue;
      return { type: "answer", value: checked.value, other: r.value.trim() };
    }
  }

  /** Why a reply is refused, in the person's language; undefined when it is fine. */
  private refusal(step: Step, raw: unknown): string | undefined {
    return refusal(step.question, isEmpty(raw) ? undefined : typed(step, raw), this.lang);
  }
}

/** Text typed for a number, date, confirm or choice is read by the question's type first. */
function typed(step: Step, raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const q = step.question;
  return q.type === "text" || q.type === "paragraph" ? raw.trim() : coerceText(q, raw);
}

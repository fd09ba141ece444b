/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The client's form: the pack's sections as pages with a progress bar, every answer checked
 * and saved as it is given, conditional questions shown and hidden by the CLI's own rules
 * (answers/conditions.ts), and a last page that reviews the answers and sends them back.
 */

import { checkValue } from "../../answers/check-value.ts";
import { chosenOther, pruneAnswers, visibleQuestions } from "../../answers/conditions.ts";
import { REFUSAL, refusal } from "../../answers/refusal.ts";
import type { Answers } from "../../answers/types.ts";
import { localTimestamp } from "../../date-format.ts";
import { allQuestions, otherKey, type Pack, type Question } from "../../pack/types.ts";
import { fill } from "../fill.ts";
import { type FormModel, type FormQuestion, type FormSection, formQuestions, packFromModel } from "../model.ts";
import { oneLine, readInput } from "../normalize.ts";
import type { FormStrings } from "../strings.ts";
import { sectionDefaults } from "./defaults.ts";
import { type FormUi, h, idPart } from "./dom.ts";
import { QuestionView } from "./question.ts";
import { Review } from "./review.ts";
import { type Saved, Store } from "./storage.ts";

const REVIEW = "review";

export class FormApp {
  private readonly pack: Pack;
  private readonly packQuestions: Map<string, Question>;
  private readonly s: FormStrings;
  private readonly store: Store;
  private readonly state: Saved;
  private readonly views = new Map<string, QuestionView>();
  private readonly pages = new Map<string, { section: FormSection; el: HTMLElement; summary: HTMLElement }>();
  private readonly review: Review;
  private visible = new Set<string>();
  /** The browser refused the last save: leaving the page would lose the answers. */
  private unsaved = false;
  private page: string;
  private readonly ui: FormUi;

  constructor(
    private readonly model: FormModel,
    root: HTMLElement,
  ) {
    const s = model.strings;
    this.s = s;
    this.pack = packFromModel(model);
    this.packQuestions = new Map(allQuestions(this.pack).map((q) => [q.id, q]));
    this.store = new Store(model);
    const saved = this.store.load();
    const now = localTimestamp(new Date());
    this.state = saved ?? { v: 1, answers: {}, drafts: {}, seen: [], page: "", created: now, updated: now };

    const where = model.meta.platformName ? fill(s.wherePlatform, { platform: model.meta.platformName }) : s.whereDefault;
    const job = [model.meta.clientLabel ?? "", model.meta.job ?? ""].filter(Boolean).join(" · ");
    this.ui = {
      intro: h("div", { class: "intro" }, h("p", null, fill(s.intro, { where })), h("p", { class: "muted count" }), h("p", { class: "muted" }, s.offline)),
      where: h("p", { class: "where" }),
      progress: h("progress", { max: 1, value: 0 }),
      progressText: h("span", { class: "progress-text" }),
      saved: h("p", { class: "saved" }),
      savedTop: h("p", { class: "saved" }),
      back: h("button", { type: "button", class: "btn" }, s.back),
      next: h("button", { type: "button", class: "btn primary" }, s.next),
    };
    this.ui.progress.setAttribute("aria-labelledby", "progress-text");
    this.ui.progressText.id = "progress-text";
    const main = h("main", { class: "wrap" }, ...model.sections.map((section) => this.sectionPage(section)));
    this.review = new Review(model, where, {
      answers: () => this.output(),
      questions: () => this.visibleSections(),
      edit: (sectionId, questionId) => this.go(sectionId, questionId),
    });
    main.append(this.review.el);
    // The way on is at the end of each page, in the flow: a bar fixed over the page would
    // cover the field a keyboard or a tap has just moved to.
    main.append(h("nav", { class: "nav", "aria-label": s.navigation }, h("div", { class: "nav-in" }, this.ui.back, this.ui.next, this.ui.saved)));
    root.replaceChildren(
      h(
        "header",
        { class: "wrap top" },
        job ? h("p", { class: "job" }, job) : null,
        h("h1", null, model.pack.title),
        this.ui.intro,
        h("div", { class: "status" }, this.ui.where, h("div", { class: "bar" }, this.ui.progress, this.ui.progressText), this.ui.savedTop),
      ),
      main,
    );
    window.addEventListener("beforeunload", (e) => {
      if (this.unsaved) e.preventDefault();
    });
    this.ui.back.addEventListener("click", () => this.step(-1));
    this.ui.next.addEventListener("click", () => this.step(1));

    this.restore();
    this.showSaved(saved ? s.restored : "", true);
    const pages = this.pageIds();
    this.page = pages.includes(this.state.page) ? this.state.page : (pages[0] ?? REVIEW);
    this.show(false);
  }

  /** A section's page: its title, intro, the list of what to fix, and its questions. */
  private sectionPage(section: FormSection): HTMLElement {
    const summary = h("div", { class: "summary", role: "alert", tabindex: -1, hidden: true });
    const el = h(
      "section",
      { class: "page", hidden: true, "aria-labelledby": `t-${idPart(section.id)}`, "data-section": section.id },
      h("h2", { id: `t-${idPart(section.id)}`, tabindex: -1 }, section.title),
      section.intro ? h("p", { class: "section-intro" }, section.intro) : null,
      summary,
    );
    for (const q of section.questions) {
      const view = new QuestionView(q, this.model.lang, this.s, (v, settled) => this.changed(v, settled));
      this.views.set(q.id, view);
      el.append(view.root);
    }
    this.pages.set(section.id, { section, el, summary });
    return el;
  }

  /** The saved answers back in their controls, and how long the form is as it stands (questions that do not apply are not counted). */
  private restore(): void {
    for (const view of this.views.values()) {
      const id = view.q.id;
      const other = this.state.answers[otherKey(id)];
      view.restore(this.state.answers[id], typeof other === "string" ? other : undefined, this.state.drafts[id]);
    }
    this.refresh();
    const { model, s } = this;
    const shown = formQuestions(model).filter((q) => this.visible.has(q.id));
    const required = shown.filter((q) => q.required).length;
    const count = model.first ? fill(s.countFirst, { total: shown.length, all: model.total }) : fill(s.count, { total: shown.length, required });
    this.ui.intro.querySelector(".count")?.append(count);
  }

  /** The answers to send: valid, of the questions that apply, in pack order. */
  private output(): Answers {
    return pruneAnswers(this.pack, this.state.answers);
  }

  private visibleSections(): { section: FormSection; questions: FormQuestion[] }[] {
    return this.model.sections
      .map((section) => ({ section, questions: section.questions.filter((q) => this.visible.has(q.id)) }))
      .filter((x) => x.questions.length > 0);
  }

  private pageIds(): string[] {
    return [...this.visibleSections().map((x) => x.section.id), REVIEW];
  }

  /** An answer changed: store what is valid, keep the rest as a draft, re-apply the conditions, save. */
  private changed(view: QuestionView, settled: boolean): void {
    const id = view.q.id;
    const q = this.packQuestions.get(id);
    if (!q) return;
    const answers = { ...this.state.answers };
    delete answers[id];
    delete answers[otherKey(id)];
    delete this.state.drafts[id];
    const input = view.input();
    if ("pending" in input) answers[id] = input.pending;
    else {
      const v = readInput(q, input.raw);
      const checked = v === undefined ? undefined : checkValue(q, v);
      if (checked && "value" in checked) {
        answers[id] = checked.value;
        const other = oneLine(input.other);
        if (other && chosenOther(q, checked.value)) answers[otherKey(id)] = other;
      } else if (v !== undefined) this.state.drafts[id] = input.raw;
    }
    this.state.answers = answers;
    // While typing, an error only goes away; it is shown when the person leaves the field
    // (and a missing "other" text only when they move on, not the moment "other" is picked).
    const error = this.errorOf(view, false);
    if ((settled && error !== undefined) || this.errorOf(view, true) === undefined) view.showError(error);
    this.refresh();
    this.save();
  }

  private errorOf(view: QuestionView, moving: boolean): string | undefined {
    const q = this.packQuestions.get(view.q.id);
    const input = view.input();
    if (!q || "pending" in input) return undefined;
    const v = readInput(q, input.raw);
    const why = refusal(q, v, this.model.lang);
    if (why !== undefined || v === undefined) return why;
    const checked = checkValue(q, v);
    return moving && "value" in checked && chosenOther(q, checked.value) && oneLine(input.other) === "" ? REFUSAL.otherAsk[this.model.lang] : undefined;
  }

  /** Conditions and progress, from the answers as they are now. */
  private refresh(): void {
    this.visible = new Set(visibleQuestions(this.pack, this.state.answers).map((q) => q.id));
    for (const [id, view] of this.views) view.root.hidden = !this.visible.has(id);
    const shown = [...this.visible];
    const answered = shown.filter((id) => this.state.answers[id] !== undefined).length;
    this.ui.progress.max = Math.max(1, shown.length);
    this.ui.progress.value = answered;
    this.ui.progressText.textContent = fill(this.s.progress, { a: answered, t: shown.length });
  }

  private save(): void {
    this.state.updated = localTimestamp(new Date());
    this.state.page = this.page;
    const ok = this.store.save(this.state);
    this.unsaved = !ok;
    this.showSaved(ok ? fill(this.s.saved, { time: this.state.updated.slice(11, 16) }) : this.s.notSaved, ok);
  }

  /** The saved state, at the top of the page and beside the way on. */
  private showSaved(text: string, ok: boolean): void {
    for (const el of [this.ui.saved, this.ui.savedTop]) {
      el.textContent = text;
      el.classList.toggle("warn", !ok);
    }
  }

  private step(dir: 1 | -1): void {
    const pages = this.pageIds();
    const i = pages.indexOf(this.page);
    if (dir === 1 && this.page !== REVIEW && !this.check()) return;
    const target = pages[Math.min(pages.length - 1, Math.max(0, (i < 0 ? 0 : i) + dir))];
    if (target) this.go(target);
  }

  /** Checks the questions shown on the current page; lists what to fix and moves focus there. */
  private check(): boolean {
    const page = this.pages.get(this.page);
    if (!page) return true;
    const problems: { view: QuestionView; why: string }[] = [];
    for (const q of page.section.questions) {
      const view = this.views.get(q.id);
      if (!view || !this.visible.has(q.id)) continue;
      const why = this.errorOf(view, true);
      view.showError(why);
      if (why !== undefined) problems.push({ view, why });
    }
    const { summary } = page;
    summary.replaceChildren();
    summary.hidden = problems.length === 0;
    if (problems.length === 0) return true;
    summary.append(
      h("h3", null, fill(problems.length === 1 ? this.s.checkOne : this.s.checkMany, { n: problems.length })),
      h(
        "ul",
        null,
        ...problems.map(({ view, why }) => {
          const a = h("a", { href: `#q-${idPart(view.q.id)}` }, `${fill(this.s.qref, { n: view.q.n })}: ${why}`);
          a.addEventListener("click", (e) => {
            e.preventDefault();
            view.focus();
          });
          return h("li", null, a);
        }),
      ),
    );
    summary.focus();
    return false;
  }

  private go(page: string, questionId?: string): void {
    this.page = page;
    this.show(true, questionId);
    this.save();
  }

  private show(focus: boolean, questionId?: string): void {
    const pages = this.pageIds();
    if (!pages.includes(this.page)) this.page = pages[0] ?? REVIEW;
    for (const [id, p] of this.pages) {
      p.el.hidden = id !== this.page;
      if (id !== this.page) p.summary.hidden = true;
    }
    this.review.el.hidden = this.page !== REVIEW;
    const i = pages.indexOf(this.page);
    const current = this.pages.get(this.page);
    if (current) this.fillDefaults(current.section);
    // The review sends every answer: a section never opened (it came to apply later) gets its defaults there.
    if (this.page === REVIEW) for (const section of this.model.sections) this.fillDefaults(section);
    const sections = pages.length - 1;
    this.ui.where.textContent = this.page === REVIEW ? "" : fill(this.s.section, { k: i + 1, n: sections });
    this.ui.where.hidden = this.page === REVIEW;
    this.ui.intro.hidden = i !== 0;
    this.ui.back.hidden = i <= 0;
    this.ui.next.hidden = this.page === REVIEW;
    this.ui.next.textContent = i === sections - 1 ? this.s.toReview : this.s.next;
    if (this.page === REVIEW) this.review.render();
    if (!focus) return;
    window.scrollTo(0, 0);
    const view = questionId ? this.views.get(questionId) : undefined;
    if (view) {
      view.root.scrollIntoView();
      view.focus();
    } else (current ? current.el.querySelector<HTMLElement>("h2") : this.review.heading)?.focus();
  }

  /** A section's pack defaults are filled in the first time it is shown, as the hearing offers them. */
  private fillDefaults(section: FormSection): void {
    if (this.state.seen.includes(section.id)) return;
    this.state.seen.push(section.id);
    const given = (id: string) => this.state.answers[id] !== undefined || this.state.drafts[id] !== undefined;
    for (const [id, value] of sectionDefaults(section, this.packQuestions, given)) {
      this.state.answers[id] = value;
      this.views.get(id)?.restore(value, undefined, undefined);
    }
    this.refresh();
  }
}

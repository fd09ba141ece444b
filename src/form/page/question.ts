/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * One question on the page: its number and text as the label (a legend for a group of
 * choices), how to answer, the controls, "not decided yet" where the pack allows it, why we
 * ask and examples behind a disclosure, and the error text tied to the controls.
 */
import type { AnswerValue, Pending } from "../../answers/types.ts";
import type { Lang } from "../../i18n.ts";
import { fill } from "../fill.ts";
import type { FormQuestion } from "../model.ts";
import type { FormStrings } from "../strings.ts";
import type { Widget } from "./control.ts";
import { h, idPart } from "./dom.ts";
import { makeWidget } from "./widgets.ts";

export type QuestionInput = { pending: Pending } | { raw: unknown; other: string };

const SINGLE_FIELD = new Set(["text", "paragraph", "number", "date"]);

export class QuestionView {
  readonly root: HTMLElement;
  readonly widget: Widget;
  private readonly error: HTMLElement;
  private readonly pendingBox: HTMLInputElement | undefined;
  private readonly pendingNote: HTMLInputElement | undefined;
  private readonly noteBox: HTMLElement | undefined;

  constructor(
    readonly q: FormQuestion,
    lang: Lang,
    s: FormStrings,
    changed: (view: QuestionView, settled: boolean) => void,
  ) {
    const key = idPart(q.id);
    const hintId = `h-${key}`;
    const errorId = `e-${key}`;
    const hintText = q.hint ?? "";
    this.error = h("p", { class: "err", id: errorId, hidden: true });
    this.widget = makeWidget({ q, lang, s, describedBy: hintText ? `${hintId} ${errorId}` : errorId, changed: (settled) => changed(this, settled) });
    const single = SINGLE_FIELD.has(q.type);
    const head = [
      h("span", { class: "qn" }, fill(s.qref, { n: q.n })),
      " ",
      h("span", { class: "qtext" }, q.text),
      q.required ? h("span", { class: "req" }, s.required) : null,
    ];
    const heading = single ? h("label", { class: "qhead", for: `f-${key}` }, ...head) : h("legend", { class: "qhead" }, ...head);

    if (q.allowPending) {
      const noteId = `p-${key}`;
      this.pendingBox = h("input", { type: "checkbox", "data-pending": true });
      this.pendingNote = h("input", { type: "text", id: noteId, autocomplete: "off" });
      this.noteBox = h("div", { class: "pnote", hidden: true }, h("label", { for: noteId }, s.pendingNote), this.pendingNote);
      this.pendingBox.addEventListener("change", () => {
        this.syncPending();
        changed(this, true);
        if (this.pendingBox?.checked) this.pendingNote?.focus();
      });
      this.pendingNote.addEventListener("input", () => changed(this, false));
      this.pendingNote.addEventListener("change", () => changed(this, true));
    }

    const body = [
      heading,
      hintText ? h("p", { class: "hint", id: hintId }, hintText) : null,
      this.error,
      this.widget.el,
      this.pendingBox && this.noteBox
        ? h("div", { class: "pending" }, h("label", { class: "check" }, this.pendingBox, h("span", null, s.pending)), this.noteBox)
        : null,
      helpOf(q, s, lang),
    ];
    this.root = h("div", { class: "q", id: `q-${key}`, "data-q": q.id }, single ? h("div", { class: "group" }, ...body) : h("fieldset", null, ...body));
  }

  input(): QuestionInput {
    if (this.pendingBox?.checked) {
      const note = this.pendingNote?.value.trim() ?? "";
      return { pending: note ? { pending: true, note } : { pending: true } };
    }
    return { raw: this.widget.read(), other: this.widget.otherText() };
  }

  /** Puts back a stored answer (or what was typed when it was not valid yet). */
  restore(answer: AnswerValue | undefined, other: string | undefined, draft: unknown): void {
    const pending = typeof answer === "object" && answer !== null && !Array.isArray(answer) && "pending" in answer ? answer : undefined;
    if (this.pendingBox && this.pendingNote) {
      this.pendingBox.checked = pending !== undefined;
      this.pendingNote.value = pending?.note ?? "";
    }
    this.widget.write(draft !== undefined ? draft : pending ? undefined : answer);
    if (other !== undefined) this.widget.writeOther(other);
    this.syncPending();
  }

  showError(text: string | undefined): void {
    this.error.textContent = text ?? "";
    this.error.hidden = text === undefined;
    this.root.classList.toggle("invalid", text !== undefined);
    for (const c of this.root.querySelectorAll("input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea")) {
      if (c !== this.pendingNote) {
        if (text === undefined) c.removeAttribute("aria-invalid");
        else c.setAttribute("aria-invalid", "true");
      }
    }
  }

  focus(): void {
    (this.pendingBox?.checked ? this.pendingNote : this.widget.focusTarget())?.focus();
  }

  private syncPending(): void {
    const on = this.pendingBox?.checked === true;
    if (this.noteBox) this.noteBox.hidden = !on;
    this.widget.disable(on);
    this.widget.el.classList.toggle("off", on);
  }
}

function helpOf(q: FormQuestion, s: FormStrings, lang: Lang): HTMLElement | null {
  const examples = q.examples ?? [];
  if (!q.help && examples.length === 0) return null;
  const title = q.help ? (examples.length ? `${s.why}${lang === "ja" ? "・" : " · "}${s.examples}` : s.why) : s.examples;
  return h(
    "details",
    { class: "why" },
    h("summary", null, title),
    q.help ? h("p", null, q.help) : null,
    examples.length ? h("p", { class: "ex-title" }, s.examples) : null,
    examples.length ? h("ul", { class: "examples" }, ...examples.map((e) => h("li", null, e))) : null,
  );
}

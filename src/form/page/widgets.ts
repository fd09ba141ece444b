/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The controls of each question type: native inputs (so keyboards, screen readers and phones
 * know them), grouped and labelled; big tappable choices with their hints.
 */

import type { Reference } from "../../answers/types.ts";
import { YES_NO } from "../../ask/numbering.ts";
import type { Lang } from "../../i18n.ts";
import { fill } from "../fill.ts";
import type { FormQuestion } from "../model.ts";
import type { FormStrings } from "../strings.ts";
import { h, idPart, uid } from "./dom.ts";

export interface WidgetContext {
  q: FormQuestion;
  lang: Lang;
  s: FormStrings;
  /** Ids of the hint and error texts, for aria-describedby. */
  describedBy: string;
  /** Something changed; `settled` when the person left the control (change, not input). */
  changed(settled: boolean): void;
}

export interface Widget {
  el: HTMLElement;
  /** What is picked or typed now, raw; undefined when nothing is. */
  read(): unknown;
  /** Puts a stored answer or draft back. */
  write(v: unknown): void;
  disable(off: boolean): void;
  focusTarget(): HTMLElement | undefined;
  /** The text of an `other: true` choice ("" when none). */
  otherText(): string;
  writeOther(s: string): void;
}

export function makeWidget(ctx: WidgetContext): Widget {
  switch (ctx.q.type) {
    case "select":
    case "multiselect":
    case "confirm":
      return choices(ctx);
    case "scale":
      return scale(ctx);
    case "list":
      return list(ctx);
    case "references":
      return references(ctx);
    default:
      return field(ctx);
  }
}

const noOther = { otherText: () => "", writeOther: () => {} };

function inputsOf(el: HTMLElement): HTMLInputElement[] {
  return [...el.querySelectorAll("input")];
}

/** select, multiselect and confirm: a radio or checkbox per choice, "other" with its text field. */
function choices(ctx: WidgetContext): Widget {
  const { q, s } = ctx;
  const multi = q.type === "multiselect";
  const name = uid(`c-${idPart(q.id)}`);
  const options =
    q.type === "confirm"
      ? [
          { value: "true", label: YES_NO[0][ctx.lang], hint: undefined, other: false },
          { value: "false", label: YES_NO[1][ctx.lang], hint: undefined, other: false },
        ]
      : (q.choices ?? []).map((c) => ({ value: c.value, label: c.label, hint: c.hint, other: c.other === true }));
  const otherId = uid(`o-${idPart(q.id)}`);
  const otherInput = h("input", { type: "text", id: otherId, autocomplete: "off", "aria-describedby": ctx.describedBy });
  const otherBox = h("div", { class: "other", hidden: true }, h("label", { for: otherId }, s.otherText), otherInput);
  const clear = h("button", { type: "button", class: "link", hidden: true }, s.clearChoice);
  const el = h("div", { class: "options" });
  for (const o of options) {
    const input = h("input", { type: multi ? "checkbox" : "radio", name, value: o.value, "aria-describedby": ctx.describedBy });
    input.addEventListener("change", () => {
      sync();
      ctx.changed(true);
    });
    el.append(
      h(
        "label",
        { class: "opt" },
        input,
        h("span", { class: "opt-text" }, h("span", { class: "opt-label" }, o.label), o.hint ? h("span", { class: "opt-hint" }, o.hint) : null),
      ),
    );
  }
  const wrap = h("div", null, el, otherBox, clear);
  otherInput.addEventListener("input", () => ctx.changed(false));
  otherInput.addEventListener("change", () => ctx.changed(true));
  clear.addEventListener("click", () => {
    for (const i of inputsOf(el)) i.checked = false;
    sync();
    ctx.changed(true);
    inputsOf(el)[0]?.focus();
  });
  const otherValue = options.find((o) => o.other)?.value;
  function sync(): void {
    const picked = inputsOf(el).filter((i) => i.checked);
    otherBox.hidden = otherValue === undefined || !picked.some((i) => i.value === otherValue);
    clear.hidden = multi || q.required || picked.length === 0;
  }
  return {
    el: wrap,
    read() {
      const picked = inputsOf(el)
        .filter((i) => i.checked)
        .map((i) => i.value);
      if (q.type === "confirm") return picked[0] === undefined ? undefined : picked[0] === "true";
      return multi ? picked : picked[0];
    },
    write(v) {
      const want = new Set((Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String));
      for (const i of inputsOf(el)) i.checked = want.has(i.value);
      sync();
    },
    disable(off) {
      for (const i of [...inputsOf(el), otherInput]) i.disabled = off;
      clear.disabled = off;
    },
    focusTarget: () => inputsOf(el).find((i) => i.checked) ?? inputsOf(el)[0],
    otherText: () => otherInput.value,
    writeOther(s) {
      otherInput.value = s;
    },
  };
}

/** scale: one radio per whole number, with what the ends mean. */
function scale(ctx: WidgetContext): Widget {
  const { q } = ctx;
  const name = uid(`s-${idPart(q.id)}`);
  const lo = q.min ?? 1;
  const hi = q.max ?? 5;
  const row = h("div", { class: "scale" });
  for (let n = lo; n <= hi; n++) {
    const input = h("input", { type: "radio", name, value: String(n), "aria-describedby": ctx.describedBy });
    input.addEventListener("change", () => {
      clear.hidden = q.required;
      ctx.changed(true);
    });
    row.append(h("label", { class: "pip" }, input, h("span", null, String(n))));
  }
  const ends = h(
    "div",
    { class: "ends", "aria-hidden": "true" },
    h("span", null, q.minLabel ? `${lo} ${q.minLabel}` : ""),
    h("span", null, q.maxLabel ? `${hi} ${q.maxLabel}` : ""),
  );
  const clear = h("button", { type: "button", class: "link", hidden: true }, ctx.s.clearChoice);
  clear.addEventListener("click", () => {
    for (const i of inputsOf(row)) i.checked = false;
    clear.hidden = true;
    ctx.changed(true);
    inputsOf(row)[0]?.focus();
  });
  return {
    el: h("div", null, row, ends, clear),
    read() {
      const c = inputsOf(row).find((i) => i.checked);
      return c ? Number(c.value) : undefined;
    },
    write(v) {
      for (const i of inputsOf(row)) i.checked = v !== undefined && i.value === String(v);
      clear.hidden = q.required || !inputsOf(row).some((i) => i.checked);
    },
    disable(off) {
      for (const i of inputsOf(row)) i.disabled = off;
      clear.disabled = off;
    },
    focusTarget: () => inputsOf(row).find((i) => i.checked) ?? inputsOf(row)[0],
    ...noOther,
  };
}

/** text, paragraph, number, date: one field, labelled by the question itself (see question.ts). */
function field(ctx: WidgetContext): Widget {
  const { q } = ctx;
  const id = `f-${idPart(q.id)}`;
  const common = { id, name: id, "aria-describedby": ctx.describedBy, autocomplete: "off" };
  const input =
    q.type === "paragraph"
      ? h("textarea", { ...common, rows: 4 })
      : h("input", {
          ...common,
          type: q.type === "date" ? "date" : "text",
          ...(q.type === "number" ? { inputmode: q.validate?.min !== undefined && q.validate.min >= 0 ? "decimal" : "text" } : {}),
        });
  input.addEventListener("input", () => ctx.changed(false));
  input.addEventListener("change", () => ctx.changed(true));
  const unit = q.type === "number" && q.unit ? h("span", { class: "unit" }, unitText(q.unit)) : null;
  return {
    el: h("div", { class: unit ? "field with-unit" : "field" }, input, unit),
    read: () => (input.value === "" ? undefined : input.value),
    write(v) {
      input.value = v === undefined ? "" : String(v);
    },
    disable(off) {
      input.disabled = off;
    },
    focusTarget: () => input,
    ...noOther,
  };
}

/** `hour|hours` → `hours`: the unit beside an empty field reads best in the plural. */
function unitText(unit: string): string {
  const [one = "", many] = unit.split("|");
  return many ?? one;
}

/** A growing list of rows, each with its own remove button, and an "add" button below. */
function rows<T>(
  ctx: WidgetContext,
  addLabel: string,
  makeRow: (k: number) => { el: HTMLElement; read(): T | undefined; write(v: T): void; first: HTMLElement },
) {
  const box = h("ol", { class: "rows" });
  const made: { li: HTMLLIElement; row: ReturnType<typeof makeRow> }[] = [];
  const add = h("button", { type: "button", class: "btn small" }, `＋ ${addLabel}`);
  function renumber(): void {
    made.forEach((m, i) => {
      const btn = m.li.querySelector<HTMLButtonElement>("button.remove");
      btn?.setAttribute("aria-label", fill(ctx.s.removeItem, { k: i + 1 }));
    });
  }
  function addRow(focus: boolean): ReturnType<typeof makeRow> {
    const row = makeRow(made.length + 1);
    const remove = h("button", { type: "button", class: "remove" }, "×");
    const li = h("li", null, row.el, remove);
    const entry = { li, row };
    remove.addEventListener("click", () => {
      const i = made.indexOf(entry);
      made.splice(i, 1);
      li.remove();
      if (made.length === 0) addRow(false);
      renumber();
      ctx.changed(true);
      (made[Math.max(0, i - 1)]?.row.first ?? add).focus();
    });
    made.push(entry);
    box.append(li);
    renumber();
    if (focus) row.first.focus();
    return row;
  }
  add.addEventListener("click", () => addRow(true));
  addRow(false);
  return {
    el: h("div", null, box, add),
    addRow,
    read(): T[] {
      return made.flatMap((m) => {
        const v = m.row.read();
        return v === undefined ? [] : [v];
      });
    },
    write(values: T[]): void {
      for (const m of made) m.li.remove();
      made.length = 0;
      for (const v of values) addRow(false).write(v);
      if (made.length === 0) addRow(false);
    },
    disable(off: boolean): void {
      for (const c of box.querySelectorAll<HTMLInputElement | HTMLButtonElement>("input, button")) c.disabled = off;
      add.disabled = off;
    },
    first: () => made[0]?.row.first,
  };
}

/** list: one short item per row; Enter adds the next row. */
function list(ctx: WidgetContext): Widget {
  const r = rows<string>(ctx, ctx.s.listAdd, (k) => {
    const id = uid(`l-${idPart(ctx.q.id)}`);
    const input = h("input", { type: "text", id, autocomplete: "off", "aria-describedby": ctx.describedBy });
    input.addEventListener("input", () => ctx.changed(false));
    input.addEventListener("change", () => ctx.changed(true));
    input.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Enter" && !(e as KeyboardEvent).isComposing && input.value.trim() !== "") {
        e.preventDefault();
        r.addRow(true);
      }
    });
    return {
      el: h("span", { class: "row-field" }, h("label", { for: id, class: "sr" }, fill(ctx.s.listItem, { k })), input),
      read: () => (input.value.trim() === "" ? undefined : input.value),
      write(v) {
        input.value = v;
      },
      first: input,
    };
  });
  return {
    el: r.el,
    read: () => {
      const v = r.read();
      return v.length === 0 ? undefined : v;
    },
    write: (v) => r.write(Array.isArray(v) ? v.map(String) : []),
    disable: r.disable,
    focusTarget: () => r.first(),
    ...noOther,
  };
}

/**
 * references: per row a link or file name (a local image may be picked to fill it and see a
 * preview; the file itself stays on the device), like or avoid, and a note.
 */
function references(ctx: WidgetContext): Widget {
  const { s } = ctx;
  const localNote = h("p", { class: "hint", hidden: true }, s.refLocal);
  const r = rows<Reference>(ctx, s.refAdd, (k) => {
    const base = uid(`r-${idPart(ctx.q.id)}`);
    const source = h("input", { type: "text", id: `${base}-src`, autocomplete: "off", inputmode: "url", "aria-describedby": ctx.describedBy });
    const picker = h("input", { type: "file", id: `${base}-file`, accept: "image/*", class: "sr" });
    const kindName = `${base}-kind`;
    const like = h("input", { type: "radio", name: kindName, value: "like", checked: true });
    const avoid = h("input", { type: "radio", name: kindName, value: "avoid" });
    const note = h("input", { type: "text", id: `${base}-note`, autocomplete: "off" });
    const preview = h("div", { class: "preview" });
    let localFile: { name: string; url: string } | undefined;
    const showPreview = () => {
      preview.replaceChildren();
      const v = source.value.trim();
      if (localFile && v === localFile.name) preview.append(h("img", { src: localFile.url, alt: localFile.name }));
      else if (/^https?:\/\/\S+$/i.test(v)) preview.append(h("a", { href: v, target: "_blank", rel: "noopener noreferrer" }, `${s.refOpen} ↗`));
    };
    picker.addEventListener("change", () => {
      const f = picker.files?.[0];
      if (!f) return;
      if (localFile) URL.revokeObjectURL(localFile.url);
      localFile = { name: f.name, url: URL.createObjectURL(f) };
      source.value = f.name;
      localNote.hidden = false;
      showPreview();
      ctx.changed(true);
    });
    for (const c of [source, note]) {
      c.addEventListener("input", () => {
        showPreview();
        ctx.changed(false);
      });
      c.addEventListener("change", () => ctx.changed(true));
    }
    for (const c of [like, avoid]) c.addEventListener("change", () => ctx.changed(true));
    const el = h(
      "fieldset",
      { class: "ref" },
      h("legend", null, fill(s.refItem, { k })),
      h("label", { for: source.id }, s.refSource),
      h("div", { class: "ref-source" }, source, picker, h("label", { for: picker.id, class: "btn small pick" }, s.refPick)),
      preview,
      h(
        "fieldset",
        { class: "kind" },
        h("legend", null, s.refKind),
        h("label", { class: "chip" }, like, h("span", null, s.like)),
        h("label", { class: "chip" }, avoid, h("span", null, s.avoid)),
      ),
      h("label", { for: note.id }, s.refNote),
      note,
    );
    return {
      el,
      read: () =>
        source.value.trim() === "" && note.value.trim() === "" ? undefined : { source: source.value, note: note.value, kind: avoid.checked ? "avoid" : "like" },
      write(v) {
        source.value = v.source;
        note.value = v.note ?? "";
        avoid.checked = v.kind === "avoid";
        like.checked = v.kind !== "avoid";
        showPreview();
      },
      first: source,
    };
  });
  return {
    el: h("div", null, r.el, localNote),
    read: () => {
      const v = r.read();
      return v.length === 0 ? undefined : v;
    },
    write: (v) => r.write(Array.isArray(v) ? (v as Reference[]) : []),
    disable: r.disable,
    focusTarget: () => r.first(),
    ...noOther,
  };
}

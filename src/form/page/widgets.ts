/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The controls of each question type: native inputs (so keyboards, screen readers and phones
 * know them), grouped and labelled; big tappable choices with their hints.
 */

import { WORDS } from "../../i18n.ts";
import { noOther, type Widget, type WidgetContext } from "./control.ts";
import { h, idPart, uid } from "./dom.ts";
import { listWidget, referencesWidget } from "./rows.ts";

export function makeWidget(ctx: WidgetContext): Widget {
  switch (ctx.q.type) {
    case "select":
    case "multiselect":
    case "confirm":
      return choices(ctx);
    case "scale":
      return scale(ctx);
    case "list":
      return listWidget(ctx);
    case "references":
      return referencesWidget(ctx);
    default:
      return field(ctx);
  }
}

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
          { value: "true", label: WORDS.yes[ctx.lang], hint: undefined, other: false },
          { value: "false", label: WORDS.no[ctx.lang], hint: undefined, other: false },
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

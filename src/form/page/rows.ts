/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The controls that grow a row at a time: lists (one short item per row) and references (a
 * link or a local image, like or avoid, and a note).
 */
import type { Reference } from "../../answers/types.ts";
import { fill } from "../fill.ts";
import { noOther, type Widget, type WidgetContext } from "./control.ts";
import { h, idPart, uid } from "./dom.ts";

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
export function listWidget(ctx: WidgetContext): Widget {
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
export function referencesWidget(ctx: WidgetContext): Widget {
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

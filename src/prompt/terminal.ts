/**
 * The terminal hearing UI: the Prompter built on the widgets of inquirer.ts (which alone
 * imports inquirer). Picks the widget for each question type and turns its outcome into
 * the flow's Reply; layout comes from screen.ts.
 */
import { parseReferenceLine } from "../answers/coerce.ts";
import type { Ask, PackChoice, Prompter, Reply, Review, ReviewReply } from "../flow/prompter.ts";
import type { Lang } from "../i18n.ts";
import { checkboxWidget, type ListRow, linesWidget, lineWidget, listWidget, type Outcome, runWidget, type WidgetContext } from "./inquirer.ts";
import { CoalescedKeys } from "./keys.ts";
import { L } from "./labels.ts";
import {
  choiceRows,
  initialLines,
  initialRow,
  initialText,
  keyLine,
  questionKeys,
  renderHead,
  type Style,
  scaleAsList,
  screenHeight,
  truncate,
} from "./screen.ts";
import { type Measure, narrow } from "./width.ts";

export { measureFromEnv } from "./width.ts";

export interface TerminalOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number; rows?: number };
  style: Style;
  signal: AbortSignal;
  /** Columns of text on this terminal (KIKITORI_AMBIGUOUS); East Asian Width, ambiguous narrow by default. */
  measure?: Measure;
}

export class TerminalPrompter implements Prompter {
  /** The keys, with pasted text as one keypress (see keys.ts). */
  private readonly keys: CoalescedKeys;

  constructor(private readonly o: TerminalOptions) {
    this.keys = new CoalescedKeys(o.input);
  }

  private get measure(): Measure {
    return this.o.measure ?? narrow;
  }

  private get width(): number {
    return Math.max(20, (this.o.output.columns ?? 80) - 2);
  }

  /**
   * Rows of a list that fit under its header (at most `cap`, so a question stays compact):
   * a prompt taller than the terminal could not be redrawn in place.
   */
  private pageSize(head: string[], cap = 12): number {
    return Math.max(3, Math.min(cap, (this.o.output.rows ?? 24) - screenHeight(head, this.width + 2, this.measure) - 4));
  }

  private run<T, C>(widget: (config: C, context: WidgetContext) => Promise<Outcome<T>>, config: C) {
    // Typed text is taken as runs only where text is typed: in a list every key has its own
    // meaning (`3` then Space picks the third choice).
    this.keys.coalesce = widget === (lineWidget as unknown) || widget === (linesWidget as unknown);
    return runWidget(widget, config, { input: this.keys as unknown as NodeJS.ReadableStream, output: this.o.output, signal: this.o.signal });
  }

  async ask(ask: Ask): Promise<Reply> {
    const s = this.o.style;
    const m = this.measure;
    const head = renderHead(ask, s, this.width, m);
    const summary = (o: Outcome<unknown>, shown: string) =>
      o.type === "back"
        ? s.dim(`↩ ${ask.message}`)
        : `${s.ok("✔")} ${ask.message} ${s.accent(o.type === "pending" ? L.pending[ask.lang] : truncate(shown, this.width, m))}`;
    const area =
      ask.type === "multiselect" ? "checkbox" : ask.choices || ask.type === "confirm" || scaleAsList(ask) ? "list" : lineTypes(ask.type) ? "lines" : "line";
    const base = {
      head,
      style: s,
      keys: keyLine(questionKeys(ask, area), s),
      canBack: true,
      canPending: ask.canPending,
      noPending: L.noPending[ask.lang],
      measure: m,
    };
    if (area === "list") {
      const rows = choiceRows(ask);
      const out = await this.run(listWidget, {
        ...base,
        rows: rows.map((r) => ({ label: r.label, ...(r.hint ? { hint: r.hint } : {}), selectable: true })),
        active: initialRow(rows, ask),
        pageSize: this.pageSize(head),
        width: this.width,
        summary: (o: Outcome<unknown>) => {
          const row = o.type === "answer" ? rows[o.value as number] : undefined;
          return summary(o, row ? (ask.choices?.find((c) => c.value === row.value)?.label ?? row.label) : "");
        },
      });
      return out.type === "answer" ? { type: "answer", value: rows[out.value]?.value ?? null } : out;
    }
    if (area === "checkbox") {
      const choices = ask.choices ?? [];
      const values = (i: number[]) => i.map((n) => choices[n]?.value ?? "");
      const initial = Array.isArray(ask.initial) ? ask.initial : [];
      const out = await this.run(checkboxWidget, {
        ...base,
        rows: choices.map((c) => ({ label: c.other ? `${c.label} ${L.otherMark[ask.lang]}` : c.label, ...(c.hint ? { hint: c.hint } : {}), selectable: true })),
        checked: choices.map((c) => initial.some((v) => v === c.value)),
        pageSize: this.pageSize(head),
        width: this.width,
        validate: (i: number[]) => ask.validate(values(i)),
        summary: (o: Outcome<unknown>) => summary(o, o.type === "answer" ? (o.value as number[]).map((n) => choices[n]?.label ?? "").join(", ") : ""),
      });
      return out.type === "answer" ? { type: "answer", value: values(out.value) } : out;
    }
    if (area === "lines") {
      const convert = (lines: string[]) => linesValue(ask, lines);
      const out = await this.run(linesWidget, {
        ...base,
        initial: initialLines(ask),
        validate: (lines: string[]) => ask.validate(convert(lines)),
        summary: (o: Outcome<unknown>) => summary(o, o.type === "answer" ? (o.value as string[]).join(" / ") : ""),
      });
      return out.type === "answer" ? { type: "answer", value: convert(out.value) } : out;
    }
    return this.run(lineWidget, {
      ...base,
      initial: initialText(ask),
      validate: (v: string) => ask.validate(v),
      summary: (o: Outcome<unknown>) => summary(o, o.type === "answer" ? String(o.value) : ""),
    });
  }

  async review(r: Review): Promise<ReviewReply> {
    const s = this.o.style;
    const lang = r.lang;
    const rows: (ListRow & { id?: string })[] = [{ label: L.finish[lang], selectable: true }];
    for (const sec of r.sections) {
      rows.push({ label: `▪ ${sec.title}`, selectable: false });
      for (const it of sec.items)
        rows.push({ id: it.id, label: it.label, hint: it.text || L.notAnswered[lang], sep: "  ", accent: it.text !== "", selectable: true });
    }
    const head = [s.bold(r.title), s.accent(L.review[lang]), ...(r.notice ? [s.error(r.notice)] : []), ""];
    const keys: [string, string][] = [
      [L.upDown[lang], L.move[lang]],
      ["Enter", L.finishOrEdit[lang]],
    ];
    const out = await this.run(listWidget, {
      head,
      style: s,
      keys: keyLine(keys, s),
      canBack: false,
      canPending: false,
      measure: this.measure,
      rows,
      active: 0,
      pageSize: this.pageSize(head, 100),
      width: this.width,
      summary: (o: Outcome<unknown>) => (o.type === "answer" && o.value === 0 ? `${s.ok("✔")} ${L.review[lang]}` : s.dim(`✎ ${L.edit[lang]}`)),
    });
    const id = out.type === "answer" ? rows[out.value]?.id : undefined;
    return id ? { type: "edit", id } : { type: "finish" };
  }

  async choosePack(lang: Lang, packs: PackChoice[]): Promise<string> {
    const s = this.o.style;
    const head = [`${s.accent("?")} ${s.bold(L.choosePack[lang])}`];
    const out = await this.run(listWidget, {
      head,
      style: s,
      keys: keyLine(
        [
          [L.upDown[lang], L.move[lang]],
          ["Enter", L.choose[lang]],
        ],
        s,
      ),
      canBack: false,
      canPending: false,
      measure: this.measure,
      rows: packs.map((p) => ({ label: p.title, hint: `${p.id}@${p.version}`, selectable: true })),
      active: 0,
      pageSize: this.pageSize(head),
      width: this.width,
      summary: (o: Outcome<unknown>) => `${s.ok("✔")} ${L.choosePack[lang]} ${s.accent(o.type === "answer" ? (packs[o.value as number]?.title ?? "") : "")}`,
    });
    return (out.type === "answer" ? packs[out.value]?.id : undefined) ?? packs[0]?.id ?? "";
  }

  say(text: string): void {
    this.o.output.write(`${text}\n`);
  }
}

function lineTypes(type: Ask["type"]): boolean {
  return type === "paragraph" || type === "list" || type === "references";
}

/** Typed lines as the question's value: one text, a list, or references. */
function linesValue(ask: Ask, lines: string[]): unknown {
  const kept = lines.map((l) => l.trimEnd());
  if (ask.type === "paragraph") return kept.join("\n").trim();
  const items = kept.filter((l) => l.trim() !== "");
  if (ask.type === "references") return items.map((l) => parseReferenceLine(l) ?? l);
  return items.map((l) => l.trim());
}

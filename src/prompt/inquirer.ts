/**
 * The terminal hearing UI: the only module that imports inquirer. Four small widgets built
 * on @inquirer/core (one line, several lines, a list to pick from, a checkbox list), each
 * with Esc for back and Ctrl-N for "not decided yet", wrapped in the Prompter interface.
 * Layout lives in screen.ts; this file only handles keys and state.
 */
import {
  AbortPromptError,
  createPrompt,
  ExitPromptError,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  useEffect,
  useKeypress,
  usePagination,
  useState,
} from "@inquirer/core";
import { parseReferenceLine } from "../answers/coerce.ts";
import { type Ask, Interrupted, type PackChoice, type Prompter, type Reply, type Review, type ReviewReply } from "../flow/prompter.ts";
import type { Lang } from "../i18n.ts";
import { L } from "./labels.ts";
import { choiceRows, initialLines, initialRow, initialText, keyLine, questionKeys, renderHead, type Style, scaleAsList, truncate } from "./screen.ts";

type Outcome<T> = { type: "answer"; value: T } | { type: "back" } | { type: "pending" } | { type: "closed" };
type Key = { name: string; ctrl: boolean; shift: boolean };
const HIDE_CURSOR = "\u001b[?25l";

interface Base {
  head: string[];
  keys: string;
  style: Style;
  canBack: boolean;
  canPending: boolean;
  /** The one line left on screen once answered. */
  summary: (o: Outcome<unknown>) => string;
}

/** Keys every widget shares; returns the outcome they end with, if any. */
function commonKey(key: Key, c: Base): Outcome<never> | undefined {
  if (key.name === "escape" && c.canBack) return { type: "back" };
  if (key.ctrl && key.name === "n" && c.canPending) return { type: "pending" };
  return undefined;
}

/**
 * Ctrl-D on an empty line, the end of input or a terminal that went away close readline:
 * end the prompt too. (A vanished terminal also makes readline emit an EIO error while it
 * resets the terminal mode; without a listener that error would crash the process.)
 */
function useClose(done: (o: Outcome<never>) => void): void {
  useEffect((rl) => {
    const onClose = () => done({ type: "closed" });
    rl.on("close", onClose);
    rl.on("error", onClose);
    return () => {
      rl.removeListener("close", onClose);
      rl.removeListener("error", onClose);
    };
  }, []);
}

const lineWidget = createPrompt<Outcome<string>, Base & { initial: string; validate(v: string): string | undefined }>((c, done) => {
  const [final, setFinal] = useState<Outcome<string> | undefined>();
  const [value, setValue] = useState(c.initial);
  const [error, setError] = useState<string | undefined>();
  const finish = (o: Outcome<string>) => {
    setFinal(o);
    done(o);
  };
  useClose(done);
  useEffect((rl) => {
    if (c.initial) rl.write(c.initial);
  }, []);
  useKeypress((key, rl) => {
    if (final) return;
    const common = commonKey(key, c);
    if (common) return finish(common);
    if (isEnterKey(key)) {
      const why = c.validate(value);
      if (why === undefined) return finish({ type: "answer", value });
      // readline empties its line on Enter: put the text back so it can be corrected.
      rl.write(value);
      setError(why);
      return;
    }
    setValue(rl.line);
    setError(undefined);
  });
  if (final) return c.summary(final);
  return [[...c.head, `${c.style.accent("›")} ${value}`].join("\n"), [error ? c.style.error(`✖ ${error}`) : "", c.keys].filter(Boolean).join("\n")];
});

const linesWidget = createPrompt<Outcome<string[]>, Base & { initial: string[]; validate(v: string[]): string | undefined }>((c, done) => {
  const [final, setFinal] = useState<Outcome<string[]> | undefined>();
  const [lines, setLines] = useState(c.initial);
  const [current, setCurrent] = useState("");
  const [error, setError] = useState<string | undefined>();
  const finish = (o: Outcome<string[]>) => {
    setFinal(o);
    done(o);
  };
  useClose(done);
  useKeypress((key, rl) => {
    if (final) return;
    const common = commonKey(key, c);
    if (common) return finish(common);
    setError(undefined);
    if (isEnterKey(key)) {
      if (current.trim() !== "") {
        setLines([...lines, current]);
        setCurrent("");
        return;
      }
      const why = c.validate(lines);
      if (why === undefined) return finish({ type: "answer", value: lines });
      setError(why);
      return;
    }
    if (isBackspaceKey(key) && current === "" && rl.line === "" && lines.length > 0) {
      // Backspace on an empty line takes the previous line back for editing.
      const last = lines[lines.length - 1] ?? "";
      setLines(lines.slice(0, -1));
      rl.write(last);
      setCurrent(last);
      return;
    }
    setCurrent(rl.line);
  });
  if (final) return c.summary(final);
  const typed = lines.map((l) => `  ${c.style.dim("│")} ${l}`);
  return [[...c.head, ...typed, `${c.style.accent("›")} ${current}`].join("\n"), [error ? c.style.error(`✖ ${error}`) : "", c.keys].filter(Boolean).join("\n")];
});

interface ListRow {
  label: string;
  hint?: string;
  selectable: boolean;
}

const listWidget = createPrompt<Outcome<number>, Base & { rows: ListRow[]; active: number; pageSize: number; width: number }>((c, done) => {
  const [final, setFinal] = useState<Outcome<number> | undefined>();
  const [active, setActive] = useState(c.active);
  const finish = (o: Outcome<number>) => {
    setFinal(o);
    done(o);
  };
  useClose(done);
  useKeypress((key, rl) => {
    if (final) return;
    const common = commonKey(key, c);
    if (common) return finish(common);
    if (isEnterKey(key)) return finish({ type: "answer", value: active });
    const step = isUpKey(key) ? -1 : isDownKey(key) ? 1 : 0;
    const digit = /^[1-9]$/.test(key.name) ? Number(key.name) : 0;
    if (step) {
      let next = active + step;
      while (c.rows[next] && !c.rows[next]?.selectable) next += step;
      if (c.rows[next]) setActive(next);
    } else if (digit) {
      // A digit picks the nth choice (the rows that can be picked, counted from 1).
      const target = c.rows.map((r, i) => (r.selectable ? i : -1)).filter((i) => i >= 0)[digit - 1];
      if (target !== undefined) setActive(target);
    }
    rl.clearLine(0);
  });
  const page = usePagination({
    items: c.rows,
    active,
    pageSize: c.pageSize,
    loop: false,
    renderItem: ({ item, isActive }) => {
      if (!item.selectable) return c.style.bold(truncate(item.label, c.width));
      const text = truncate(`${item.label}${item.hint ? c.style.dim(` — ${item.hint}`) : ""}`, c.width - 2);
      return isActive ? c.style.highlight(`❯ ${text}`) : `  ${text}`;
    },
  });
  if (final) return c.summary(final);
  return `${[...c.head, page, "", c.keys].join("\n")}${HIDE_CURSOR}`;
});

const checkboxWidget = createPrompt<
  Outcome<number[]>,
  Base & { rows: ListRow[]; checked: boolean[]; pageSize: number; width: number; validate(v: number[]): string | undefined }
>((c, done) => {
  const [final, setFinal] = useState<Outcome<number[]> | undefined>();
  const [active, setActive] = useState(0);
  const [checked, setChecked] = useState(c.checked);
  const [error, setError] = useState<string | undefined>();
  const picked = () => checked.map((on, i) => (on ? i : -1)).filter((i) => i >= 0);
  const finish = (o: Outcome<number[]>) => {
    setFinal(o);
    done(o);
  };
  useClose(done);
  useKeypress((key, rl) => {
    if (final) return;
    const common = commonKey(key, c);
    if (common) return finish(common);
    setError(undefined);
    if (isEnterKey(key)) {
      const why = c.validate(picked());
      if (why === undefined) return finish({ type: "answer", value: picked() });
      return setError(why);
    }
    if (isUpKey(key) && active > 0) setActive(active - 1);
    if (isDownKey(key) && active < c.rows.length - 1) setActive(active + 1);
    if (isSpaceKey(key)) setChecked(checked.map((on, i) => (i === active ? !on : on)));
    rl.clearLine(0);
  });
  const page = usePagination({
    items: c.rows,
    active,
    pageSize: c.pageSize,
    loop: false,
    renderItem: ({ item, index, isActive }) => {
      const box = checked[index] ? c.style.ok("◉") : "◯";
      const text = truncate(`${item.label}${item.hint ? c.style.dim(` — ${item.hint}`) : ""}`, c.width - 4);
      return isActive ? c.style.highlight(`❯ ${box} ${text}`) : `  ${box} ${text}`;
    },
  });
  if (final) return c.summary(final);
  return `${[...c.head, page, "", error ? c.style.error(`✖ ${error}`) : "", c.keys].filter((l, i, a) => l !== "" || a[i - 1] !== "").join("\n")}${HIDE_CURSOR}`;
});

export interface TerminalOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number; rows?: number };
  style: Style;
  signal: AbortSignal;
}

export class InquirerPrompter implements Prompter {
  constructor(private readonly o: TerminalOptions) {}

  private get width(): number {
    return Math.max(20, (this.o.output.columns ?? 80) - 2);
  }

  /** Rows of a list that fit under its header (at most `cap`, so a question stays compact). */
  private pageSize(head: number, cap = 12): number {
    return Math.max(3, Math.min(cap, (this.o.output.rows ?? 24) - head - 4));
  }

  private async run<T, C>(widget: (config: C, context: object) => Promise<Outcome<T>>, config: C): Promise<Exclude<Outcome<T>, { type: "closed" }>> {
    let out: Outcome<T>;
    try {
      out = await widget(config, { input: this.o.input, output: this.o.output, signal: this.o.signal });
    } catch (e) {
      if (e instanceof AbortPromptError) throw new Interrupted("aborted");
      if (e instanceof ExitPromptError) throw new Interrupted("interrupt");
      throw e;
    }
    if (out.type === "closed") throw new Interrupted("closed");
    return out;
  }

  async ask(ask: Ask): Promise<Reply> {
    const s = this.o.style;
    const head = renderHead(ask, s, this.width);
    const summary = (o: Outcome<unknown>, shown: string) =>
      o.type === "back"
        ? s.dim(`↩ ${ask.message}`)
        : `${s.ok("✔")} ${ask.message} ${s.accent(o.type === "pending" ? L.pending[ask.lang] : truncate(shown, this.width))}`;
    const area =
      ask.type === "multiselect" ? "checkbox" : ask.choices || ask.type === "confirm" || scaleAsList(ask) ? "list" : lineTypes(ask.type) ? "lines" : "line";
    const base = { head, style: s, keys: keyLine(questionKeys(ask, area), s), canBack: true, canPending: ask.canPending };
    if (area === "list") {
      const rows = choiceRows(ask);
      const out = await this.run(listWidget, {
        ...base,
        rows: rows.map((r) => ({ label: r.label, ...(r.hint ? { hint: r.hint } : {}), selectable: true })),
        active: initialRow(rows, ask),
        pageSize: this.pageSize(head.length),
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
        pageSize: this.pageSize(head.length),
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
      rows.push({ label: `■ ${sec.title}`, selectable: false });
      for (const it of sec.items) rows.push({ id: it.id, label: `${it.label}  ${it.text ? s.accent(it.text) : s.dim(L.notAnswered[lang])}`, selectable: true });
    }
    const head = [s.bold(r.title), s.accent(L.review[lang]), ...(r.notice ? [s.error(r.notice)] : []), ""];
    const keys: [string, string][] = [
      ["↑↓", L.move[lang]],
      ["Enter", L.finishOrEdit[lang]],
    ];
    const out = await this.run(listWidget, {
      head,
      style: s,
      keys: keyLine(keys, s),
      canBack: false,
      canPending: false,
      rows,
      active: 0,
      pageSize: this.pageSize(head.length, 100),
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
          ["↑↓", L.move[lang]],
          ["Enter", L.choose[lang]],
        ],
        s,
      ),
      canBack: false,
      canPending: false,
      rows: packs.map((p) => ({ label: p.title, hint: `${p.id}@${p.version}`, selectable: true })),
      active: 0,
      pageSize: this.pageSize(head.length),
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

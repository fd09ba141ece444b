/**
 * The only module that imports inquirer: four small widgets built on @inquirer/core (one
 * line, several lines, a list to pick from, a checkbox list), each with Esc for back and
 * Ctrl-N for "not decided yet". terminal.ts turns them into a Prompter; screen.ts lays
 * them out; this file only handles keys and state.
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
  useRef,
  useState,
} from "@inquirer/core";
import { Interrupted } from "../flow/prompter.ts";
import { rowText, type Style, truncate } from "./screen.ts";
import type { Measure } from "./width.ts";

export type Outcome<T> = { type: "answer"; value: T } | { type: "back" } | { type: "pending" } | { type: "closed" };
type Key = { name: string; ctrl: boolean; shift: boolean };
const HIDE_CURSOR = "\u001b[?25l";

export interface Base {
  head: string[];
  keys: string;
  style: Style;
  canBack: boolean;
  canPending: boolean;
  measure: Measure;
  /** Shown when Ctrl-N is pressed where "not decided yet" is not allowed (nothing else happens). */
  noPending?: string;
  /** The one line left on screen once answered. */
  summary: (o: Outcome<unknown>) => string;
}

/**
 * Keys every widget shares; returns the outcome they end with, if any, or the line to show
 * when the key is refused (Ctrl-N on a question that cannot be "not decided yet").
 */
function commonKey(key: Key, c: Base): Outcome<never> | { refused: string } | undefined {
  if (key.name === "escape" && c.canBack) return { type: "back" };
  if (key.ctrl && key.name === "n") {
    if (c.canPending) return { type: "pending" };
    if (c.noPending) return { refused: c.noPending };
  }
  return undefined;
}

/** The nth row that can be picked (counted from 1), for a digit key. */
function digitTarget(rows: readonly ListRow[], key: Key): number | undefined {
  const digit = /^[1-9]$/.test(key.name) ? Number(key.name) : 0;
  if (!digit) return undefined;
  return rows.map((r, i) => (r.selectable ? i : -1)).filter((i) => i >= 0)[digit - 1];
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

/**
 * The typed line, drawn once per burst of keys. A paste arrives as one keypress per
 * character, and drawing the whole line again after each made a 10 KB paste take seconds
 * (quadratic); `latest` follows every key, the drawing waits until the burst is over.
 */
function useTypedLine(initial: string, draw: (line: string) => void): { latest: { current: string }; typed(line: string): void } {
  const latest = useRef(initial);
  const timer = useRef<NodeJS.Immediate | undefined>(undefined);
  useEffect(
    () => () => {
      if (timer.current) clearImmediate(timer.current);
    },
    [],
  );
  return {
    latest,
    typed(line: string) {
      latest.current = line;
      timer.current ??= setImmediate(() => {
        timer.current = undefined;
        draw(latest.current);
      });
    },
  };
}

export const lineWidget = createPrompt<Outcome<string>, Base & { initial: string; validate(v: string): string | undefined }>((c, done) => {
  const [final, setFinal] = useState<Outcome<string> | undefined>();
  const [value, setValue] = useState(c.initial);
  const [error, setError] = useState<string | undefined>();
  const line = useTypedLine(c.initial, setValue);
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
    if (common && "refused" in common) return setError(common.refused);
    if (common) return finish(common);
    if (isEnterKey(key)) {
      const typed = line.latest.current;
      const why = c.validate(typed);
      if (why === undefined) return finish({ type: "answer", value: typed });
      // readline empties its line on Enter: put the text back so it can be corrected.
      rl.write(typed);
      setValue(typed);
      setError(why);
      return;
    }
    line.typed(rl.line);
    setError(undefined);
  });
  if (final) return c.summary(final);
  return [[...c.head, `${c.style.accent("›")} ${value}`].join("\n"), [error ? c.style.error(`✖ ${error}`) : "", c.keys].filter(Boolean).join("\n")];
});

export const linesWidget = createPrompt<Outcome<string[]>, Base & { initial: string[]; validate(v: string[]): string | undefined }>((c, done) => {
  const [final, setFinal] = useState<Outcome<string[]> | undefined>();
  const [lines, setLines] = useState(c.initial);
  const [current, setCurrent] = useState("");
  const [error, setError] = useState<string | undefined>();
  const line = useTypedLine("", setCurrent);
  const finish = (o: Outcome<string[]>) => {
    setFinal(o);
    done(o);
  };
  useClose(done);
  useKeypress((key, rl) => {
    if (final) return;
    const common = commonKey(key, c);
    if (common && "refused" in common) return setError(common.refused);
    if (common) return finish(common);
    setError(undefined);
    const typed = line.latest.current;
    if (isEnterKey(key)) {
      if (typed.trim() !== "") {
        setLines([...lines, typed]);
        line.latest.current = "";
        setCurrent("");
        return;
      }
      const why = c.validate(lines);
      if (why === undefined) return finish({ type: "answer", value: lines });
      setError(why);
      return;
    }
    if (isBackspaceKey(key) && typed === "" && rl.line === "" && lines.length > 0) {
      // Backspace on an empty line takes the previous line back for editing.
      const last = lines[lines.length - 1] ?? "";
      setLines(lines.slice(0, -1));
      rl.write(last);
      line.latest.current = last;
      setCurrent(last);
      return;
    }
    line.typed(rl.line);
  });
  if (final) return c.summary(final);
  const typed = lines.map((l) => `  ${c.style.dim("|")} ${l}`);
  return [[...c.head, ...typed, `${c.style.accent("›")} ${current}`].join("\n"), [error ? c.style.error(`✖ ${error}`) : "", c.keys].filter(Boolean).join("\n")];
});

export interface ListRow {
  label: string;
  hint?: string;
  /** How the hint is set off: " - " in dim by default; the review shows answers in colour. */
  sep?: string;
  accent?: boolean;
  selectable: boolean;
}

function rowOf(item: ListRow, width: number, c: Base): string {
  return rowText(item.label, item.hint, width, item.accent ? c.style.accent : c.style.dim, item.sep, c.measure);
}

export const listWidget = createPrompt<Outcome<number>, Base & { rows: ListRow[]; active: number; pageSize: number; width: number }>((c, done) => {
  const [final, setFinal] = useState<Outcome<number> | undefined>();
  const [active, setActive] = useState(c.active);
  const [error, setError] = useState<string | undefined>();
  const finish = (o: Outcome<number>) => {
    setFinal(o);
    done(o);
  };
  useClose(done);
  useKeypress((key, rl) => {
    if (final) return;
    const common = commonKey(key, c);
    rl.clearLine(0);
    if (common && "refused" in common) return setError(common.refused);
    if (common) return finish(common);
    setError(undefined);
    if (isEnterKey(key)) return finish({ type: "answer", value: active });
    const step = isUpKey(key) ? -1 : isDownKey(key) ? 1 : 0;
    // A digit picks the nth choice (the rows that can be picked, counted from 1).
    const target = digitTarget(c.rows, key);
    if (step) {
      let next = active + step;
      while (c.rows[next] && !c.rows[next]?.selectable) next += step;
      if (c.rows[next]) setActive(next);
    } else if (target !== undefined) setActive(target);
  });
  const page = usePagination({
    items: c.rows,
    active,
    pageSize: c.pageSize,
    loop: false,
    renderItem: ({ item, isActive }) => {
      if (!item.selectable) return c.style.bold(truncate(item.label, c.width, c.measure));
      const text = rowOf(item, c.width - 2, c);
      return isActive ? c.style.highlight(`❯ ${text}`) : `  ${text}`;
    },
  });
  if (final) return c.summary(final);
  return `${[...c.head, page, "", error ? c.style.error(`✖ ${error}`) : "", c.keys].filter((l, i, a) => l !== "" || a[i - 1] !== "").join("\n")}${HIDE_CURSOR}`;
});

export const checkboxWidget = createPrompt<
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
    rl.clearLine(0);
    if (common && "refused" in common) return setError(common.refused);
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
    // As in a list, a digit jumps to that choice (Space then picks it).
    const target = digitTarget(c.rows, key);
    if (target !== undefined) setActive(target);
  });
  const page = usePagination({
    items: c.rows,
    active,
    pageSize: c.pageSize,
    loop: false,
    renderItem: ({ item, index, isActive }) => {
      // "[ ]" and "[x]": ◯ is one column in some terminals and two in others.
      const box = checked[index] ? c.style.ok("[x]") : "[ ]";
      const text = rowOf(item, c.width - 6, c);
      return isActive ? c.style.highlight(`❯ ${box} ${text}`) : `  ${box} ${text}`;
    },
  });
  if (final) return c.summary(final);
  return `${[...c.head, page, "", error ? c.style.error(`✖ ${error}`) : "", c.keys].filter((l, i, a) => l !== "" || a[i - 1] !== "").join("\n")}${HIDE_CURSOR}`;
});

export interface WidgetContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal: AbortSignal;
}

/**
 * Runs one widget; the ways a person can leave (Ctrl-C, a signal, the end of input) all
 * become Interrupted, the flow's own error, so nothing outside this file knows inquirer.
 */
export async function runWidget<T, C>(
  widget: (config: C, context: WidgetContext) => Promise<Outcome<T>>,
  config: C,
  context: WidgetContext,
): Promise<Exclude<Outcome<T>, { type: "closed" }>> {
  let out: Outcome<T>;
  try {
    out = await widget(config, context);
  } catch (e) {
    if (e instanceof AbortPromptError) throw new Interrupted("aborted");
    if (e instanceof ExitPromptError) throw new Interrupted("interrupt");
    throw e;
  }
  if (out.type === "closed") throw new Interrupted("closed");
  return out;
}

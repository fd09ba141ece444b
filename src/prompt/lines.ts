/**
 * The accessible hearing: plain numbered questions, one line of text per answer, no cursor
 * movement and no colours, for screen readers and dumb terminals (and pipes). Typing `<`
 * goes back, `?` repeats the help, `pending` (or 未定) means "not decided yet"; an empty
 * line keeps the current answer.
 */
import * as readline from "node:readline";
import { isPendingWord, parseReferenceLine } from "../answers/coerce.ts";
import { type Ask, Interrupted, type PackChoice, type Prompter, type Reply, type Review, type ReviewReply } from "../flow/prompter.ts";
import { type Lang, msg } from "../i18n.ts";
import { L, progressLine, rangeHint } from "./labels.ts";
import { choiceRows, initialLines, initialText, referenceLine } from "./screen.ts";

/** Lines of input as promises: lines that arrive early wait in a queue. */
export class LineReader {
  private readonly queue: string[] = [];
  private waiting: { resolve(l: string): void; reject(e: Error): void } | undefined;
  private ended: Interrupted | undefined;
  private readonly rl: readline.Interface;

  constructor(input: NodeJS.ReadableStream, signal: AbortSignal) {
    this.rl = readline.createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    this.rl.on("line", (l) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w.resolve(l);
      } else this.queue.push(l);
    });
    this.rl.on("close", () => this.end(new Interrupted("closed")));
    signal.addEventListener("abort", () => this.end(new Interrupted("aborted")), { once: true });
  }

  private end(e: Interrupted): void {
    this.ended ??= e;
    this.waiting?.reject(this.ended);
    this.waiting = undefined;
  }

  next(): Promise<string> {
    const l = this.queue.shift();
    if (l !== undefined) return Promise.resolve(l);
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  close(): void {
    this.rl.close();
  }
}

const A = {
  typeNumber: msg("番号を入力してください。", "Type a number."),
  typeNumbers: msg("番号をカンマ区切りで入力してください (例: 1,3)。", "Type the numbers, separated by commas (e.g. 1,3)."),
  typeYesNo: msg("はい か いいえ (y/n) で答えてください。", "Answer yes or no (y/n)."),
  typeLines: msg("1行ずつ入力し、空行で終わります。", "Type one line at a time; an empty line ends."),
  keep: msg("Enter だけで現在の回答のままにします。", "Enter alone keeps the current answer."),
  current: msg("現在の回答", "Current answer"),
  keys: msg("「<」で前の質問へ、「?」で説明を表示。", 'Type "<" to go back, "?" for help.'),
  pendingKey: msg("「pending」または「未定」で未定にできます。", 'Type "pending" for not decided yet.'),
  question: msg("質問", "Question"),
  noHelp: msg("この質問に説明はありません。", "This question has no help text."),
  reviewHow: msg("Enter で完了して保存、番号を入力するとその回答を修正します。", "Press Enter to finish and save, or type a number to change that answer."),
  badNumber: msg("その番号はありません。", "There is no such number."),
};

export class LinePrompter implements Prompter {
  constructor(
    private readonly reader: LineReader,
    private readonly out: { write(s: string): unknown },
  ) {}

  say(text: string): void {
    this.out.write(`${text}\n`);
  }

  private async read(): Promise<string> {
    this.out.write("> ");
    return (await this.line()).trim();
  }

  private async line(): Promise<string> {
    try {
      return await this.reader.next();
    } catch (e) {
      // Leave the "> " line (and a ^C the terminal echoed) before the interruption message.
      this.out.write("\n");
      throw e;
    }
  }

  async ask(ask: Ask): Promise<Reply> {
    const lang = ask.lang;
    const f = ask.frame;
    this.say("");
    this.say(`[${progressLine(f, lang)}]`);
    if (f.intro && ask.kind === "question") this.say(f.intro);
    if (ask.notice) this.say(`! ${ask.notice}`);
    const tags = [ask.required ? L.required[lang] : L.optional[lang], rangeHint(ask, lang)].filter(Boolean).join(", ");
    this.say(`${A.question[lang]} ${f.question}: ${ask.message} (${tags})`);
    const rows = ask.choices || ask.type === "confirm" ? choiceRows(ask).filter((r) => r.value !== null) : [];
    rows.forEach((r, i) => {
      this.say(`  ${i + 1}. ${r.label}${r.hint ? ` — ${r.hint}` : ""}`);
    });
    const multi = ask.type === "paragraph" || ask.type === "list" || ask.type === "references";
    const current = currentText(ask);
    if (ask.pendingNow) this.say(`${L.pendingNow[lang]}${ask.pendingNow.note ? ` (${ask.pendingNow.note})` : ""}`);
    else if (current) this.say(`${A.current[lang]}: ${current}`);
    const how =
      ask.type === "multiselect" ? A.typeNumbers : ask.type === "confirm" ? A.typeYesNo : rows.length ? A.typeNumber : multi ? A.typeLines : undefined;
    this.say(
      [
        how?.[lang],
        ask.type === "references" ? L.refsFormat[lang] : "",
        ask.type === "date" ? L.dateFormat[lang] : "",
        current ? A.keep[lang] : "",
        A.keys[lang],
        ask.canPending ? A.pendingKey[lang] : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
    for (;;) {
      const line = await this.read();
      if (line === "<") return { type: "back" };
      if (line === "?") {
        this.say(ask.help ? `${L.why[lang]}: ${ask.help}` : A.noHelp[lang]);
        if (ask.examples.length) this.say(`${L.examples[lang]}: ${ask.examples.join(" / ")}`);
        continue;
      }
      if (ask.canPending && isPendingWord(line)) return { type: "pending" };
      if (!ask.canPending && isPendingWord(line) && ask.type !== "text" && ask.type !== "paragraph" && ask.type !== "list") {
        this.say(`✖ ${L.noPending[lang]}`);
        continue;
      }
      let value: unknown;
      if (line === "" && ask.initial !== undefined) value = ask.initial;
      else if (multi) {
        const lines = line === "" ? [] : [line, ...(await this.more())];
        value = ask.type === "paragraph" ? lines.join("\n") : ask.type === "references" ? lines.map((l) => parseReferenceLine(l) ?? l) : lines;
      } else if (ask.type === "multiselect") value = pickMany(line, ask);
      else if (rows.length && /^\d+$/.test(line)) {
        const row = rows[Number(line) - 1];
        if (!row) {
          this.say(`✖ ${A.badNumber[lang]}`);
          continue;
        }
        value = row.value;
      } else value = line;
      const why = ask.validate(value);
      if (why === undefined) return { type: "answer", value };
      this.say(`✖ ${why}`);
    }
  }

  /** The rest of a multi-line answer, up to an empty line. */
  private async more(): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const l = (await this.line()).trimEnd();
      if (l.trim() === "") return lines;
      lines.push(l);
    }
  }

  async review(r: Review): Promise<ReviewReply> {
    const lang = r.lang;
    this.say("");
    this.say(`== ${r.title}: ${L.review[lang]} ==`);
    if (r.notice) this.say(`! ${r.notice}`);
    const ids: string[] = [];
    for (const s of r.sections) {
      this.say(`-- ${s.title}`);
      for (const it of s.items) {
        ids.push(it.id);
        this.say(`  ${ids.length}. ${it.label}: ${it.text || L.notAnswered[lang]}`);
      }
    }
    this.say(A.reviewHow[lang]);
    for (;;) {
      const line = await this.read();
      if (line === "") return { type: "finish" };
      const id = /^\d+$/.test(line) ? ids[Number(line) - 1] : undefined;
      if (id) return { type: "edit", id };
      this.say(`✖ ${A.badNumber[lang]} ${A.reviewHow[lang]}`);
    }
  }

  async choosePack(lang: Lang, packs: PackChoice[]): Promise<string> {
    this.say(L.choosePack[lang]);
    packs.forEach((p, i) => {
      this.say(`  ${i + 1}. ${p.title} (${p.id}@${p.version})`);
    });
    this.say(A.typeNumber[lang]);
    for (;;) {
      const line = await this.read();
      const pack = /^\d+$/.test(line) ? packs[Number(line) - 1] : packs.find((p) => p.id === line);
      if (pack) return pack.id;
      this.say(`✖ ${A.badNumber[lang]}`);
    }
  }
}

/** `1,3` or `1 3` (or values and labels) → the picked choice values. */
function pickMany(line: string, ask: Ask): unknown[] {
  const choices = ask.choices ?? [];
  return line
    .split(/[,、\s]+/)
    .filter(Boolean)
    .map((tok) => (/^\d+$/.test(tok) ? (choices[Number(tok) - 1]?.value ?? tok) : tok));
}

function currentText(ask: Ask): string {
  const v = ask.initial;
  if (v === undefined) return "";
  const rows = ask.choices || ask.type === "confirm" ? choiceRows(ask) : [];
  if (Array.isArray(v) && ask.type === "multiselect") return v.map((x) => rows.find((r) => r.value === x)?.label ?? String(x)).join(", ");
  const row = rows.find((r) => r.value === v);
  if (row) return row.label;
  if (ask.type === "paragraph" || ask.type === "list" || ask.type === "references") return initialLines(ask).join(" / ");
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? x : referenceLine(x as never))).join(", ");
  return initialText(ask);
}

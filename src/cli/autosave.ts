/**
 * Autosave that loses nothing. When the answers file cannot be written (a full disk, a
 * folder that went away or turned read-only), the hearing does not die: it says so, keeps
 * the answers in memory and asks what to do: try again, save to another file, or carry on
 * (saving is tried again after the next answer). If the hearing is interrupted while
 * answers are unsaved, they go to a spare file, or failing that to the screen.
 */
import * as os from "node:os";
import * as path from "node:path";
import type { AnswersStore } from "../answers/autosave.ts";
import { renderAnswersYaml } from "../answers/io.ts";
import type { AnswersFile, Status } from "../answers/types.ts";
import { type KikitoriError, OutputError } from "../errors.ts";
import type { HearingState } from "../flow/hearing.ts";
import type { Ask, Frame, Prompter } from "../flow/prompter.ts";
import { type Lang, msg } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";
import type { Ctx } from "./context.ts";
import type { HearingLock } from "./hearing-lock.ts";
import { shown } from "./outputs.ts";

const T = {
  section: msg("自動保存", "Autosave"),
  what: msg("回答を保存できませんでした。どうしますか？ (回答は失われていません)", "The answers could not be saved. What now? (nothing is lost)"),
  retry: msg("もう一度保存する", "Try saving again"),
  elsewhere: msg("別のファイルに保存する", "Save to another file"),
  later: msg("このまま続ける (回答は保持し、次の回答の後にもう一度保存します)", "Carry on (the answers are kept; saving is tried again after the next answer)"),
  file: msg("回答を保存するファイル名", "The file to save the answers to"),
  needFile: msg("ファイル名を入力してください", "Type a file name"),
};

type Choice = "retry" | "elsewhere" | "later";

export class Autosave {
  private unsaved: { state: HearingState; status: Status } | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly store: AnswersStore,
    private readonly pack: Pack,
    private readonly lang: Lang,
    /** The hearing's lock: it moves with the answers to another file. */
    private readonly lock?: HearingLock,
  ) {}

  /** Whether the last answers given are not on disk. */
  get pending(): boolean {
    return this.unsaved !== undefined;
  }

  /**
   * Saves, asking the person what to do while it fails. Returns the document written, or
   * undefined when they chose to carry on without it for now. A prompt interrupted here
   * (Ctrl-C) throws as any prompt does; rescue() then keeps the answers.
   */
  async save(state: HearingState, status: Status, prompter: Prompter): Promise<AnswersFile | undefined> {
    let failed: OutputError | undefined;
    for (;;) {
      if (!failed) {
        try {
          const doc = this.store.save(state, status);
          this.unsaved = undefined;
          if (this.store.file) this.lock?.hold(this.store.file);
          return doc;
        } catch (e) {
          if (!(e instanceof OutputError)) throw e;
          failed = e;
        }
      }
      this.unsaved = { state, status };
      const choice = await this.choose(prompter, failed, status !== "complete");
      failed = undefined;
      if (choice === "later") return undefined;
      if (choice === "elsewhere") {
        const file = await this.askFile(prompter);
        if (!file) continue;
        const abs = path.resolve(this.ctx.io.cwd, file);
        try {
          // Not into a file another hearing has open.
          this.lock?.hold(abs);
          this.store.retarget(abs);
        } catch (e) {
          if (!(e instanceof OutputError)) throw e;
          failed = e;
        }
      }
    }
  }

  /**
   * The answers not yet saved, kept after all: in the answers file if it can be written
   * now, else in a spare file in the temporary folder, else printed to stderr. Returns the
   * file they are in (undefined when printed).
   */
  rescue(): string | undefined {
    const u = this.unsaved;
    if (!u) return this.store.file;
    try {
      this.store.save(u.state, u.status);
      this.unsaved = undefined;
      return this.store.file;
    } catch {
      // the file still cannot be written: try a spare one
    }
    const name = path.basename(this.store.file ?? `${this.pack.id}.answers.yaml`).replace(/\.answers\.ya?ml$|\.ya?ml$/, "");
    const spare = path.join(os.tmpdir(), `${name}-${process.pid}-${Date.now().toString(36)}.answers.yaml`);
    try {
      this.store.retarget(spare);
      this.store.save(u.state, u.status);
      this.unsaved = undefined;
      return spare;
    } catch {
      // nowhere to write: show them
    }
    const doc: AnswersFile = {
      kikitori: 1,
      pack: { id: this.pack.id, version: this.pack.version },
      lang: this.lang,
      status: u.status,
      meta: u.state.meta,
      answers: u.state.answers,
    };
    this.ctx.out.err(
      this.ctx.out.t(
        "回答をどこにも保存できませんでした。以下をファイルに保存し、kikitori resume で続けてください:",
        "The answers could not be saved anywhere. Save the text below to a file and continue with kikitori resume:",
      ),
    );
    this.ctx.io.stderr.write(renderAnswersYaml(doc, this.pack));
    return undefined;
  }

  private frame(): Frame {
    return { title: this.pack.title[this.lang], section: 1, sections: 1, sectionTitle: T.section[this.lang], question: 1, questions: 1 };
  }

  private async choose(prompter: Prompter, error: KikitoriError, canWait: boolean): Promise<Choice> {
    const lang = this.lang;
    const choices: Choice[] = canWait ? ["retry", "elsewhere", "later"] : ["retry", "elsewhere"];
    const ask: Ask = {
      kind: "meta",
      id: "autosave",
      type: "select",
      lang,
      frame: this.frame(),
      message: T.what[lang],
      examples: [],
      choices: choices.map((c) => ({ value: c, label: T[c][lang] })),
      required: true,
      canPending: false,
      notice: error.lines(lang).join(" "),
      validate: () => undefined,
    };
    for (;;) {
      const r = await prompter.ask(ask);
      if (r.type === "answer" && choices.includes(r.value as Choice)) return r.value as Choice;
    }
  }

  private async askFile(prompter: Prompter): Promise<string | undefined> {
    const lang = this.lang;
    const current = this.store.file;
    const r = await prompter.ask({
      kind: "meta",
      id: "autosave_file",
      type: "text",
      lang,
      frame: this.frame(),
      message: T.file[lang],
      examples: current ? [shown(this.ctx, path.join(os.homedir(), path.basename(current)))] : [],
      required: true,
      canPending: false,
      validate: (raw) => (typeof raw === "string" && raw.trim() ? undefined : T.needFile[lang]),
    });
    return r.type === "answer" && typeof r.value === "string" && r.value.trim() ? r.value.trim() : undefined;
  }
}

/**
 * The answers file of a running hearing: written again (atomically) after every answer with
 * `status: in-progress`, and a last time with `status: complete`. Without -o the file gets a
 * name of its own, chosen at the first write (when the client's name is known):
 * `<pack-id>-<YYYYMMDD>[-<client>].answers.yaml` in the working folder, with `-2`, `-3`…
 * added rather than replacing anything.
 */
import * as path from "node:path";
import { OutputError } from "../errors.ts";
import { exists } from "../files.ts";
import type { Lang } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";
import { writeAnswersFile } from "./io.ts";
import { defaultStem, outputFiles, stemOf } from "./names.ts";
import type { Answers, AnswersFile, Meta, Status } from "./types.ts";

export interface StoreOptions {
  pack: Pack;
  lang: Lang;
  /** The file to write; undefined to choose a default name at the first write. */
  file?: string;
  /** The folder for a default name. */
  cwd: string;
  /** YYYY-MM-DD, for a default name. */
  today: string;
  /** Replace an existing file at the first write (--force, or a resumed file). */
  force: boolean;
  created?: string;
  /** The timestamp of a save (the command's clock, which follows KIKITORI_TODAY). */
  now: () => string;
  /** What a resumed file holds besides the hearing (`migrated_from:`, `progress:`, `history:`), written back as it was. */
  keep?: Pick<AnswersFile, "migrated_from" | "progress" | "history">;
}

export class AnswersStore {
  private target: string | undefined;
  private written = false;
  private created: string | undefined;
  last: AnswersFile | undefined;

  constructor(private readonly o: StoreOptions) {
    this.target = o.file;
    this.created = o.created;
  }

  /** The answers file, once it is known. */
  get file(): string | undefined {
    return this.target;
  }

  /** Saves to another file from now on (autosave could not write this one); it must be new. */
  retarget(file: string): void {
    this.target = file;
    this.written = false;
  }

  save(state: { answers: Answers; meta: Meta }, status: Status): AnswersFile {
    const now = this.o.now();
    this.created ??= now;
    // The design's key order, whatever order the details were given in.
    const { client, job, platform, ordered } = state.meta;
    const meta: Meta = {
      ...(client ? { client } : {}),
      ...(job ? { job } : {}),
      ...(platform ? { platform } : {}),
      ...(ordered ? { ordered } : {}),
      created: this.created,
      updated: now,
    };
    const doc: AnswersFile = {
      kikitori: 1,
      pack: { id: this.o.pack.id, version: this.o.pack.version },
      lang: this.o.lang,
      status,
      meta,
      answers: state.answers,
      // A resumed file keeps its migrations, its log and its history of changes.
      ...this.o.keep,
    };
    if (this.target) {
      writeAnswersFile(this.target, doc, this.o.pack, { force: this.written || this.o.force });
    } else {
      this.target = this.writeNew(doc, state.meta.client);
    }
    this.written = true;
    this.last = doc;
    return doc;
  }

  /** Writes under the first free default name; a name taken meanwhile moves on to the next. */
  private writeNew(doc: AnswersFile, client: string | undefined): string {
    const base = defaultStem(this.o.pack.id, this.o.today, client);
    for (let n = 1; n < 1000; n++) {
      const file = path.join(this.o.cwd, `${base}${n === 1 ? "" : `-${n}`}.answers.yaml`);
      if (takenName(file)) continue;
      try {
        writeAnswersFile(file, doc, this.o.pack, { force: false });
        return file;
      } catch (e) {
        if (!(e instanceof OutputError) || !exists(file)) throw e;
      }
    }
    throw new OutputError({
      ja: `${base}.answers.yaml の空き名が見つかりません。-o で指定してください`,
      en: `no free name for ${base}.answers.yaml: give one with -o`,
    });
  }
}

/** A name is taken when the answers file or one of its outputs exists. */
function takenName(file: string): boolean {
  return [file, ...outputFiles(path.dirname(file), stemOf(file)).map((f) => f.file)].some((f) => exists(f));
}

/**
 * The answers file of a running hearing: written again (atomically) after every answer with
 * `status: in-progress`, and a last time with `status: complete`. Without -o the file gets a
 * name of its own, chosen at the first write (when the client's name is known):
 * `<pack-id>-<YYYYMMDD>[-<client>].answers.yaml` in the working folder, with `-2`, `-3`…
 * added rather than replacing anything.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeAnswersFile } from "../answers/io.ts";
import type { AnswersFile, Meta, Status } from "../answers/types.ts";
import { OutputError } from "../errors.ts";
import type { HearingState } from "../flow/hearing.ts";
import type { Lang } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";
import { outputFiles, stemOf } from "./outputs.ts";

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
  now: () => Date;
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

  save(state: HearingState, status: Status): AnswersFile {
    const now = localIsoDateTime(this.o.now());
    this.created ??= now;
    // The design's key order, whatever order the details were given in.
    const { client, job, platform } = state.meta;
    const meta: Meta = { ...(client ? { client } : {}), ...(job ? { job } : {}), ...(platform ? { platform } : {}), created: this.created, updated: now };
    const doc: AnswersFile = {
      kikitori: 1,
      pack: { id: this.o.pack.id, version: this.o.pack.version },
      lang: this.o.lang,
      status,
      meta,
      answers: state.answers,
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
        if (!(e instanceof OutputError) || !fs.existsSync(file)) throw e;
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
  return [file, ...outputFiles(path.dirname(file), stemOf(file)).map((f) => f.file)].some((f) => fs.existsSync(f));
}

/** `<pack-id>-<YYYYMMDD>[-<client>]`, the client's name kept in any script but without punctuation. */
export function defaultStem(packId: string, today: string, client: string | undefined): string {
  const slug = (client ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const cut = [...slug].slice(0, 32).join("").replace(/-+$/, "");
  return [packId, today.replaceAll("-", ""), cut].filter(Boolean).join("-");
}

/** `2026-11-23T10:00:00+09:00`: local time with its offset, as the design's example. */
export function localIsoDateTime(d: Date): string {
  const p = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}${sign}${p(Math.trunc(off / 60))}:${p(off % 60)}`;
}

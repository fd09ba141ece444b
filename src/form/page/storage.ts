/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The form's autosave: the answers so far in the browser's local storage, keyed by pack id,
 * version and form id, so two forms (two clients, two versions) never share one.
 */
import type { Answers } from "../../answers/types.ts";
import type { FormModel } from "../model.ts";

export interface Saved {
  v: 1;
  /** Valid answers (pending included), by question id and `<id>_other`. */
  answers: Answers;
  /** What was typed or picked where it is not a valid answer yet, to put back on reload. */
  drafts: Record<string, unknown>;
  /** Section ids whose pack defaults were filled in (once, when first shown). */
  seen: string[];
  /** The page open last (a section id, or "review"). */
  page: string;
  created: string;
  updated: string;
}

export class Store {
  readonly key: string;
  private storage: Storage | undefined;

  constructor(model: FormModel) {
    this.key = `kikitori-form:${model.pack.id}@${model.pack.version}:${model.formId}`;
    try {
      this.storage = window.localStorage;
    } catch {
      this.storage = undefined;
    }
  }

  load(): Saved | undefined {
    try {
      const text = this.storage?.getItem(this.key);
      if (!text) return undefined;
      const data = JSON.parse(text) as Saved;
      return data && data.v === 1 && typeof data.answers === "object" ? { ...data, drafts: data.drafts ?? {}, seen: data.seen ?? [] } : undefined;
    } catch {
      return undefined;
    }
  }

  /** False when the browser refuses (storage off, private mode, full). */
  save(state: Saved): boolean {
    try {
      if (!this.storage) return false;
      this.storage.setItem(this.key, JSON.stringify(state));
      return true;
    } catch {
      return false;
    }
  }
}

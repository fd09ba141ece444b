/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The form's last page: every answer by section with a way back to change it, what is still
 * required, and the two ways back to the worker: the reply copied for the chat, or the
 * answers file downloaded to attach.
 */

import { type Answers, type AnswerValue, isPending, type Reference } from "../../answers/types.ts";
import { formatDate, localTimestamp } from "../../date-format.ts";
import { unitForm, WORDS } from "../../i18n.ts";
import { renderFormAnswersFile } from "../download.ts";
import { fill } from "../fill.ts";
import { type FormModel, type FormQuestion, type FormSection, replyQuestionsOf } from "../model.ts";
import { renderFormReply } from "../reply.ts";
import { h } from "./dom.ts";

interface Hooks {
  answers(): Answers;
  questions(): { section: FormSection; questions: FormQuestion[] }[];
  edit(sectionId: string, questionId?: string): void;
}

export class Review {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  private readonly list = h("div", { class: "answers" });
  private readonly missing = h("div", { class: "missing" });
  private readonly reply: HTMLTextAreaElement;
  private readonly status = h("p", { class: "copy-status", role: "status" });

  constructor(
    private readonly model: FormModel,
    private readonly where: string,
    private readonly hooks: Hooks,
  ) {
    const s = model.strings;
    this.heading = h("h2", { id: "t-review", tabindex: -1 }, s.reviewTitle);
    this.reply = h("textarea", { id: "reply", readonly: true, rows: 8, spellcheck: "false" });
    const copy = h("button", { type: "button", class: "btn primary", id: "copy" }, s.copy);
    const download = h("button", { type: "button", class: "btn", id: "download" }, s.download);
    copy.addEventListener("click", () => void this.copy());
    download.addEventListener("click", () => this.download());
    this.el = h(
      "section",
      { class: "page review", hidden: true, "aria-labelledby": "t-review" },
      this.heading,
      h("p", null, s.reviewIntro),
      this.missing,
      this.list,
      h(
        "section",
        { class: "send", "aria-labelledby": "t-send" },
        h("h3", { id: "t-send" }, s.sendTitle),
        model.meta.offPlatform ? h("p", { class: "notice" }, fill(s.offPlatform, { platform: model.meta.platformName ?? "", where })) : null,
        h("ol", null, h("li", null, s.sendStep1), h("li", null, fill(s.sendStep2, { where }))),
        h("div", { class: "actions" }, copy),
        this.status,
        h("label", { for: "reply" }, s.replyLabel),
        this.reply,
        h("p", { class: "muted" }, fill(s.downloadNote, { file: model.download, where })),
        h("div", { class: "actions" }, download),
      ),
    );
  }

  render(): void {
    const s = this.model.strings;
    const answers = this.hooks.answers();
    const groups = this.hooks.questions();
    const open = groups.flatMap((g) => g.questions.filter((q) => q.required && answers[q.id] === undefined).map((q) => ({ g, q })));
    this.missing.replaceChildren();
    if (open.length > 0) {
      const links = open.map(({ g, q }, i) => {
        const a = h("a", { href: `#q-${q.id}` }, fill(s.qref, { n: q.n }));
        a.addEventListener("click", (e) => {
          e.preventDefault();
          this.hooks.edit(g.section.id, q.id);
        });
        return i === 0 ? [a] : [document.createTextNode(this.model.lang === "ja" ? "、" : ", "), a];
      });
      const [before, after] = s.missing.split("{list}");
      this.missing.append(h("p", { class: "notice" }, before ?? "", ...links.flat(), after ?? ""));
    }
    this.list.replaceChildren(
      ...groups.map(({ section, questions }) => {
        const edit = h("button", { type: "button", class: "btn small", "aria-label": fill(s.editSection, { title: section.title }) }, s.edit);
        edit.addEventListener("click", () => this.hooks.edit(section.id));
        // Answers in full; the questions left blank in one line, so the page stays short.
        const answered = questions.filter((q) => answers[q.id] !== undefined);
        const blank = questions.filter((q) => answers[q.id] === undefined).map((q) => fill(s.qref, { n: q.n }));
        return h(
          "div",
          { class: "group-review" },
          h("div", { class: "group-head" }, h("h3", null, section.title), edit),
          answered.length
            ? h("dl", null, ...answered.flatMap((q) => [h("dt", null, `${fill(s.qref, { n: q.n })} ${q.text}`), h("dd", null, this.show(q, answers))]))
            : null,
          blank.length ? h("p", { class: "none" }, fill(s.blank, { list: blank.join(this.model.lang === "ja" ? "、" : ", ") })) : null,
        );
      }),
    );
    this.reply.value = this.replyText(answers);
  }

  private replyText(answers: Answers): string {
    const m = this.model;
    const applies = new Set(this.hooks.questions().flatMap((g) => g.questions.map((q) => q.id)));
    const questions = replyQuestionsOf(m).filter((q) => applies.has(q.id));
    return renderFormReply({ lang: m.lang, title: m.pack.title, packId: m.pack.id, version: m.pack.version, questions, answers });
  }

  private async copy(): Promise<void> {
    const s = this.model.strings;
    const text = this.replyText(this.hooks.answers());
    this.reply.value = text;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      this.reply.focus();
      this.reply.select();
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
    }
    this.status.textContent = ok ? fill(s.copied, { where: this.where }) : s.copyFailed;
    this.status.classList.toggle("warn", !ok);
    if (!ok) {
      this.reply.focus();
      this.reply.select();
    }
  }

  private download(): void {
    const m = this.model;
    const answers = this.hooks.answers();
    const open = this.hooks.questions().some((g) => g.questions.some((q) => q.required && answers[q.id] === undefined));
    const now = new Date();
    const text = renderFormAnswersFile({
      packId: m.pack.id,
      version: m.pack.version,
      title: m.pack.title,
      lang: m.lang,
      // The worker's own questions (hours, availability) are never in the form, nor the later
      // rounds of a first-round form: then the worker goes on with `kikitori resume`.
      status: open || m.first || m.workerQuestions > 0 ? "in-progress" : "complete",
      meta: {
        ...(m.meta.client ? { client: m.meta.client } : {}),
        ...(m.meta.job ? { job: m.meta.job } : {}),
        ...(m.meta.platform ? { platform: m.meta.platform } : {}),
        created: localTimestamp(now),
        updated: localTimestamp(now),
      },
      answers,
    });
    const url = URL.createObjectURL(new Blob([text], { type: "text/yaml;charset=utf-8" }));
    const a = h("a", { href: url, download: m.download, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.status.textContent = fill(m.strings.downloaded, { file: m.download });
    this.status.classList.remove("warn");
  }

  private show(q: FormQuestion, answers: Answers): string {
    const s = this.model.strings;
    const lang = this.model.lang;
    const v: AnswerValue | undefined = answers[q.id];
    if (v === undefined) return s.noAnswer;
    if (isPending(v)) return v.note ? `${s.pending}${lang === "ja" ? `（${v.note}）` : ` (${v.note})`}` : s.pending;
    const other = answers[`${q.id}_other`];
    const label = (value: string) => {
      const c = q.choices?.find((x) => x.value === value);
      if (!c) return value;
      return c.other && typeof other === "string" ? `${c.label}${lang === "ja" ? `（${other}）` : ` (${other})`}` : c.label;
    };
    const sep = lang === "ja" ? "、" : ", ";
    switch (q.type) {
      case "select":
        return label(String(v));
      case "multiselect":
        return (v as string[]).map(label).join(sep);
      case "confirm":
        return (v ? WORDS.yes : WORDS.no)[lang];
      case "date":
        return formatDate(String(v), lang);
      case "number":
        return q.unit ? `${v}${lang === "ja" ? "" : " "}${unitForm(q.unit, v as number)}` : String(v);
      case "list":
        return (v as string[]).join(sep);
      case "references":
        return (v as Reference[])
          .map((r) => `${r.kind ? `[${r.kind === "like" ? s.like : s.avoid}] ` : ""}${r.source}${r.note ? ` (${r.note})` : ""}`)
          .join(sep);
      default:
        return String(v);
    }
  }
}

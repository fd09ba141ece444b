/**
 * The answers file the client's form downloads: a kikitori answers file that `render` and
 * `import` read as it is, with the form's signature (pack and checksum) as its first comment.
 * Written without a YAML library (the form carries no parser): every string is a JSON string,
 * which YAML 1.2 reads back unchanged. Pure and page-safe.
 */
import { type Answers, type AnswerValue, isPending, type Meta, type Status } from "../answers/types.ts";
import type { Lang } from "../i18n.ts";
import { answersChecksum, signatureLine } from "./reply.ts";

export interface DownloadInput {
  packId: string;
  version: string;
  title: string;
  lang: Lang;
  status: Status;
  meta: Meta;
  /** In pack order; valid answers of the questions that apply. */
  answers: Answers;
}

const META_KEYS = ["client", "job", "platform", "created", "updated"] as const;

/**
 * A YAML double-quoted string: JSON's escapes are YAML's, and the characters YAML does not
 * allow as they are (DEL, C1 controls, U+FFFE/FFFF) or may take for line breaks (U+2028/9) are
 * escaped too.
 */
function q(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u0084\u0086-\u009f\u2028\u2029\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function renderFormAnswersFile(d: DownloadInput): string {
  const title = d.title.replace(/\s*[\r\n]+\s*/g, " ");
  const lines = [
    `# ${signatureLine(d.lang, d.packId, d.version, answersChecksum(d.packId, d.version, d.answers))}`,
    `# ${d.lang === "ja" ? `「${title}」の回答 (kikitori render または kikitori import で読めます)` : `Answers to “${title}” (read by kikitori render or kikitori import)`}`,
    "kikitori: 1",
    `pack: { id: ${q(d.packId)}, version: ${q(d.version)} }`,
    `lang: ${d.lang}`,
    `status: ${d.status}`,
  ];
  const meta = META_KEYS.filter((k) => d.meta[k] !== undefined && d.meta[k] !== "");
  lines.push(meta.length ? "meta:" : "meta: {}", ...meta.map((k) => `  ${k}: ${q(d.meta[k] ?? "")}`));
  const ids = Object.keys(d.answers);
  lines.push(ids.length ? "answers:" : "answers: {}");
  for (const id of ids) {
    const v = d.answers[id];
    if (v !== undefined) lines.push(...entry(id, v));
  }
  return `${lines.join("\n")}\n`;
}

function entry(id: string, v: AnswerValue): string[] {
  if (isPending(v)) return [`  ${id}: { pending: true${v.note ? `, note: ${q(v.note)}` : ""} }`];
  if (Array.isArray(v)) {
    if (v.length === 0) return [`  ${id}: []`];
    return [
      `  ${id}:`,
      ...v.map((x) =>
        typeof x === "string" ? `    - ${q(x)}` : `    - { source: ${q(x.source)}${x.note ? `, note: ${q(x.note)}` : ""}${x.kind ? `, kind: ${x.kind}` : ""} }`,
      ),
    ];
  }
  if (typeof v === "string") return [`  ${id}: ${q(v)}`];
  return [`  ${id}: ${String(v)}`];
}

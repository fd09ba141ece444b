/** Small pack texts for tests: a valid base, varied by what each case needs. */
export function packText(id: string, opts: { version?: string; templates?: string; extra?: string; title?: string } = {}): string {
  return `kikitori: 1
id: ${id}
version: ${opts.version ?? "1.0.0"}
title: { ja: ${opts.title ?? id}, en: ${opts.title ?? id} }
languages: [ja, en]
sections:
  - id: main
    title: { ja: 基本, en: Basics }
    questions:
      - id: name
        type: text
        message: { ja: お名前は？, en: Your name? }
        required: true
${opts.extra ?? ""}${opts.templates ? `templates:\n${opts.templates}` : ""}`;
}

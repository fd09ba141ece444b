/**
 * Where a template comes from: the pack's override (inline or a file inside the pack) or the
 * built-in one in templates/<lang>/. Compiled templates are cached per process, so a batch
 * compiles each template once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { builtinTemplateSpec } from "../builtin.ts";
import { NotFoundError } from "../errors.ts";
import type { Lang } from "../i18n.ts";
import { msg } from "../i18n.ts";
import { readPackTemplate } from "../pack/load.ts";
import { isTemplatePath } from "../pack/pack-rules.ts";
import type { LoadedPack, TemplateName } from "../pack/types.ts";
import { compileTemplate, compileUntrustedTemplate, type TemplateFn, templateFromSpec } from "./engine.ts";

export interface TemplateStore {
  get(name: TemplateName, lang: Lang, loaded?: LoadedPack): TemplateFn;
}

/** `builtinDir` is the package's templates/ folder; its parent is the package root. */
export function templateStore(builtinDir: string): TemplateStore {
  const cache = new Map<string, TemplateFn>();
  return {
    get(name, lang, loaded) {
      const override = loaded?.pack.templates?.[name];
      if (override !== undefined && loaded) {
        // `{lang}` in a file name picks the file per language; inline text is left as written.
        const ref = isTemplatePath(override) ? override.replaceAll("{lang}", lang) : override;
        const key = `${loaded.file}\0${name}\0${ref}`;
        let fn = cache.get(key);
        if (!fn) {
          fn = compileUntrustedTemplate(readPackTemplate(loaded, ref), `${loaded.file} (templates.${name})`);
          cache.set(key, fn);
        }
        return fn;
      }
      const key = `builtin\0${lang}\0${name}`;
      let fn = cache.get(key);
      if (!fn) {
        const file = path.join(builtinDir, lang, `${name}.md.hbs`);
        const spec = builtinTemplateSpec(path.dirname(builtinDir), file, `${lang}/${name}`);
        if (spec) {
          fn = templateFromSpec(spec, file);
          cache.set(key, fn);
          return fn;
        }
        let source: string;
        try {
          source = fs.readFileSync(file, "utf8");
        } catch {
          throw new NotFoundError(
            msg(`組み込みテンプレート ${file} が見つかりません。インストールし直してください`, `built-in template ${file} is missing: reinstall kikitori`),
          );
        }
        fn = compileTemplate(source, file);
        cache.set(key, fn);
      }
      return fn;
    },
  };
}

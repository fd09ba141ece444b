// Bundles the CLI into dist/ (commands as lazily loaded chunks) and, with --schema, writes
// questionnaires/pack.schema.json from the same zod schema the runtime validates with.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

// --if-stale (npm's prestart): build only when dist/ is missing or older than a source file,
// so `npm start` works in a fresh clone and after edits without rebuilding every time.
if (process.argv.includes("--if-stale")) {
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const built = existsSync(join(root, "dist", "cli.js")) ? statSync(join(root, "dist", "cli.js")).mtimeMs : 0;
  if (!existsSync(join(root, "src")) || (built > 0 && built >= newest(join(root, "src")))) process.exit(0);
}

rmSync(join(root, "dist"), { recursive: true, force: true });
const main = await build({
  absWorkingDir: root,
  // The render worker is an entry of its own, sharing chunks with the CLI.
  entryPoints: { cli: "src/cli/entry.ts", "render-worker": "src/cli/render-worker.ts" },
  metafile: process.argv.includes("--analyze"),
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: !process.env.KIKITORI_NO_MINIFY,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  // zod is loaded from node_modules on first use only (src/lazy-zod.ts).
  alias: { zod: "./src/lazy-zod.ts" },
  define: { KIKITORI_VERSION: JSON.stringify(pkg.version) },
  // Handlebars and commander are CommonJS; give their require() a real one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: "warning",
});

// The page of the client's form (kikitori form): one browser script and its style, inlined
// into every form file the command writes. The script bundles the CLI's own condition and
// validation code (src/answers/). It calls nothing of yaml or zod, which those modules import
// for other uses: marked free of side effects, they are left out, and the build checks that
// no library code reaches the page. Pack patterns are matched by the browser's own engine:
// src/form/page/pattern.ts takes the place of src/pack/pattern.ts (RE2JS, ~260 KB, Node-only
// loading).
{
  const browserPattern = {
    name: "browser-pattern",
    setup(b) {
      b.onResolve({ filter: /[\\/]pack[\\/]pattern\.ts$/ }, () => ({ path: join(root, "src", "form", "page", "pattern.ts") }));
    },
  };
  const sideEffectFree = {
    name: "side-effect-free-libraries",
    setup(b) {
      b.onResolve({ filter: /^(yaml|zod)$/ }, async (args) => {
        if (args.pluginData?.resolved) return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { resolved: true } });
        return { path: r.path, sideEffects: false };
      });
    },
  };
  const page = await build({
    absWorkingDir: root,
    entryPoints: ["src/form/page/main.ts"],
    bundle: true,
    write: false,
    metafile: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    plugins: [browserPattern, sideEffectFree],
    logLevel: "warning",
  });
  const inputs = Object.values(page.metafile.outputs)[0].inputs;
  const libraries = Object.entries(inputs).filter(([f, v]) => f.includes("node_modules") && v.bytesInOutput > 0);
  if (libraries.length > 0) throw new Error(`the form page must not bundle libraries: ${libraries.map(([f]) => f).join(", ")}`);
  const css = await build({ absWorkingDir: root, entryPoints: ["src/form/page/style.css"], bundle: true, write: false, minify: true, logLevel: "warning" });
  mkdirSync(join(root, "dist", "form"), { recursive: true });
  // Inlined in a <script> element, which ends at the first "</script" whatever the code says.
  writeFileSync(join(root, "dist", "form", "page.js"), page.outputFiles[0].text.trim().replace(/<\/(script)/gi, "<\\/$1"));
  writeFileSync(join(root, "dist", "form", "page.css"), css.outputFiles[0].text.trim());
}

// Built-in packs, platforms and templates, validated and precompiled (see gen-builtin.ts).
{
  const out = await build({
    absWorkingDir: root,
    entryPoints: ["scripts/gen-builtin.ts"],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    outfile: join(root, "dist", "gen-builtin.mjs"),
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: "warning",
  });
  const file = join(root, "dist", "gen-builtin.mjs");
  writeFileSync(file, out.outputFiles[0].text);
  const { generateBuiltin } = await import(pathToFileURL(file).href);
  for (const [name, text] of Object.entries(generateBuiltin(root))) {
    mkdirSync(dirname(join(root, "dist", "builtin", name)), { recursive: true });
    writeFileSync(join(root, "dist", "builtin", name), text);
  }
  rmSync(file);
}

if (main.metafile) {
  const { analyzeMetafile } = await import("esbuild");
  console.error(await analyzeMetafile(main.metafile, { verbose: false }));
}

if (process.argv.includes("--schema")) {
  const out = await build({
    absWorkingDir: root,
    entryPoints: ["src/pack/schema.ts"],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    outfile: join(root, "dist", "schema.mjs"),
  });
  const file = join(root, "dist", "schema.mjs");
  writeFileSync(file, out.outputFiles[0].text);
  const { packJsonSchema } = await import(pathToFileURL(file).href);
  writeFileSync(join(root, "questionnaires", "pack.schema.json"), `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
  rmSync(file);
  console.error("wrote questionnaires/pack.schema.json");
}

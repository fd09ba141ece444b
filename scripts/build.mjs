// Bundles the CLI into dist/ (one CommonJS file loaded through the code cache, commands evaluated lazily) and, with --schema, writes
// questionnaires/pack.schema.json from the same zod schema the runtime validates with.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/**
 * A file loaded through the code cache, made ASCII: esbuild escapes strings but leaves regular
 * expressions as written, and a source with one other character becomes a two-byte string in
 * memory (1.8 MB instead of 0.9 MB for the CLI). In a regular expression or a string, \uXXXX
 * means the same character. Returns its sha256, which names its cache (src/code-cache.ts):
 * computed here, not on every run.
 */
function asciiOnly(file) {
  const text = readFileSync(file, "utf8").replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  writeFileSync(file, text);
  return createHash("sha256").update(text).digest("hex");
}

// --if-stale (npm's prestart): build only when dist/ is missing or older than a source file,
// so `npm start` works in a fresh clone and after edits without rebuilding every time.
if (process.argv.includes("--if-stale")) {
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const built = existsSync(join(root, "dist", "kikitori.cjs")) ? statSync(join(root, "dist", "kikitori.cjs")).mtimeMs : 0;
  if (!existsSync(join(root, "src")) || (built > 0 && built >= newest(join(root, "src")))) process.exit(0);
}

/**
 * @inquirer/core measures the prompt line in UTF-16 units, not terminal columns, so a Japanese
 * answer that wraps puts the cursor on the wrong row (docs/upstream/inquirer-wide-input.md).
 * Until that is fixed upstream, the bundle measures the line as readline measures the cursor
 * (East Asian Width). The build stops if the code it mends has changed.
 */
const inquirerWidthFix = {
  name: "inquirer-width-fix",
  setup(b) {
    b.onLoad({ filter: /@inquirer[\\/]core[\\/]dist[\\/]lib[\\/]screen-manager\.js$/ }, (args) => {
      let text = readFileSync(args.path, "utf8");
      const mends = [
        [
          "if (rawPromptLine.length % width === 0) {",
          "const promptEnd = this.rl._getDisplayPos?.(rawPromptLine) ?? { rows: Math.floor(rawPromptLine.length / width), cols: rawPromptLine.length % width };\n        if (promptEnd.cols === 0) {",
        ],
        ["Math.floor(rawPromptLine.length / width) - this.cursorPos.rows", "promptEnd.rows - this.cursorPos.rows"],
      ];
      for (const [from, to] of mends) {
        if (!text.includes(from)) throw new Error(`${args.path} changed: review the width fix in scripts/build.mjs`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: "js" };
    });
  },
};

/**
 * `import * as fs from "node:fs"` becomes, in a CommonJS bundle, a copy of the whole module
 * object for every file that imports it (esbuild's __toESM: ~80 copies of fs and path, ~2 ms of
 * every run). These builtins are given instead as ES modules of their own, one export per
 * property, which esbuild links directly.
 */
const builtinsAsModules = {
  name: "builtins-as-modules",
  setup(b) {
    b.onResolve({ filter: /^node:(fs|path|os)$/ }, (args) =>
      args.importer.includes("node_modules") || args.namespace === "builtin" ? undefined : { path: args.path, namespace: "builtin" },
    );
    b.onLoad({ filter: /.*/, namespace: "builtin" }, async (args) => {
      // Functions, and the few values kikitori reads, as a fresh process has them: not the
      // properties Node computes on first use (fs.promises, fs.ReadStream…; an import here has
      // read them already, turning them into plain values), nor values later Nodes deprecate
      // with a warning on reading (fs.F_OK on Node 24). The build stops if a source file uses
      // a property left out (import-is-undefined is an error below).
      const names = JSON.parse(
        execFileSync(
          process.execPath,
          [
            "-p",
            `const m = require(${JSON.stringify(args.path)}); JSON.stringify(Object.keys(m).filter((k) => { const d = Object.getOwnPropertyDescriptor(m, k); return !d.get && (typeof d.value === "function" || ["constants", "sep", "delimiter", "posix", "win32", "EOL", "devNull"].includes(k)); }))`,
          ],
          { encoding: "utf8" },
        ),
      ).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
      return {
        contents: `import * as m from ${JSON.stringify(args.path)};\nconst n = m.default;\n${names.map((k) => `export const ${k} = n.${k};`).join("\n")}\nexport default n;\n`,
        loader: "js",
      };
    });
  },
};

/** What dist/'s CommonJS files (the bundles, the boot, the vendored libraries) are built with. */
const CJS = {
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: !process.env.KIKITORI_NO_MINIFY,
  legalComments: "none",
};

rmSync(join(root, "dist"), { recursive: true, force: true });
// zod and the full Handlebars load on first use only (src/libraries.ts): each becomes one file
// of dist/vendor/, so that an installed kikitori has no dependencies (17 MB of node_modules
// before, most of it zod's other builds and Handlebars' command-line tools).
const vendor = await build({
  absWorkingDir: root,
  entryPoints: { zod: "zod", handlebars: "handlebars", yaml: "yaml" },
  outdir: "dist/vendor",
  ...CJS,
  metafile: true,
  logLevel: "warning",
});
// The CLI compiles them through the code cache, named by these hashes (src/libraries.ts).
const vendorHashes = Object.fromEntries(
  Object.keys(vendor.metafile.outputs).map((out) => [out.replace(/^.*\//, "").replace(/\.cjs$/, ""), asciiOnly(join(root, out))]),
);

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
// Loaded through the code cache (src/builtin.ts), named by these hashes.
const builtinHashes = Object.fromEntries(
  readdirSync(join(root, "dist", "builtin"), { recursive: true })
    .filter((f) => f.endsWith(".cjs"))
    .map((f) => [f.split("\\").join("/"), asciiOnly(join(root, "dist", "builtin", f))]),
);

// The CLI is one CommonJS file, so that it can be loaded through V8's code cache
// (src/code-cache.ts): modules a command imports with import() are evaluated only when it
// runs. import.meta.url is the bundle's own file.
const main = await build({
  absWorkingDir: root,
  // dist/render.cjs: a plain `render` and the batch's workers, with a quarter of the code.
  entryPoints: { kikitori: "src/cli/entry.ts", render: "src/cli/render-entry.ts" },
  metafile: true,
  outdir: "dist",
  ...CJS,
  // zod is loaded from node_modules on first use only (src/lazy-zod.ts).
  alias: { zod: "./src/lazy-zod.ts" },
  // The build turns the holiday package into dist/builtin/holidays.json (read at run time),
  // so the package itself is a build tool: never bundled, never installed with kikitori.
  external: ["@holiday-jp/holiday_jp"],
  define: {
    KIKITORI_VERSION: JSON.stringify(pkg.version),
    KIKITORI_BUNDLE: "true",
    KIKITORI_VENDOR_HASHES: JSON.stringify(vendorHashes),
    KIKITORI_BUILTIN_HASHES: JSON.stringify(builtinHashes),
    "import.meta.url": "__kikitori_meta.url",
  },
  // Computed when first asked for: pathToFileURL costs ~0.3 ms and most runs never need it.
  banner: { js: "var __kikitori_u,__kikitori_meta={get url(){return __kikitori_u??=require('node:url').pathToFileURL(__filename).href}};" },
  plugins: [inquirerWidthFix, builtinsAsModules],
  logOverride: { "import-is-undefined": "error" },
  logLevel: "warning",
});
const bundleHash = { kikitori: asciiOnly(join(root, "dist", "kikitori.cjs")), render: asciiOnly(join(root, "dist", "render.cjs")) };
// What bin/kikitori.cjs runs (version and prebuilt help without loading the CLI, the code
// cache) and the render batch's worker thread: small files of their own.
await build({
  absWorkingDir: root,
  entryPoints: { boot: "src/boot/start.ts", "render-worker": "src/boot/render-worker.ts" },
  outdir: "dist",
  ...CJS,
  define: {
    KIKITORI_VERSION: JSON.stringify(pkg.version),
    KIKITORI_BUNDLE_HASH: JSON.stringify(bundleHash.kikitori),
    KIKITORI_RENDER_HASH: JSON.stringify(bundleHash.render),
  },
  logLevel: "warning",
});

writeNotices([main.metafile, vendor.metafile]);

/** The licence of every package whose code is in dist/, as their licences ask. */
function writeNotices(metafiles) {
  const dirs = new Map();
  for (const m of metafiles)
    for (const input of Object.keys(m.inputs)) {
      const at = input.lastIndexOf("node_modules/");
      if (at < 0) continue;
      const [first, second] = input.slice(at + "node_modules/".length).split("/");
      const name = first.startsWith("@") ? `${first}/${second}` : first;
      dirs.set(name, join(root, input.slice(0, at), "node_modules", name));
    }
  const parts = [...dirs]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = file ? readFileSync(join(dir, file), "utf8").trim() : `License: ${meta.license}`;
      return `${"=".repeat(72)}\n${name}@${meta.version} (${meta.license})\n${"=".repeat(72)}\n\n${text}\n`;
    });
  const head = "kikitori's dist/ contains code of these packages, each under its own licence:\n\n";
  writeFileSync(join(root, "dist", "THIRD-PARTY-NOTICES.txt"), `${head}${parts.join("\n")}`);
}

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

// The man pages, from the command table (`man kikitori` after a global install: package.json "man").
{
  const out = await build({
    absWorkingDir: root,
    entryPoints: ["scripts/gen-man.ts"],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    outfile: join(root, "dist", "gen-man.mjs"),
    // Only the table is needed: the commands' modules stay out of this bundle.
    plugins: [{ name: "no-commands", setup: (b) => b.onResolve({ filter: /commands\/[\w-]+\.ts$/ }, (a) => ({ path: a.path, external: true })) }],
    logLevel: "warning",
  });
  const file = join(root, "dist", "gen-man.mjs");
  writeFileSync(file, out.outputFiles[0].text);
  const { generateMan } = await import(pathToFileURL(file).href);
  for (const [name, text] of Object.entries(generateMan(pkg.version))) {
    mkdirSync(dirname(join(root, "dist", "man", name)), { recursive: true });
    writeFileSync(join(root, "dist", "man", name), text);
  }
  rmSync(file);
}

// Every help screen, for dist/boot.cjs to print without loading the CLI (see gen-help.ts).
{
  const out = await build({
    absWorkingDir: root,
    entryPoints: ["scripts/gen-help.ts"],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    outfile: join(root, "dist", "gen-help.mjs"),
    define: { KIKITORI_VERSION: JSON.stringify(pkg.version) },
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    // Help never runs a command: the commands' modules stay out of this bundle.
    plugins: [{ name: "no-commands", setup: (b) => b.onResolve({ filter: /commands\/[\w-]+\.ts$/ }, (a) => ({ path: a.path, external: true })) }],
    logLevel: "warning",
  });
  const file = join(root, "dist", "gen-help.mjs");
  writeFileSync(file, out.outputFiles[0].text);
  const { generateHelp } = await import(pathToFileURL(file).href);
  for (const [name, text] of Object.entries(await generateHelp())) {
    mkdirSync(dirname(join(root, "dist", "help", name)), { recursive: true });
    writeFileSync(join(root, "dist", "help", name), text);
  }
  rmSync(file);
}

if (process.argv.includes("--analyze")) {
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

#!/usr/bin/env node
import module from "node:module";

// Node 22+ keeps compiled code between runs (a no-op where it does not exist).
module.enableCompileCache?.();
const cli = new URL("../dist/cli.js", import.meta.url);
const { run } = await import(cli.href).catch(async (e) => {
  // A checkout linked by `npm install -g .` or `npm link` has no dist/ until it is built.
  if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes(decodeURIComponent(cli.pathname))) throw e;
  const build = await import("../scripts/first-build.mjs").catch(() => {
    process.stderr.write("kikitori is incomplete (no dist/): reinstall it. / kikitori のファイルが欠けています。入れ直してください。\n");
    process.exit(1);
  });
  await build.firstBuild();
  return import(cli.href);
});
run();

#!/usr/bin/env node
"use strict";
// dist/boot.cjs answers --version and the help, and loads the CLI through the code cache.
let boot;
try {
  boot = require("../dist/boot.cjs");
} catch (e) {
  // A checkout linked by `npm install -g .` or `npm link` has no dist/ until it is built.
  if (e?.code !== "MODULE_NOT_FOUND" || !String(e.message).includes("boot.cjs")) throw e;
}
if (boot) void boot.start();
else
  import("../scripts/first-build.mjs").then(
    async (build) => {
      await build.firstBuild();
      require("../dist/boot.cjs").start();
    },
    () => {
      process.stderr.write("kikitori is incomplete (no dist/): reinstall it. / kikitori のファイルが欠けています。入れ直してください。\n");
      process.exit(1);
    },
  );

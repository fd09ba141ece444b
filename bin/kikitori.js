#!/usr/bin/env node
import module from "node:module";

// Node 22+ keeps compiled code between runs (a no-op where it does not exist).
module.enableCompileCache?.();
const { run } = await import("../dist/cli.js");
run();

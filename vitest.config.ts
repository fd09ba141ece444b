import { defineConfig } from "vitest/config";
import { runTmpdir } from "./test/global-tmp.ts";

runTmpdir();

/** Files that mock a module (node:fs) or change a module's state: each gets modules of its own. */
const ISOLATED = ["test/robust/fs-faults.test.ts"];

export default defineConfig({
  test: {
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // where the spawned tests (test/e2e/) leave it waiting on their processes.
    maxWorkers: "100%",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: ISOLATED,
          // The files share a worker's loaded modules instead of loading src/ again for each file
          // (on a 2-core machine this alone halves the run). This holds while no test mocks a module or changes a module's
          // state; a file that must, goes in ISOLATED.
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
    ],
  },
});

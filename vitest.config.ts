import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // where the spawned tests (test/e2e/) leave it waiting on their processes.
    maxWorkers: "100%",
    // The files share a worker's loaded modules instead of loading src/ again for each file
    // (on a 2-core machine this alone halves the run). This holds while no test mocks a module or changes a module's
    // state; a file that must, goes in a project of its own with `isolate: true`.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

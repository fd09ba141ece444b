/**
 * Every temporary file of a test run in one folder of its own, removed when the run ends: the
 * suite makes thousands of folders (tests, the binary's runs), and a /tmp that keeps them all
 * grows until creating a file in it is many times slower. Called by vitest.config.ts when the
 * run starts (not as a global setup: vitest runs those once per project, and tears each down
 * when its project ends, under the other's feet).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const PREFIX = "kikitori-run-";

export function runTmpdir(): void {
  // A process started by the run (a worker) finds it made already.
  if (path.basename(os.tmpdir()).startsWith(PREFIX)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  // Read by os.tmpdir() in the test workers and in every process they start.
  process.env.TMPDIR = dir;
  process.once("exit", () => {
    // Tests make some folders read-only to check write errors: open them up to remove them.
    const open = (d: string): void => {
      fs.chmodSync(d, 0o700);
      for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) open(path.join(d, e.name));
    };
    try {
      open(dir);
    } catch {
      // Removed below as far as it can be.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

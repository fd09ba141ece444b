/**
 * Every temporary file of a test run in one folder of its own, removed at the end: the suite
 * makes thousands of folders (tests, the binary's runs), and a /tmp that keeps them all grows
 * until creating a file in it is many times slower.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const PREFIX = "kikitori-run-";

export default function setup(): () => void {
  // Vitest runs this once per project: the first made the folder, the others use it. (Nested
  // folders would also make Chromium's socket path too long.)
  if (path.basename(os.tmpdir()).startsWith(PREFIX)) return () => {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  // Read by os.tmpdir() in the test workers and in every process they start.
  process.env.TMPDIR = dir;
  return () => {
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
  };
}

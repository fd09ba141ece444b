/** `<file>.bak`: a file kept as it was before kikitori rewrites it (resume of a changed pack, migrate). */
import * as fs from "node:fs";
import { OutputError } from "../errors.ts";
import { msg } from "../i18n.ts";
import { writeFileAtomic } from "../write-file.ts";

/** Copies the file's bytes to `<file>.bak` (or `.bak-2`, `-3`… when taken); returns the copy's path. */
export function keepBackup(file: string): string {
  const bytes = fs.readFileSync(file);
  for (let n = 1; n < 100; n++) {
    const backup = `${file}.bak${n === 1 ? "" : `-${n}`}`;
    if (fs.existsSync(backup)) continue;
    writeFileAtomic(backup, bytes.toString("utf8"), { mode: 0o600 });
    return backup;
  }
  throw new OutputError(msg(`${file}.bak の空き名が見つかりません。古い .bak を整理してください`, `no free name for ${file}.bak: clear old .bak files`));
}

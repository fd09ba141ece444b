/**
 * One writer per hearing. Two `resume`s of one answers file both saved after every answer
 * and both said "saved", and the file kept whichever wrote last. A hearing now holds a lock
 * on its answers file from its first question to its last write: proper-lockfile's lock
 * (`<file>.lock`, a folder made atomically, its time refreshed while the hearing runs), with
 * `owner.json` inside naming the process: pid, host, command, since when.
 *
 * A lock is stale, and taken over, when its time was not refreshed for 10 seconds (the
 * process died, or its machine did) or, on the same host, when its process is gone. A
 * second hearing on a locked file is refused, naming the other process; `import -o` will
 * not replace a file under a hearing, and `render` says it renders what is saved so far.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { OutputError } from "../errors.ts";
import { msg } from "../i18n.ts";
import type { Ctx } from "./context.ts";
import { shown } from "./outputs.ts";

/** Seconds without a refresh after which a lock is stale. */
export const LOCK_STALE_MS = 10_000;

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

type Release = () => void;
interface ProperLockfile {
  lockSync(file: string, options: object): Release;
}

let lib: ProperLockfile | undefined;
function lockfile(): ProperLockfile {
  // Loaded by hearings only: it also installs exit handlers that remove held locks.
  lib ??= createRequire(import.meta.url)("proper-lockfile") as ProperLockfile;
  return lib;
}

/** The lock folder holds owner.json: removing a lock removes the folder with its content. */
const lockFs = {
  ...fs,
  rmdirSync: (p: string) => fs.rmSync(p, { recursive: true, force: true }),
};

/** The file a lock protects: past symbolic links, so two names of one file share one lock. */
export function lockedFile(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

const lockDir = (file: string) => `${lockedFile(file)}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(dir: string): LockOwner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(dir, "owner.json"), "utf8")) as Partial<LockOwner>;
    if (typeof o.pid !== "number" || typeof o.host !== "string") return undefined;
    return { pid: o.pid, host: o.host, command: String(o.command ?? "kikitori"), since: String(o.since ?? "") };
  } catch {
    return undefined;
  }
}

/** The process holding a live lock on `file`, or undefined. An owner not yet written reads as unknown. */
export function lockOwner(file: string): LockOwner | "unknown" | undefined {
  const dir = lockDir(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    return undefined;
  }
  if (st.mtimeMs < Date.now() - LOCK_STALE_MS) return undefined;
  const owner = readOwner(dir);
  if (!owner) return "unknown";
  if (owner.host === os.hostname() && !alive(owner.pid)) return undefined;
  return owner;
}

/**
 * The holder of a lock just taken: its owner.json follows its folder by a moment, so a
 * hearing refused in that moment waits for it (up to 200 ms) to name the process.
 */
function ownerSoon(file: string): LockOwner | "unknown" {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 20; i++) {
    const o = lockOwner(file);
    if (o !== "unknown") return o ?? "unknown";
    Atomics.wait(pause, 0, 0, 10);
  }
  return "unknown";
}

/** "pid 123 on host x (kikitori resume a.yaml, since 10:00)", the time in local time. */
function describe(owner: LockOwner | "unknown", lang: "ja" | "en"): string {
  if (owner === "unknown") return lang === "ja" ? "別の kikitori プロセス" : "another kikitori process";
  const d = new Date(owner.since);
  const since = Number.isNaN(d.getTime()) ? "" : `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  return lang === "ja"
    ? `${owner.host} の pid ${owner.pid} (${owner.command}${since ? `、${since} から` : ""})`
    : `pid ${owner.pid} on ${owner.host} (${owner.command}${since ? `, since ${since}` : ""})`;
}

/** 73: the file is under another hearing. */
export function lockedError(ctx: Ctx, file: string, owner: LockOwner | "unknown"): OutputError {
  const name = shown(ctx, file);
  return new OutputError(
    msg(
      `${name} は別のヒアリングが編集中です: ${describe(owner, "ja")}。そちらを終えるか中断してから再実行してください`,
      `${name} is open in another hearing: ${describe(owner, "en")} — finish or stop that one, then try again`,
    ),
  );
}

/** A warning for commands that only read a file under a hearing. */
export function lockedNotice(ctx: Ctx, file: string): string | undefined {
  const owner = lockOwner(file);
  if (!owner) return undefined;
  return ctx.out.t(
    `${shown(ctx, file)} はヒアリング中です: ${describe(owner, "ja")}。ここまでに保存された回答を使います`,
    `${shown(ctx, file)} is open in a hearing, ${describe(owner, "en")}: using the answers saved so far`,
  );
}

export class HearingLock {
  private release: Release | undefined;
  private file: string | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly command: string,
  ) {}

  /** Takes the lock on `file` (refusing with 73 if another hearing holds it), releasing any other held. */
  hold(file: string): void {
    const target = lockedFile(file);
    if (this.file === target) return;
    const dir = `${target}.lock`;
    // A lock left by a process that is gone from this host is stale at once (not after 10 s).
    const left = readOwner(dir);
    if (left && left.host === os.hostname() && !alive(left.pid)) {
      const again = readOwner(dir);
      if (again && again.pid === left.pid) fs.rmSync(dir, { recursive: true, force: true });
    }
    let release: Release;
    try {
      release = lockfile().lockSync(target, {
        realpath: false,
        lockfilePath: dir,
        stale: LOCK_STALE_MS,
        fs: lockFs,
        // The lock went missing or could not be refreshed: say so once, keep the hearing going.
        onCompromised: () => {
          if (this.release)
            this.ctx.out.warn(this.ctx.out.t(`${shown(this.ctx, file)} のロックが失われました`, `the lock on ${shown(this.ctx, file)} was lost`));
          this.release = undefined;
          this.file = undefined;
        },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ELOCKED") throw lockedError(this.ctx, file, ownerSoon(target));
      // The folder cannot take a lock (read-only…): the write will fail and say why.
      return;
    }
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), command: this.command, since: new Date().toISOString() };
    try {
      fs.writeFileSync(path.join(dir, "owner.json"), `${JSON.stringify(owner)}\n`);
    } catch {
      // a lock without its owner still locks; others read it as "another kikitori process"
    }
    this.free();
    this.release = release;
    this.file = target;
  }

  /** Lets go of the lock (idempotent). */
  free(): void {
    const r = this.release;
    this.release = undefined;
    this.file = undefined;
    try {
      r?.();
    } catch {
      // already gone
    }
  }
}

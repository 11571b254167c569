/**
 * Files written whole or not at all: into `NAME.<pid>.tmp` beside the target, then renamed over it. A run stopped with
 * Ctrl+C or `kill` removes its temporary file before it ends; one killed outright (power cut, `kill -9`) leaves it, and
 * the next run into the same place removes it — only when the process that wrote it is gone.
 */
import { readdirSync, renameSync, unlinkSync } from "node:fs";
import * as path from "node:path";

export function tempPathFor(target: string, pid: number = process.pid): string {
  return `${target}.${pid}.tmp`;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists, under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes `target.<pid>.tmp` files whose process has ended; returns the paths removed. */
export function removeStaleTemps(target: string): string[] {
  const folder = path.dirname(path.resolve(target));
  const base = path.basename(target);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(base.length + 1, -".tmp".length)); // int: string index
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    try {
      unlinkSync(path.join(folder, name));
      removed.push(path.join(folder, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // nothing was written yet
  }
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Runs `write(tmp)` and renames the temporary file to `target`. On failure, or when the process is interrupted while
 * writing, the temporary file is removed (after an interruption the signal is raised again, so the process ends as
 * it would have).
 */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  const tmp = tempPathFor(target);
  const onSignal = (signal: NodeJS.Signals) => {
    removeQuietly(tmp);
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    await write(tmp);
    renameSync(tmp, target);
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

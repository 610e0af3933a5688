import { TreeWriteError } from './tree-write-error.js';
import { hostname } from 'node:os';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file in the output root while a sugarkube process writes or recovers the tree. */
export const LOCK_FILE = '.sugarkube-lock';

/** Another live sugarkube process is writing the tree. */
export class TreeBusyError extends Error {
  override readonly name = 'TreeBusyError';
}

export interface TreeLock {
  /** Whether a lock left by a process that is gone was taken over. */
  readonly tookOverStale: boolean;
  release(): Promise<void>;
}

interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : undefined;
  } catch {
    return undefined; // unreadable or half-written by a killed process: stale
  }
}

/**
 * Takes the output root's lock: created exclusively, holding this process' pid. A lock
 * whose process is gone (killed mid-write) is stale and taken over; that is how the next
 * run knows the transaction it finds was interrupted and not in progress. A lock from
 * another host (a shared filesystem) cannot be checked and counts as held.
 */
export async function acquireTreeLock(root: string): Promise<TreeLock> {
  const file = join(root, LOCK_FILE);
  const body = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, body, { flag: 'wx' });
      return { tookOverStale: attempt > 0, release: () => rm(file, { force: true }) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' || attempt > 0) {
        throw new TreeWriteError('input', [
          `${root}: cannot lock it for writing (${code ?? (error as Error).message}): the output directory must be writable`,
        ]);
      }
    }
    const holder = await readHolder(file);
    if (holder && (holder.host !== hostname() || isAlive(holder.pid))) {
      throw new TreeBusyError(
        `${root} is being written by another sugarkube process (pid ${holder.pid} on ${holder.host}); wait for it, or remove ${file} if no such process runs`,
      );
    }
    await rm(file, { force: true });
  }
}

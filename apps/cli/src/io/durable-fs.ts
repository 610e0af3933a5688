import { lstat, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Whether anything (a file, a directory, a dangling link) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Flushes a directory's entries to disk: after a rename, the rename itself is durable
 * only once the directories on both sides are synced (a power loss can otherwise undo it).
 */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `path` (which must not exist) with `content`, and syncs it before returning. */
export async function writeFileDurable(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Syncs every directory in `dirs` that still exists. */
export async function fsyncDirs(dirs: Iterable<string>): Promise<void> {
  for (const dir of new Set(dirs)) if (await exists(dir)) await fsyncDir(dir);
}

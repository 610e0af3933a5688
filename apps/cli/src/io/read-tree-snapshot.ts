import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ancestorDirs, childPath, type DiskEntry } from './plan-tree-commit.js';

/** Whether a directory holds anything but (nested) empty directories; stops at the first find. */
async function holdsFiles(dir: string): Promise<boolean> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || (await holdsFiles(join(dir, entry.name)))) return true;
  }
  return false;
}

/**
 * Reads what the planner needs from the output root: every directory the new or the
 * previous tree reaches into is listed, the content of every file at a generated path
 * is read, a directory where the tree has a file is listed (to name what is in the way),
 * and other directories are only probed for files. At the root only the
 * tree's own top-level names are looked at: a repository root's other entries are
 * none of the writer's business.
 */
export async function readTreeSnapshot(
  root: string,
  files: ReadonlyMap<string, string>,
  owned: ReadonlySet<string>,
  rootNames: (name: string) => boolean,
): Promise<Map<string, DiskEntry>> {
  const listed = new Set([...ancestorDirs(files.keys()), ...ancestorDirs(owned)]);
  const disk = new Map<string, DiskEntry>();
  async function read(path: string): Promise<void> {
    const full = join(root, ...path.split('/'));
    let info;
    try {
      // The root may be a symbolic link to the real directory; nothing below it is followed.
      info = path === '' ? await stat(full) : await lstat(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (info.isFile()) {
      disk.set(path, { kind: 'file', ...(files.has(path) ? { content: await readFile(full, 'utf8') } : {}) });
    } else if (!info.isDirectory()) {
      disk.set(path, { kind: 'other' });
    } else if (!listed.has(path) && !files.has(path)) {
      disk.set(path, { kind: 'dir', holdsFiles: await holdsFiles(full) });
    } else {
      const names = (await readdir(full)).filter((name) => path !== '' || rootNames(name)).sort();
      disk.set(path, { kind: 'dir', children: names });
      await Promise.all(names.map((name) => read(childPath(path, name))));
    }
  }
  await read('');
  return disk;
}

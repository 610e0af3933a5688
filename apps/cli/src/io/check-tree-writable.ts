import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { childPath, parentPath, type CommitUnit, type DiskEntry } from './plan-tree-commit.js';

const why: Record<string, string> = {
  EPERM: 'operation not permitted: immutable or append-only (chattr)?',
  EROFS: 'read-only filesystem',
  EACCES: 'permission denied',
};

/**
 * Checks, before anything changes, that every rename and deletion of the commit can
 * be done: the directory each unit sits in, the unit itself when it is a directory
 * (moving a directory to another parent rewrites its `..`), and every directory and
 * file inside an old subtree (deleted after the commit). `access(W_OK)` is what the
 * kernel answers for the real call: it also refuses root on an immutable inode
 * (chattr +i) or a read-only mount, which mode bits alone would not show. Every unit
 * must also be on the root's filesystem, since rename cannot cross filesystems.
 * Returns one line per problem, all of them.
 */
export async function checkTreeWritable(
  root: string,
  units: readonly CommitUnit[],
  disk: ReadonlyMap<string, DiskEntry>,
): Promise<string[]> {
  const rootDevice = (await stat(root)).dev;
  const dirs = new Set<string>();
  const files = new Set<string>();
  async function collectOld(path: string): Promise<void> {
    const entry = disk.get(path);
    if (!entry) return;
    if (entry.kind === 'file') files.add(path);
    if (entry.kind !== 'dir') return;
    dirs.add(path);
    if (entry.children) {
      for (const name of entry.children) await collectOld(childPath(path, name));
      return;
    }
    // A directory of (nested) empty directories: list them all, they are deleted too.
    for (const inner of await readdir(join(root, ...path.split('/')), { recursive: true, withFileTypes: true })) {
      if (inner.isDirectory()) dirs.add(relative(root, join(inner.parentPath, inner.name)).split(sep).join('/'));
    }
  }
  for (const unit of units) {
    dirs.add(parentPath(unit.path));
    await collectOld(unit.path);
  }
  const problems: string[] = [];
  for (const path of [...dirs].sort()) {
    const full = path === '' ? root : join(root, ...path.split('/'));
    try {
      await access(full, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      problems.push(`${full}: directory not writable (${code}: ${why[code] ?? (error as Error).message})`);
      continue;
    }
    if ((await stat(full)).dev !== rootDevice)
      problems.push(
        `${full}: on another filesystem than ${root} (the tree is committed by rename, which cannot cross filesystems)`,
      );
  }
  for (const path of [...files].sort()) {
    const full = join(root, ...path.split('/'));
    try {
      await access(full, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      // A file without write permission can still be renamed or deleted (that needs its directory);
      // an immutable or append-only one cannot.
      if (code !== 'EACCES')
        problems.push(`${full}: cannot be replaced or deleted (${code}: ${why[code] ?? (error as Error).message})`);
    }
  }
  return problems;
}

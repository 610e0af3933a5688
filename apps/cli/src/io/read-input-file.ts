import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { GeneratedFile } from '@sugarkube/core';
import { inputError } from '../cli-error.js';
import { shownPath } from './load-cluster.js';

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  ENOTDIR: 'a parent is not a directory',
};

/** A text file the user named; a missing or unreadable one is bad input (exit 2), named. */
export async function readInputFile(cwd: string, path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw inputError([
      { message: `${shownPath(cwd, path)}: cannot read ${what} (${reasons[code] ?? code})`, file: path },
    ]);
  }
}

/** Every `.yaml`/`.yml` file under `root` (not `.git`, not `node_modules`), by `/`-separated relative path. */
export async function readYamlTree(
  cwd: string,
  root: string,
  match: (path: string) => boolean = (p) => /\.ya?ml$/.test(p),
): Promise<GeneratedFile[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info)
    throw inputError([
      { message: `${shownPath(cwd, root)}: no such directory (synthesize the tree first, or pass --dir)`, file: root },
    ]);
  if (!info.isDirectory())
    throw inputError([{ message: `${shownPath(cwd, root)}: expected a directory, found a file`, file: root }]);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: GeneratedFile[] = [];
  for (const entry of entries) {
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!entry.isFile() || /(^|\/)(\.git|node_modules|\.sugarkube-txn)\//.test(path) || !match(path)) continue;
    files.push({ path, content: await readFile(join(root, path), 'utf8') });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Whether a regular file exists at `path`. */
export async function fileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

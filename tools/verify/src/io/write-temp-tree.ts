import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize } from 'node:path';

/** A file to write: `path` is relative to the tree's root. */
export interface TreeFile {
  readonly path: string;
  readonly content: string;
}

/** Writes files into a fresh temp dir and returns its path (helper for tests). */
export async function writeTempTree(files: ReadonlyArray<TreeFile>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'sugarkube-verify-'));
  for (const file of files) {
    const rel = normalize(file.path);
    if (isAbsolute(rel) || rel.startsWith('..')) {
      throw new Error(
        `writeTempTree: path must be relative and inside the tree, received ${JSON.stringify(file.path)}`,
      );
    }
    const target = join(root, rel);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return root;
}

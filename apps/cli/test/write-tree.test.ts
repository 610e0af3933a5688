import { mkdtemp, readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../src/io/write-tree.js';

async function tempDir() {
  return mkdtemp(join(tmpdir(), 'sugarkube-write-'));
}

describe('writeTree', () => {
  it('writes files, reports unchanged on a rerun, and removes only files it owned', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'hand-written.txt'), 'mine');
    expect(await writeTree(root, [{ path: 'a/b.yaml', content: 'x: 1\n' }, { path: 'c.yaml', content: 'y\n' }])).toEqual({
      written: 2,
      unchanged: 0,
      removed: 0,
    });
    expect(await writeTree(root, [{ path: 'a/b.yaml', content: 'x: 1\n' }])).toEqual({ written: 0, unchanged: 1, removed: 1 });
    expect((await readdir(root)).sort()).toEqual(['.sugarkube-files.json', 'a', 'hand-written.txt']);
    expect(await readFile(join(root, 'hand-written.txt'), 'utf8')).toBe('mine');
  });

  it('refuses paths that escape the output directory and leaves the tree as it was', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'keep'));
    await writeTree(root, [{ path: 'keep/x', content: '1' }]);
    await expect(writeTree(root, [{ path: '../evil', content: '' }])).rejects.toThrow(/escapes the output directory/);
    await expect(writeTree(root, [{ path: 'keep/x', content: '2' }, { path: 'keep/x', content: '3' }])).rejects.toThrow(/twice/);
    expect(await readFile(join(root, 'keep/x'), 'utf8')).toBe('1');
  });
});

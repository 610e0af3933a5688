import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/render/unified-diff.js';

type Tree = Record<string, string>;

async function readTree(dir: string): Promise<Tree> {
  const tree: Tree = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      tree[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(
        join(entry.parentPath, entry.name),
        'utf8',
      );
  }
  return tree;
}

/**
 * Writes `before` into a fresh directory, applies the concatenated diffs of every path with the
 * real GNU `patch -p1` (which creates and deletes files on /dev/null headers) and returns the tree.
 */
async function applyWithPatch(before: Tree, after: Tree): Promise<{ result: Tree; patchText: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-diff-'));
  const work = join(dir, 'tree');
  await mkdir(work);
  for (const [path, content] of Object.entries(before)) {
    await mkdir(dirname(join(work, path)), { recursive: true });
    await writeFile(join(work, path), content);
  }
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const patchText = paths.map((p) => unifiedDiff(p, before[p], after[p])).join('');
  await writeFile(join(dir, 'change.diff'), patchText);
  if (patchText !== '') {
    const result = spawnSync('patch', ['-s', '-p1', '-t', '-N', '-i', join(dir, 'change.diff')], {
      cwd: work,
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`patch failed (${result.status}): ${result.stdout}${result.stderr}\n${patchText}`);
  }
  return { result: await readTree(work), patchText };
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('x', 'a\n', 'a\n')).toBe('');
    expect(unifiedDiff('x', undefined, undefined)).toBe('');
  });

  it('renders a hunk with context like diff -u', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    expect(unifiedDiff('f.yaml', before, after)).toBe(
      ['--- a/f.yaml', '+++ b/f.yaml', '@@ -1,7 +1,7 @@', ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g', ''].join(
        '\n',
      ),
    );
  });

  it('marks created and deleted files with /dev/null', () => {
    expect(unifiedDiff('n.yaml', undefined, 'x\n')).toBe('--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('n.yaml', 'x\n', undefined)).toBe('--- a/n.yaml\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n');
  });

  // The reported bug: only the final newline changed, and the old renderer printed two headers and no hunk.
  it('gives a change of only the trailing newline a hunk, marked as GNU diff marks it', async () => {
    // Expected bytes checked against `diff -u` (GNU diffutils) on the same two files.
    expect(unifiedDiff('f.yaml', 'a: 1\nb: 2\n', 'a: 1\nb: 2')).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n+b: 2\n\\ No newline at end of file\n',
    );
    expect(unifiedDiff('f.yaml', 'a: 1\nb: 2', 'a: 1\nb: 2\n')).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n\\ No newline at end of file\n+b: 2\n',
    );
    for (const [before, after] of [
      ['a: 1\nb: 2\n', 'a: 1\nb: 2'],
      ['a: 1\nb: 2', 'a: 1\nb: 2\n'],
      ['x', 'y'],
      ['\n', ''],
    ] as const) {
      expect((await applyWithPatch({ 'f.yaml': before }, { 'f.yaml': after })).result).toEqual({ 'f.yaml': after });
    }
  });

  it('creates and deletes files, with and without a final newline, through GNU patch', async () => {
    const before = { 'gone.yaml': 'a\nb\n', 'gone-no-eol.yaml': 'a\nb', 'keep/x.yaml': 'k: v\n' };
    const after = { 'new.yaml': 'n\n', 'new-no-eol.yaml': 'n', 'keep/x.yaml': 'k: w' };
    const { result, patchText } = await applyWithPatch(before, after);
    expect(result).toEqual(after);
    expect(patchText).toContain(
      '--- a/gone-no-eol.yaml\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n\\ No newline at end of file\n',
    );
    expect(patchText).toContain(
      '--- /dev/null\n+++ b/new-no-eol.yaml\n@@ -0,0 +1,1 @@\n+n\n\\ No newline at end of file\n',
    );
  });

  it('produces diffs that GNU patch applies exactly to whole trees: added, removed, changed files, any final newline (property)', async () => {
    const text = fc
      .tuple(
        fc.array(
          fc.constantFrom('a', 'b', 'c', 'd', '', 'kind: X', '  image: y', ' lead', '\\ x', '--- a', '+++ b', '@@'),
          { minLength: 1, maxLength: 25 },
        ),
        fc.boolean(),
      )
      // A file with no bytes is left out: creating or deleting one has no lines for a hunk (see unifiedDiff).
      .map(([lines, eol]) => `${lines.join('\n')}${eol ? '\n' : ''}` || 'x');
    const tree = fc.dictionary(fc.constantFrom('a.yaml', 'b.yaml', 'dir/c.yaml', 'dir/sub/d.txt', 'e'), text, {
      maxKeys: 5,
    });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(tree, tree, async (before, after) => {
        runs++;
        const { result } = await applyWithPatch(before, after);
        expect(result).toEqual(after);
      }),
      { numRuns: 150 },
    );
    expect(runs).toBe(150);
  }, 300_000);
});

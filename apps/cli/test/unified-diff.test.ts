import { mkdtemp, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/render/unified-diff.js';

/** Applies our diff with the real GNU `patch` and returns the result. */
async function applyWithPatch(before: string, diff: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-diff-'));
  await writeFile(join(dir, 'f.yaml'), before);
  await writeFile(join(dir, 'change.diff'), diff);
  const result = spawnSync('patch', ['-s', '-p1', '-i', 'change.diff', 'f.yaml'], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`patch failed: ${result.stdout}${result.stderr}\n${diff}`);
  return spawnSync('cat', ['f.yaml'], { cwd: dir, encoding: 'utf8' }).stdout;
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('x', 'a\n', 'a\n')).toBe('');
  });

  it('renders a hunk with context like diff -u', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    expect(unifiedDiff('f.yaml', before, after)).toBe(
      ['--- a/f.yaml', '+++ b/f.yaml', '@@ -1,7 +1,7 @@', ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g', ''].join('\n'),
    );
  });

  it('marks created and deleted files with /dev/null', () => {
    expect(unifiedDiff('n.yaml', undefined, 'x\n')).toBe('--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('n.yaml', 'x\n', undefined)).toBe('--- a/n.yaml\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n');
  });

  it('produces diffs that GNU patch applies exactly (property)', async () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'kind: X', '  image: y'), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(lines, lines, async (a, b) => {
        const before = a.length ? `${a.join('\n')}\n` : '';
        const after = b.length ? `${b.join('\n')}\n` : '';
        const diff = unifiedDiff('f.yaml', before, after);
        if (before === after) return diff === '';
        return (await applyWithPatch(before, diff)) === after;
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTracked, readTree } from '../src/io/file-tree.js';

/**
 * The examples are fresh, always: each example's .projenrc.ts, run against this workspace's
 * packages in a copy of its tracked files (every file projen owns deleted first), must write
 * exactly the committed files, twice in a row. Regenerate after a generator change:
 *   for d in examples/*; do (cd "$d" && node .projenrc.ts); done
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
const examples = ['danielsmith', 'dspace', 'jobbot3000', 'tokenplace'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.each(examples)('examples/%s', (name) => {
  it('is exactly what its .projenrc.ts writes from its sugarkube.yaml, and a second run changes nothing', () => {
    const example = join(repoRoot, 'examples', name);
    const work = mkdtempSync(join(tmpdir(), `sugarkube-fresh-${name}-`));
    dirs.push(work);
    copyTracked(example, work);
    // The workspace's packages, as `npm install` gives an app repo its own.
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'));
    const skip = (path: string) => path.startsWith('node_modules/');
    const committed = readTree(example, (path) => skip(path) || path.startsWith('dist/'));
    const owned = (JSON.parse(committed['.projen/files.json']!) as { files: string[] }).files;
    expect(owned).toContain('Dockerfile');
    for (const file of owned) rmSync(join(work, file), { force: true });
    for (const round of [1, 2]) {
      execFileSync(process.execPath, ['.projenrc.ts'], {
        cwd: work,
        env: { ...process.env, PROJEN_DISABLE_POST: '1' },
        stdio: 'pipe',
      });
      const written = readTree(work, skip);
      const stale = Object.keys(committed).filter((path) => written[path] !== committed[path]);
      const extra = Object.keys(written).filter((path) => !(path in committed));
      expect(
        { round, stale, extra },
        'regenerate: for d in examples/*; do (cd "$d" && node .projenrc.ts); done',
      ).toEqual({
        round,
        stale: [],
        extra: [],
      });
    }
    expect(readFileSync(join(work, '.projen/tasks.json'), 'utf8')).toContain('"exec": "node .projenrc.ts"');
  }, 120_000);
});

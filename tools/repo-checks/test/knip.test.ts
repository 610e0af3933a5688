import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/index.js';

/**
 * knip (knip.json, from projenrc/knip-config.ts) over every workspace: no unused file,
 * dependency, export or exported type. Each exception in the config says why.
 */
describe('unused dependencies and exports', () => {
  it('knip finds nothing', () => {
    const run = spawnSync(join(repoRoot, 'node_modules/.bin/knip'), ['--no-progress', '--no-config-hints'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.error).toBeUndefined();
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Compiles the CLI's current sources (the real `sugarkube` a user runs, not a test double) into
 * the cache and returns its bin.js. The test target builds only the dependencies, so `dist/`
 * may be stale; this build is of exactly what is tested.
 */
export function buildCli(name: string): string {
  const out = join(cliRoot, '.cache', `cli-${name}`); // one per test file: vitest runs files in parallel
  const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      '-p',
      join(cliRoot, 'tsconfig.json'),
      '--outDir',
      out,
      '--declaration',
      'false',
      '--declarationMap',
      'false',
      '--sourceMap',
      'false',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`tsc failed: ${result.stdout}${result.stderr}`);
  return join(out, 'bin.js');
}

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const packageDir = join(repoRoot, 'packages/ci-workflows');

/**
 * A scratch root whose node_modules holds this package compiled from the current sources
 * (not whatever dist/ happens to be there) with its package.json (exports, peers), next to
 * the real dependencies, so `@sugarkube/ci-workflows` and `@sugarkube/ci-workflows/projen`
 * resolve exactly as in an app repo.
 */
export function scratchInstall(): string {
  const root = mkdtempSync(join(tmpdir(), 'sugarkube-ciw-install-'));
  const pkg = join(root, 'node_modules/@sugarkube/ci-workflows');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(packageDir, 'package.json'), join(pkg, 'package.json'));
  execFileSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(packageDir, 'tsconfig.json'),
      '--outDir',
      join(pkg, 'dist'),
    ],
    { stdio: 'pipe' },
  );
  symlinkSync(join(repoRoot, 'packages/core'), join(root, 'node_modules/@sugarkube/core'));
  for (const dep of ['projen', 'constructs', 'zod'])
    symlinkSync(join(repoRoot, 'node_modules', dep), join(root, 'node_modules', dep));
  return root;
}

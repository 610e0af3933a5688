/**
 * The package loads what it needs and no more: yaml, and zod through @sugarkube/core (every
 * public option object is checked by a schema before use, one error shape), never projen. A child Node
 * process imports the built package from the workspace root and records every module it loads.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** The URLs of every module a fresh Node process loads while importing `specifier` (workspace packages by their real path). */
function modulesLoadedBy(specifier: string): string[] {
  const script = [
    "import { registerHooks } from 'node:module';",
    'const seen = [];',
    'registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });',
    `await import(${JSON.stringify(specifier)});`,
    'console.log(JSON.stringify(seen));',
  ].join('\n');
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' }),
  ) as string[];
}

/** The npm packages among those modules. */
const npmPackages = (urls: readonly string[]) =>
  [
    ...new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p) => p !== undefined)),
  ].sort();

describe('@sugarkube/image-policy entry point', () => {
  it('loads yaml and zod (option schemas, through @sugarkube/core), not projen', () => {
    expect(npmPackages(modulesLoadedBy('@sugarkube/image-policy'))).toEqual(['yaml', 'zod']);
  });

  it('the check above sees projen when an entry point loads it', () => {
    expect(npmPackages(modulesLoadedBy('@sugarkube/manifests/projen'))).toContain('projen');
  });
});

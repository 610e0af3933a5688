/**
 * The package renders and selects tags without zod: it takes only the YAML renderer and the tag
 * scheme from @sugarkube/core, through the entry points that load nothing else. A child Node
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
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' })) as string[];
}

/** The npm packages among those modules. */
const npmPackages = (urls: readonly string[]) =>
  [...new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p) => p !== undefined))].sort();

describe('@sugarkube/image-policy entry point', () => {
  it('loads yaml and the zod-free entry points of @sugarkube/core, not zod', () => {
    const loaded = modulesLoadedBy('@sugarkube/image-policy');
    expect(npmPackages(loaded)).toEqual(['yaml']);
    expect(loaded.some((u) => u.endsWith('/packages/core/dist/yaml/index.js'))).toBe(true);
    expect(loaded.some((u) => u.endsWith('/packages/core/dist/index.js'))).toBe(false);
  });

  it("core's main entry does load zod (so the check above can fail)", () => {
    expect(npmPackages(modulesLoadedBy('@sugarkube/core'))).toContain('zod');
  });
});

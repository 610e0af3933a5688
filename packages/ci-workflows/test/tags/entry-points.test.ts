/**
 * The main entry (Dockerfile and workflow generators) never loads docker/metadata-action's
 * libraries; only `@sugarkube/ci-workflows/tags` does. And those libraries are the
 * versions metadata-action pins for the release the generated workflows use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionPins } from '../../src/index.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  exports: Record<string, unknown>;
};
const metadataLibraries = ['handlebars', 'moment', 'moment-timezone', 'semver', 'csv-parse', '@renovate/pep440'];

/** Every module a source file loads at run time (type-only imports are erased), transitively. */
function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)) {
      if (m[1]) continue;
      const specifier = m[2]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(join(packageDir, entry));
  return { files, packages };
}

describe('entry points', () => {
  it('the main entry loads none of the tag preview, nor its libraries', () => {
    const { files, packages } = runtimeGraph('src/index.ts');
    expect([...files].map((f) => relative(packageDir, f)).filter((f) => f.startsWith('src/tags/'))).toEqual([]);
    expect([...packages].filter((p) => metadataLibraries.includes(p))).toEqual([]);
  });

  it('the ./tags entry loads all of them, and is exported', () => {
    const { packages } = runtimeGraph('src/tags/index.ts');
    // moment itself comes through moment-timezone, as in metadata-action.
    expect(metadataLibraries.filter((p) => p !== 'moment' && !packages.has(p))).toEqual([]);
    expect(manifest.exports['./tags']).toEqual({ types: './dist/tags/index.d.ts', import: './dist/tags/index.js' });
  });
});

describe("docker/metadata-action's libraries", () => {
  // Taken from its package.json/yarn.lock at v6.0.0: moving the action pin needs new ones.
  it('are those of the pinned release', () => {
    expect(actionPins.metadata.version).toBe('v6.0.0');
    expect(Object.fromEntries(metadataLibraries.map((name) => [name, manifest.dependencies[name]]))).toEqual({
      handlebars: '4.7.8',
      moment: '2.30.1',
      'moment-timezone': '0.6.1',
      semver: '7.7.4',
      'csv-parse': '6.1.0',
      '@renovate/pep440': '1.0.0',
    });
  });

  it('are installed at exactly those versions', () => {
    const require = createRequire(join(packageDir, 'src/tags/index.ts'));
    const installed = (name: string) => {
      // Walk up from the resolved entry to the package's own package.json.
      for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
        const file = join(dir, 'package.json');
        if (!existsSync(file)) continue;
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
        if (json.name === name) return json.version;
      }
      throw new Error(`no package.json of ${name}`);
    };
    for (const name of metadataLibraries) expect([name, installed(name)]).toEqual([name, manifest.dependencies[name]]);
  });
});

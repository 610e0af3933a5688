import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, workspacePackages } from '../src/index.js';

const published = workspacePackages().filter((p) => !p.manifest.private);

describe('published package shape', () => {
  it('publishes the six libraries and the CLI', () => {
    expect(published.map((p) => p.manifest.name).sort()).toEqual([
      '@sugarkube/ci-workflows',
      '@sugarkube/cli',
      '@sugarkube/cluster',
      '@sugarkube/core',
      '@sugarkube/image-policy',
      '@sugarkube/manifests',
      '@sugarkube/sites',
    ]);
  });

  it.each(published.map((p) => [p.manifest.name, p] as const))(
    '%s is ESM-only with exports, types, files, engines',
    (_name, p) => {
      const m = p.manifest as Record<string, unknown>;
      expect(m.type).toBe('module');
      expect(m.sideEffects).toBe(false);
      expect(m.files).toContain('dist');
      expect(m.types).toBe('dist/index.d.ts');
      expect(m.engines).toEqual({ node: '>=22' });
      const exports = m.exports as Record<string, unknown>;
      expect(exports['./package.json']).toBe('./package.json');
      expect(exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
      expect(m.publishConfig).toMatchObject({ access: 'public', provenance: true });
    },
  );

  it.each(published.map((p) => [p.manifest.name, p] as const))('%s has a real README', (_name, p) => {
    const readme = join(repoRoot, p.dir, 'README.md');
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, 'utf8');
    expect(text).not.toMatch(/^# replace this/m);
    expect(text).toContain(p.manifest.name);
  });

  it('keeps the CLI bin executable from dist', () => {
    const cli = published.find((p) => p.manifest.name === '@sugarkube/cli');
    expect(cli?.manifest.bin).toEqual({ sugarkube: 'dist/bin.js' });
  });
});

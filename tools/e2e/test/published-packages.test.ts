import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/io/run-command.js';
import { startVerdaccio, type RunningRegistry } from '../src/io/verdaccio.js';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const publishedDirs = ['packages/image-policy', 'packages/manifests', 'packages/ci-workflows', 'packages/sites', 'apps/cli'];
const verdaccioBin = join(dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')), 'bin', 'verdaccio');

let registry: RunningRegistry;
let userconfig: string;

async function npm(args: string[], cwd: string) {
  return runCommand('npm', [...args, '--userconfig', userconfig, '--no-audit', '--no-fund'], { cwd });
}

beforeAll(async () => {
  registry = await startVerdaccio(verdaccioBin);
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-npmrc-'));
  userconfig = join(dir, '.npmrc');
  const host = registry.url.replace(/^http:/, '');
  await writeFile(userconfig, `@sugarkube:registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
  for (const dir of publishedDirs) {
    // Provenance needs GitHub's OIDC; the release workflow publishes with it, this proof without.
    await npm(['publish', '--provenance=false', '--registry', registry.url], join(repoRoot, dir));
  }
}, 180_000);

afterAll(async () => {
  await registry?.stop();
});

describe('the packages as npm users get them', () => {
  it.each(publishedDirs)('%s is served by the registry with only dist, README, LICENSE and package.json', async (dir) => {
    const manifest = JSON.parse(await readFile(join(repoRoot, dir, 'package.json'), 'utf8')) as { name: string; version: string };
    const view = await npm(['view', `${manifest.name}@${manifest.version}`, 'dist', '--json'], repoRoot);
    const dist = JSON.parse(view.stdout) as { tarball: string; integrity: string };
    expect(dist.tarball.startsWith(registry.url)).toBe(true);
    expect(dist.integrity).toMatch(/^sha512-/);
    const work = await mkdtemp(join(tmpdir(), 'sugarkube-pack-'));
    await npm(['pack', `${manifest.name}@${manifest.version}`, '--registry', registry.url], work);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    const listing = await runCommand('tar', ['-tzf', tgz!], { cwd: work });
    const files = listing.stdout.trim().split('\n');
    expect(files).toContain('package/package.json');
    expect(files).toContain('package/dist/index.js');
    expect(files.filter((f) => !/^package\/(dist\/|README\.md$|LICENSE$|package\.json$)/.test(f))).toEqual([]);
  }, 60_000);

  it('installs into a fresh ESM consumer and imports every library under Node 24', async () => {
    const consumer = await mkdtemp(join(tmpdir(), 'sugarkube-consumer-'));
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await npm(['install', '@sugarkube/manifests', '@sugarkube/image-policy', '@sugarkube/ci-workflows', '@sugarkube/sites', '@sugarkube/cli'], consumer);
    const script = [
      "const names = ['@sugarkube/manifests', '@sugarkube/image-policy', '@sugarkube/ci-workflows', '@sugarkube/sites', '@sugarkube/cli'];",
      'for (const n of names) { const m = await import(n); if (Object.keys(m).length === 0) throw new Error(n + " exports nothing"); }',
      "process.stdout.write(`imported ${names.length}\\n`);",
    ].join('\n');
    await writeFile(join(consumer, 'check.mjs'), script);
    const result = await runCommand(process.execPath, ['check.mjs'], { cwd: consumer });
    expect(result.stdout.trim()).toBe('imported 5');
    const bin = await runCommand(join(consumer, 'node_modules', '.bin', 'sugarkube'), ['--help'], { cwd: consumer });
    expect(bin.stdout).toMatch(/Usage: sugarkube <command>/);
  }, 180_000);
});

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

/** The example app repos, as an app repo has them: projen + a Sugarkube package from the registry. */
const examples = ['danielsmith', 'dspace', 'jobbot3000', 'tokenplace'];

describe('app repos regenerate their files from the published packages', () => {
  let apps: string;

  beforeAll(async () => {
    // One install for all four: each example is copied below `apps`, so Node resolves
    // @sugarkube/* and projen from apps/node_modules, never from this monorepo's workspaces.
    apps = await mkdtemp(join(tmpdir(), 'sugarkube-apps-'));
    const root = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    await writeFile(join(apps, 'package.json'), JSON.stringify({ name: 'apps', private: true, type: 'module' }));
    await npm(['install', '@sugarkube/sites', '@sugarkube/ci-workflows', `projen@${root.devDependencies.projen}`], apps);
    // What was installed is what the registry serves: the lockfile's integrity is Verdaccio's.
    const lock = JSON.parse(await readFile(join(apps, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string }> };
    for (const name of ['@sugarkube/sites', '@sugarkube/ci-workflows', '@sugarkube/manifests', '@sugarkube/image-policy']) {
      const served = JSON.parse((await npm(['view', name, 'dist.integrity', '--json', '--registry', registry.url], apps)).stdout) as string;
      expect(lock.packages[`node_modules/${name}`]?.integrity).toBe(served);
    }
  }, 300_000);

  it.each(examples)('examples/%s: `node .projenrc.ts` with the packages from the registry writes exactly the committed files', async (name) => {
    const example = join(repoRoot, 'examples', name);
    const work = join(apps, name);
    const tracked = (await runCommand('git', ['ls-files', '-z', '.'], { cwd: example })).stdout.split('\0').filter(Boolean);
    for (const file of tracked) {
      await mkdir(dirname(join(work, file)), { recursive: true });
      await cp(join(example, file), join(work, file));
    }
    // Remove every file projen wrote, so each one must be regenerated, not left over.
    const owned = (JSON.parse(await readFile(join(example, '.projen/files.json'), 'utf8')) as { files: string[] }).files;
    expect(owned.length).toBeGreaterThan(3);
    for (const file of owned) await rm(join(work, file), { force: true });

    await runCommand(process.execPath, ['.projenrc.ts'], { cwd: work, env: { ...process.env, PROJEN_DISABLE_POST: '1' } });

    const differing: string[] = [];
    for (const file of tracked) {
      const [want, got] = await Promise.all([readFile(join(example, file), 'utf8'), readFile(join(work, file), 'utf8').catch(() => '<missing>')]);
      if (want !== got) differing.push(file);
    }
    expect(differing).toEqual([]);
    expect((JSON.parse(await readFile(join(work, '.projen/files.json'), 'utf8')) as { files: string[] }).files).toEqual(owned);
  }, 120_000);
});

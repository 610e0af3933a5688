import { mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { monorepoNodeModules } from './support/cluster-repo.js';
import { runCli } from './support/run-cli.js';

const clusterModule = fileURLToPath(new URL('../../cluster/dist/index.js', import.meta.url));

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const e of entries)
    if (e.isFile())
      files[join(e.parentPath, e.name).slice(dir.length + 1)] = await readFile(join(e.parentPath, e.name), 'utf8');
  return files;
}

/** A cluster module whose definition asks for a tunnel and MetalLB at once, and an impossible port. */
const badModule = `import { clusterModule } from '@sugarkube/cluster';
export default clusterModule({ definition: {
  name: 'bad', repository: { url: 'https://github.com/acme/gitops' }, owner: 'acme', acmeEmail: 'ops@example.org', dnsZones: ['example.org'],
  environments: { prod: { exposure: { cloudflareTunnel: {}, metallb: { addresses: ['192.168.1.240/28'] } } } },
  apps: [{ app: { name: 'x', services: [{ name: 'web', runtime: 'static-nginx', image: { repository: 'ghcr.io/acme/x' }, port: 99999 }] } }],
}, pinsFile: 'pins.json' });
`;

/** A temp dir that resolves @sugarkube/* (a cluster repo's node_modules). */
async function repoDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await symlink(monorepoNodeModules, join(dir, 'node_modules'));
  return dir;
}

describe('synth and validate on the embedded Sugarkube cluster', { timeout: 60_000 }, () => {
  it('synthesizes, validates before writing, and prints the summary; a second run changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-synth-'));
    const first = await runCli(['synth', '--cluster', clusterModule, '--out', 'out', '--progress'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/› synthesizing the tree… done \(\d+ ms\)\n› checking \d+ files/);
    expect(first.stdout).toContain(
      'staging: Flux order flux-system → infra-controllers → infra-configs → app-danielsmith → app-danielsmith-images → app-dspace → app-dspace-images → app-jobbot3000 → app-jobbot3000-images → app-tokenplace → app-tokenplace-images\n',
    );
    // Hand-checked sum of the chart table's requests (docs/cluster.md, "Capacity"): 1616 MiB.
    expect(first.stdout).toContain(
      '  infrastructure requests: CPU 2.71 cores, memory 1.58 GiB (within the 2.00 GiB goal)',
    );
    expect(first.stdout).toMatch(/prod: \d+ objects on 3 × Raspberry Pi 5 \(4 CPU, 8Gi each\)/);
    expect(first.stdout).toMatch(/total vs capacity: +CPU [\d.]+ cores of 12.00 cores/);
    const written = await snapshot(join(dir, 'out'));
    expect(Object.keys(written)).toContain('clusters/prod/flux-system/flux-instance.yaml');
    const second = await runCli(['synth', '--cluster', clusterModule, '--out', 'out'], dir);
    expect(second.stdout).toMatch(/synthesized (\d+) files into .* \(0 written, \1 unchanged, 0 removed\)/);
    expect(await snapshot(join(dir, 'out'))).toEqual(written);
  });

  it('keeps the tag image automation committed to a marked line when it regenerates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-synth-'));
    expect((await runCli(['synth', '--cluster', clusterModule, '--out', 'out'], dir)).code).toBe(0);
    const overlay = join(dir, 'out/clusters/staging/apps/tokenplace.yaml');
    const before = await readFile(overlay, 'utf8');
    expect(before).toContain('newTag: main-4577c76 # {"$imagepolicy": "flux-system:tokenplace-relay:tag"}');
    await writeFile(overlay, before.replace('newTag: main-4577c76 #', 'newTag: main-1764000000-abc1234 #'));
    expect((await runCli(['synth', '--cluster', clusterModule, '--out', 'out'], dir)).code).toBe(0);
    expect(await readFile(overlay, 'utf8')).toContain(
      'newTag: main-1764000000-abc1234 # {"$imagepolicy": "flux-system:tokenplace-relay:tag"}',
    );
  });

  it('diff does not report a tag automation committed as drift, but does report a hand edit beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-diff-'));
    expect((await runCli(['synth', '--cluster', clusterModule, '--out', 'out'], dir)).code).toBe(0);
    const overlay = join(dir, 'out/clusters/staging/apps/tokenplace.yaml');
    const before = await readFile(overlay, 'utf8');
    await writeFile(overlay, before.replace('newTag: main-4577c76 #', 'newTag: main-1764000000-abc1234 #'));
    const clean = await runCli(['diff', '--cluster', clusterModule, '--out', 'out'], dir);
    expect([clean.code, clean.stdout]).toEqual([0, '']);
    expect(clean.stderr).toMatch(/is up to date\n$/);
    await writeFile(overlay, (await readFile(overlay, 'utf8')).replace('  interval: 10m', '  interval: 1m'));
    const drift = await runCli(['diff', '--cluster', clusterModule, '--out', 'out'], dir);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('-  interval: 1m\n+  interval: 10m\n');
    expect(drift.stdout).not.toMatch(/^[-+] +newTag/m); // automation's tag stays, even inside the hunk
  });

  it('diff of an invalid definition exits 2 and prints nothing on stdout', async () => {
    const dir = await repoDir('sugarkube-diff-');
    await writeFile(join(dir, 'bad.mjs'), badModule);
    const failed = await runCli(['diff', '--cluster', 'bad.mjs'], dir);
    expect([failed.code, failed.stdout]).toEqual([2, '']);
    expect(failed.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('a definition with errors writes nothing and leaves the previous tree intact', async () => {
    const dir = await repoDir('sugarkube-synth-');
    expect((await runCli(['synth', '--cluster', clusterModule, '--out', 'out'], dir)).code).toBe(0);
    const before = await snapshot(join(dir, 'out'));
    await writeFile(join(dir, 'bad.mjs'), badModule);
    const failed = await runCli(['synth', '--cluster', 'bad.mjs', '--out', 'out'], dir);
    expect(failed.code).toBe(2);
    // Every error at once, one line each, naming the module and the path into the definition.
    expect(failed.stderr.split('\n').filter((l) => !l.startsWith('warning:'))).toEqual([
      'sugarkube synth: bad.mjs: apps[0].app.services[0].port: expected an integer 1-65535, received 99999',
      'sugarkube synth: bad.mjs: environments.prod.exposure.metallb: expected no metallb when cloudflareTunnel is set (one clear exposure path per environment: pick one), received an object',
      '',
    ]);
    expect(await snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('validate checks without writing, and --dir catches a removed Flux API in a tree on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-validate-'));
    const ok = await runCli(['validate', '--cluster', clusterModule], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/cluster definition and \d+ synthesized files valid/);
    expect(await readdir(dir)).toEqual([]);
    const missing = await runCli(['validate', '--cluster', join(dir, 'nope.mjs')], dir);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'sugarkube validate: nope.mjs: the cluster module does not exist\n',
    ]);
    await runCli(['synth', '--cluster', clusterModule, '--out', 'tree'], dir);
    expect((await runCli(['validate', '--dir', 'tree'], dir)).stdout).toMatch(/\d+ files valid/);
    const target = join(dir, 'tree', 'infrastructure/controllers/prod/cert-manager.yaml');
    await writeFile(
      target,
      (await readFile(target, 'utf8')).replace('helm.toolkit.fluxcd.io/v2', 'helm.toolkit.fluxcd.io/v2beta1'),
    );
    const broken = await runCli(['validate', '--dir', 'tree'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      'sugarkube validate: tree/infrastructure/controllers/prod/cert-manager.yaml: HelmRelease uses the removed Flux API helm.toolkit.fluxcd.io/v2beta1',
    );
    const absent = await runCli(['validate', '--dir', 'absent'], dir);
    expect([absent.code, absent.stderr]).toEqual([
      2,
      'sugarkube validate: absent: no such directory (synthesize the tree first, or pass --dir)\n',
    ]);
  });
});

// doctor --live against a real API server: the @sugarkube/live cluster (etcd, kube-apiserver,
// controller-manager, scheduler, kwok Pi nodes, the Flux and Gateway API CRDs).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLiveCluster, type LiveCluster } from '@sugarkube/live';
import { freePort } from '@sugarkube/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { makeClusterRepo } from './support/cluster-repo.js';
import { pushImage } from './support/push-image.js';
import { runCli } from './support/run-cli.js';

let cluster: LiveCluster;
const work = mkdtempSync(join(tmpdir(), 'sugarkube-doctor-live-'));
const repo = join(work, 'repo');

async function doctor(args: string[]) {
  const out: string[] = [];
  const code = await main(['doctor', '--live', '--json', ...args], {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: () => true },
    cwd: repo,
    env: {},
  });
  const report = JSON.parse(out.join('')).report as {
    checks: { name: string; ok: boolean; detail: string; required: boolean }[];
  };
  return { code, checks: report.checks.filter((c) => c.name.endsWith('(sugarkube-live)')) };
}

/** A Deployment like one of the Flux Operator's, restricted as flux-system enforces; kwok runs its pod. */
const fluxDeployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'flux-system' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'manager',
            image: `ghcr.io/fluxcd/${name}:v1`,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        ],
      },
    },
  },
});

beforeAll(async () => {
  mkdirSync(repo);
  makeClusterRepo(repo, 'ghcr.io/acme/shop', { staging: 'main-1765000000-1111111', prod: 'main-1766000000-0000000' });
  cluster = await startLiveCluster({ flux: [] });
}, 600_000);
afterAll(async () => cluster?.stop());

describe('doctor --live', { timeout: 300_000 }, () => {
  it('checks the context, the API server, the CRDs the tree uses and the Flux controllers it needs', async () => {
    const before = await doctor(['--context', 'sugarkube-live', '--kubeconfig', cluster.kubeconfig]);
    expect(before.checks.map((c) => [c.name, c.ok])).toEqual([
      ['kube context (sugarkube-live)', true],
      ['API server (sugarkube-live)', true],
      ['Flux and Gateway API CRDs (sugarkube-live)', true],
      ['Flux controllers (sugarkube-live)', false],
    ]);
    expect(before.checks[1]!.detail).toMatch(
      new RegExp(`^Kubernetes v1\\.\\d+\\.\\d+ at ${cluster.apiServerUrl.replace(/\./g, '\\.')}$`),
    );
    expect(before.checks[3]!.detail).toBe(
      'not available in flux-system: helm-controller (no Deployment), image-automation-controller (no Deployment), kustomize-controller (no Deployment), notification-controller (no Deployment), source-controller (no Deployment)',
    );
    expect(before.code).toBe(1);

    const controllers = [
      'helm-controller',
      'image-automation-controller',
      'kustomize-controller',
      'notification-controller',
      'source-controller',
    ];
    await cluster.apply(controllers.map(fluxDeployment));
    await cluster.kubectl([
      'wait',
      '--for=condition=Available',
      '--timeout=120s',
      '-n',
      'flux-system',
      ...controllers.map((c) => `deployment/${c}`),
    ]);
    const after = await doctor(['--context', 'sugarkube-live', '--kubeconfig', cluster.kubeconfig]);
    expect(after.checks.every((c) => c.ok)).toBe(true);
    expect(after.checks[3]!.detail).toBe(`${controllers.join(', ')} available`);
    expect(after.code).toBe(0);
  });

  it('names a context that is not in the kubeconfig, and an API server that does not answer', async () => {
    const missing = await main(['doctor', '--live', '--kubeconfig', cluster.kubeconfig], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      cwd: repo,
      env: {},
    });
    expect(missing).toBe(1);
    const out: string[] = [];
    await main(['doctor', '--live', '--kubeconfig', cluster.kubeconfig], {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: () => true },
      cwd: repo,
      env: {},
    });
    expect(out.join('')).toMatch(
      /^FAIL +kube context \(acme-staging\) +not in the kubeconfig \(contexts: sugarkube-live\); add it, or pass --context$/m,
    );
    // The same kubeconfig pointed at a port where nothing listens.
    const port = await freePort();
    const dead = join(work, 'dead.kubeconfig');
    writeFileSync(
      dead,
      readFileSync(cluster.kubeconfig, 'utf8').replace(cluster.apiServerUrl, `https://127.0.0.1:${port}`),
    );
    const unreachable = await doctor(['--context', 'sugarkube-live', '--kubeconfig', dead, '--timeout', '5']);
    expect(unreachable.checks.map((c) => [c.name, c.ok])).toEqual([
      ['kube context (sugarkube-live)', true],
      ['API server (sugarkube-live)', false],
    ]);
    expect(unreachable.checks[1]!.detail).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${port}: ECONNREFUSED`));
    expect(unreachable.code).toBe(1);
  });
});

describe('promote --live', { timeout: 300_000 }, () => {
  it('reads the tag staging runs from its API server (the Deployment), not from the tree', async () => {
    const image = `${cluster.registry.host}/acme/shop`;
    const running = 'main-1767225600-5ca96df';
    const digest = await pushImage(cluster.registry.host, 'acme/shop', [running]);
    const dir = join(work, 'promote');
    mkdirSync(dir);
    makeClusterRepo(dir, image, { staging: 'main-1765000000-1111111', prod: 'main-1766000000-0000000' });
    expect((await runCli(['synth'], dir, { env: {} })).code).toBe(0);
    await cluster.apply([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { ...fluxDeployment('web'), metadata: { name: 'shop-web', namespace: 'shop' } },
    ]);
    await cluster.kubectl(['-n', 'shop', 'set', 'image', 'deployment/shop-web', `manager=${image}:${running}`]);
    // promote --dry-run --live with a kubeconfig: what staging runs is read from its API server.
    const promoteLive = (kubeconfig: string) =>
      runCli(
        [
          ...['promote', 'shop', '--from', 'staging', '--to', 'prod', '--dry-run', '--live'],
          ...['--context', 'sugarkube-live', '--kubeconfig', kubeconfig, '--json'],
        ],
        dir,
        { env: {} },
      );
    const { code, stdout, stderr } = await promoteLive(cluster.kubeconfig);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout).report as {
      images: { tag: string; digest: string; previous?: { tag: string } }[];
      files: { path: string }[];
    };
    expect(report.images).toEqual([
      expect.objectContaining({
        service: 'web',
        image,
        tag: running,
        digest,
        previous: { tag: 'main-1766000000-0000000' },
      }),
    ]);
    expect(report.files.map((f) => f.path)).toEqual(['sugarkube.pins.json', 'clusters/prod/apps/shop.yaml']);
    // An API server that does not answer (the kubeconfig of the test above): exit 6, as for a registry.
    const other = await promoteLive(join(work, 'dead.kubeconfig'));
    expect(other.code).toBe(6);
  });
});

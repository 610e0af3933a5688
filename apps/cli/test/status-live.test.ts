// sugarkube status against a real API server: the @sugarkube/live control plane (etcd,
// kube-apiserver, controller-manager, scheduler, kwok Pi nodes, the Flux CRDs) without the Flux
// controllers. The test writes the Flux objects' status through the status subresource, as the
// controllers would, so each state is set on purpose and read back through the real API.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { startLiveCluster, type LiveCluster } from '@sugarkube/live';
import { freePort, validateJsonSchema } from '@sugarkube/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../src/cli.js';
import type { StatusReport } from '../src/reports/status-report.js';
import { buildCli } from './support/build-cli.js';

let cluster: LiveCluster;
const outputs: string[] = [];
const image = 'ghcr.io/acme/shop';
const older = 'main-1767225600-5ca96df';
const newer = 'main-1767312000-0a1b2c3';
const at = '2026-12-02T08:00:00Z';

async function status(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['status', ...argv], {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    cwd: cluster.dir,
    env,
  });
  if (argv.includes('--json')) outputs.push(out.join(''));
  return { code, out: out.join(''), err: err.join('') };
}

async function statusJson(argv: string[], env: Record<string, string> = {}) {
  const r = await status([...argv, '--json'], env);
  const value = JSON.parse(r.out) as {
    exitCode: number;
    report: StatusReport;
    problems: { message: string }[];
    warnings: { message: string }[];
  };
  expect(value.exitCode).toBe(r.code);
  return { ...value, code: r.code };
}

const condition = (status: 'True' | 'False', reason: string, message: string) => ({
  type: 'Ready',
  status,
  reason,
  message,
  lastTransitionTime: at,
  observedGeneration: 1,
});

/** Writes `status` through the status subresource, as a Flux controller does. */
async function setStatus(resource: string, namespace: string, name: string, value: object) {
  await cluster.kubectl([
    '-n',
    namespace,
    'patch',
    resource,
    name,
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: value }),
  ]);
}

/** The shop's Deployment, restricted as Pod Security asks; kwok runs its pod. */
const shopDeployment = (tag: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'shop-web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'shop' } },
    template: {
      metadata: { labels: { app: 'shop' } },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'web',
            image: `${image}:${tag}`,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        ],
      },
    },
  },
});

const kustomization = (name: string) => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  metadata: { name, namespace: 'flux-system' },
  spec: {
    interval: '10m',
    path: `./clusters/staging/${name}`,
    prune: true,
    sourceRef: { kind: 'GitRepository', name: 'flux-system' },
  },
});

const helmRelease = (name: string, suspend = false) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name, namespace: 'flux-system' },
  spec: {
    interval: '1h',
    ...(suspend ? { suspend: true } : {}),
    chart: { spec: { chart: name, sourceRef: { kind: 'HelmRepository', name } } },
  },
});

beforeAll(async () => {
  // The control plane and kwok only: no Flux controller runs, so nothing rewrites the status set here.
  cluster = await startLiveCluster({ flux: [] });
  await cluster.apply([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    shopDeployment(older),
    kustomization('infra'),
    kustomization('apps'),
    helmRelease('cert-manager'),
    helmRelease('flux-operator', true),
    {
      apiVersion: 'image.toolkit.fluxcd.io/v1',
      kind: 'ImageRepository',
      metadata: { name: 'shop-web', namespace: 'flux-system' },
      spec: { image, interval: '5m' },
    },
    {
      apiVersion: 'image.toolkit.fluxcd.io/v1',
      kind: 'ImagePolicy',
      metadata: { name: 'shop-web', namespace: 'flux-system' },
      spec: {
        imageRepositoryRef: { name: 'shop-web' },
        filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
        policy: { numerical: { order: 'asc' } },
      },
    },
  ]);
  await setStatus('kustomization', 'flux-system', 'apps', {
    observedGeneration: 1,
    lastAppliedRevision: 'main@sha1:4f9c2a1e0d6b7c8a9e0f1a2b3c4d5e6f7a8b9c0d',
    conditions: [condition('True', 'ReconciliationSucceeded', 'Applied revision: main@sha1:4f9c2a1e')],
  });
  await setStatus('kustomization', 'flux-system', 'infra', {
    observedGeneration: 1,
    lastAppliedRevision: 'main@sha1:1111111111111111111111111111111111111111',
    conditions: [condition('False', 'BuildFailed', 'kustomize build failed: accumulating resources\nmore detail')],
  });
  await setStatus('helmrelease', 'flux-system', 'cert-manager', {
    observedGeneration: 1,
    history: [
      {
        chartName: 'cert-manager',
        chartVersion: 'v1.19.2',
        configDigest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
        digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
        firstDeployed: at,
        lastDeployed: at,
        name: 'cert-manager',
        namespace: 'cert-manager',
        status: 'deployed',
        version: 1,
      },
    ],
    conditions: [condition('True', 'UpgradeSucceeded', 'Helm upgrade succeeded')],
  });
  await setStatus('imagepolicy', 'flux-system', 'shop-web', {
    observedGeneration: 1,
    latestRef: { name: image, tag: newer },
    conditions: [condition('True', 'Succeeded', `Latest image tag for ${image} resolved to ${newer}`)],
  });
}, 600_000);
afterAll(async () => cluster?.stop());

describe('sugarkube status, live', { timeout: 300_000 }, () => {
  it('reports the Flux objects, the image policy against what runs, and the nodes; exit 1 while something is not ready', async () => {
    const r = await statusJson(['--kubeconfig', cluster.kubeconfig]);
    expect(r.code).toBe(1);
    const [env] = r.report.environments;
    expect(r.report.environments).toHaveLength(1);
    expect(r.report.ready).toBe(false);
    expect(env!.name).toBe('sugarkube-live');
    expect(env!.server).toBe(cluster.apiServerUrl);
    expect(env!.notServed).toEqual([]);
    expect(env!.kustomizations).toEqual([
      {
        namespace: 'flux-system',
        name: 'apps',
        ready: { status: 'True', reason: 'ReconciliationSucceeded', message: 'Applied revision: main@sha1:4f9c2a1e' },
        suspended: false,
        stale: false,
        revision: 'main@sha1:4f9c2a1e0d6b7c8a9e0f1a2b3c4d5e6f7a8b9c0d',
      },
      {
        namespace: 'flux-system',
        name: 'infra',
        ready: { status: 'False', reason: 'BuildFailed', message: 'kustomize build failed: accumulating resources' },
        suspended: false,
        stale: false,
        revision: 'main@sha1:1111111111111111111111111111111111111111',
      },
    ]);
    expect(env!.helmReleases).toEqual([
      {
        namespace: 'flux-system',
        name: 'cert-manager',
        ready: { status: 'True', reason: 'UpgradeSucceeded', message: 'Helm upgrade succeeded' },
        suspended: false,
        stale: false,
        revision: 'cert-manager@v1.19.2',
      },
      // Never reconciled: the CRD defaults status.observedGeneration to -1, below generation 1.
      { namespace: 'flux-system', name: 'flux-operator', ready: { status: 'Unknown' }, suspended: true, stale: true },
    ]);
    expect(env!.imagePolicies).toEqual([
      {
        namespace: 'flux-system',
        name: 'shop-web',
        ready: { status: 'True', reason: 'Succeeded', message: `Latest image tag for ${image} resolved to ${newer}` },
        repository: image,
        latestTag: newer,
        running: [{ namespace: 'shop', deployment: 'shop-web', container: 'web', tag: older }],
        state: 'behind',
      },
    ]);
    // kwok's nodes, shaped like the clusters' Pi 5s.
    expect(env!.nodes).toEqual(
      ['sugarkube3', 'sugarkube4', 'sugarkube5'].map((name) => ({
        name,
        ready: 'True',
        unschedulable: false,
        arch: 'arm64',
        cpu: '4',
        memory: '8Gi',
      })),
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'sugarkube-live: Kustomization flux-system/infra: Ready False: BuildFailed: kustomize build failed: accumulating resources',
      `sugarkube-live: ImagePolicy flux-system/shop-web: shop/shop-web (web) runs ${older}, the policy's latest is ${newer}`,
    ]);

    // The text output, as people read it (printed into the test log for the record).
    const text = await status(['--kubeconfig', cluster.kubeconfig]);
    console.log(`[status] exit ${text.code}\n${text.out}${text.err}`);
    expect(text.code).toBe(1);
    expect(text.out).toContain(
      '  flux-system/infra  False  BuildFailed              main@sha1:1111111111111111111111111111111111111111\n',
    );
    expect(text.out).toContain(`  flux-system/shop-web  True   ${newer}  shop/shop-web=${older}  behind\n`);
    expect(text.out).toContain('  sugarkube3  True   arm64  4    8Gi\n');
    expect(text.err).toContain('sugarkube status: sugarkube-live: Kustomization flux-system/infra: Ready False');
  });

  it('exits 0 once every object is Ready and the Deployment runs the latest tag', async () => {
    await setStatus('kustomization', 'flux-system', 'infra', {
      conditions: [condition('True', 'ReconciliationSucceeded', 'Applied revision: main@sha1:4f9c2a1e')],
      lastAppliedRevision: 'main@sha1:4f9c2a1e0d6b7c8a9e0f1a2b3c4d5e6f7a8b9c0d',
    });
    await cluster.kubectl(['-n', 'shop', 'set', 'image', 'deployment/shop-web', `web=${image}:${newer}`]);
    // KUBECONFIG instead of --kubeconfig; the context named, as a comma list with a repeat.
    const r = await statusJson(['--context', 'sugarkube-live,sugarkube-live'], { KUBECONFIG: cluster.kubeconfig });
    expect({ code: r.code, problems: r.problems }).toEqual({ code: 0, problems: [] });
    expect(r.report.ready).toBe(true);
    expect(r.report.environments[0]!.imagePolicies[0]).toMatchObject({
      state: 'current',
      running: [{ namespace: 'shop', deployment: 'shop-web', container: 'web', tag: newer }],
    });
    expect(r.report.environments[0]!.notReady).toEqual([]);
    const text = await status(['--kubeconfig', cluster.kubeconfig]);
    console.log(`[status] exit ${text.code}\n${text.out}${text.err}`);
    expect(text.out).toMatch(/^ {2}ready$/m);
  });

  it('reads every context of the kubeconfig as an environment; an API server that does not answer is exit 6, named, and the others are still reported', async () => {
    const port = await freePort();
    const config = parse(readFileSync(cluster.kubeconfig, 'utf8')) as {
      clusters: { name: string; cluster: { server: string } }[];
      contexts: { name: string; context: { cluster: string } }[];
    };
    const live = config.contexts[0]!;
    config.clusters.push({
      name: 'prod',
      cluster: { ...config.clusters[0]!.cluster, server: `https://127.0.0.1:${port}` },
    });
    config.contexts.push({ name: 'prod', context: { ...live.context, cluster: 'prod' } });
    const two = join(cluster.dir, 'two.kubeconfig');
    writeFileSync(two, stringify(config), { mode: 0o600 });

    const r = await statusJson(['--kubeconfig', two, '--timeout', '5']);
    expect(r.code).toBe(6);
    expect(r.report.environments.map((e) => [e.name, e.error === undefined])).toEqual([
      ['sugarkube-live', true],
      ['prod', false],
    ]);
    expect(r.report.environments[1]!.error).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${port}: ECONNREFUSED`));
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^prod: https:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/),
    ]);
    expect(r.report.environments[0]!.nodes).toHaveLength(3);

    const text = await status(['--kubeconfig', two, '--context', 'prod', '--timeout', '5']);
    expect(text.code).toBe(6);
    expect(text.out).toMatch(new RegExp(`^prod  https://127\\.0\\.0\\.1:${port}\\n  unreachable: https://127`, 'm'));

    const both = await statusJson([
      '--kubeconfig',
      two,
      '--context',
      'prod',
      '--context',
      'sugarkube-live',
      '--timeout',
      '5',
    ]);
    expect(both.report.environments.map((e) => e.name)).toEqual(['prod', 'sugarkube-live']);

    const unknown = await status(['--kubeconfig', two, '--context', 'staging']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(
      'sugarkube status: --context: "staging" not in the kubeconfig (contexts: sugarkube-live, prod) (sugarkube help status lists the options)\n',
    );
    const missing = await status(['--kubeconfig', join(cluster.dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(
      `sugarkube status: kubeconfig ${join(cluster.dir, 'nope')}: not found (pass --kubeconfig, or set KUBECONFIG)\n`,
    );
  });

  it('ends its requests at --timeout: an API server that accepts and never answers is exit 6, and the process exits', async () => {
    // TLS with the live API server's own certificate, then silence: without a signal on each
    // request, undici would wait for the response headers for 300 s after the report.
    const sockets: TLSSocket[] = [];
    const silent = createServer(
      {
        cert: readFileSync(join(cluster.dir, 'pki/apiserver.crt')),
        key: readFileSync(join(cluster.dir, 'pki/apiserver.key')),
      },
      (socket) => void sockets.push(socket),
    );
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const port = (silent.address() as { port: number }).port;
    const config = readFileSync(cluster.kubeconfig, 'utf8').replace(cluster.apiServerUrl, `https://127.0.0.1:${port}`);
    const file = join(cluster.dir, 'silent.kubeconfig');
    writeFileSync(file, config, { mode: 0o600 });
    const bin = buildCli('status');
    const started = Date.now();
    const run = await promisify(execFile)(process.execPath, [bin, 'status', '--kubeconfig', file, '--timeout', '2'], {
      timeout: 120_000,
      env: { PATH: process.env.PATH },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    const seconds = (Date.now() - started) / 1000;
    for (const socket of sockets) socket.destroy();
    silent.close();
    expect(sockets.length).toBeGreaterThan(0);
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(
      new RegExp(
        `^sugarkube status: sugarkube-live: https://127\\.0\\.0\\.1:${port}: no answer within 2 s \\(timeout\\) for the `,
        'm',
      ),
    );
    // Far below the 300 s a request without a signal waits; node's start-up on a loaded machine included.
    expect(seconds).toBeLessThan(60);
  });

  it('lists a Flux kind whose CRD is not served as a warning, not a failure', async () => {
    await cluster.kubectl(['delete', 'crd', 'imagepolicies.image.toolkit.fluxcd.io', '--wait=true']);
    const r = await statusJson(['--kubeconfig', cluster.kubeconfig]);
    expect(r.code).toBe(0);
    expect(r.report.environments[0]!.notServed).toEqual(['ImagePolicy image.toolkit.fluxcd.io/v1']);
    expect(r.report.environments[0]!.imagePolicies).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      `sugarkube-live: ${cluster.apiServerUrl} does not serve ImagePolicy image.toolkit.fluxcd.io/v1: those are not listed`,
    ]);
  });

  it("validates every --json output above against status' published schema", async () => {
    const out: string[] = [];
    await main(['schema', 'status', '--json'], {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: () => true },
      cwd: cluster.dir,
      env: {},
    });
    const published = (JSON.parse(out.join('')) as { report: { schema: object } }).report.schema;
    const documents = outputs.map((content, i) => ({ path: `status-${i}.json`, content }));
    expect(documents).toHaveLength(5);
    expect((await validateJsonSchema(published, documents)).problems).toEqual([]);
  });
});

import { planApp, type App, type KubeObject } from '@sugarkube/manifests';
import { sugarkubeCluster } from '@sugarkube/sugarkube-cluster';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { fluxControllers, pushTinyImage, startLiveCluster, type LiveCluster } from '../src/index.js';

// The real apps' staging objects (each from its app repo's sugarkube.yaml), as their overlays hold them.
const apps = sugarkubeCluster.apps.map(({ app }) => ({
  name: (app as App).descriptor.name,
  objects: planApp(app as App, 'staging'),
}));
// Kinds whose CRDs this first round does not install (cert-manager, prometheus-operator): left
// out of the apply and listed here, so a new kind in the output fails the test until decided.
const notInstalled = new Set(['Certificate', 'ServiceMonitor']);

let cluster: LiveCluster;
let failed = false;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

beforeAll(async () => {
  cluster = await startLiveCluster();
  console.log(
    `[live] started in ${seconds(cluster.timings.total)}: ${JSON.stringify(Object.fromEntries(Object.entries(cluster.timings).map(([k, v]) => [k, seconds(v)])))}`,
  );
  console.log(`[live] versions ${JSON.stringify(cluster.versions)}; run directory ${cluster.dir}`);
});

afterAll(async () => {
  if (failed && cluster) console.log(cluster.logTails(60));
  await cluster?.stop({ keep: failed });
});

function noteFailure() {
  onTestFailed(() => {
    failed = true;
  });
}

async function json<T>(args: string[]): Promise<T> {
  return JSON.parse((await cluster.kubectl([...args, '-o', 'json'])).stdout) as T;
}

interface PodList {
  items: Array<{
    metadata: { name: string };
    spec: { nodeName?: string };
    status: { phase: string; conditions?: Array<{ type: string; status: string }> };
  }>;
}

describe('a live cluster on loopback', () => {
  it('runs three Pi-shaped kwok nodes and the six Flux controllers', async () => {
    noteFailure();
    const nodes = await json<{
      items: Array<{
        metadata: { name: string; labels: Record<string, string> };
        status: { allocatable: Record<string, string>; nodeInfo: { architecture: string } };
      }>;
    }>(['get', 'nodes']);
    expect(nodes.items.map((n) => n.metadata.name).sort()).toEqual(['sugarkube3', 'sugarkube4', 'sugarkube5']);
    for (const node of nodes.items) {
      expect(node.metadata.labels['sugarkube.env']).toBe('staging');
      expect(node.metadata.labels['kubernetes.io/arch']).toBe('arm64');
      expect(node.status.nodeInfo.architecture).toBe('arm64');
      expect(node.status.allocatable).toMatchObject({ cpu: '4', memory: '8Gi' });
    }
    expect(Object.keys(cluster.flux.processes).sort()).toEqual([...fluxControllers].sort());
    for (const proc of Object.values(cluster.flux.processes)) expect(proc.running()).toBe(true);
    expect(cluster.versions['kube-apiserver']).toMatch(/^v1\.3[45]\.\d+$/);
  });

  it("admits the four apps' staging objects under Pod Security restricted; the scheduler places every pod on the Pi nodes and kwok makes them Ready", async () => {
    noteFailure();
    const skipped = apps.flatMap((a) =>
      a.objects.filter((o) => notInstalled.has(o.kind)).map((o) => `${a.name}/${o.kind}`),
    );
    expect(skipped.sort()).toEqual([
      'danielsmith/Certificate',
      'dspace/Certificate',
      'dspace/ServiceMonitor',
      'jobbot3000/Certificate',
      'tokenplace/Certificate',
      'tokenplace/ServiceMonitor',
    ]);
    const objects: KubeObject[] = apps.flatMap((a) => a.objects.filter((o) => !notInstalled.has(o.kind)));
    // The namespaces come from the generated output, with their Pod Security labels.
    for (const ns of objects.filter((o) => o.kind === 'Namespace')) {
      expect(ns.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    }
    const t0 = Date.now();
    const applied = await cluster.apply(objects);
    // `warn: restricted` on the namespaces: a pod template that would be refused is reported at apply.
    expect(applied.stderr).not.toMatch(/PodSecurity/);
    for (const app of apps) {
      await cluster.waitFor({ kind: 'deployment', namespace: app.name }, 'Available');
    }
    console.log(
      `[live] ${objects.length} objects of ${apps.length} apps applied, every Deployment Available in ${seconds(Date.now() - t0)}`,
    );
    const nodeNames = new Set(cluster.nodes.map((n) => n.name));
    const placed: Record<string, string[]> = {};
    for (const app of apps) {
      const pods = await json<PodList>(['get', 'pods', '-n', app.name]);
      expect(pods.items.length, `${app.name} has pods`).toBeGreaterThan(0);
      for (const pod of pods.items) {
        expect(nodeNames.has(pod.spec.nodeName ?? ''), `${app.name}/${pod.metadata.name} on ${pod.spec.nodeName}`).toBe(
          true,
        );
        expect(pod.status.phase).toBe('Running');
        expect(pod.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
        (placed[pod.spec.nodeName!] ??= []).push(`${app.name}/${pod.metadata.name}`);
      }
    }
    console.log(`[live] pods per node: ${JSON.stringify(placed)}`);
  }, 240_000);

  it('refuses a pod without a security context in a restricted namespace (the real PodSecurity admission)', async () => {
    noteFailure();
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'no-security-context', namespace: 'danielsmith' },
      spec: { containers: [{ name: 'app', image: 'ghcr.io/futuroptimist/danielsmith.io:edge' }] },
    };
    const result = await cluster.apply([pod], { allowFailure: true });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/violates PodSecurity "restricted:latest"/);
    for (const field of [
      'allowPrivilegeEscalation != false',
      'unrestricted capabilities',
      'runAsNonRoot != true',
      'seccompProfile',
    ]) {
      expect(result.stderr).toContain(field);
    }
    const left = await cluster.kubectl(['get', 'pod', 'no-security-context', '-n', 'danielsmith'], {
      allowFailure: true,
    });
    expect(left.stderr).toMatch(/NotFound/);
  });

  it('reconciles a Kustomization from the git server to Ready with wait: true (source-controller + kustomize-controller)', async () => {
    noteFailure();
    await cluster.git.createRepo('smoke');
    const sha = await cluster.git.commit('smoke', smokeTree, 'a tiny kustomize tree');
    const t0 = Date.now();
    await cluster.apply([
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'smoke', namespace: 'flux-system' },
        spec: { interval: '1m', url: `${cluster.git.url}/smoke.git`, ref: { branch: 'main' } },
      },
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'smoke', namespace: 'flux-system' },
        spec: {
          interval: '10m',
          path: './deploy',
          prune: true,
          wait: true,
          timeout: '2m',
          sourceRef: { kind: 'GitRepository', name: 'smoke' },
        },
      },
    ]);
    await cluster.waitFor({ kind: 'kustomization', name: 'smoke', namespace: 'flux-system' }, 'Ready');
    console.log(
      `[live] Kustomization smoke Ready (wait: true) ${seconds(Date.now() - t0)} after the GitRepository and Kustomization were applied`,
    );
    const ks = await json<{
      status: { lastAppliedRevision: string; conditions: Array<{ type: string; status: string }> };
    }>(['get', 'kustomization/smoke', '-n', 'flux-system']);
    expect(ks.status.lastAppliedRevision).toBe(`main@sha1:${sha}`);
    // wait: true: kustomize-controller checked the applied objects' health (kstatus) before Ready.
    expect(ks.status.conditions.find((c) => c.type === 'Healthy')?.status).toBe('True');
    const pods = await json<PodList>(['get', 'pods', '-n', 'live-smoke']);
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) expect(pod.status.phase).toBe('Running');
  }, 240_000);

  it('installs a chart from the chart repository through a HelmRelease (source-controller + helm-controller)', async () => {
    noteFailure();
    const chart = mkdtempSync(join(cluster.dir, 'chart-'));
    mkdirSync(join(chart, 'templates'));
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: live-smoke\nversion: 0.1.0\n');
    writeFileSync(join(chart, 'values.yaml'), 'greeting: hello\n');
    writeFileSync(
      join(chart, 'templates/configmap.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: live-smoke\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
    );
    expect(await cluster.charts.addChart(chart)).toBe('live-smoke-0.1.0');
    const t0 = Date.now();
    await cluster.apply([
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: { name: 'live', namespace: 'flux-system' },
        spec: { interval: '10m', url: cluster.charts.url },
      },
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'live-smoke', namespace: 'flux-system' },
        spec: {
          interval: '10m',
          targetNamespace: 'live-chart',
          install: { createNamespace: true },
          chart: {
            spec: { chart: 'live-smoke', version: '0.1.0', sourceRef: { kind: 'HelmRepository', name: 'live' } },
          },
          values: { greeting: 'from flux' },
        },
      },
    ]);
    await cluster.waitFor({ kind: 'helmrelease', name: 'live-smoke', namespace: 'flux-system' }, 'Ready');
    console.log(`[live] HelmRelease live-smoke Ready ${seconds(Date.now() - t0)} after it was applied`);
    const cm = await json<{ data: Record<string, string> }>(['get', 'configmap/live-smoke', '-n', 'live-chart']);
    expect(cm.data).toEqual({ greeting: 'from flux' });
  }, 240_000);

  it('selects the newest sortable tag in the registry through an ImagePolicy (image-reflector-controller)', async () => {
    noteFailure();
    for (const tag of ['main-1700000000-aaaaaaa', 'main-1700000100-bbbbbbb', 'feature-1700000200-ccccccc']) {
      await pushTinyImage(cluster.registry.host, 'live/app', tag);
    }
    const t0 = Date.now();
    await cluster.apply([
      {
        apiVersion: 'image.toolkit.fluxcd.io/v1',
        kind: 'ImageRepository',
        metadata: { name: 'app', namespace: 'flux-system' },
        spec: { image: `${cluster.registry.host}/live/app`, interval: '10m', insecure: true },
      },
      {
        apiVersion: 'image.toolkit.fluxcd.io/v1',
        kind: 'ImagePolicy',
        metadata: { name: 'app', namespace: 'flux-system' },
        spec: {
          imageRepositoryRef: { name: 'app' },
          filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
          policy: { numerical: { order: 'asc' } },
        },
      },
    ]);
    await cluster.waitFor({ kind: 'imagepolicy', name: 'app', namespace: 'flux-system' }, 'Ready');
    console.log(`[live] ImagePolicy app Ready ${seconds(Date.now() - t0)} after it was applied`);
    const policy = await json<{ status: { latestRef: { name: string; tag: string } } }>([
      'get',
      'imagepolicy/app',
      '-n',
      'flux-system',
    ]);
    expect(policy.status.latestRef).toMatchObject({
      name: `${cluster.registry.host}/live/app`,
      tag: 'main-1700000100-bbbbbbb',
    });
  }, 180_000);
});

/** A namespace under restricted and a Deployment that passes it, as a kustomize tree under deploy/. */
const smokeTree = [
  {
    path: 'deploy/kustomization.yaml',
    content:
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - namespace.yaml\n  - deployment.yaml\n',
  },
  {
    path: 'deploy/namespace.yaml',
    content:
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: live-smoke\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
  },
  {
    path: 'deploy/deployment.yaml',
    content: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: live-smoke
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 101
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: web
          image: ghcr.io/futuroptimist/danielsmith.io:edge
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 128Mi }
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
`,
  },
];

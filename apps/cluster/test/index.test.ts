import { join } from 'node:path';
import { kustomizeBuild, validateManifests, writeTempTree } from '@sugarkube/verify';
import { formatClusterSummary, parseClusterDefinition, summarizeClusterTree, validateClusterTree } from '@sugarkube/manifests';
import { describe, expect, it } from 'vitest';
import { clusterDefinition, synthesizeCluster } from '../src/index.js';

const parsed = parseClusterDefinition(clusterDefinition);
const files = synthesizeCluster();

describe('the real Sugarkube clusters', () => {
  it('validate, with warnings only for the sealed secrets not yet committed', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((w) => w.path)).toEqual([
      'environments.staging.sealedSecrets.cloudflare-api-token',
      'environments.staging.sealedSecrets.cloudflared-token',
      'environments.staging.sealedSecrets.flux-github-token',
      'environments.prod.sealedSecrets.cloudflare-api-token',
      'environments.prod.sealedSecrets.cloudflared-token',
      'environments.prod.sealedSecrets.flux-github-token',
    ]);
  });

  it('synthesize a tree that is deterministic, relative and structurally valid', () => {
    for (const file of files) expect(file.path.startsWith('/')).toBe(false);
    expect(synthesizeCluster()).toEqual(files);
    const { problems, order } = validateClusterTree(files);
    expect(problems).toEqual([]);
    for (const env of ['staging', 'prod']) {
      expect(order[env]).toEqual(['flux-system/flux-system', 'flux-system/infra-controllers', 'flux-system/infra-configs',
        'flux-system/app-danielsmith', 'flux-system/app-dspace', 'flux-system/app-jobbot3000', 'flux-system/app-tokenplace']);
    }
  });

  it('run Traefik behind the tunnel, with the hosts of the apps doc on the Gateway', () => {
    const gateway = files.find((f) => f.path === 'infrastructure/configs/prod/gateway.yaml')!.content;
    for (const host of ['token.place', 'democratized.space', 'danielsmith.io', 'jobbot3000.example.test']) expect(gateway).toContain(`hostname: ${host}\n`);
    const staging = files.find((f) => f.path === 'infrastructure/configs/staging/gateway.yaml')!.content;
    for (const host of ['staging.token.place', 'staging.democratized.space', 'staging.danielsmith.io', 'staging.jobbot3000.tech']) expect(staging).toContain(`hostname: ${host}\n`);
    expect(files.some((f) => f.path.includes('metallb'))).toBe(false);
    expect(files.find((f) => f.path === 'infrastructure/controllers/prod/kube-prometheus-stack.yaml')!.content).toContain('cluster: sugarkube-prod');
    // cloudflared only runs on nodes labelled for its environment: the prod tree on staging nodes stays Pending.
    expect(files.find((f) => f.path === 'infrastructure/configs/prod/cloudflared.yaml')!.content).toContain('      nodeSelector:\n        sugarkube.env: prod\n');
  });

  it('keep infrastructure memory requests within 2 GiB per cluster of 3 × Pi 5', () => {
    const summary = summarizeClusterTree(parsed.value!, files);
    for (const env of summary.environments) {
      const memory = env.infra.reduce((n, l) => n + l.memoryBytes, 0);
      expect(memory / 1024 ** 2).toBe(1616);
      expect(env.capacity).toMatchObject({ cpuMillis: 12_000, memoryBytes: 24 * 1024 ** 3, nodes: 3 });
    }
    expect(formatClusterSummary(summary)).toContain('infrastructure requests: CPU 2.71 cores, memory 1.58 GiB (within the 2.00 GiB goal)');
  });

  it('build with kustomize on every Flux path and validate against the Kubernetes and CRD schemas', { timeout: 300_000 }, async () => {
    const dir = await writeTempTree(files);
    const { paths } = validateClusterTree(files);
    // Per environment: clusters/<env>, controllers, configs and the four apps.
    expect(paths).toHaveLength(14);
    const built = [];
    for (const path of paths) built.push({ path, content: await kustomizeBuild(join(dir, path)) });
    const objects = built.reduce((n, b) => n + (b.content.match(/^kind: /gm)?.length ?? 0), 0);
    // Every object has a schema, the Flux Operator's FluxInstance (one per cluster) included.
    const report = await validateManifests(built);
    expect(report.problems).toEqual([]);
    expect([report.valid, report.skipped]).toEqual([objects, 0]);
    expect(built.filter((b) => /^kind: FluxInstance$/m.test(b.content))).toHaveLength(2);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatClusterSummary,
  parseClusterDefinition,
  summarizeClusterTree,
  synthesizeClusterTree,
  validateClusterTree,
} from '@sugarkube/cluster';
import { isImmutableTag, type GeneratedFile } from '@sugarkube/core';
import { buildFluxPaths, validateManifests } from '@sugarkube/verify';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import cluster from '../src/index.js';

const pins = JSON.parse(readFileSync(cluster.pinsFile, 'utf8')) as unknown;
const parsed = parseClusterDefinition(cluster.definition, pins);
const files = synthesizeClusterTree(parsed.value!);
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** An example app repo's committed deploy/ tree: what Flux takes from that repo. */
function deployTree(example: string): GeneratedFile[] {
  const root = join(examples, example);
  return readdirSync(join(root, 'deploy'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({
      path: relative(root, join(e.parentPath, e.name)),
      content: readFileSync(join(e.parentPath, e.name), 'utf8'),
    }));
}

const repos: Record<string, string> = {
  'https://github.com/futuroptimist/token.place': 'tokenplace',
  'https://github.com/democratizedspace/dspace': 'dspace',
  'https://github.com/futuroptimist/danielsmith.io': 'danielsmith',
  'https://github.com/futuroptimist/jobbot3000': 'jobbot3000',
};

describe('the real Sugarkube clusters', () => {
  it('validate with their pins, with warnings only for sealed secrets not yet committed and digests not known offline', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((w) => w.path)).toEqual([
      'environments.staging.sealedSecrets.cloudflare-api-token',
      'environments.staging.sealedSecrets.cloudflared-token',
      'environments.staging.sealedSecrets.flux-github-token',
      'environments.prod.sealedSecrets.cloudflare-api-token',
      'environments.prod.sealedSecrets.cloudflared-token',
      'environments.prod.sealedSecrets.flux-github-token',
      'pins.prod.tokenplace.relay.digest',
      'pins.prod.dspace.web.digest',
      'pins.prod.danielsmith.web.digest',
    ]);
  });

  it('synthesize a tree that is deterministic, relative and structurally valid, each app from its own repo', () => {
    for (const file of files) expect(file.path.startsWith('/')).toBe(false);
    expect(synthesizeClusterTree(parsed.value!)).toEqual(files);
    const { problems, order, external } = validateClusterTree(files);
    expect(problems).toEqual([]);
    expect(order.prod).toEqual([
      'flux-system/flux-system',
      'flux-system/infra-controllers',
      'flux-system/infra-configs',
      'flux-system/app-danielsmith',
      'flux-system/app-dspace',
      'flux-system/app-tokenplace',
    ]);
    expect(order.staging).toContain('flux-system/app-jobbot3000');
    expect(external.filter((k) => k.path.endsWith('overlays/staging'))).toHaveLength(4);
  });

  it('run no mutable tag anywhere: every app image in every environment is a pinned build', () => {
    const images = files
      .filter((f) => f.path.startsWith('clusters/'))
      .flatMap((f) =>
        parseAllDocuments(f.content).map(
          (d) => d.toJS() as { kind?: string; spec?: { images?: { newTag: string }[] } },
        ),
      )
      .filter((o) => o.kind === 'Kustomization')
      .flatMap((o) => o.spec?.images ?? []);
    expect(images).toHaveLength(7);
    for (const image of images) expect(isImmutableTag(image.newTag), image.newTag).toBe(true);
  });

  it('run Traefik behind the tunnel, with the hosts of the apps doc on the Gateway', () => {
    const gateway = files.find((f) => f.path === 'infrastructure/configs/prod/gateway.yaml')!.content;
    for (const host of ['token.place', 'democratized.space', 'danielsmith.io'])
      expect(gateway).toContain(`hostname: ${host}\n`);
    // jobbot3000 is not in prod: its prod host is still a placeholder.
    expect(gateway).not.toContain('jobbot3000');
    const staging = files.find((f) => f.path === 'infrastructure/configs/staging/gateway.yaml')!.content;
    for (const host of [
      'staging.token.place',
      'staging.democratized.space',
      'staging.danielsmith.io',
      'staging.jobbot3000.tech',
    ])
      expect(staging).toContain(`hostname: ${host}\n`);
    expect(files.some((f) => f.path.includes('metallb'))).toBe(false);
    expect(
      files.find((f) => f.path === 'infrastructure/controllers/prod/kube-prometheus-stack.yaml')!.content,
    ).toContain('cluster: sugarkube-prod');
    // cloudflared only runs on nodes labelled for its environment: the prod tree on staging nodes stays Pending.
    expect(files.find((f) => f.path === 'infrastructure/configs/prod/cloudflared.yaml')!.content).toContain(
      '      nodeSelector:\n        sugarkube.env: prod\n',
    );
  });

  it('keep infrastructure memory requests within 2 GiB per cluster of 3 × Pi 5', () => {
    const summary = summarizeClusterTree(parsed.value!, files);
    for (const env of summary.environments) {
      const memory = env.infra.reduce((n, l) => n + l.memoryBytes, 0);
      expect(memory / 1024 ** 2).toBe(1616);
      expect(env.capacity).toMatchObject({ cpuMillis: 12_000, memoryBytes: 24 * 1024 ** 3, nodes: 3 });
    }
    expect(formatClusterSummary(summary)).toContain(
      'infrastructure requests: CPU 2.71 cores, memory 1.58 GiB (within the 2.00 GiB goal)',
    );
  });

  it(
    'build with kustomize on every Flux path, here and in the app repos, and validate against the Kubernetes and CRD schemas',
    { timeout: 300_000 },
    async () => {
      const appRepos = Object.fromEntries(Object.entries(repos).map(([url, example]) => [url, deployTree(example)]));
      const built = await buildFluxPaths(files, appRepos);
      // Per environment: clusters/<env>, controllers, configs; per app and environment its overlay; staging's image objects.
      expect(built.filter((b) => !b.path.includes('//'))).toHaveLength(6);
      expect(built.filter((b) => b.path.includes('//deploy/overlays/'))).toHaveLength(7);
      expect(built.filter((b) => b.path.endsWith('//deploy/image-automation'))).toHaveLength(4);
      const objects = built.reduce((n, b) => n + (b.content.match(/^kind: /gm)?.length ?? 0), 0);
      const report = await validateManifests(built);
      expect(report.problems).toEqual([]);
      expect([report.valid, report.skipped]).toEqual([objects, 0]);
      expect(built.filter((b) => /^kind: FluxInstance$/m.test(b.content))).toHaveLength(2);
    },
  );
});

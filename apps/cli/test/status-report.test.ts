// The pure part of `sugarkube status`: from the objects an API server lists to the report, the
// exit code and the text. The live test (status-live.test.ts) reads the same objects from a real
// API server; here each rule is pinned on its own, with objects shaped as the API returns them.
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../src/exit-codes.js';
import { clusterStatus } from '../src/pipeline/cluster-status.js';
import {
  environmentStatus,
  unreachableEnvironment,
  type ClusterObjects,
  type FluxObject,
} from '../src/pipeline/environment-status.js';
import { renderStatus } from '../src/render/render-status.js';

const plain = (_format: unknown, text: string) => text;
const ready = (status: string, reason: string, message = '') => [{ type: 'Ready', status, reason, message }];
const sha = (c: string) => `sha256:${c.repeat(64)}`;

function objects(partial: Partial<ClusterObjects>): ClusterObjects {
  return {
    name: 'staging',
    server: 'https://10.0.0.1:6443',
    notServed: [],
    kustomizations: [],
    helmReleases: [],
    imagePolicies: [],
    imageRepositories: [],
    deployments: [],
    nodes: [],
    ...partial,
  };
}

const deployment = (namespace: string, name: string, image: string) => ({
  metadata: { namespace, name },
  spec: { template: { spec: { containers: [{ name: 'app', image }] } } },
});

const policy = (name: string, status: FluxObject['status'], repositoryRef = name): FluxObject => ({
  metadata: { namespace: 'flux-system', name },
  spec: { imageRepositoryRef: { name: repositoryRef } },
  status: { conditions: ready('True', 'Succeeded'), ...status },
});

describe('environmentStatus', () => {
  it('takes Ready, its reason and the first line of its message, and the last applied revision of each kind', () => {
    const e = environmentStatus(
      objects({
        kustomizations: [
          {
            metadata: { namespace: 'flux-system', name: 'infra', generation: 3 },
            status: {
              observedGeneration: 3,
              lastAppliedRevision: 'main@sha1:abc',
              conditions: ready('False', 'HealthCheckFailed', 'timeout waiting for: [Deployment/x]\nsecond line'),
            },
          },
          // Sorted by namespace/name: this one first.
          { metadata: { namespace: 'flux-system', name: 'apps', generation: 1 } },
        ],
        helmReleases: [
          {
            metadata: { namespace: 'flux-system', name: 'longhorn', generation: 2 },
            status: {
              observedGeneration: 1,
              history: [
                { chartName: 'longhorn', chartVersion: '1.12.1' },
                { chartName: 'longhorn', chartVersion: '1.11.0' },
              ],
              conditions: ready('True', 'UpgradeSucceeded'),
            },
          },
          {
            metadata: { namespace: 'flux-system', name: 'flux-operator', generation: 1 },
            spec: { suspend: true },
            status: { observedGeneration: -1 },
          },
        ],
      }),
    );
    expect(e.kustomizations).toEqual([
      { namespace: 'flux-system', name: 'apps', ready: { status: 'Unknown' }, suspended: false, stale: false },
      {
        namespace: 'flux-system',
        name: 'infra',
        ready: { status: 'False', reason: 'HealthCheckFailed', message: 'timeout waiting for: [Deployment/x]' },
        suspended: false,
        stale: false,
        revision: 'main@sha1:abc',
      },
    ]);
    expect(e.helmReleases).toEqual([
      // Never reconciled (the CRDs default observedGeneration to -1), and suspended.
      { namespace: 'flux-system', name: 'flux-operator', ready: { status: 'Unknown' }, suspended: true, stale: true },
      {
        namespace: 'flux-system',
        name: 'longhorn',
        ready: { status: 'True', reason: 'UpgradeSucceeded' },
        suspended: false,
        stale: true,
        revision: 'longhorn@1.12.1',
      },
    ]);
    // The suspended release is not counted; the stale one is, though its Ready is True.
    expect(e.notReady).toEqual([
      'Kustomization flux-system/apps: no Ready condition yet',
      'Kustomization flux-system/infra: Ready False: HealthCheckFailed: timeout waiting for: [Deployment/x]',
      'HelmRelease flux-system/longhorn: the latest spec is not reconciled yet',
    ]);
  });

  it("compares each image policy's latest tag with the Deployments that run its repository", () => {
    const e = environmentStatus(
      objects({
        imagePolicies: [
          policy('shop', { latestRef: { name: 'ghcr.io/acme/shop', tag: 'main-2-bbbbbbb' } }),
          // Docker Hub's short names are the same repository as the long ones.
          policy('nginx', { latestRef: { name: 'docker.io/library/nginx', tag: '1.29.0' } }),
          // With a digest: a Deployment that pins another digest is behind, a tag-only one is not.
          policy('api', { latestRef: { name: 'ghcr.io/acme/api', tag: 'v2', digest: sha('a') } }),
          // image.toolkit.fluxcd.io/v1beta2 reported `latestImage`.
          policy('old', { latestImage: 'ghcr.io/acme/old:v9' }),
          // Not resolved yet: the repository comes from its ImageRepository.
          policy('new', { conditions: ready('False', 'DependencyNotReady', 'scan pending') }),
          policy('gone', { latestRef: { name: 'ghcr.io/acme/gone', tag: 'v1' } }),
        ],
        imageRepositories: [
          { metadata: { namespace: 'flux-system', name: 'new' }, spec: { image: 'ghcr.io/acme/new' } },
        ],
        deployments: [
          deployment('shop', 'shop-web', 'ghcr.io/acme/shop:main-1-aaaaaaa'),
          deployment('shop-preview', 'shop-web', 'ghcr.io/acme/shop:main-2-bbbbbbb'),
          deployment('web', 'nginx', 'nginx:1.29.0'),
          deployment('api', 'api', `ghcr.io/acme/api:v2@${sha('b')}`),
          deployment('api2', 'api', 'ghcr.io/acme/api:v2'),
          deployment('old', 'old', 'ghcr.io/acme/old:v9'),
          deployment('new', 'new', 'ghcr.io/acme/new:v1'),
          // A longer repository with the same prefix is another image.
          deployment('other', 'other', 'ghcr.io/acme/shop-admin:main-2-bbbbbbb'),
        ],
      }),
    );
    const rows = e.imagePolicies.map((p) => [p.name, p.repository, p.latestTag, p.state, p.running.length]);
    expect(rows).toEqual([
      ['api', 'ghcr.io/acme/api', 'v2', 'behind', 2],
      ['gone', 'ghcr.io/acme/gone', 'v1', 'not-running', 0],
      ['new', 'ghcr.io/acme/new', undefined, 'unresolved', 1],
      ['nginx', 'docker.io/library/nginx', '1.29.0', 'current', 1],
      ['old', 'ghcr.io/acme/old', 'v9', 'current', 1],
      ['shop', 'ghcr.io/acme/shop', 'main-2-bbbbbbb', 'behind', 2],
    ]);
    expect(e.imagePolicies[0]!.running).toEqual([
      { namespace: 'api', deployment: 'api', container: 'app', tag: 'v2', digest: sha('b') },
      { namespace: 'api2', deployment: 'api', container: 'app', tag: 'v2' },
    ]);
    expect(e.notReady).toEqual([
      `ImagePolicy flux-system/api: api/api (app) runs v2@${sha('b')}, the policy's latest is v2@${sha('a')}`,
      'ImagePolicy flux-system/gone: no Deployment runs ghcr.io/acme/gone',
      'ImagePolicy flux-system/new: Ready False: DependencyNotReady: scan pending',
      "ImagePolicy flux-system/shop: shop/shop-web (app) runs main-1-aaaaaaa, the policy's latest is main-2-bbbbbbb",
    ]);
  });

  it('reads nodes: Ready, cordoned, architecture and allocatable CPU and memory', () => {
    const e = environmentStatus(
      objects({
        nodes: [
          {
            metadata: { name: 'sugarkube1' },
            spec: { unschedulable: true },
            status: {
              conditions: [
                { type: 'MemoryPressure', status: 'False' },
                { type: 'Ready', status: 'False', reason: 'KubeletNotReady' },
              ],
              nodeInfo: { architecture: 'arm64' },
              allocatable: { cpu: '3500m', memory: '7Gi', pods: '110' },
            },
          },
          { metadata: { name: 'sugarkube0' }, status: { conditions: ready('True', 'KubeletReady') } },
        ],
      }),
    );
    expect(e.nodes).toEqual([
      { name: 'sugarkube0', ready: 'True', unschedulable: false },
      { name: 'sugarkube1', ready: 'False', unschedulable: true, arch: 'arm64', cpu: '3500m', memory: '7Gi' },
    ]);
    expect(e.notReady).toEqual(['Node sugarkube1: Ready False']);
  });
});

describe('clusterStatus', () => {
  const good = environmentStatus(
    objects({
      name: 'prod',
      nodes: [{ metadata: { name: 'n' }, status: { conditions: ready('True', 'KubeletReady') } }],
    }),
  );
  const bad = environmentStatus(
    objects({ kustomizations: [{ metadata: { namespace: 'flux-system', name: 'apps' } }] }),
  );
  const down = unreachableEnvironment(
    'lab',
    'https://10.0.0.9:6443',
    'https://10.0.0.9:6443: ETIMEDOUT: connect ETIMEDOUT',
  );

  it('exits 0 when everything is ready, 1 when something is not, 6 when an API server could not be read', () => {
    expect(clusterStatus([good])).toMatchObject({ exitCode: exitCodes.ok, problems: [], report: { ready: true } });
    expect(clusterStatus([good, bad])).toMatchObject({
      exitCode: exitCodes.changes,
      problems: [{ message: 'staging: Kustomization flux-system/apps: no Ready condition yet' }],
      report: { ready: false },
    });
    const all = clusterStatus([good, bad, down]);
    expect(all.exitCode).toBe(exitCodes.network);
    expect(all.problems.map((p) => p.message)).toEqual([
      'staging: Kustomization flux-system/apps: no Ready condition yet',
      'lab: https://10.0.0.9:6443: ETIMEDOUT: connect ETIMEDOUT',
    ]);
    expect(all.report.environments.map((e) => e.name)).toEqual(['prod', 'staging', 'lab']);
  });

  it('warns about Flux kinds the API server does not serve, without failing', () => {
    const e = environmentStatus(objects({ notServed: ['ImagePolicy image.toolkit.fluxcd.io/v1'] }));
    expect(clusterStatus([e])).toMatchObject({
      exitCode: exitCodes.ok,
      warnings: [
        {
          message:
            'staging: https://10.0.0.1:6443 does not serve ImagePolicy image.toolkit.fluxcd.io/v1: those are not listed',
        },
      ],
    });
  });
});

describe('renderStatus', () => {
  it('prints one block per environment: its tables, then whether it is ready', () => {
    const staging = environmentStatus(
      objects({
        kustomizations: [
          {
            metadata: { namespace: 'flux-system', name: 'apps' },
            status: { lastAppliedRevision: 'main@sha1:abc', conditions: ready('True', 'ReconciliationSucceeded') },
          },
        ],
        helmReleases: [{ metadata: { namespace: 'flux-system', name: 'flux-operator' }, spec: { suspend: true } }],
        imagePolicies: [policy('shop', { latestRef: { name: 'ghcr.io/acme/shop', tag: 'main-2-bbbbbbb' } })],
        deployments: [deployment('shop', 'shop-web', 'ghcr.io/acme/shop:main-1-aaaaaaa')],
        nodes: [
          {
            metadata: { name: 'sugarkube3' },
            status: {
              conditions: ready('True', 'KubeletReady'),
              nodeInfo: { architecture: 'arm64' },
              allocatable: { cpu: '4', memory: '8Gi' },
            },
          },
        ],
      }),
    );
    const down = unreachableEnvironment(
      'prod',
      'https://10.0.0.2:6443',
      'https://10.0.0.2:6443: ECONNREFUSED: connect ECONNREFUSED 10.0.0.2:6443',
    );
    expect(renderStatus([staging, down], plain)).toBe(
      [
        'staging  https://10.0.0.1:6443',
        '  KUSTOMIZATION     READY  REASON                   REVISION',
        '  flux-system/apps  True   ReconciliationSucceeded  main@sha1:abc',
        '  HELMRELEASE                READY      REASON  REVISION',
        '  flux-system/flux-operator  Suspended  -       -',
        '  IMAGEPOLICY       READY  LATEST          RUNNING                       STATE',
        '  flux-system/shop  True   main-2-bbbbbbb  shop/shop-web=main-1-aaaaaaa  behind',
        '  NODE        READY  ARCH   CPU  MEMORY',
        '  sugarkube3  True   arm64  4    8Gi',
        '  1 not ready (listed below)',
        '',
        'prod  https://10.0.0.2:6443',
        '  unreachable: https://10.0.0.2:6443: ECONNREFUSED: connect ECONNREFUSED 10.0.0.2:6443',
        '',
      ].join('\n'),
    );
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- kustomize's output is untyped Kubernetes JSON */
import { rm } from 'node:fs/promises';
import { kustomizeBuild, writeTempTree } from '@sugarkube/verify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { orderKeys as sortKeys } from '@sugarkube/core';
import { applyJson6902, strategicMerge } from '../src/index.js';
import { patchBases, patchFeatures, patchOf, richDeployment, richService } from './support/patch-cases.js';

interface Case {
  readonly base: any;
  readonly patch: any;
}

/**
 * Builds every case with the real `kustomize build` (one kustomization, one patch file per case,
 * each against its own copy of the base) and returns, per case, what kustomize made of the
 * object (`undefined`: kustomize deleted it).
 */
async function kustomize(cases: readonly Case[], first: number): Promise<unknown[]> {
  const named = cases.map(({ base, patch }, i) => {
    const name = `case-${first + i}`;
    const metadata = { ...base.metadata, name };
    return {
      base: { ...base, metadata },
      patch: {
        ...patch,
        apiVersion: base.apiVersion,
        kind: base.kind,
        metadata: { ...(patch.metadata ?? {}), name, ...(metadata.namespace ? { namespace: metadata.namespace } : {}) },
      },
    };
  });
  const files = [
    { path: 'bases.yaml', content: named.map((c) => stringify(c.base)).join('---\n') },
    ...named.map((c, i) => ({ path: `patches/${i}.yaml`, content: stringify(c.patch) })),
    {
      path: 'kustomization.yaml',
      content: stringify({
        resources: ['bases.yaml'],
        patches: named.map((c, i) => ({
          path: `patches/${i}.yaml`,
          target: { kind: c.base.kind, name: c.base.metadata.name },
        })),
      }),
    },
  ];
  const dir = await writeTempTree(files);
  try {
    const built = parseAllDocuments(await kustomizeBuild(dir)).map((d) => d.toJS() as any);
    return named.map((c) => built.find((o) => o.kind === c.base.kind && o.metadata.name === c.base.metadata.name));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What strategicMerge makes of a case, named as in kustomize's run. */
function ours({ base, patch }: Case, i: number): unknown {
  const name = `case-${i}`;
  const named = { ...base, metadata: { ...base.metadata, name } };
  const pinned = {
    ...patch,
    apiVersion: base.apiVersion,
    kind: base.kind,
    metadata: {
      ...(patch.metadata ?? {}),
      name,
      ...(base.metadata.namespace ? { namespace: base.metadata.namespace } : {}),
    },
  };
  return strategicMerge(named, pinned);
}

/** The paths where two JSON values differ, with both values: short enough to read in a failure. */
function differingPaths(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))) return [];
  const bothObjects =
    a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects || (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length)) {
    return [`${path || '/'}: kustomize ${JSON.stringify(b)}, strategicMerge ${JSON.stringify(a)}`];
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((k) => differingPaths((a as any)[k], (b as any)[k], `${path}/${k}`));
}

async function compare(cases: readonly Case[]) {
  const theirs: unknown[] = [];
  // kustomize slows down with many patches in one kustomization: 100 cases per build.
  for (let start = 0; start < cases.length; start += 100)
    theirs.push(...(await kustomize(cases.slice(start, start + 100), start)));
  return cases.flatMap((c, i) => {
    const paths = differingPaths(ours(c, i), theirs[i]);
    return paths.length ? [{ case: i, kind: c.base.kind, patch: JSON.stringify(c.patch), paths }] : [];
  });
}

const spec = (containers: unknown) => ({ spec: { template: { spec: { containers } } } });
const withGates = structuredClone(richDeployment) as any;
withGates.spec.template.spec.schedulingGates = [{ name: 'example.org/a' }];
const hpa = (apiVersion: string) => ({
  apiVersion,
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'shop', finalizers: ['example.org/a'] },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 2 },
});

describe('strategicMerge agrees with kustomize', () => {
  it('on the merge keys of the Kubernetes schema: ports by containerPort+protocol, volumeMounts by mountPath, env by name, directives', async () => {
    const cases: Case[] = [
      {
        base: richDeployment,
        patch: spec([
          {
            name: 'web',
            ports: [
              { containerPort: 8080, protocol: 'TCP', name: 'web' },
              { containerPort: 9000, protocol: 'TCP' },
            ],
          },
        ]),
      },
      {
        base: richDeployment,
        patch: spec([{ name: 'web', ports: [{ containerPort: 5353, protocol: 'UDP', $patch: 'delete' }] }]),
      },
      {
        base: richDeployment,
        patch: spec([
          {
            name: 'web',
            volumeMounts: [
              { mountPath: '/data', name: 'other' },
              { mountPath: '/cache', name: 'tmp' },
            ],
          },
        ]),
      },
      {
        base: richDeployment,
        patch: spec([
          {
            name: 'web',
            env: [
              { name: 'LOG', value: 'debug' },
              { name: 'POD', $patch: 'delete' },
            ],
          },
        ]),
      },
      {
        base: richDeployment,
        patch: spec([
          { name: 'web', args: ['only'] },
          { name: 'extra', image: 'busybox' },
        ]),
      },
      { base: richDeployment, patch: spec([{ $patch: 'replace' }, { name: 'solo', image: 'busybox' }]) },
      { base: richDeployment, patch: spec([{ name: 'sidecar', $patch: 'delete' }]) },
      {
        base: richDeployment,
        patch: { metadata: { finalizers: ['example.org/c', 'example.org/a'], labels: { tier: null } } },
      },
      {
        base: richDeployment,
        patch: {
          spec: {
            template: {
              spec: {
                tolerations: [{ key: 'gpu', operator: 'Exists' }],
                volumes: [{ name: 'data', $patch: 'delete' }],
              },
            },
          },
        },
      },
      { base: richDeployment, patch: { spec: { strategy: { $patch: 'replace', type: 'Recreate' } } } },
      {
        base: richService,
        patch: { spec: { ports: [{ port: 53, protocol: 'TCP', targetPort: 5353, name: 'dnst' }] } },
      },
      { base: richDeployment, patch: { $patch: 'delete' } },
      // Fields and kinds newer than kustomize's OpenAPI snapshot (Kubernetes 1.21): kustomize replaces their lists.
      { base: withGates, patch: { spec: { template: { spec: { schedulingGates: [{ name: 'example.org/b' }] } } } } },
      { base: hpa('autoscaling/v2'), patch: { metadata: { finalizers: ['example.org/c'] } } },
      { base: hpa('autoscaling/v1'), patch: { metadata: { finalizers: ['example.org/c'] } } },
    ];
    expect(await compare(cases)).toEqual([]);
  }, 120_000);

  it('refuses what kustomize refuses: a map where the target has a scalar, an unknown $patch directive', async () => {
    const refused = [
      {
        patch: { spec: { replicas: { n: 3 } } },
        message: 'spec.replicas: expected a scalar as in the target, received a map',
      },
      {
        patch: { spec: { strategy: { $patch: 'merge-all' } } },
        message: "spec.strategy: unknown patch strategy 'merge-all' (expected merge, replace or delete)",
      },
    ];
    for (const { patch, message } of refused) {
      await expect(kustomize([{ base: richDeployment, patch }], 0)).rejects.toThrow(/kustomize build .* failed/);
      expect(() => strategicMerge(richDeployment, patch)).toThrow(message);
    }
  }, 120_000);

  it('on generated patches against every kind the real apps plan', async () => {
    const bases = patchBases();
    const arbitrary = fc
      .constantFrom(...bases)
      .chain((base) => patchOf(base, undefined).map((patch) => ({ base, patch: patch as any })));
    const cases = fc.sample(arbitrary, { numRuns: 2000, seed: 20261202 });
    const differences = await compare(cases);
    console.log(
      `strategic merge: ${cases.length} generated patches over ${bases.length} objects (${[...new Set(bases.map((b) => b.kind))].join(', ')}) compared with kustomize, ${differences.length} differ`,
    );
    const covered = new Map<string, number>();
    for (const { base, patch } of cases)
      for (const feature of patchFeatures(base, patch)) covered.set(feature, (covered.get(feature) ?? 0) + 1);
    console.log(
      [...covered]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([feature, n]) => `  ${feature}: ${n} patches`)
        .join('\n'),
    );
    expect(differences.slice(0, 3)).toEqual([]);
    for (const feature of [
      'list merged by one key',
      'list merged by two keys',
      'list merged as a set',
      'element added',
      'element merged',
      'element deleted',
      'list $patch: replace',
      'map $patch: replace',
      'map $patch: delete',
      'field removed (null)',
    ]) {
      expect(covered.get(feature) ?? 0, feature).toBeGreaterThanOrEqual(20);
    }
  }, 600_000);
});

describe('applyJson6902 agrees with kustomize', () => {
  const operations = (value: unknown) => [
    { op: 'test' as const, path: '/spec/strategy', value },
    { op: 'replace' as const, path: '/spec/replicas', value: 5 },
  ];
  const build = async (value: unknown) => {
    const dir = await writeTempTree([
      { path: 'base.yaml', content: stringify(richDeployment) },
      { path: 'patch.yaml', content: stringify(operations(value)) },
      {
        path: 'kustomization.yaml',
        content: stringify({
          resources: ['base.yaml'],
          patches: [{ path: 'patch.yaml', target: { kind: 'Deployment', name: 'rich' } }],
        }),
      },
    ]);
    try {
      return parseAllDocuments(await kustomizeBuild(dir)).map((d) => d.toJS() as any)[0];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('`test` compares by value: member order does not matter, a different value fails', async () => {
    const reordered = { rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }, type: 'RollingUpdate' };
    const built = await build(reordered);
    expect(built.spec.replicas).toBe(5);
    expect(sortKeys(applyJson6902(richDeployment, operations(reordered)))).toEqual(sortKeys(built));
    const different = { ...reordered, type: 'Recreate' };
    await expect(build(different)).rejects.toThrow(/kustomize build .* failed/);
    expect(() => applyJson6902(richDeployment, operations(different))).toThrow(
      'test failed at /spec/strategy: expected {"rollingUpdate":{"maxUnavailable":0,"maxSurge":1},"type":"Recreate"}, found {"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}',
    );
  }, 120_000);
});

/* eslint-disable @typescript-eslint/no-explicit-any -- built objects are untyped Kubernetes JSON */
import { describe, expect, it } from 'vitest';
import { defineApp, planApp, renderAppTree, validateApp, type AppDescriptor } from '../src/index.js';
import { buildOverlays, canonical } from './support/build.js';

const app = (patches: unknown[]): AppDescriptor => ({
  name: 'shop',
  services: [
    {
      name: 'web',
      runtime: 'node' as const,
      image: { repository: 'ghcr.io/acme/shop' },
      port: 8080,
      env: { LOG: 'info' },
    },
  ],
  routes: [{ apex: 'shop.example.org' }],
  environments: {
    staging: {},
    prod: { patches: patches as NonNullable<AppDescriptor['environments']>[string]['patches'] },
  },
});

describe('environment patches, planned as kustomize builds the overlay', () => {
  it('merges ports by containerPort and protocol, env by name, deletes with $patch, and kustomize builds the same objects', async () => {
    const descriptor = app([
      {
        target: { kind: 'Deployment', name: 'web' },
        strategicMerge: {
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'web',
                    ports: [
                      { containerPort: 8080, protocol: 'TCP', name: 'web' },
                      { containerPort: 9090, protocol: 'TCP', name: 'admin' },
                    ],
                    env: [{ name: 'LOG', value: 'debug' }],
                  },
                ],
              },
            },
          },
        },
      },
      { target: { kind: 'NetworkPolicy', name: 'allow-same-namespace' }, strategicMerge: { $patch: 'delete' } },
      // Member order differs from the planned selector: test compares by value.
      {
        target: { kind: 'Service', name: 'web' },
        json6902: [
          {
            op: 'test',
            path: '/spec/selector',
            value: { 'app.kubernetes.io/component': 'web', 'app.kubernetes.io/name': 'shop' },
          },
        ],
      },
    ]);
    const result = validateApp(descriptor);
    expect(result.errors).toEqual([]);
    const planned = planApp(defineApp(descriptor), 'prod') as any[];
    const built = await buildOverlays(renderAppTree(defineApp(descriptor)), ['shop/overlays/prod']);
    expect(canonical(built.get('shop/overlays/prod')!.objects)).toEqual(canonical(planned));
    const container = planned.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0];
    // A list merged by two keys: kustomize puts the patch's new elements first, then the target's (merged).
    expect(container.ports).toEqual([
      { name: 'admin', containerPort: 9090, protocol: 'TCP' },
      { name: 'web', containerPort: 8080, protocol: 'TCP' },
    ]);
    expect(container.env).toContainEqual({ name: 'LOG', value: 'debug' });
    expect(planned.find((o) => o.metadata.name === 'allow-same-namespace')).toBeUndefined();
  }, 120_000);

  it('refuses a null label in a strategic-merge patch (kustomize would set it to "null") and says how to remove it', () => {
    const errors = validateApp(
      app([
        {
          target: { kind: 'Service', name: 'web' },
          strategicMerge: { metadata: { labels: { 'app.kubernetes.io/part-of': null } } },
        },
      ]),
    ).errors.map((e) => e.message);
    expect(errors).toEqual([
      'environments.prod.patches[0]: strategicMerge.metadata.labels["app.kubernetes.io/part-of"]: null does not remove it (kustomize reads the patch\'s labels as strings and sets "null"); remove it with a json6902 patch instead: [{op: remove, path: /metadata/labels/app.kubernetes.io~1part-of}]',
    ]);
  });
});

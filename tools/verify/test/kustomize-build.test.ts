import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kustomizeBuild, validateManifests, writeTempTree } from '../src/index.js';

const base = [
  {
    path: 'base/kustomization.yaml',
    content: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [configmap.yaml]\n',
  },
  {
    path: 'base/configmap.yaml',
    content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { LOG_LEVEL: info }\n',
  },
];

describe('kustomizeBuild', () => {
  it('builds an overlay over a base (namespace, prefix, patch applied)', async () => {
    const root = await writeTempTree([
      ...base,
      {
        path: 'overlays/staging/kustomization.yaml',
        content: `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: demo
namePrefix: staging-
resources: [../../base]
patches:
  - target: { kind: ConfigMap, name: settings }
    patch: |-
      - op: replace
        path: /data/LOG_LEVEL
        value: debug
`,
      },
    ]);
    try {
      const out = await kustomizeBuild(join(root, 'overlays/staging'));
      const docs = parseAllDocuments(out).map((d) => d.toJS() as Record<string, unknown>);
      expect(docs).toEqual([
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'staging-settings', namespace: 'demo' },
          data: { LOG_LEVEL: 'debug' },
        },
      ]);
      expect(await validateManifests(out)).toEqual({ valid: 1, invalid: 0, skipped: 0, problems: [] });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('rejects with kustomize stderr when a resource is missing', async () => {
    const root = await writeTempTree([
      {
        path: 'kustomization.yaml',
        content: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [missing.yaml]\n',
      },
    ]);
    try {
      await expect(kustomizeBuild(root)).rejects.toThrow(/missing\.yaml/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('writeTempTree', () => {
  it('refuses paths outside the tree', async () => {
    await expect(writeTempTree([{ path: '../escape.txt', content: '' }])).rejects.toThrow(/inside the tree/);
    await expect(writeTempTree([{ path: '/etc/escape.txt', content: '' }])).rejects.toThrow(/inside the tree/);
  });
});

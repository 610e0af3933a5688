// synth checks and summarizes the tree from the objects it rendered instead of parsing the bytes
// back (see renderedDocuments in src/render/tree-documents.ts). These tests hold that to be the
// same thing: for whole trees, the remembered documents equal the parsed YAML, and every check
// and figure is the same either way.
import { describe, expect, it } from 'vitest';
import { commented, type GeneratedFile } from '@sugarkube/core';
import {
  parseClusterDefinition,
  summarizeClusterTree,
  synthesizeClusterTree,
  validateClusterTree,
} from '../src/index.js';
import { renderObjectsFile } from '../src/render/render-objects.js';
import { hasRenderedDocuments, readTreeDocuments } from '../src/render/tree-documents.js';
import { fakeCiphertext, testCluster, testPins } from './fixture.js';

/** The same bytes in new file objects: nothing remembered, so everything is parsed. */
const fromBytes = (files: readonly GeneratedFile[]) => files.map((f) => ({ path: f.path, content: f.content }));

const clusters = {
  // Tunnel and MetalLB, a chart app, sealed secrets (rendered with trailing `# gitleaks:allow` comments).
  fixture: parseClusterDefinition(testCluster(), testPins).value!,
  // Sealed secrets in both environments and notifications off: other branches of the planners.
  variant: parseClusterDefinition(
    testCluster({
      notifications: undefined,
      externalDns: false,
      environments: {
        staging: {
          kubeContext: 's',
          exposure: { cloudflareTunnel: { replicas: 2 } },
          sealedSecrets: {
            'cloudflare-api-token': { encryptedData: { 'api-token': fakeCiphertext } },
            'cloudflared-token': { encryptedData: { token: fakeCiphertext } },
          },
        },
        prod: {
          kubeContext: 'p',
          exposure: { cloudflareTunnel: {} },
          sealedSecrets: { 'cloudflared-token': { encryptedData: { token: fakeCiphertext } } },
        },
      },
    }),
    testPins,
  ).value!,
};

describe.each(Object.entries(clusters))('the documents synth remembers (%s cluster)', (_name, cluster) => {
  const files = synthesizeClusterTree(cluster);

  it('cover every YAML file of the tree', () => {
    const yaml = files.filter((f) => f.path.endsWith('.yaml'));
    expect(yaml.length).toBeGreaterThan(20);
    expect(yaml.filter((f) => !hasRenderedDocuments(f)).map((f) => f.path)).toEqual([]);
  });

  it('equal what parsing the bytes gives, document by document', () => {
    const remembered = readTreeDocuments(files);
    const parsed = readTreeDocuments(fromBytes(files));
    expect(parsed.errors).toEqual([]);
    expect(remembered).toStrictEqual(parsed);
  });

  it('give the same checks and the same summary as the bytes', () => {
    expect(validateClusterTree(files)).toEqual(validateClusterTree(fromBytes(files)));
    expect(summarizeClusterTree(cluster, files)).toEqual(summarizeClusterTree(cluster, fromBytes(files)));
  });
});

it('a file with other bytes than synth rendered is parsed, not taken from memory', () => {
  const files = synthesizeClusterTree(clusters.fixture);
  const edited = files.map((f) =>
    f.path.endsWith('cert-manager.yaml')
      ? { ...f, content: `${f.content}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n` }
      : f,
  );
  const extra = readTreeDocuments(edited).documents.filter(
    (d) => d.value.kind === 'ConfigMap' && (d.value.metadata as { name: string }).name === 'extra',
  );
  expect(extra).toHaveLength(2); // staging and prod
});

it('follows the renderer on undefined keys, undefined items and commented scalars', () => {
  const object = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'x', namespace: undefined },
    data: { a: commented('1', 'a note'), n: commented(3, 'n'), list: [1, undefined, { b: undefined, c: 'y' }] },
  };
  const file = renderObjectsFile('x.yaml', [object, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }]);
  expect(readTreeDocuments([file])).toStrictEqual(readTreeDocuments(fromBytes([file])));
  expect(readTreeDocuments([file]).documents[0]!.value.data).toStrictEqual({
    a: '1',
    n: 3,
    list: [1, null, { c: 'y' }],
  });
});

import { expect, it } from 'vitest';
import { parseClusterDefinition, synthesizeClusterTree } from '../../src/index.js';
import { testCluster } from './fixture.js';
import { buildAndValidate } from './real-tools.js';

it('kustomize builds every Flux Kustomization path and kubeconform accepts every object', { timeout: 300_000 }, async () => {
  const files = synthesizeClusterTree(parseClusterDefinition(testCluster()).value!);
  const { paths, objects, report } = await buildAndValidate(files);
  expect(paths).toEqual([
    'apps/prod/hello', 'apps/prod/legacy', 'apps/staging/hello', 'apps/staging/legacy',
    'clusters/prod', 'clusters/staging',
    'infrastructure/configs/prod', 'infrastructure/configs/staging',
    'infrastructure/controllers/prod', 'infrastructure/controllers/staging',
  ]);
  expect(report.problems).toEqual([]);
  // Everything built was checked against a schema, the two FluxInstances included.
  expect([report.valid, report.skipped]).toEqual([objects, 0]);
});

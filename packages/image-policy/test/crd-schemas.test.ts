// Every object the builders emit validates against the Flux image.toolkit.fluxcd.io/v1 CRD schemas
// (kubeconform -strict with the pinned CRD schemas, through @sugarkube/verify).
import { validateManifests } from '@sugarkube/verify';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  followBranchBuilds,
  followReleases,
  imagePolicy,
  imageRepository,
  imageUpdateAutomation,
} from '../src/index.js';

const toYaml = (objects: readonly unknown[]) => objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');

describe('Flux CRD schemas', () => {
  it(
    'ImageRepository, staging and prod ImagePolicies, ImageUpdateAutomation are valid',
    { timeout: 60_000 },
    async () => {
      const objects = [
        imageRepository({
          name: 'token-place',
          namespace: 'flux-system',
          image: 'ghcr.io/futuroptimist/token.place',
          secretRef: 'ghcr-pull',
          interval: '1m',
        }),
        imageRepository({ name: 'dspace', namespace: 'flux-system', image: 'ghcr.io/democratizedspace/dspace' }),
        imagePolicy({
          name: 'token-place-staging',
          namespace: 'flux-system',
          imageRepositoryRef: { name: 'token-place' },
          ...followBranchBuilds('main'),
        }),
        imagePolicy({
          name: 'token-place-prod',
          namespace: 'flux-system',
          imageRepositoryRef: { name: 'token-place', namespace: 'flux-system' },
          ...followReleases('>=1.0.0, <2.0.0'),
        }),
        imagePolicy({
          name: 'always',
          namespace: 'flux-system',
          imageRepositoryRef: { name: 'dspace' },
          policy: { alphabetical: { order: 'desc' } },
          digestReflectionPolicy: 'Always',
          interval: '10m',
        }),
        imageUpdateAutomation({
          name: 'staging',
          namespace: 'flux-system',
          sourceRef: { name: 'flux-system' },
          path: './clusters/staging',
          pushBranch: 'flux/staging-images',
          policySelector: { 'sugarkube.dev/environment': 'staging' },
        }),
      ];
      const report = await validateManifests(toYaml(objects));
      expect(report.problems).toEqual([]);
      expect(report.valid).toBe(objects.length);
    },
  );

  it('the check can fail: a removed v1beta2 kind and an unknown field are reported', { timeout: 60_000 }, async () => {
    const repo = imageRepository({ name: 'x', namespace: 'flux-system', image: 'ghcr.io/o/x' });
    const report = await validateManifests(
      toYaml([
        { ...repo, apiVersion: 'image.toolkit.fluxcd.io/v1beta2' },
        { ...repo, spec: { ...repo.spec, imageTypo: 'ghcr.io/o/x' } },
      ]),
    );
    expect(report.valid).toBe(0);
    expect(report.problems).toHaveLength(2);
  });
});

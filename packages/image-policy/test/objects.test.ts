import { ValidationError } from '@sugarkube/core';
import { describe, expect, it } from 'vitest';
import {
  assertImageApiVersion,
  DEFAULT_MESSAGE_TEMPLATE,
  followBranchBuilds,
  followReleases,
  imagePolicy,
  imageRepository,
  imageUpdateAutomation,
  selectTag,
  setterMarker,
} from '../src/index.js';

describe('builders', () => {
  it('ImageRepository: GHCR image, interval, secretRef, exclusion list', () => {
    const repo = imageRepository({
      name: 'token-place',
      namespace: 'flux-system',
      image: 'ghcr.io/futuroptimist/token.place',
      secretRef: 'ghcr-pull',
    });
    expect(Object.keys(repo)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(repo.apiVersion).toBe('image.toolkit.fluxcd.io/v1');
    expect(repo.spec).toEqual({
      image: 'ghcr.io/futuroptimist/token.place',
      interval: '5m',
      secretRef: { name: 'ghcr-pull' },
      exclusionList: ['^.*\\.sig$', '^.*\\.att$', '^.*\\.sbom$', '^sha256-'],
    });
  });

  it('the staging policy follows <branch>-<ts>-<sha7> numerically, and selects like Flux', () => {
    const policy = imagePolicy({
      name: 'token-place-staging',
      namespace: 'flux-system',
      imageRepositoryRef: { name: 'token-place' },
      ...followBranchBuilds('main'),
    });
    expect(policy.spec).toEqual({
      imageRepositoryRef: { name: 'token-place' },
      filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
      policy: { numerical: { order: 'asc' } },
    });
    expect(
      selectTag(policy.spec, ['main-1700000000-aaaaaaa', 'main-1800000000-bbbbbbb', 'sha-bbbbbbb', 'edge', 'v1.0.0']),
    ).toBe('main-1800000000-bbbbbbb');
  });

  it('the prod policy follows release tags in a range and reflects digests', () => {
    const policy = imagePolicy({
      name: 'token-place-prod',
      namespace: 'flux-system',
      imageRepositoryRef: { name: 'token-place' },
      ...followReleases('^1.0.0'),
    });
    expect(policy.spec.digestReflectionPolicy).toBe('IfNotPresent');
    expect(selectTag(policy.spec, ['v1.2.0', 'v1.10.0', 'v2.0.0', 'v1', 'latest', 'v1.11.0-rc.1'])).toBe('v1.10.0');
  });

  it('ImageUpdateAutomation: checkout and push branch, Setters on the environment path, a .Changed template', () => {
    const auto = imageUpdateAutomation({
      name: 'staging',
      namespace: 'flux-system',
      sourceRef: { name: 'flux-system' },
      path: './clusters/staging',
      pushBranch: 'flux/image-updates',
    });
    expect(auto.spec.git?.checkout).toEqual({ ref: { branch: 'main' } });
    expect(auto.spec.git?.push).toEqual({ branch: 'flux/image-updates' });
    expect(auto.spec.update).toEqual({ path: './clusters/staging', strategy: 'Setters' });
    expect(auto.spec.git?.commit.messageTemplate).toBe(DEFAULT_MESSAGE_TEMPLATE);
    expect(DEFAULT_MESSAGE_TEMPLATE).toContain('.Changed.FileChanges');
    expect(DEFAULT_MESSAGE_TEMPLATE).not.toContain('.Updated');
  });

  it('collects every problem with its path, expected and received', () => {
    let error: unknown;
    try {
      imagePolicy({
        name: 'Bad_Name',
        namespace: 'flux-system',
        imageRepositoryRef: { name: 'x' },
        policy: { semver: { range: '>= bar' } },
        filterTags: { pattern: '(?=x)' },
        digestReflectionPolicy: 'Always',
      });
    } catch (e) {
      error = e;
    }
    expect(ValidationError.is(error)).toBe(true);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      'name',
      'policy.semver.range',
      'filterTags.pattern',
      'interval',
    ]);
    expect((error as Error).message).toMatch(/^invalid ImagePolicy options \(4 problems\):$/m);
    expect((error as Error).message).toMatch(/^ {2}- name: expected a Kubernetes object name .*received "Bad_Name"$/m);
    expect((error as ValidationError).issues[2]!.message).toBe(
      'filterTags.pattern: expected a Go regular expression (error parsing regexp: invalid or unsupported Perl syntax: `(?=`), received "(?=x)"',
    );
    expect(() =>
      imageUpdateAutomation({
        name: 'a',
        namespace: 'b',
        sourceRef: { name: 'c' },
        path: 'x',
        messageTemplate: '{{ range .Updated.Images }}{{ end }}',
      }),
    ).toThrow(/messageTemplate: expected a template using \.Changed/);
  });

  it('accepts Docker Hub short names and loopback registries, refuses tags and bad names', () => {
    expect(imageRepository({ name: 'n', namespace: 'flux-system', image: 'nginx' }).spec.image).toBe('nginx');
    expect(imageRepository({ name: 'n', namespace: 'flux-system', image: '127.0.0.1:5000/o/app' }).spec.image).toBe(
      '127.0.0.1:5000/o/app',
    );
    expect(() => imageRepository({ name: 'n', namespace: 'flux-system', image: 'ghcr.io/o/app:v1' })).toThrow(
      /^ {2}- image: expected an image without tag or digest/m,
    );
    expect(() => imageRepository({ name: 'n', namespace: 'flux-system', image: 'ghcr.io/O/App' })).toThrow(
      /^ {2}- image: expected an image reference without tag or digest, e\.g\. "ghcr\.io\/owner\/app" \(bad repository "O\/App"\), received "ghcr\.io\/O\/App"$/m,
    );
  });

  it('refuses the removed v1beta APIs', () => {
    expect(() => assertImageApiVersion('image.toolkit.fluxcd.io/v1beta2', 'ImagePolicy')).toThrow(
      'apiVersion: expected "image.toolkit.fluxcd.io/v1", received "image.toolkit.fluxcd.io/v1beta2" (image.toolkit.fluxcd.io/v1beta2 was removed from Flux)',
    );
    expect(() => assertImageApiVersion('image.toolkit.fluxcd.io/v1beta1', 'ImageRepository')).toThrow(/removed/);
    expect(() => assertImageApiVersion('image.toolkit.fluxcd.io/v1', 'ImageRepository')).not.toThrow();
  });
});

describe('setterMarker', () => {
  it('writes the marker forms Flux reads', () => {
    expect(setterMarker('flux-system', 'app-staging', 'tag')).toBe('{"$imagepolicy": "flux-system:app-staging:tag"}');
    expect(setterMarker('flux-system', 'app-prod', 'digest')).toBe('{"$imagepolicy": "flux-system:app-prod:digest"}');
    expect(setterMarker('flux-system', 'app')).toBe('{"$imagepolicy": "flux-system:app"}');
  });
});

import { describe, expect, it } from 'vitest';
import { imageTagRules, previewTags, sortableTagPattern, type PreviewTagsInput } from '../../src/tags/index.js';

const image = 'ghcr.io/futuroptimist/token.place';
const sha = '0123456789abcdef0123456789abcdef01234567';
const base: Omit<PreviewTagsInput, 'eventName' | 'ref'> = {
  sha,
  defaultBranch: 'main',
  timestamp: '2026-11-26T08:00:00Z',
  images: image,
  ...imageTagRules(),
};
const deployTagRule = /^[a-z0-9][a-z0-9._-]*-[0-9a-f]{7,40}$/;

describe('the tags a Sugarkube image gets (imageTagRules through previewTags)', () => {
  it('default branch push: sha-<short>, edge and the sortable <branch>-<unix-ts>-<sha7>', () => {
    const tags = previewTags({ ...base, eventName: 'push', ref: 'refs/heads/main' });
    expect(tags).toEqual([`${image}:edge`, `${image}:main-1795680000-0123456`, `${image}:sha-0123456`]);
    const sortable = tags[1]!.split(':')[1]!;
    expect(sortable).toMatch(deployTagRule);
    expect(Number(sortable.split('-')[1])).toBe(Date.parse('2026-11-26T08:00:00Z') / 1000);
  });

  it('a later build sorts after an earlier one (the timestamp is numeric and monotonic)', () => {
    const at = (t: string) =>
      Number(previewTags({ ...base, eventName: 'push', ref: 'refs/heads/main', timestamp: t })[1]!.split('-')[1]);
    expect(at('2026-11-26T08:00:01Z')).toBeGreaterThan(at('2026-11-26T08:00:00Z'));
  });

  it('release tag v1.2.3: v1.2.3, v1 and latest, nothing branch-shaped', () => {
    expect(previewTags({ ...base, eventName: 'push', ref: 'refs/tags/v1.2.3' })).toEqual([
      `${image}:v1.2.3`,
      `${image}:v1`,
      `${image}:latest`,
    ]);
  });

  it('prerelease tag: only the version itself, no vX and no latest', () => {
    expect(previewTags({ ...base, eventName: 'push', ref: 'refs/tags/v2.0.0-rc.1' })).toEqual([`${image}:v2.0.0-rc.1`]);
  });

  it('pull request and other branches publish nothing', () => {
    expect(previewTags({ ...base, eventName: 'pull_request', ref: 'refs/pull/7/merge' })).toEqual([]);
    expect(previewTags({ ...base, eventName: 'push', ref: 'refs/heads/feature/x' })).toEqual([]);
  });

  it('a non-semver tag publishes nothing', () => {
    expect(previewTags({ ...base, eventName: 'push', ref: 'refs/tags/nightly' })).toEqual([]);
  });

  it('invalid inputs fail with every problem listed', () => {
    expect(() =>
      previewTags({
        ...base,
        eventName: 'push',
        ref: 'refs/heads/main',
        tags: 'type=bogus\ntype=raw',
        flavor: 'latest=maybe',
      }),
    ).toThrow(
      /tags\[0\].*unknown tag type "bogus"[\s\S]*tags\[1\].*missing value[\s\S]*flavor: invalid latest flavor "maybe"/,
    );
  });
});

describe('sortableTagPattern', () => {
  it('matches exactly the sortable tags previewTags produces, and extracts the timestamp', () => {
    const at = (branch: string) =>
      previewTags({ ...base, defaultBranch: branch, eventName: 'push', ref: `refs/heads/${branch}` })[1]!.split(
        ':',
      )[1]!;
    for (const branch of ['main', 'release/2026.1']) {
      const tag = at(branch);
      const re = new RegExp(sortableTagPattern(branch).replace('(?P<ts>', '(?<ts>'));
      expect(tag).toMatch(re);
      expect(re.exec(tag)!.groups!['ts']).toBe('1795680000');
      expect(`sha-0123456`).not.toMatch(re);
      expect(`edge`).not.toMatch(re);
    }
    expect(sortableTagPattern('release/2026.1')).toBe('^release-2026\\.1-(?P<ts>[0-9]+)-[0-9a-f]{7}$');
  });
});

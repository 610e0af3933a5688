/**
 * The workflow's docker/metadata-action rules (`imageTagRules`) publish exactly core's tag
 * scheme: through metadata-action's semantics (`previewTags`), the sortable tag of a push is
 * `sortableTag(branch, ts, sha)`, Flux's filter (`sortableTagRegExp`) picks it, and only
 * commit- or release-named tags count as immutable.
 */
import { deployTagRule, isImmutableTag, sortableTag, sortableTagRegExp } from '@sugarkube/core';
import { describe, expect, it } from 'vitest';
import { imageTagRules } from '../../src/index.js';
import { previewTags } from '../../src/tags/index.js';

const image = 'ghcr.io/futuroptimist/token.place';
const sha = '5ca96df16f0f0123456789abcdef0123456789ab';
const at = (branch: string, timestamp: string) =>
  previewTags({
    eventName: 'push',
    ref: `refs/heads/${branch}`,
    sha,
    defaultBranch: branch,
    timestamp,
    images: image,
    ...imageTagRules(),
  }).map((t) => t.slice(image.length + 1));

describe("imageTagRules follow core's tag scheme", () => {
  it('imageTagRules() passes these exact inputs to metadata-action (byte-identical)', () => {
    expect(imageTagRules()).toEqual({
      tags: [
        'type=semver,pattern={{version}},prefix=v',
        'type=semver,pattern={{major}},prefix=v',
        'type=edge',
        'type=sha,enable={{is_default_branch}}',
        "type=raw,value={{branch}}-{{date 'X'}}-{{sha}},enable={{is_default_branch}}",
      ].join('\n'),
      flavor: 'latest=auto',
    });
  });

  for (const branch of ['main', 'trunk', 'release/2026.1']) {
    it(`a push to ${branch}: the sortable tag is sortableTag(), Flux's filter picks it, edge stays mutable`, () => {
      for (const timestamp of ['2026-01-01T00:00:00Z', '2026-11-26T08:00:00Z']) {
        const tags = at(branch, timestamp);
        const sortable = sortableTag(branch, Date.parse(timestamp) / 1000, sha);
        expect(tags).toEqual(['edge', sortable, 'sha-5ca96df']);
        expect(sortable).toMatch(sortableTagRegExp(branch));
        expect(sortableTagRegExp(branch).exec(sortable)?.groups?.['ts']).toBe(String(Date.parse(timestamp) / 1000));
        expect(sortable).toMatch(deployTagRule);
        expect(tags.filter((t) => isImmutableTag(t))).toEqual([sortable, 'sha-5ca96df']);
      }
    });
  }

  it('a release tag: vX.Y.Z is immutable, vX and latest move', () => {
    const tags = previewTags({
      eventName: 'push',
      ref: 'refs/tags/v1.2.3',
      sha,
      defaultBranch: 'main',
      timestamp: '2026-01-01T00:00:00Z',
      images: image,
      ...imageTagRules(),
    });
    expect(tags.map((t) => [t.slice(image.length + 1), isImmutableTag(t.slice(image.length + 1))])).toEqual([
      ['v1.2.3', true],
      ['v1', false],
      ['latest', false],
    ]);
  });
});

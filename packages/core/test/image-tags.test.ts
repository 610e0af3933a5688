import { describe, expect, it } from 'vitest';
import { deployTagRule, isImmutableTag, sortableTag, sortableTagPattern, sortableTagRegExp } from '../src/index.js';

describe('the image tag scheme', () => {
  it("the sortable tag matches the policy pattern and the clusters' deploy-tag rule", () => {
    const tag = sortableTag('release/2026', 1767225600.9, '5ca96df16f0f0000');
    expect(tag).toBe('release-2026-1767225600-5ca96df');
    expect(sortableTagRegExp('release/2026').exec(tag)?.groups?.ts).toBe('1767225600');
    expect(deployTagRule.test(tag)).toBe(true);
    expect(sortableTagPattern('v3.x')).toBe('^v3\\.x-(?P<ts>[0-9]+)-[0-9a-f]{7}$');
    expect(sortableTagRegExp('main').test('main-5ca96df')).toBe(false);
  });

  it('never calls a moving tag immutable', () => {
    for (const tag of ['latest', 'edge', 'main', 'prod', 'v1', 'main-latest'])
      expect(isImmutableTag(tag), tag).toBe(false);
    for (const tag of ['v1.2.3', 'v1.2.3-rc.1', 'main-1767225600-5ca96df', 'main-5ca96df16f0f'])
      expect(isImmutableTag(tag), tag).toBe(true);
  });
});

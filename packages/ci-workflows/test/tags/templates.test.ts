/**
 * The preview renders with the real Handlebars and moment-timezone, so what the old
 * hand-written subsets rendered wrong now comes out as metadata-action's; what the
 * preview cannot know fails loudly, naming the rule, the attribute and why. Expected
 * values worked out by hand from Handlebars' and moment's documented behaviour.
 */
import { describe, expect, it } from 'vitest';
import { previewMetadata, TagPreviewError, type PreviewTagsInput } from '../../src/tags/index.js';

const push = (ref: string, tags: string, more: Partial<PreviewTagsInput> = {}) =>
  previewMetadata({
    eventName: 'push',
    ref,
    sha: '0123456789abcdef0123456789abcdef01234567',
    defaultBranch: 'main',
    timestamp: '2026-11-26T03:00:00Z',
    images: [],
    tags: [tags],
    ...more,
  });
const main = (ref: string, tags: string, more?: Partial<PreviewTagsInput>) => push(ref, tags, more).version.main;

function problems(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(TagPreviewError.is(e)).toBe(true);
    return (e as TagPreviewError).problems;
  }
  throw new Error('expected a TagPreviewError');
}

describe('Handlebars as metadata-action runs it', () => {
  it('{{x}} HTML-escapes, {{{x}}} does not (then tag sanitization)', () => {
    // feature/a&b → escaped feature/a&amp;b → sanitized feature-a-amp-b; raw → feature-a-b.
    expect(main('refs/heads/feature/a&b', 'type=raw,value={{branch}}')).toBe('feature-a-amp-b');
    expect(main('refs/heads/feature/a&b', 'type=raw,value={{{branch}}}')).toBe('feature-a-b');
  });

  it('{{#if is_default_branch}} is always true: the helper returns the strings "true"/"false"', () => {
    const tags = 'type=raw,value={{#if is_default_branch}}stable{{else}}other{{/if}}';
    expect(main('refs/heads/feature', tags)).toBe('stable');
    expect(main('refs/heads/main', tags)).toBe('stable');
  });

  it('{{#unless}} and {{else}} work like any block helper', () => {
    expect(main('refs/tags/v1.0.0', 'type=raw,value={{#unless branch}}tagged{{/unless}}')).toBe('tagged');
  });
});

describe('moment-timezone as metadata-action runs it', () => {
  it('MMM, Do and dddd render, in the time zone asked for', () => {
    // 2026-11-26T03:00Z is Thursday 26 Nov in UTC, Wednesday 25 Nov 19:00 in Los Angeles.
    expect(main('refs/heads/main', "type=raw,value={{date 'MMM Do dddd'}}")).toBe('Nov-26th-Thursday');
    expect(main('refs/heads/main', "type=raw,value={{date 'MMM Do dddd HH' tz='America/Los_Angeles'}}")).toBe(
      'Nov-25th-Wednesday-19',
    );
  });
});

describe('what the preview cannot know fails loudly (it never guesses)', () => {
  it('{{commit_date}} without commitTimestamp', () => {
    expect(problems(() => push('refs/heads/main', "type=raw,value=src-{{commit_date 'YYYYMMDD'}}"))).toEqual([
      {
        path: 'tags[0] "type=raw,value=src-{{commit_date \'YYYYMMDD\'}}"',
        message:
          'value "src-{{commit_date \'YYYYMMDD\'}}": {{commit_date}} needs the commitTimestamp input: metadata-action takes the commit time from the event or the GitHub API',
      },
    ]);
    expect(
      main('refs/heads/main', "type=raw,value=src-{{commit_date 'YYYYMMDD'}}", {
        commitTimestamp: '2026-11-20T10:00:00Z',
      }),
    ).toBe('src-20261120');
  });

  it('{{base_ref}} on a pull request without baseRef (but not on a branch, where it is always empty)', () => {
    const [problem] = problems(() =>
      previewMetadata({
        eventName: 'pull_request',
        ref: 'refs/pull/7/merge',
        sha: 'f'.repeat(40),
        defaultBranch: 'main',
        timestamp: 0,
        images: 'app',
        tags: 'type=raw,value=into-{{base_ref}}',
      }),
    );
    expect(problem!.path).toBe('tags[0] "type=raw,value=into-{{base_ref}}"');
    expect(problem!.message).toMatch(
      /^value "into-\{\{base_ref\}\}": \{\{base_ref\}\} on refs\/pull\/7\/merge needs the baseRef input/,
    );
    expect(main('refs/heads/main', 'type=raw,value=into-{{base_ref}}')).toBe('into-');
  });

  it("a time zone moment-timezone does not know (the action would fall back to the runner's)", () => {
    const [problem] = problems(() => push('refs/heads/main', "type=raw,value={{date 'YYYY' tz='Mars/Olympus'}}"));
    expect(problem!.message).toMatch(/tz="Mars\/Olympus" is not a time zone moment-timezone knows/);
  });
});

describe('templates metadata-action itself fails on fail here too, all reported at once', () => {
  it('lists every failing rule in input order, with the attribute and the reason', () => {
    const tags = [
      'type=raw,value={{date}}',
      "type=raw,value={{#if (eq branch 'main')}}x{{/if}}",
      'type=raw,value=a"b',
      'type=raw,value={{branch',
      "type=raw,value={{date 'YYYY' foo='bar'}}",
      'type=semver,pattern={{version}},value=v1.2.3,match=v\\d',
      'type=match,pattern=v(,value=v1',
      'type=raw,value=ok,enable={{branch}}',
    ];
    const found = problems(() =>
      previewMetadata({
        eventName: 'push',
        ref: 'refs/heads/main',
        sha: 'f'.repeat(40),
        defaultBranch: 'main',
        timestamp: 0,
        images: 'app',
        tags,
      }),
    );
    expect(found.map((p) => p.path)).toEqual(tags.map((t, i) => `tags[${i}] ${JSON.stringify(t)}`));
    expect(found.map((p) => p.message)).toEqual([
      'value "{{date}}": docker/metadata-action fails on this too: {{date}} needs a format, e.g. {{date \'YYYYMMDD\'}}',
      expect.stringMatching(/^value ".*": docker\/metadata-action fails on this too: Missing helper: "eq"$/),
      expect.stringMatching(
        /^not comma-separated fields .* fails on it too .*: Invalid Opening Quote: a quote is found on field 1/,
      ),
      expect.stringMatching(/^value "\{\{branch": docker\/metadata-action fails on this too: Parse error on line 1/),
      "value \"{{date 'YYYY' foo='bar'}}\": docker/metadata-action fails on this too: Unknown foo attribute",
      'match "v\\\\d": docker/metadata-action fails on this too: takes capture group 1, which "v1.2.3" does not give',
      expect.stringMatching(/^pattern "v\(": docker\/metadata-action fails on this too: Invalid regular expression/),
      'enable "{{branch}}": docker/metadata-action fails on this too: evaluates to "main", expected true or false',
    ]);
  });

  it('a failing flavor prefix is reported against the flavor', () => {
    const [problem] = problems(() => push('refs/heads/main', 'type=raw,value=x', { flavor: 'prefix={{date}}' }));
    expect(problem!.path).toBe('flavor, applied to tags[0] "type=raw,value=x"');
  });
});

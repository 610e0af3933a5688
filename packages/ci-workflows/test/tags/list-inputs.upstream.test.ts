/**
 * How docker/metadata-action reads its list inputs and images, ported from the v6.0.0
 * tree: `__tests__/context.test.ts` (`getInputs`, the cases about list parsing) and
 * `__tests__/image.test.ts` (`transform`). Expected values verbatim.
 */
import { describe, expect, it } from 'vitest';
import { inputList } from '../../src/tags/input-list.js';
import { parseImages, type ImageInput } from '../../src/tags/metadata-inputs.js';
import { previewMetadata } from '../../src/tags/index.js';
import { frozenClock } from './upstream-fixtures.js';

describe('context.test.ts getInputs, list parsing, ported', () => {
  it.each([
    ['[0] images', 'moby/buildkit\nghcr.io/moby/mbuildkit', ['moby/buildkit', 'ghcr.io/moby/mbuildkit']],
    ['[1] images', 'moby/buildkit', ['moby/buildkit']],
    ['[2] images', 'moby/buildkit\n#comment\nghcr.io/moby/mbuildkit', ['moby/buildkit', 'ghcr.io/moby/mbuildkit']],
    ['[3] labels', 'mylabel=foo#bar\n#comment\nanother=bar', ['mylabel=foo#bar', 'another=bar']],
    [
      '[4] annotations',
      'org.opencontainers.image.url=https://example.com/path#readme\n#comment\norg.opencontainers.image.source=https://github.com/docker/metadata-action',
      [
        'org.opencontainers.image.url=https://example.com/path#readme',
        'org.opencontainers.image.source=https://github.com/docker/metadata-action',
      ],
    ],
    ['[5] tags', 'type=raw,value=foo#bar\n#comment', ['type=raw,value=foo#bar']],
    ['[5] flavor', 'prefix=v#1\n#comment', ['prefix=v#1']],
  ])('%s %j', (_case, input, expected) => {
    expect(inputList(input)).toEqual(expected);
  });

  it('an empty input is no entry', () => {
    expect(inputList('')).toEqual([]);
    expect(inputList(undefined)).toEqual([]);
  });
});

describe('list parsing drops the quotes before an entry is parsed (the action does it too)', () => {
  // metadata-action's own tests hand `tags` to Meta already split, so they never go
  // through this step; a workflow always does.
  const event = {
    eventName: 'push',
    ref: 'refs/tags/release1',
    sha: '860c1904a1ce19322e91ac35af1ab07466440c37',
    defaultBranch: 'master',
    timestamp: frozenClock,
    images: 'user/app',
  };

  it('a quoted field is joined back without its quotes', () => {
    expect(inputList('type=match,"pattern=^v(\\d.\\d.\\d)$",group=1')).toEqual([
      'type=match,pattern=^v(\\d.\\d.\\d)$,group=1',
    ]);
  });

  it("so a quoted value with a comma (latest01's pattern) is split again: no tag, as the action would publish", () => {
    const entry = 'type=match,"pattern=^release\\d{1,2}"';
    expect(previewMetadata({ ...event, tags: [entry] }).tags).toEqual(['user/app:release1', 'user/app:latest']);
    const fromWorkflow = previewMetadata({ ...event, tags: entry });
    expect(fromWorkflow.tags).toEqual([]);
    expect(fromWorkflow.warnings).toEqual(['^release\\d{1 does not match 2}.']);
  });
});

describe('image.test.ts transform, ported', () => {
  it.each<[string[], ImageInput[]]>([
    [['name/foo'], [{ name: 'name/foo', enable: true }]],
    [
      ['name/foo,name/bar'],
      [
        { name: 'name/foo', enable: true },
        { name: 'name/bar', enable: true },
      ],
    ],
    [
      ['name/foo', 'name/bar'],
      [
        { name: 'name/foo', enable: true },
        { name: 'name/bar', enable: true },
      ],
    ],
    [
      ['name=name/bar', 'name/foo,enable=false', 'name=ghcr.io/UserName/Foo,enable=true'],
      [
        { name: 'name/bar', enable: true },
        { name: 'name/foo', enable: false },
        { name: 'ghcr.io/UserName/Foo', enable: true },
      ],
    ],
  ])('given %j', (entries, expected) => {
    expect(parseImages(entries)).toEqual(expected);
  });

  // Upstream's fifth invalid row (`name/foo,name=name/bar,enable=true`) passes there only
  // because its try/catch also swallows the failed toEqual: Transform returns name/bar.
  it.each([['value=name/foo'], ['name/foo,enable=bar'], ['name/foo,bar=baz'], ['name=,enable=true']])(
    'given %j: invalid',
    (entry) => {
      expect(() => parseImages([entry])).toThrow();
    },
  );
  it('name/foo,name=name/bar,enable=true: the last name wins', () => {
    expect(parseImages(['name/foo,name=name/bar,enable=true'])).toEqual([{ name: 'name/bar', enable: true }]);
  });
});

/**
 * docker/metadata-action's tag parsing tests, ported from `__tests__/tag.test.ts` of the
 * v6.0.0 tree (the rows of b5c378621cab2a7c920c34b0db18a50da51bd4f2 plus the quoted
 * `"match=…"` row; semver/pep440 rules now default `match` to ''). Describe blocks
 * `transform` and `parse`; rows in upstream order, expected type and attributes
 * verbatim; `invalid` rows must throw. `Tag.attrs` key order is not compared (toEqual
 * ignores it, as upstream's does).
 */
import { describe, expect, it } from 'vitest';
import { parseTagRule, sortTagRules, type TagRuleType } from '../../src/tags/metadata-inputs.js';

const P = { schedule: '1000', semver: '900', match: '800', edge: '700', ref: '600', raw: '200', sha: '100' } as const;
type Expected = { type: TagRuleType; attrs: Record<string, string> } | 'invalid';

const parseRows: [string, Expected][] = [
  [
    "type=schedule,enable=true,pattern={{date 'YYYYMMDD'}}",
    { type: 'schedule', attrs: { priority: P.schedule, enable: 'true', pattern: "{{date 'YYYYMMDD'}}" } },
  ],
  [
    "type=schedule,enable=true,pattern={{date 'YYYYMMDD' tz='Asia/Tokyo'}}",
    {
      type: 'schedule',
      attrs: { priority: P.schedule, enable: 'true', pattern: "{{date 'YYYYMMDD' tz='Asia/Tokyo'}}" },
    },
  ],
  [
    'type=semver,enable=true,pattern={{version}}',
    { type: 'semver', attrs: { priority: P.semver, enable: 'true', pattern: '{{version}}', value: '', match: '' } },
  ],
  [
    'type=semver,priority=1,enable=true,pattern={{version}}',
    { type: 'semver', attrs: { priority: '1', enable: 'true', pattern: '{{version}}', value: '', match: '' } },
  ],
  [
    'type=semver,priority=1,enable=true,pattern={{version}},value=v1.0.0',
    { type: 'semver', attrs: { priority: '1', enable: 'true', pattern: '{{version}}', value: 'v1.0.0', match: '' } },
  ],
  [
    'type=semver,priority=1,enable=true,pattern={{version}},value=p1/v1.0.0,"match=v(\\d.\\d.\\d)$"',
    {
      type: 'semver',
      attrs: { priority: '1', enable: 'true', pattern: '{{version}}', value: 'p1/v1.0.0', match: 'v(\\d.\\d.\\d)$' },
    },
  ],
  [
    'type=match,enable=true,pattern=v(.*),group=1',
    { type: 'match', attrs: { priority: P.match, enable: 'true', pattern: 'v(.*)', group: '1', value: '' } },
  ],
  [
    'type=match,enable=true,"pattern=^v(\\d.\\d.\\d)$",group=1',
    { type: 'match', attrs: { priority: P.match, enable: 'true', pattern: '^v(\\d.\\d.\\d)$', group: '1', value: '' } },
  ],
  [
    'type=match,priority=700,enable=true,pattern=v(.*),group=1',
    { type: 'match', attrs: { priority: '700', enable: 'true', pattern: 'v(.*)', group: '1', value: '' } },
  ],
  [
    'type=match,enable=true,pattern=v(.*),group=1,value=v1.2.3',
    { type: 'match', attrs: { priority: P.match, enable: 'true', pattern: 'v(.*)', group: '1', value: 'v1.2.3' } },
  ],
  ['type=match,enable=true,pattern=v(.*),group=foo', 'invalid'],
  ['type=edge', { type: 'edge', attrs: { priority: P.edge, enable: 'true', branch: '' } }],
  [
    'type=edge,enable=true,branch=master',
    { type: 'edge', attrs: { priority: P.edge, enable: 'true', branch: 'master' } },
  ],
  ['type=ref,event=tag', { type: 'ref', attrs: { priority: P.ref, enable: 'true', event: 'tag' } }],
  ['type=ref,event=branch', { type: 'ref', attrs: { priority: P.ref, enable: 'true', event: 'branch' } }],
  ['type=ref,event=pr', { type: 'ref', attrs: { priority: P.ref, enable: 'true', prefix: 'pr-', event: 'pr' } }],
  ['type=ref,event=foo', 'invalid'],
  ['type=ref', 'invalid'],
  ['acustomtag', { type: 'raw', attrs: { priority: P.raw, enable: 'true', value: 'acustomtag' } }],
  ['type=raw', 'invalid'],
  ['type=raw,value=acustomtag2', { type: 'raw', attrs: { priority: P.raw, enable: 'true', value: 'acustomtag2' } }],
  [
    'type=raw,enable=true,value=acustomtag4',
    { type: 'raw', attrs: { priority: P.raw, enable: 'true', value: 'acustomtag4' } },
  ],
  [
    'type=raw,enable=false,value=acustomtag5',
    { type: 'raw', attrs: { priority: P.raw, enable: 'false', value: 'acustomtag5' } },
  ],
  ['type=sha', { type: 'sha', attrs: { priority: P.sha, enable: 'true', prefix: 'sha-', format: 'short' } }],
  ['type=sha,format=long', { type: 'sha', attrs: { priority: P.sha, enable: 'true', prefix: 'sha-', format: 'long' } }],
  ['type=sha,prefix=', { type: 'sha', attrs: { priority: P.sha, enable: 'true', prefix: '', format: 'short' } }],
  [
    'type=sha,enable=false',
    { type: 'sha', attrs: { priority: P.sha, enable: 'false', prefix: 'sha-', format: 'short' } },
  ],
  ['type=semver', 'invalid'],
  ['type=match', 'invalid'],
  ['type=foo', 'invalid'],
  ['type=sha,format=foo', 'invalid'],
];

describe('docker/metadata-action __tests__/tag.test.ts parse, ported', () => {
  it.each(parseRows)('given %j', (source, expected) => {
    if (expected === 'invalid') {
      expect(() => parseTagRule(source)).toThrow();
      return;
    }
    const rule = parseTagRule(source);
    expect({ type: rule.type, attrs: rule.attrs }).toEqual(expected);
  });
});

describe('docker/metadata-action __tests__/tag.test.ts transform, ported', () => {
  it('orders by priority, keeping input order among equals', () => {
    const input = [
      'type=ref,event=branch',
      'type=ref,event=tag',
      'type=ref,event=pr',
      'type=schedule',
      'type=sha',
      'type=raw,foo',
      'type=edge',
      'type=semver,pattern={{version}}',
      'type=match,"pattern=\\d.\\d.\\d",group=0',
    ];
    const sorted = sortTagRules(input.map(parseTagRule)).map((r) => ({ type: r.type, attrs: r.attrs }));
    expect(sorted).toEqual([
      { type: 'schedule', attrs: { priority: P.schedule, enable: 'true', pattern: 'nightly' } },
      { type: 'semver', attrs: { priority: P.semver, enable: 'true', pattern: '{{version}}', value: '', match: '' } },
      { type: 'match', attrs: { priority: P.match, enable: 'true', pattern: '\\d.\\d.\\d', group: '0', value: '' } },
      { type: 'edge', attrs: { priority: P.edge, enable: 'true', branch: '' } },
      { type: 'ref', attrs: { priority: P.ref, enable: 'true', event: 'branch' } },
      { type: 'ref', attrs: { priority: P.ref, enable: 'true', event: 'tag' } },
      { type: 'ref', attrs: { priority: P.ref, enable: 'true', prefix: 'pr-', event: 'pr' } },
      { type: 'raw', attrs: { priority: P.raw, enable: 'true', value: 'foo' } },
      { type: 'sha', attrs: { priority: P.sha, enable: 'true', prefix: 'sha-', format: 'short' } },
    ]);
  });
});

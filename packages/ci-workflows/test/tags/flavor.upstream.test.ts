/**
 * docker/metadata-action's flavor tests, ported. Source:
 * https://github.com/docker/metadata-action/blob/b5c378621cab2a7c920c34b0db18a50da51bd4f2/__tests__/flavor.test.ts
 * (describe `transform`; rows in upstream order; `invalid` rows must throw).
 * Upstream's Flavor also has `labelPrefix`, which the tag preview does not use.
 */
import { describe, expect, it } from 'vitest';
import { parseFlavor, type Flavor } from '../../src/tags/metadata-inputs.js';

const f = (
  latest: Flavor['latest'],
  prefix: string,
  prefixLatest: boolean,
  suffix: string,
  suffixLatest: boolean,
): Flavor => ({ latest, prefix, prefixLatest, suffix, suffixLatest });

const rows: [string[], Flavor | 'invalid'][] = [
  [['randomstr', 'latest=auto'], 'invalid'],
  [['unknwown=foo'], 'invalid'],
  [['latest'], 'invalid'],
  [['latest=true'], f('true', '', false, '', false)],
  [['latest=false'], f('false', '', false, '', false)],
  [['latest=auto'], f('auto', '', false, '', false)],
  [['latest=foo'], 'invalid'],
  [['prefix=sha-'], f('auto', 'sha-', false, '', false)],
  [['suffix=-alpine'], f('auto', '', false, '-alpine', false)],
  [['latest=false', 'prefix=dev-', 'suffix=-alpine'], f('false', 'dev-', false, '-alpine', false)],
  [['prefix=dev-,onlatest=true'], f('auto', 'dev-', true, '', false)],
  [['suffix=-alpine,onlatest=true'], f('auto', '', false, '-alpine', true)],
  [['prefix=dev-,onlatest=true', 'suffix=-alpine,onlatest=true'], f('auto', 'dev-', true, '-alpine', true)],
  [['prefix= '], f('auto', '', false, '', false)],
];

describe('docker/metadata-action __tests__/flavor.test.ts transform, ported', () => {
  it.each(rows)('given %j', (inputs, expected) => {
    if (expected === 'invalid') expect(() => parseFlavor(inputs)).toThrow();
    else expect(parseFlavor(inputs)).toEqual(expected);
  });
});

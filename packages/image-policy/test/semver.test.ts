// Test tables of Masterminds/semver v3.5.0 (constraints_test.go, version_test.go), the library
// Flux's image-reflector-controller uses for ImagePolicy semver ranges. The fixture is extracted
// from the module source fetched through the Go module proxy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConstraints, satisfies } from '../src/semver/constraints.js';
import { compareVersions, newVersion, parseFluxVersion } from '../src/semver/version.js';

interface Fixture {
  constraintCheck: [string, string, boolean][];
  constraintsCheck: [string, string, boolean][];
  newConstraint: [string, number, number, boolean][];
  newVersionLoose: [string, boolean][];
  compare: [string, string, number][];
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/masterminds-semver-v3.5.0.json', import.meta.url), 'utf8'),
) as Fixture;

describe('Masterminds constraints_test.go TestConstraintCheck', () => {
  // Upstream calls the internal parseConstraint here; its "" special case (= any version) is
  // unreachable through NewConstraint, which rejects "" (Flux: InvalidPolicy), so those rows are checked apart.
  it.each(fixture.constraintCheck.filter(([c]) => c !== ''))('%s against %s is %s', (constraint, version, check) => {
    expect(satisfies(parseConstraints(constraint), newVersion(version)!)).toBe(check);
  });
});

it('NewConstraint rejects the empty constraint that parseConstraint accepts', () => {
  expect(fixture.constraintCheck.filter(([c]) => c === '').length).toBe(3);
  expect(() => parseConstraints('')).toThrow(/improper constraint/);
});

describe('Masterminds constraints_test.go TestConstraintsCheck', () => {
  it.each(fixture.constraintsCheck)('%s against %s is %s', (constraint, version, check) => {
    expect(satisfies(parseConstraints(constraint), newVersion(version)!)).toBe(check);
  });
});

describe('Masterminds constraints_test.go TestNewConstraint', () => {
  it.each(fixture.newConstraint)('%s: %d ORs, %d constraints, error %s', (input, ors, count, err) => {
    if (err) {
      expect(() => parseConstraints(input)).toThrow();
      return;
    }
    const c = parseConstraints(input);
    expect(c.groups.length).toBe(ors);
    expect(c.groups[0]!.length).toBe(count);
  });
  it('rejects constraints over 512 bytes and more than 32 groups (TestNewConstraintTooLong/TooManyGroups)', () => {
    expect(() => parseConstraints(`>=${'1'.repeat(520)}`)).toThrow(/too long/);
    expect(() => parseConstraints(Array.from({ length: 33 }, () => '1.0.0').join(' || '))).toThrow(
      /too many constraint groups/,
    );
  });
});

describe('Masterminds version_test.go TestNewVersion (loose, the default)', () => {
  it.each(fixture.newVersionLoose)('%s: error %s', (version, err) => {
    expect(newVersion(version) === undefined).toBe(err);
  });
});

describe('Masterminds version_test.go TestCompare', () => {
  it.each(fixture.compare)('%s vs %s is %d', (a, b, expected) => {
    expect(compareVersions(newVersion(a)!, newVersion(b)!)).toBe(expected);
  });
});

describe('fluxcd/pkg version.ParseVersion: at least three dot-separated parts', () => {
  it.each([
    ['1.2.3', true],
    ['v1.2.3', true],
    ['2025.02.03', true],
    ['v2025.02.03-rc.1', true],
    ['1.2-rc.1', true], // "1", "2-rc", "1": three parts, and NewVersion accepts it
    ['1.2', false],
    ['v1', false],
    ['1.0.0.1', false],
    ['1.0.0p', false],
  ] as const)('%s parses: %s', (tag, ok) => {
    expect(parseFluxVersion(tag) !== undefined).toBe(ok);
  });
});

describe('where Masterminds differs from node-semver (the reason for this port)', () => {
  it('comma is AND, and a prerelease needs a prerelease comparator in the same AND group', () => {
    const c = parseConstraints('>=1.0.0, <2.0.0');
    expect(satisfies(c, newVersion('1.5.0')!)).toBe(true);
    expect(satisfies(c, newVersion('1.5.0-rc.1')!)).toBe(false);
    // node-semver would only admit prereleases of 1.0.0 here; Masterminds admits any in range.
    const pre = parseConstraints('>=1.0.0-0, <2.0.0');
    expect(satisfies(pre, newVersion('1.5.0-rc.1')!)).toBe(true);
  });
  it('!= with an x-range excludes the whole minor', () => {
    const c = parseConstraints('>=1.0.0, != 1.2.x');
    expect(satisfies(c, newVersion('1.2.9')!)).toBe(false);
    expect(satisfies(c, newVersion('1.3.0')!)).toBe(true);
  });
});

// Cases from fluxcd/image-reflector-controller internal/policy/{semver,numerical,alphabetical,filter}_test.go
// and the controller's applyPolicy (internal/controller/imagepolicy_controller.go).
import { describe, expect, it } from 'vitest';
import { selectTag, SelectTagError, storedTags, type SelectTagReason, type SelectTagSpec } from '../src/index.js';

function reasonOf(spec: SelectTagSpec, tags: readonly string[]): SelectTagReason | undefined {
  try {
    selectTag(spec, tags);
    return undefined;
  } catch (error) {
    if (error instanceof SelectTagError) return error.reason;
    throw error;
  }
}

describe('semver_test.go', () => {
  it.each(['1.0.x', '^1.0', '=1.0.0', '~1.0', '>=1.0', '>0,<2.0'])('TestNewSemVer accepts %s', (range) => {
    expect(reasonOf({ policy: { semver: { range } } }, ['1.0.0'])).toBeUndefined();
  });
  it.each(['1.0.0p', '1x', 'x1', '-1', 'a', ''])('TestNewSemVer rejects %j as InvalidPolicy', (range) => {
    expect(reasonOf({ policy: { semver: { range } } }, ['1.0.0'])).toBe('InvalidPolicy');
  });
  it('TestSemVer_Latest: Regular', () => {
    expect(
      selectTag({ policy: { semver: { range: '1.0.x' } } }, ['1.0.0', '1.0.0.1', '1.0.0p', '1.0.1', '1.2.0', '0.1.0']),
    ).toBe('1.0.1');
  });
  it('TestSemVer_Latest: Regular with prefix', () => {
    expect(selectTag({ policy: { semver: { range: '1.0.x' } } }, ['v1.2.3', 'v1.0.0', 'v0.1.0'])).toBe('v1.0.0');
  });
  it('TestSemVer_Latest: invalid prefix, empty list, non-matching list', () => {
    expect(reasonOf({ policy: { semver: { range: '1.0.x' } } }, ['b1.2.3', 'b1.0.0', 'b0.1.0'])).toBe('NoMatch');
    expect(reasonOf({ policy: { semver: { range: '1.0.x' } } }, [])).toBe('NoTags');
    expect(reasonOf({ policy: { semver: { range: '1.0.x' } } }, ['1.2.0'])).toBe('NoMatch');
  });
});

describe('numerical_test.go', () => {
  const cases: [string, string | undefined, string[], string][] = [
    ['integers ascending', undefined, ['-62', '-88', '73', '72', '15', '16', '15', '29', '-33', '-91'], '73'],
    ['integers descending', 'desc', ['5', '-8', '-78', '25', '70', '-4', '80', '92', '-20', '-24'], '-78'],
    [
      'floats ascending',
      undefined,
      [
        '47.40896403322944',
        '-27.8520927455902',
        '-27.930666514224427',
        '-31.352485948094568',
        '-50.41072694704882',
        '-21.962849842263736',
        '24.71884721436865',
        '-39.99177354004344',
        '53.47333823144817',
        '3.2008658570411086',
      ],
      '53.47333823144817',
    ],
    [
      'floats descending',
      'desc',
      [
        '-65.27202780220686',
        '57.82948329142309',
        '22.40184684363291',
        '-86.36934305697784',
        '-90.29082099756083',
        '-12.041712603564264',
        '77.70488240399305',
        '-38.98425003883552',
        '16.06867070412028',
        '53.735674335181216',
      ],
      '-90.29082099756083',
    ],
    [
      'unix timestamps ascending',
      'asc',
      ['1606234201', '1606364286', '1606334092', '1606334284', '1606334201'],
      '1606364286',
    ],
    [
      'unix timestamps descending',
      'DESC',
      ['1606234201', '1606364286', '1606334092', '1606334284', '1606334201'],
      '1606234201',
    ],
    ['single value', undefined, ['1'], '1'],
  ];
  it.each(cases)('TestNumerical_Latest: %s', (_label, order, tags, expected) => {
    expect(selectTag({ policy: { numerical: order === undefined ? {} : { order } } }, tags)).toBe(expected);
  });
  it('TestNumerical_Latest: an invalid numerical value fails the policy', () => {
    expect(reasonOf({ policy: { numerical: {} } }, ['0', '1a', 'b'])).toBe('NotNumeric');
  });
  it('TestNewNumerical: an invalid order is InvalidPolicy', () => {
    expect(reasonOf({ policy: { numerical: { order: 'invalid' } } }, ['1'])).toBe('InvalidPolicy');
  });
});

describe('alphabetical_test.go', () => {
  it('ascending takes the last in byte order, descending the first', () => {
    const tags = ['xenial', 'zesty', 'artful', 'bionic'];
    expect(selectTag({ policy: { alphabetical: {} } }, tags)).toBe('zesty');
    expect(selectTag({ policy: { alphabetical: { order: 'desc' } } }, tags)).toBe('artful');
    expect(selectTag({ policy: { alphabetical: { order: 'asc' } } }, ['aaa', 'bbb', 'Zzz', 'ZZZ'])).toBe('bbb'); // bytewise: uppercase sorts first
    expect(
      selectTag({ policy: { alphabetical: {} } }, ['RELEASE.2023-01-31T08-42-01Z', 'RELEASE.2023-02-01T00-00-00Z']),
    ).toBe('RELEASE.2023-02-01T00-00-00Z');
  });
  it('an invalid order is InvalidPolicy', () => {
    expect(reasonOf({ policy: { alphabetical: { order: 'sideways' } } }, ['a'])).toBe('InvalidPolicy');
  });
});

describe('filter_test.go and applyPolicy', () => {
  it('a capture group extracted with $1 is ordered, the original tag is returned', () => {
    expect(
      selectTag({ policy: { numerical: {} }, filterTags: { pattern: 'ver(\\d+)', extract: '$1' } }, [
        'ver1',
        'ver2',
        'ver10',
        'rel1',
      ]),
    ).toBe('ver10');
  });
  it('the staging default: <branch>-<unix-ts>-<sha7>, numerically on $ts', () => {
    const spec: SelectTagSpec = {
      policy: { numerical: { order: 'asc' } },
      filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
    };
    const tags = [
      'main-1700000000-abcdef0',
      'main-1700000100-1234567',
      'main-999999999-fffffff',
      'edge',
      'sha-1234567',
      'v1.2.3',
      'feat-1800000000-aaaaaaa',
    ];
    expect(selectTag(spec, tags)).toBe('main-1700000100-1234567');
  });
  it('an invalid pattern, or one Go rejects (lookahead, backreference), is InvalidPolicy', () => {
    for (const pattern of ['(', '^(?=main)', '(a)\\1', 'a{1001}', '(?P<x-y>a)']) {
      expect(reasonOf({ policy: { alphabetical: {} }, filterTags: { pattern } }, ['a'])).toBe('InvalidPolicy');
    }
  });
  it('nothing left after the filter is NoMatch, no tags at all is NoTags', () => {
    expect(reasonOf({ policy: { alphabetical: {} }, filterTags: { pattern: '^nope' } }, ['a'])).toBe('NoMatch');
    expect(reasonOf({ policy: { alphabetical: {} }, filterTags: { pattern: '^nope' } }, [])).toBe('NoTags');
  });
  it('numerical without a filter fails on a non-numeric tag, as Flux does', () => {
    expect(reasonOf({ policy: { numerical: {} } }, ['1', 'latest'])).toBe('NotNumeric');
  });
  it('the policy is checked before the tag list (applyPolicy order)', () => {
    expect(reasonOf({ policy: { semver: { range: 'nope' } } }, [])).toBe('InvalidPolicy');
  });
  it('Go template forms: ${name}, $name followed by letters, $$, unknown names', () => {
    const spec = (extract: string): SelectTagSpec => ({
      policy: { alphabetical: {} },
      filterTags: { pattern: '^(?P<a>[a-z]+)-(?P<n>[0-9]+)$', extract },
    });
    expect(selectTag(spec('${n}x'), ['a-1', 'b-2'])).toBe('b-2');
    // "$nx" names the group "nx", which does not exist: every tag extracts to "", and the last one
    // stored (the store is descending, so the bytewise-smallest) wins.
    expect(selectTag(spec('$nx'), ['a-1', 'b-2'])).toBe('a-1');
  });
});

// Every expected value below was checked with test/oracle (the controller's own code); the first
// two were also observed on a real image-reflector-controller v1.2.0 scanning a local registry.
describe("ties: the controller's storage order (descending bytes) decides", () => {
  it('observed on the real controller: 1.1.0 over 1.01.0 (semver), 01 over 1 (numerical desc)', () => {
    expect(selectTag({ policy: { semver: { range: '*' } } }, ['1.1.0', '1.01.0', '0.9.0'])).toBe('1.1.0');
    expect(selectTag({ policy: { numerical: { order: 'desc' } } }, ['1', '01', '2'])).toBe('01');
  });
  it('semver, equal precedence: the first stored, i.e. the bytewise-greatest tag', () => {
    expect(selectTag({ policy: { semver: { range: '>=1.0.0' } } }, ['1.0.0', '1.0.0+abc'])).toBe('1.0.0+abc');
    expect(selectTag({ policy: { semver: { range: '>=1.0.0' } } }, ['1.0.0', 'v1.0.0'])).toBe('v1.0.0');
  });
  it('numerical, equal values: the last stored, i.e. the bytewise-smallest tag', () => {
    expect(selectTag({ policy: { numerical: { order: 'asc' } } }, ['1', '01', '1.0', '1e0', '0'])).toBe('01');
  });
  it('numerical with NaN: the storage order decides (NaN, 2, 1)', () => {
    expect(selectTag({ policy: { numerical: { order: 'asc' } } }, ['1', 'NaN', '2'])).toBe('2');
    expect(selectTag({ policy: { numerical: { order: 'desc' } } }, ['1', 'NaN', '2'])).toBe('1');
  });
  it('filterTags values that collide: the bytewise-smallest original tag (two builds in one second)', () => {
    const tags = ['main-1700000000-bbbbbbb', 'main-1700000000-aaaaaaa', 'main-1699999999-ccccccc'];
    expect(
      selectTag(
        {
          policy: { numerical: { order: 'asc' } },
          filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
        },
        tags,
      ),
    ).toBe('main-1700000000-aaaaaaa');
  });
  it('tied values after filterTags (Flux: random map order): values in descending byte order, as without a filter', () => {
    // The controller answers v1 or v01 (and v1.1.0 or v1.01.0) from one reconcile to the next.
    expect(
      selectTag(
        { policy: { numerical: { order: 'asc' } }, filterTags: { pattern: '^v(?P<n>[0-9]+)$', extract: '$n' } },
        ['v1', 'v01'],
      ),
    ).toBe('v01');
    expect(
      selectTag({ policy: { semver: { range: '>=0.0.0' } }, filterTags: { pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+$' } }, [
        'v1.1.0',
        'v1.01.0',
      ]),
    ).toBe('v1.1.0');
  });
  it("the exclusion list: Flux's default drops .sig tags; a list replaces the default; a bad pattern fails the scan", () => {
    expect(selectTag({ policy: { alphabetical: {} } }, ['sha256-abc.sig', 'main'])).toBe('main');
    expect(selectTag({ policy: { alphabetical: {} } }, ['sha256-abc.sig', 'main'], { exclusionList: [] })).toBe('main');
    expect(selectTag({ policy: { alphabetical: {} } }, ['sha256-abc.sig', 'main'], { exclusionList: ['^edge$'] })).toBe(
      'sha256-abc.sig',
    );
    expect(() => selectTag({ policy: { alphabetical: {} } }, ['a'], { exclusionList: ['('] })).toThrow(
      expect.objectContaining({
        reason: 'InvalidExclusionList',
        controllerMessage: 'failed to compile regex (: error parsing regexp: missing closing ): `(`',
        issues: [
          expect.objectContaining({
            path: 'options.exclusionList[0]',
            message:
              'options.exclusionList[0]: expected a Go regular expression (error parsing regexp: missing closing ): `(`), received "(" (Flux: failed to compile regex (: error parsing regexp: missing closing ): `(`)',
          }),
        ],
      }),
    );
    expect(reasonOf({ policy: { alphabetical: {} } }, ['x.sig'])).toBe('NoTags');
  });
  it("storedTags is the controller's stored slice", () => {
    expect(storedTags(['a', 'c', 'b.sig', 'd', 'b'])).toEqual(['d', 'c', 'b', 'a']);
  });
});

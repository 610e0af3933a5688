import { branchName, dnsLabel, imageTag, labelValue } from '@sugarkube/core';
import fc from 'fast-check';

/**
 * Strings a YAML reader is known to take for something else, or to change: YAML 1.1 booleans,
 * nulls, numbers (octal, hex, binary, sexagesimal, exponents, underscores), timestamps,
 * indicators, comment and mapping markers, leading and trailing spaces, line breaks of every
 * kind (NEL, LS and PS are line breaks in YAML 1.1), characters outside YAML's printable set,
 * and the empty string.
 */
export const namedStrings: readonly string[] = [
  ...['on', 'On', 'ON', 'off', 'Off', 'OFF', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N'],
  ...['true', 'True', 'FALSE', 'false', '~', 'null', 'Null', 'NULL', '', '=', '<<'],
  ...[
    '12:30',
    '1:20',
    '190:20:30',
    '-1:20',
    '2024-01-01',
    '2024-1-1',
    '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5',
  ],
  ...[
    '0755',
    '08',
    '0o17',
    '0x1F',
    '0b101',
    '1e3',
    '1E+3',
    '1e-7',
    '1_000',
    '+12',
    '-12',
    '.5',
    '+.5',
    '1.',
    '0.',
    '1e21',
  ],
  ...['.inf', '-.Inf', '+.INF', '.nan', '.NaN', '+inf', '-Infinity', 'NaN', 'Infinity', '0x1p-2'],
  ...[
    '-',
    '---',
    '...',
    '- x',
    '? x',
    '[a]',
    '{a: 1}',
    '*a',
    '&a',
    '!a',
    '!!str',
    '|',
    '>',
    '%x',
    '@x',
    '`x',
    '#x',
    ',x',
  ],
  ...['"q"', "'q'", 'a: b', 'a:', 'a:b', 'a #b', 'a#b', ' lead', 'trail ', ' both ', '\ta', 'a\t', ' ', '\t'],
  ...[
    'a\nb',
    'a\n',
    'a\n\n',
    '\n',
    '\n\n',
    ' \n',
    '\t\n',
    '\n\ta',
    '\ta\nb',
    'a\n ',
    'a \nb',
    ' a\nb',
    '\n a',
    'a\r\nb',
    'a\rb',
  ],
  ...['a\n---\nb', '---\na', 'a\n...', '#a\nb', 'a\n#b\n', '- a\nb'],
  ...['\u2028', 'a\u2028b', 'a\u2029b', 'a\u0085b', '\u0085', 'a\u00a0', '\u00a0a', '\ufeffbom', 'a\ufeff', 'a\u200bb'],
  ...['a\u007fb', '\u0080', 'x\u009fy', '\ufffe', 'x\uffffy', 'a\u0000b', 'a\u001bb', 'a\u000bb'],
  ...['é', '日本語', '😀', 'e\u0301', 'ﬁ'],
];

/** Characters YAML gives a meaning to, for composed strings. */
const yamlCharacter = fc.constantFrom(
  ...[' ', '\t', '\n', ':', '#', '-', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`'],
  ...['0', '1', '7', '.', '_', '+', 'e', 'x', 'o', 'n', 'y', 'N', 'Y', '~', '=', '<'],
  ...['\r', '\u0085', '\u2028', '\u2029', '\u00a0', '\ufeff', '\u007f', '\u0000', 'é', '😀'],
);

/** Any string of well-formed Unicode (a lone surrogate has no UTF-8 form: no file can carry it). */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...namedStrings), weight: 4 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(...namedStrings),
        fc.constantFrom('', ' ', ': ', ' #', '\n', '\t'),
        fc.constantFrom(...namedStrings),
      )
      .map((parts) => parts.join('')),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: yamlCharacter, maxLength: 8 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 16 }), weight: 1 },
);

/** A field rule of @sugarkube/core (a zod string schema). */
interface FieldRule {
  safeParse(value: unknown): { success: boolean };
}

/** The named strings a field rule accepts. */
export const namedFitting = (rule: FieldRule) => namedStrings.filter((s) => rule.safeParse(s).success);

/** Strings a field rule accepts: mostly the named ones that fit it, then random ones over an alphabet. */
function fitting(rule: FieldRule, alphabet: string): fc.Arbitrary<string> {
  const random = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 12 });
  return fc.oneof(
    { arbitrary: fc.constantFrom(...namedFitting(rule)), weight: 3 },
    { arbitrary: random.filter((s) => rule.safeParse(s).success), weight: 1 },
  );
}

const lower = 'abcdefghijklmnopqrstuvwxyz';
const digits = '0123456789';
const mixed = `${lower}${lower.toUpperCase()}${digits}`;

/** A Kubernetes label value (`yes`, `0755`, `1e3`, `2024-01-01`…), by core's rule. */
export const labelValueString = fitting(labelValue, `${mixed}-_.`);
/** An image tag (`on`, `0755`, `1e3`, `2024-01-01`…), by core's rule. */
export const imageTagString = fitting(imageTag, `${mixed}-_.`);
/** A DNS label: app, namespace and object names (`on`, `yes`, `no`, `y`, `null`, `true`…), by core's rule. */
export const dnsLabelString = fitting(dnsLabel, `${lower}${digits}-`);
/** A Git branch (`on`, `0755`, `1.`, `2024-01-01`…), by core's rule. */
export const branchString = fitting(branchName, `${mixed}-_./`);

/** Kubernetes' rule for a ConfigMap data key (`on`, `y`, `.inf`, `0755`, `1e3`…); the descriptor takes any string. */
export const configMapKey: FieldRule = {
  safeParse: (v) => ({ success: typeof v === 'string' && /^[-._a-zA-Z0-9]{1,253}$/.test(v) }),
};
export const configMapKeyString = fitting(configMapKey, `${mixed}-_.`);

/** One line without a workflow expression (a build argument value). */
export const singleLineString = anyString.filter((s) => !/[\n\r]/.test(s) && !s.includes('${{'));

/** A non-empty run of non-whitespace characters (one cron field). */
export const nonBlankString = anyString.filter((s) => /^\S+$/.test(s));

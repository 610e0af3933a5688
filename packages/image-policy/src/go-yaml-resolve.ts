import { goParseFloat } from './go/go-parse-float.js';

/** The tags go-yaml v3 resolves a plain scalar to (what kyaml keeps on a node it rewrites). */
export type GoYamlTag = 'str' | 'null' | 'bool' | 'int' | 'float' | 'timestamp';

const MAP: Record<string, GoYamlTag> = {
  '': 'null',
  '~': 'null',
  null: 'null',
  Null: 'null',
  NULL: 'null',
  true: 'bool',
  True: 'bool',
  TRUE: 'bool',
  false: 'bool',
  False: 'bool',
  FALSE: 'bool',
  '.nan': 'float',
  '.NaN': 'float',
  '.NAN': 'float',
  '.inf': 'float',
  '.Inf': 'float',
  '.INF': 'float',
  '+.inf': 'float',
  '+.Inf': 'float',
  '+.INF': 'float',
  '-.inf': 'float',
  '-.Inf': 'float',
  '-.INF': 'float',
};

/** Go's `strconv.ParseInt(s, 0, 64)`/`ParseUint` syntax (after go-yaml removed every `_`). */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]| )\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})?(?:Z|[-+]\d{2}:?\d{2})?)?$/;

function intFits(plain: string): boolean {
  const sign = plain.startsWith('-') ? -1n : 1n;
  const body = plain.replace(/^[-+]/, '');
  const lower = body.toLowerCase();
  const value = lower.startsWith('0x')
    ? BigInt(body)
    : lower.startsWith('0o')
      ? BigInt(`0o${body.slice(2)}`)
      : lower.startsWith('0b')
        ? BigInt(body)
        : body.length > 1 && body[0] === '0'
          ? BigInt(`0o${body.slice(1)}`)
          : BigInt(body);
  const v = sign * value;
  return v >= -(1n << 63n) && v < 1n << 64n;
}

/**
 * go-yaml v3's `resolve` for a plain scalar: the map of nulls, bools and special floats, then by
 * first character: `.` → float; digits and signs → timestamp, int (Go base-0 syntax, `_` removed),
 * float; everything else is a string (`yes`/`no` are strings in YAML 1.2).
 * @see https://github.com/yaml/go-yaml/blob/v3/resolve.go
 */
export function goYamlResolve(plain: string): GoYamlTag {
  if (plain in MAP) return MAP[plain]!;
  const first = plain[0];
  if (first === '.') return goParseFloat(plain) === undefined ? 'str' : 'float';
  if (first !== undefined && /[0-9+-]/.test(first)) {
    if (/[0-9]/.test(first) && TIMESTAMP.test(plain)) return 'timestamp';
    const stripped = plain.replace(/_/g, '');
    if (GO_INT.test(stripped) && intFits(stripped)) return 'int';
    if (YAML_STYLE_FLOAT.test(stripped) && goParseFloat(stripped) !== undefined) return 'float';
    if (/^-?0b[01]+$/.test(stripped)) return 'int';
  }
  return 'str';
}

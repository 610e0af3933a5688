/**
 * Go's `strconv.ParseFloat(s, 64)`: decimal and hexadecimal (with a `p` exponent) literals,
 * `_` between digits, `inf`/`infinity`/`nan` in any case (a sign only on `inf`). Values beyond
 * the float64 range are errors (`ErrRange`), as in Go. Returns `undefined` where Go errors.
 *
 * @see https://pkg.go.dev/strconv#ParseFloat
 */
const DEC =
  /^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const HEX =
  /^([+-]?)0[xX](?:_?([0-9A-Fa-f](?:_?[0-9A-Fa-f])*)(?:\.([0-9A-Fa-f](?:_?[0-9A-Fa-f])*)?)?|\.([0-9A-Fa-f](?:_?[0-9A-Fa-f])*))[pP]([+-]?[0-9](?:_?[0-9])*)$/;

export function goParseFloat(s: string): number | undefined {
  const lower = s.toLowerCase();
  if (/^[+-]?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower === 'nan') return NaN;
  let value: number;
  if (DEC.test(s)) {
    value = Number(s.replace(/_/g, ''));
  } else {
    const m = HEX.exec(s);
    if (!m) return undefined;
    const intDigits = (m[2] ?? '').replace(/_/g, '');
    const fracDigits = (m[3] ?? m[4] ?? '').replace(/_/g, '');
    const mantissa = BigInt(`0x${intDigits}${fracDigits}` === '0x' ? '0x0' : `0x${intDigits}${fracDigits}`);
    const exp = Number(m[5]!.replace(/_/g, '')) - 4 * fracDigits.length;
    value = Number(mantissa) * 2 ** exp;
    if (m[1] === '-') value = -value;
  }
  return Number.isFinite(value) ? value : undefined;
}

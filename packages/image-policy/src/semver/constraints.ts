/**
 * Version constraints exactly as Masterminds/semver v3.5.0 parses and checks them: `||` between
 * AND groups, `,` or whitespace between constraints of a group, hyphen ranges, x-ranges, `~`,
 * `^`, `!=`, and the prerelease rule (a prerelease version only satisfies an AND group in which
 * some constraint itself names a prerelease). Ported from `constraints.go`; the regular
 * expressions are the upstream ones with Go's `\s` written out as `[\t\n\f\r ]`.
 *
 * @see https://github.com/Masterminds/semver/blob/v3.5.0/constraints.go
 */
import { compareVersions, comparePrerelease, newVersion, type SemverVersion } from './version.js';

/** `MaxConstraintLen`. */
export const MAX_CONSTRAINT_LEN = 512;
/** `MaxConstraintGroups`. */
export const MAX_CONSTRAINT_GROUPS = 32;

const S = '[\\t\\n\\f\\r ]';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const CV =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';

const constraintRegex = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const constraintRangeRegex = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const findConstraintRegex = new RegExp(`(${OPS})${S}*(${CV})`, 'g');
const validConstraintRegex = new RegExp(
  `^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`,
);

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Constraint {
  readonly con: SemverVersion;
  readonly orig: string;
  readonly op: Op;
  readonly minorDirty: boolean;
  readonly dirty: boolean;
  readonly patchDirty: boolean;
}

/** A parsed constraint string: OR of AND groups. */
export interface SemverConstraints {
  readonly source: string;
  readonly groups: readonly (readonly Constraint[])[];
  readonly containsPre: readonly boolean[];
}

/** Thrown by {@link parseConstraints} with Go's error text. */
export class ConstraintError extends Error {
  override readonly name = 'ConstraintError';
}

/** Go's `%q` for the ASCII strings that reach these messages. */
const q = (s: string) => JSON.stringify(s);

const isX = (x: string) => x === 'x' || x === '*' || x === 'X';

/** `rewriteRange`: each `A - B` becomes `>= A, <= B ` (first textual occurrence, as strings.Replace). */
function rewriteRange(i: string): string {
  let o = i;
  for (const m of i.matchAll(constraintRangeRegex)) {
    const at = o.indexOf(m[0]);
    if (at >= 0) o = `${o.slice(0, at)}>= ${m[1]}, <= ${m[11]} ${o.slice(at + m[0].length)}`;
  }
  return o;
}

function parseConstraint(c: string): Constraint {
  const m = constraintRegex.exec(c);
  if (!m) throw new ConstraintError(`improper constraint: ${q(c)}`);
  const g = (n: number) => m[n] ?? '';
  let ver = g(2);
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(g(3)) || g(3) === '') {
    ver = `0.0.0${g(6)}`;
    dirty = true;
  } else if (isX(g(4).replace(/^\./, '')) || g(4) === '') {
    minorDirty = true;
    dirty = true;
    ver = `${g(3)}.0.0${g(6)}`;
  } else if (isX(g(5).replace(/^\./, '')) || g(5) === '') {
    dirty = true;
    patchDirty = true;
    ver = `${g(3)}${g(4)}.0${g(6)}`;
  }
  const con = newVersion(ver);
  if (!con) throw new ConstraintError('constraint parser error');
  return { con, orig: g(2), op: g(1) as Op, minorDirty, dirty, patchDirty };
}

/**
 * `semver.NewConstraint`. Throws {@link ConstraintError} with upstream's message where Go returns
 * an error (Flux then stalls the ImagePolicy with reason `InvalidPolicy`).
 */
export function parseConstraints(c: string): SemverConstraints {
  if (c.length > MAX_CONSTRAINT_LEN)
    throw new ConstraintError(`constraint string is too long (max ${MAX_CONSTRAINT_LEN} bytes)`);
  const rewritten = rewriteRange(c);
  const ors = rewritten.split('||');
  if (ors.length > MAX_CONSTRAINT_GROUPS)
    throw new ConstraintError(`too many constraint groups (max ${MAX_CONSTRAINT_GROUPS})`);
  const groups: Constraint[][] = [];
  const containsPre: boolean[] = [];
  for (const v of ors) {
    if (!validConstraintRegex.test(v)) throw new ConstraintError(`improper constraint: ${q(v)}`);
    const found = [...v.matchAll(findConstraintRegex)].map((x) => x[0]);
    const cs = found.length > 0 ? found : [v];
    const group = cs.map(parseConstraint);
    groups.push(group);
    containsPre.push(group.some((x) => x.con.prerelease !== ''));
  }
  return { source: c, groups, containsPre };
}

function notEqual(v: SemverVersion, c: Constraint): boolean {
  if (c.dirty) {
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    else if (c.minorDirty) return false;
    else if (c.con.patch !== v.patch && !c.patchDirty) return true;
    else if (c.patchDirty) {
      if (v.prerelease !== '' || c.con.prerelease !== '')
        return comparePrerelease(v.prerelease, c.con.prerelease) !== 0;
      return false;
    }
  }
  return compareVersions(v, c.con) !== 0;
}

function greaterThan(v: SemverVersion, c: Constraint): boolean {
  if (!c.dirty) return compareVersions(v, c.con) === 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major) return false;
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.con.minor;
  return compareVersions(v, c.con) === 1;
}

function lessThanEqual(v: SemverVersion, c: Constraint): boolean {
  if (!c.dirty) return compareVersions(v, c.con) <= 0;
  if (v.major > c.con.major) return false;
  if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
  return true;
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function caret(v: SemverVersion, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (c.con.major === 0n && v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (c.con.minor === 0n && v.minor > 0n) return false;
  return c.con.patch === v.patch;
}

function check(v: SemverVersion, c: Constraint, includePre: boolean): boolean {
  // Every constraint function starts with this rule (Masterminds issue 21).
  if (v.prerelease !== '' && !includePre) return false;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : compareVersions(v, c.con) === 0;
    case '!=':
      return notEqual(v, c);
    case '>':
      return greaterThan(v, c);
    case '<':
      return compareVersions(v, c.con) < 0;
    case '>=':
    case '=>':
      return compareVersions(v, c.con) >= 0;
    case '<=':
    case '=<':
      return lessThanEqual(v, c);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      return caret(v, c);
  }
}

/** `(Constraints).Check` with `IncludePrerelease` false, as Flux uses it. */
export function satisfies(constraints: SemverConstraints, v: SemverVersion): boolean {
  return constraints.groups.some((group, i) => group.every((c) => check(v, c, constraints.containsPre[i]!)));
}

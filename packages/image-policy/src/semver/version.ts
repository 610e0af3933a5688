/**
 * Versions exactly as Masterminds/semver v3.5.0 parses and orders them (the library Flux's
 * image-reflector-controller uses), ported from `version.go` of that module.
 *
 * @see https://github.com/Masterminds/semver/blob/v3.5.0/version.go
 */

/** Maximum length `NewVersion` accepts (`MaxVersionLen`). */
export const MAX_VERSION_LEN = 256;

const MAX_UINT64 = (1n << 64n) - 1n;

/** A parsed version; segments are unsigned 64-bit integers, as in Go. */
export interface SemverVersion {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly prerelease: string;
  readonly metadata: string;
  /** The string that was parsed (`Original()`). */
  readonly original: string;
}

/** `looseSemVerRegex`, used by `NewVersion` while `CoerceNewVersion` is true (its default). */
const LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

const NUM = /^[0-9]*$/;
const ALLOWED = /^[0-9A-Za-z-]*$/;

/** Go's `strconv.ParseUint(s, 10, 64)`: digits only, no sign, fits in 64 bits. */
function parseUint64(s: string): bigint | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > MAX_UINT64 ? undefined : n;
}

function validPrerelease(p: string): boolean {
  for (const part of p.split('.')) {
    if (part === '') return false;
    if (NUM.test(part)) {
      if (part.length > 1 && part[0] === '0') return false;
    } else if (!ALLOWED.test(part)) return false;
  }
  return true;
}

function validMetadata(m: string): boolean {
  return m.split('.').every((part) => part !== '' && ALLOWED.test(part));
}

/**
 * `semver.NewVersion` with the package defaults (`CoerceNewVersion = true`): a `v` prefix, missing
 * minor/patch and leading zeros in the numeric segments are accepted; numeric prerelease
 * identifiers with a leading zero are not. Returns `undefined` where Go returns an error.
 */
export function newVersion(v: string): SemverVersion | undefined {
  if (v.length > MAX_VERSION_LEN) return undefined;
  const m = LOOSE.exec(v);
  if (!m) return undefined;
  const major = parseUint64(m[1]!);
  const minor = m[2] ? parseUint64(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseUint64(m[3].slice(1)) : 0n;
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  const prerelease = m[5] ?? '';
  const metadata = m[8] ?? '';
  if (prerelease !== '' && !validPrerelease(prerelease)) return undefined;
  if (metadata !== '' && !validMetadata(metadata)) return undefined;
  return { major, minor, patch, prerelease, metadata, original: v };
}

/**
 * Flux's tag parser, `version.ParseVersion` from github.com/fluxcd/pkg/version (v0.20.0): the tag
 * must have at least two dots (`strings.SplitN(v, ".", 3)` must give three parts), then
 * `semver.NewVersion`. So `v1.2.3`, `1.2.3-rc.1` and `2025.02.03` parse; `1.2` and `v1` do not.
 *
 * @see https://github.com/fluxcd/pkg/blob/main/version/version.go
 */
export function parseFluxVersion(tag: string): SemverVersion | undefined {
  if (tag.split('.').length < 3) return undefined;
  return newVersion(tag);
}

function compareSegment(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go string comparison on ASCII identifiers (prerelease identifiers are ASCII by construction). */
function goStringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const oi = parseUint64(o);
  const si = parseUint64(s);
  if (oi === undefined && si === undefined) return goStringCompare(s, o) > 0 ? 1 : -1;
  if (oi === undefined) return -1; // o is a string and s is a number
  if (si === undefined) return 1; // s is a string and o is a number
  return si > oi ? 1 : -1;
}

/** `comparePrerelease` from version.go. */
export function comparePrerelease(v: string, o: string): number {
  const sparts = v.split('.');
  const oparts = o.split('.');
  const l = Math.max(sparts.length, oparts.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sparts[i] ?? '', oparts[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** `(*Version).Compare`: by major, minor, patch, then prerelease; metadata is ignored. */
export function compareVersions(v: SemverVersion, o: SemverVersion): number {
  const d = compareSegment(v.major, o.major) || compareSegment(v.minor, o.minor) || compareSegment(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.prerelease === '' && o.prerelease === '') return 0;
  if (v.prerelease === '') return 1;
  if (o.prerelease === '') return -1;
  return comparePrerelease(v.prerelease, o.prerelease);
}

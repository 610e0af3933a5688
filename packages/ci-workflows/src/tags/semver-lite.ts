/**
 * node-semver's strict `valid()` / `parse()` for the fields metadata-action's
 * semver patterns use (`{{raw}}`, `{{version}}`, `{{major}}`, `{{minor}}`,
 * `{{patch}}`, `{{prerelease}}`, `{{build}}`).
 * @see https://github.com/npm/node-semver/blob/main/internal/re.js
 */
export interface SemverParts {
  readonly raw: string;
  readonly version: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly (string | number)[];
  readonly build: readonly string[];
}

const num = '0|[1-9]\\d*';
const preId = `(?:${num}|\\d*[a-zA-Z-][a-zA-Z0-9-]*)`;
const strict = new RegExp(`^v?(${num})\\.(${num})\\.(${num})(?:-(${preId}(?:\\.${preId})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`);

/** Parses a version the way `semver.valid()` accepts it (optional leading `v`, surrounding spaces trimmed); undefined if invalid. */
export function parseSemver(input: string): SemverParts | undefined {
  if (input.length > 256) return undefined;
  const m = strict.exec(input.trim());
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined;
  const prerelease = m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [];
  const build = m[5] ? m[5].split('.') : [];
  const version = `${major}.${minor}.${patch}${prerelease.length > 0 ? `-${prerelease.join('.')}` : ''}`;
  return { raw: input, version, major, minor, patch, prerelease, build };
}

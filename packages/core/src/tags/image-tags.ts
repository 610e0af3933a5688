/**
 * The image tag scheme every Sugarkube image follows, in one module: the
 * workflow publishes these tags, the ImagePolicy picks them, the deploy-tag rule
 * accepts them. On the default branch: `sha-<short>`, `edge`, and the sortable
 * `<branch>-<unix-ts>-<sha7>` that Flux orders by its timestamp (Flux cannot order
 * `main-<sha>`); on release tags `vX.Y.Z`, `vX`, `latest`.
 */

/** A branch name as docker/metadata-action writes it into a tag (`release/2026` → `release-2026`). */
export function tagSafeBranch(branch: string): string {
  return branch.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

/** The sortable build tag of a commit: `main-1767225600-5ca96df`. */
export function sortableTag(branch: string, unixSeconds: number, sha: string): string {
  return `${tagSafeBranch(branch)}-${Math.floor(unixSeconds)}-${sha.slice(0, 7)}`;
}

/**
 * The Flux `filterTags.pattern` (Go RE2 syntax) that matches the sortable build tags
 * of `branch` and extracts the timestamp as `ts`.
 */
export function sortableTagPattern(branch: string): string {
  return `^${tagSafeBranch(branch).replace(/\./g, '\\.')}-(?P<ts>[0-9]+)-[0-9a-f]{7}$`;
}

/** The same pattern as a JavaScript RegExp (named group syntax differs from Go's). */
export function sortableTagRegExp(branch: string): RegExp {
  return new RegExp(sortableTagPattern(branch).replace('(?P<ts>', '(?<ts>'));
}

/**
 * The clusters' deploy-tag rule (futuroptimist/sugarkube `scripts/app_config.py`,
 * `BRANCH_SHA_RE`): a tag that names a commit. `latest`, `edge`, bare branches and
 * environment names are mutable and never deployed.
 */
export const deployTagRule = /^[a-z0-9][a-z0-9._-]*-[0-9a-f]{7,40}$/;

/** Tags that move: never pinned in an environment. */
export const mutableTags: readonly string[] = ['latest', 'edge', 'main', 'master', 'staging', 'prod', 'production'];

/** True when `tag` names one build for good (a release `vX.Y.Z` or a commit-named tag). */
export function isImmutableTag(tag: string): boolean {
  if (mutableTags.includes(tag)) return false;
  return /^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/.test(tag) || deployTagRule.test(tag);
}

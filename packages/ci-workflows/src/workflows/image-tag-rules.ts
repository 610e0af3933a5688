/**
 * The tags every Sugarkube image gets (the scheme of `@sugarkube/core`'s tag module:
 * `sortableTag`, `sortableTagPattern`, `deployTagRule`), as docker/metadata-action inputs
 * (the exact strings the build-and-push workflow passes, so `previewTags` can show what a
 * push publishes; a test checks them against core's functions):
 * - default branch: `sha-<short>`, `edge`, and the sortable
 *   `<branch>-<unix-ts>-<sha7>` that Flux image automation orders by the
 *   timestamp (it also matches the clusters' deploy-tag rule
 *   `^[a-z0-9][a-z0-9._-]*-[0-9a-f]{7,40}$`);
 * - `v*` tags: `vX.Y.Z`, `vX` and `latest` (a prerelease `vX.Y.Z-rc.N` gets
 *   only itself, no `vX` and no `latest`);
 * - pull requests: nothing (they build without pushing).
 * @see https://github.com/docker/metadata-action#tags-input
 */
export interface ImageTagRules {
  /** The `tags` input, one rule per line. */
  readonly tags: string;
  /** The `flavor` input. */
  readonly flavor: string;
}

export function imageTagRules(): ImageTagRules {
  return {
    tags: [
      'type=semver,pattern={{version}},prefix=v',
      'type=semver,pattern={{major}},prefix=v',
      'type=edge',
      'type=sha,enable={{is_default_branch}}',
      "type=raw,value={{branch}}-{{date 'X'}}-{{sha}},enable={{is_default_branch}}",
    ].join('\n'),
    flavor: 'latest=auto',
  };
}

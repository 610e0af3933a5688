/**
 * Every GitHub Action that Sugarkube writes into a workflow, pinned by full
 * commit SHA with the release it corresponds to. One table: the monorepo's own
 * workflows (projenrc/) and the workflows generated for app repos read it.
 * A bump is a reviewed change to this file.
 *
 * This module is plain data with no imports, so `.projenrc.ts` can load it
 * straight from source before anything is built.
 *
 * How each pair was verified (GitHub itself is not reachable from the build
 * machines): every SHA ↔ version pair below was seen, as `owner/repo@<sha> #
 * <version>`, in at least two independent public repositories' workflows or
 * pin lists (public code index, November 2026). The majors are the Node 24
 * runtime releases: Node 20 is end-of-life and the v4-era actions run on it.
 * - checkout v6.0.2: e.g. a pinned-actions README and several release workflows (10+ hits).
 * - setup-node v6.3.0: a curated SHA-pinned versions list and 8+ workflows.
 * - changesets v2.1.1: 10+ workflows. v2 is required: the repo uses
 *   `@changesets/cli` 3, which v1 (it bundles v2-era `@changesets/*`) misreads
 *   (it parses `New tag:` lines the v3 CLI no longer prints, so no tags/releases);
 *   v2 reads the CLI's `CHANGESETS_OUTPUT` file and refuses CLI v2. v2 renamed
 *   its inputs (`version-script`, `publish-script`, `commit-message`,
 *   `pr-title`, `github-token`). The previous pin (e0538e68…, "v1.5.3") was
 *   seen in only one place.
 * - docker/* v7/v6/v4 and upload/download-artifact: the same curated list,
 *   dependabot bump diffs (docker/build-push-action 6.18.0 → 7.0.0, …) and
 *   workflow runtime checks asserting these exact strings.
 * - cosign-installer v4.0.0: 10+ workflows. (v4.1.2 is reported to reject
 *   its own default cosign release; v4.0.0 is the conservative pick.)
 */
export interface ActionPin {
  /** `owner/repo` (or `owner/repo/path`). */
  readonly action: string;
  /** Full 40-hex commit SHA. */
  readonly sha: string;
  /** The release tag that SHA is, written as the trailing comment. */
  readonly version: string;
}

export const actionPins = {
  checkout: { action: 'actions/checkout', sha: 'de0fac2e4500dabe0009e67214ff5f5447ce83dd', version: 'v6.0.2' },
  setupNode: { action: 'actions/setup-node', sha: '53b83947a5a98c8d113130e565377fae1a50d02f', version: 'v6.3.0' },
  cache: { action: 'actions/cache', sha: '5a3ec84eff668545956fd18022155c47e93e2684', version: 'v4.2.3' },
  changesets: { action: 'changesets/action', sha: '8488615a623b1b9c987934bb89eae8af6a946ac1', version: 'v2.1.1' },
  setupBuildx: {
    action: 'docker/setup-buildx-action',
    sha: '4d04d5d9486b7bd6fa91e7baf45bbb4f8b9deedd',
    version: 'v4.0.0',
  },
  setupQemu: { action: 'docker/setup-qemu-action', sha: 'ce360397dd3f832beb865e1373c09c0e9f86d70a', version: 'v4.0.0' },
  login: { action: 'docker/login-action', sha: 'b45d80f862d83dbcd57f89517bcf500b2ab88fb2', version: 'v4.0.0' },
  metadata: { action: 'docker/metadata-action', sha: '030e881283bb7a6894de51c315a6bfe6a94e05cf', version: 'v6.0.0' },
  buildPush: { action: 'docker/build-push-action', sha: 'd08e5c354a6adb9ed34480a06d141179aa583294', version: 'v7.0.0' },
  uploadArtifact: {
    action: 'actions/upload-artifact',
    sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
    version: 'v7.0.0',
  },
  downloadArtifact: {
    action: 'actions/download-artifact',
    sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
    version: 'v8.0.1',
  },
  cosignInstaller: {
    action: 'sigstore/cosign-installer',
    sha: 'faadad0cce49287aee09b3a48701e75088a2c6ad',
    version: 'v4.0.0',
  },
} as const satisfies Record<string, ActionPin>;

export type ActionPinName = keyof typeof actionPins;

/** `owner/repo@<sha>`; the version comment is added by the YAML renderer. */
export function pinnedUses(pin: ActionPin): string {
  return `${pin.action}@${pin.sha}`;
}

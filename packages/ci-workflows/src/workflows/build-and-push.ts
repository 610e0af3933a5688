import { actionPins } from '../pins/action-pins.js';
import { parseOptions } from '@sugarkube/core';
import { imageTagRules } from './image-tag-rules.js';
import { platformGuardScript } from './platform-guard-script.js';
import { checkoutStep, loginGhcrStep, readPermission, writePermission } from './common-steps.js';
import type { Job, Step, StepsJob, Workflow } from './workflow-model.js';
import {
  buildAndPushOptionsSchema,
  checkPlatformsOnce,
  platforms,
  type BuildAndPushOptions,
  type Platform,
} from './workflow-options.js';

export interface ResolvedBuildAndPushOptions {
  readonly image: string;
  readonly defaultBranch: string;
  readonly context: string;
  readonly dockerfile: string;
  readonly platforms: readonly Platform[];
  readonly qemuFallback: boolean;
  readonly cache: 'gha' | 'registry' | 'none';
  readonly sign: boolean;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly smoke: boolean;
  readonly smokeWorkflow: string;
  readonly githubRelease: boolean;
  readonly name: string;
}

/** Checks the options (every problem at once, each with its path) and resolves the defaults once. */
export function resolveBuildAndPushOptions(options: BuildAndPushOptions): ResolvedBuildAndPushOptions {
  const o = parseOptions('build-and-push options', buildAndPushOptionsSchema, options, [checkPlatformsOnce]);
  const context = o.context ?? '.';
  return {
    image: o.image,
    defaultBranch: o.defaultBranch ?? 'main',
    context,
    dockerfile: o.dockerfile ?? (context === '.' ? 'Dockerfile' : `${context}/Dockerfile`),
    platforms: o.platforms ?? platforms,
    qemuFallback: o.qemuFallback ?? false,
    cache: o.cache ?? 'gha',
    sign: o.sign ?? false,
    buildArgs: o.buildArgs ?? {},
    smoke: o.smoke ?? false,
    smokeWorkflow: o.smokeWorkflow ?? 'smoke.yml',
    githubRelease: o.githubRelease ?? false,
    name: o.name ?? 'build-and-push',
  };
}

const isPush = "github.event_name != 'pull_request'";
const slugOf = (p: Platform) => p.replace('/', '-');

function cacheInputs(o: ResolvedBuildAndPushOptions): Record<string, string> {
  const scope = `${o.image.split('/').pop()}-\${{ matrix.slug }}`;
  if (o.cache === 'gha')
    return { 'cache-from': `type=gha,scope=${scope}`, 'cache-to': `type=gha,mode=max,scope=${scope}` };
  if (o.cache === 'registry') {
    const ref = `${o.image}:buildcache-\${{ matrix.slug }}`;
    return {
      'cache-from': `type=registry,ref=${ref}`,
      // Pull requests build without registry credentials: read the cache, never write it.
      'cache-to': `\${{ ${isPush} && 'type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true' || '' }}`,
    };
  }
  return {};
}

function buildJob(o: ResolvedBuildAndPushOptions): StepsJob {
  const include = o.platforms.map((platform) => ({
    platform,
    runner: platform === 'linux/arm64' && !o.qemuFallback ? 'ubuntu-24.04-arm' : 'ubuntu-24.04',
    slug: slugOf(platform),
  }));
  // The generated Dockerfiles' OCI label arguments (see ociLabelBuildArgs), then the caller's.
  const buildArgs = Object.entries({
    IMAGE_SOURCE: '${{ github.server_url }}/${{ github.repository }}',
    IMAGE_REVISION: '${{ github.sha }}',
    IMAGE_VERSION: '${{ steps.meta.outputs.version }}',
    IMAGE_CREATED: '${{ steps.source-date.outputs.created }}',
    ...o.buildArgs,
  })
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  const steps: Step[] = [
    checkoutStep,
    {
      kind: 'run',
      name: 'Commit time, for reproducible builds',
      id: 'source-date',
      run: [
        'echo "epoch=$(git log -1 --format=%ct)" >> "$GITHUB_OUTPUT"',
        'echo "created=$(TZ=UTC git log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd)" >> "$GITHUB_OUTPUT"',
      ].join('\n'),
    },
    ...(o.qemuFallback
      ? [
          {
            kind: 'uses',
            name: 'Set up QEMU (opt-in fallback: emulated arm64)',
            uses: actionPins.setupQemu,
          } satisfies Step,
        ]
      : []),
    { kind: 'uses', name: 'Set up Buildx', uses: actionPins.setupBuildx },
    loginGhcrStep(isPush),
    {
      kind: 'uses',
      name: 'Labels',
      id: 'meta',
      uses: actionPins.metadata,
      with: {
        images: o.image,
        labels: "org.opencontainers.image.created={{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}",
      },
    },
    {
      kind: 'uses',
      name: 'Build ${{ matrix.platform }} (pushed by digest outside pull requests)',
      id: 'build',
      uses: actionPins.buildPush,
      env: { SOURCE_DATE_EPOCH: '${{ steps.source-date.outputs.epoch }}' },
      with: {
        context: o.context,
        file: o.dockerfile,
        platforms: '${{ matrix.platform }}',
        labels: '${{ steps.meta.outputs.labels }}',
        'build-args': buildArgs,
        outputs: `type=image,name=${o.image},push-by-digest=true,name-canonical=true,push=\${{ ${isPush} }},rewrite-timestamp=true`,
        ...cacheInputs(o),
        provenance: 'mode=max',
        sbom: true,
      },
    },
    {
      kind: 'run',
      name: 'Export the digest',
      if: isPush,
      env: { DIGEST: '${{ steps.build.outputs.digest }}' },
      run: 'mkdir -p "$RUNNER_TEMP/digests"\ntouch "$RUNNER_TEMP/digests/${DIGEST#sha256:}"',
    },
    {
      kind: 'uses',
      name: 'Upload the digest',
      if: isPush,
      uses: actionPins.uploadArtifact,
      with: {
        name: 'digests-${{ matrix.slug }}',
        path: '${{ runner.temp }}/digests/*',
        'if-no-files-found': 'error',
        'retention-days': 1,
      },
    },
  ];
  return {
    kind: 'steps',
    name: 'build ${{ matrix.platform }}',
    runsOn: '${{ matrix.runner }}',
    timeoutMinutes: 60,
    permissions: [
      readPermission('contents', 'Check out the repository.'),
      writePermission('packages', 'Push the platform image (by digest) to GHCR; unused on pull requests.'),
    ],
    strategy: { failFast: false, matrix: { include } },
    steps,
  };
}

function mergeJob(o: ResolvedBuildAndPushOptions): StepsJob {
  const tags = imageTagRules();
  const platforms = o.platforms.join(' ');
  return {
    kind: 'steps',
    name: 'merge into one multi-arch index',
    runsOn: 'ubuntu-24.04',
    timeoutMinutes: 15,
    needs: ['build'],
    if: isPush,
    permissions: [
      readPermission('contents', 'docker/metadata-action reads the repository (default branch, description, license).'),
      writePermission('packages', 'Push the index and its tags to GHCR.'),
    ],
    outputs: { digest: '${{ steps.index.outputs.digest }}', image: '${{ steps.index.outputs.image }}' },
    steps: [
      {
        kind: 'uses',
        name: 'Download the digests',
        uses: actionPins.downloadArtifact,
        with: { path: '${{ runner.temp }}/digests', pattern: 'digests-*', 'merge-multiple': true },
      },
      loginGhcrStep(),
      { kind: 'uses', name: 'Set up Buildx', uses: actionPins.setupBuildx },
      {
        kind: 'uses',
        name: 'Tags',
        id: 'meta',
        uses: actionPins.metadata,
        with: { images: o.image, tags: tags.tags, flavor: tags.flavor },
      },
      {
        kind: 'run',
        name: 'Create the index with docker buildx imagetools',
        workingDirectory: '${{ runner.temp }}/digests',
        env: { METADATA: '${{ steps.meta.outputs.json }}' },
        run: [
          'mapfile -t tags < <(jq -r \'.tags[]\' <<<"$METADATA")',
          'if [ "${#tags[@]}" -eq 0 ]; then echo "::error::metadata-action produced no tags for $GITHUB_REF"; exit 1; fi',
          'args=()',
          'for tag in "${tags[@]}"; do args+=(--tag "$tag"); done',
          'for digest in *; do args+=("$IMAGE@sha256:$digest"); done',
          'docker buildx imagetools create "${args[@]}"',
        ].join('\n'),
      },
      {
        kind: 'run',
        name: 'Resolve the index digest',
        id: 'index',
        env: { METADATA: '${{ steps.meta.outputs.json }}' },
        run: [
          'tag=$(jq -r \'.tags[0]\' <<<"$METADATA")',
          'digest=$(docker buildx imagetools inspect "$tag" --format \'{{json .Manifest}}\' | jq -r .digest)',
          'echo "digest=$digest" >> "$GITHUB_OUTPUT"',
          'echo "image=$IMAGE@$digest" >> "$GITHUB_OUTPUT"',
        ].join('\n'),
      },
      {
        kind: 'run',
        name: 'arm64 guard: the pushed index has every platform',
        env: { INDEXES: '${{ steps.index.outputs.image }}', PLATFORMS: platforms },
        run: platformGuardScript,
      },
    ],
  };
}

function signJob(): StepsJob {
  return {
    kind: 'steps',
    name: 'sign the index (cosign, keyless)',
    runsOn: 'ubuntu-24.04',
    timeoutMinutes: 10,
    needs: ['merge'],
    permissions: [
      writePermission('idToken', 'The OIDC token Sigstore exchanges for a short-lived signing certificate.'),
      writePermission('packages', 'Push the signature next to the image in GHCR.'),
    ],
    steps: [
      { kind: 'uses', name: 'Install cosign', uses: actionPins.cosignInstaller },
      loginGhcrStep(),
      {
        kind: 'run',
        name: 'Sign by digest',
        env: { INDEX: '${{ needs.merge.outputs.image }}' },
        run: 'cosign sign --yes "$INDEX"',
      },
    ],
  };
}

/** Creates the GitHub release of `$TAG` naming the pushed index `$INDEX` (gh CLI, preinstalled on GitHub's runners). */
export const githubReleaseScript = [
  'notes="Image: \\`$INDEX\\`"',
  'flags=(--verify-tag --title "$TAG" --generate-notes --notes "$notes")',
  'case "$TAG" in *-*) flags+=(--prerelease) ;; esac',
  'gh release create "$TAG" --repo "$GITHUB_REPOSITORY" "${flags[@]}"',
].join('\n');

function releaseJob(): StepsJob {
  return {
    kind: 'steps',
    name: 'GitHub release for the tag',
    runsOn: 'ubuntu-24.04',
    timeoutMinutes: 5,
    needs: ['merge'],
    if: "startsWith(github.ref, 'refs/tags/v')",
    permissions: [writePermission('contents', 'Create the GitHub release of the tag.')],
    steps: [
      {
        kind: 'run',
        name: 'Create the release',
        env: {
          GH_TOKEN: '${{ github.token }}',
          TAG: '${{ github.ref_name }}',
          INDEX: '${{ needs.merge.outputs.image }}',
        },
        run: githubReleaseScript,
      },
    ],
  };
}

/**
 * Plans the build-and-push workflow: pull requests build every platform without
 * pushing; default-branch pushes and `v*` tags push each platform by digest
 * from its own native runner, then one job merges the digests into a tagged
 * index (tags from docker/metadata-action, see `imageTagRules`) and fails if a
 * platform is missing; optional keyless signing and smoke test follow.
 */
export function planBuildAndPush(options: BuildAndPushOptions): Workflow {
  const o = resolveBuildAndPushOptions(options);
  const jobs: Record<string, Job> = { build: buildJob(o), merge: mergeJob(o) };
  if (o.sign) jobs['sign'] = signJob();
  if (o.githubRelease) jobs['release'] = releaseJob();
  if (o.smoke) {
    jobs['smoke'] = {
      kind: 'call',
      name: 'smoke',
      needs: ['merge'],
      uses: `./.github/workflows/${o.smokeWorkflow}`,
      permissions: [readPermission('packages', 'Pull the pushed image from GHCR.')],
      with: { image: '${{ needs.merge.outputs.image }}' },
    };
  }
  return {
    name: o.name,
    on: { push: { branches: [o.defaultBranch], tags: ['v*'] }, pullRequest: {} },
    concurrency: {
      group: '${{ github.workflow }}-${{ github.ref }}',
      cancelInProgress: "${{ github.event_name == 'pull_request' }}",
    },
    env: { IMAGE: o.image },
    jobs,
  };
}

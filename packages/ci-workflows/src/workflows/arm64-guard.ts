import { loginGhcrStep } from './common-steps.js';
import type { Platform } from './build-and-push.js';
import { platformGuardScript } from './platform-guard-script.js';
import type { Workflow } from './workflow-model.js';

/** Options of the scheduled arm64 guard. */
export interface Arm64GuardOptions {
  /** The image, `ghcr.io/<owner>/<name>`. */
  readonly image: string;
  /**
   * Tags checked on schedule (a tag that does not exist yet fails the check).
   * @default ['edge']
   */
  readonly tags?: readonly string[];
  /**
   * Platforms every index must carry.
   * @default ['linux/amd64', 'linux/arm64']
   */
  readonly platforms?: readonly Platform[];
  /**
   * When to run (UTC cron).
   * @default '23 5 * * *'
   * @see https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule
   */
  readonly cron?: string;
}

/**
 * Plans the arm64 guard workflow: daily (and by hand, for any tag) it reads the
 * published index of each tag and fails when a platform is missing, so a
 * Raspberry Pi cluster never follows an amd64-only image.
 */
export function planArm64Guard(options: Arm64GuardOptions): Workflow {
  const errors: string[] = [];
  if (!/^ghcr\.io\/[a-z0-9][a-z0-9._/-]*$/.test(options.image)) errors.push(`image: expected a lowercase GHCR reference like "ghcr.io/owner/app", received ${JSON.stringify(options.image)}`);
  const tags = options.tags ?? ['edge'];
  tags.forEach((t, i) => { if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/.test(t)) errors.push(`tags[${i}]: expected an OCI tag like "edge", received ${JSON.stringify(t)}`); });
  const cron = options.cron ?? '23 5 * * *';
  if (cron.trim().split(/\s+/).length !== 5) errors.push(`cron: expected five fields like "23 5 * * *", received ${JSON.stringify(cron)}`);
  if (errors.length > 0) throw new Error(`invalid arm64 guard options:\n  ${errors.join('\n  ')}`);
  const platforms = (options.platforms ?? ['linux/amd64', 'linux/arm64']).join(' ');
  return {
    name: 'arm64-guard',
    on: {
      schedule: [{ cron }],
      workflowDispatch: { inputs: { tag: { description: 'The tag to check (empty: the scheduled tags).', type: 'string', required: false, default: '' } } },
    },
    concurrency: { group: '${{ github.workflow }}-${{ github.ref }}', cancelInProgress: true },
    jobs: {
      guard: {
        kind: 'steps',
        name: 'every platform is in the published index',
        runsOn: 'ubuntu-24.04',
        timeoutMinutes: 5,
        permissions: [{ scope: 'packages', access: 'read', reason: 'Read the image index from GHCR.' }],
        steps: [
          loginGhcrStep(),
          {
            kind: 'run', name: 'Which tags', id: 'tags',
            env: { IMAGE: options.image, REQUESTED: '${{ inputs.tag }}', SCHEDULED: tags.join(' ') },
            run: [
              'list=""',
              'for tag in ${REQUESTED:-$SCHEDULED}; do',
              '  case "$tag" in *[!A-Za-z0-9._-]*) echo "::error::not a tag: $tag"; exit 1 ;; esac',
              '  list="$list $IMAGE:$tag"',
              'done',
              'echo "indexes=${list# }" >> "$GITHUB_OUTPUT"',
            ].join('\n'),
          },
          {
            kind: 'run', name: 'arm64 guard',
            env: { INDEXES: '${{ steps.tags.outputs.indexes }}', PLATFORMS: platforms },
            run: platformGuardScript,
          },
        ],
      },
    },
  };
}

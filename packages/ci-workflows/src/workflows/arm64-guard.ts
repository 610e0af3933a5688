import { parseOptions } from '@sugarkube/core';
import { loginGhcrStep } from './common-steps.js';
import { platformGuardScript } from './platform-guard-script.js';
import type { Workflow } from './workflow-model.js';
import {
  arm64GuardOptionsSchema,
  checkPlatformsOnce,
  platforms as allPlatforms,
  type Arm64GuardOptions,
} from './workflow-options.js';

/**
 * Plans the arm64 guard workflow: daily (and by hand, for any tag) it reads the
 * published index of each tag and fails when a platform is missing, so a
 * Raspberry Pi cluster never follows an amd64-only image.
 */
export function planArm64Guard(options: Arm64GuardOptions): Workflow {
  const o = parseOptions('arm64 guard options', arm64GuardOptionsSchema, options, [checkPlatformsOnce]);
  const tags = o.tags ?? ['edge'];
  const cron = o.cron ?? '23 5 * * *';
  const platforms = (o.platforms ?? allPlatforms).join(' ');
  return {
    name: 'arm64-guard',
    on: {
      schedule: [{ cron }],
      workflowDispatch: {
        inputs: {
          tag: {
            description: 'The tag to check (empty: the scheduled tags).',
            type: 'string',
            required: false,
            default: '',
          },
        },
      },
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
            kind: 'run',
            name: 'Which tags',
            id: 'tags',
            env: { IMAGE: o.image, REQUESTED: '${{ inputs.tag }}', SCHEDULED: tags.join(' ') },
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
            kind: 'run',
            name: 'arm64 guard',
            env: { INDEXES: '${{ steps.tags.outputs.indexes }}', PLATFORMS: platforms },
            run: platformGuardScript,
          },
        ],
      },
    },
  };
}

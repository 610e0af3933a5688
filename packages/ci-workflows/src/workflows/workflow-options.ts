import {
  absolutePath,
  branchName,
  httpPath,
  imageTag,
  intIn,
  issue,
  port,
  repoPath,
  runtimeNames,
  strictObject,
  valueAt,
  type Issue,
} from '@sugarkube/core';
import { z } from 'zod';
import { headerSchema, userSchema } from '../options/option-fields.js';

/** The platforms every Sugarkube image is built for (Raspberry Pi 5 nodes are arm64). */
export const platforms = ['linux/amd64', 'linux/arm64'] as const;
export type Platform = (typeof platforms)[number];

/** A GHCR image without tag: the workflows log in to ghcr.io with the job token. */
export const ghcrImage = z
  .string({ error: 'a lowercase GHCR image without tag, e.g. "ghcr.io/owner/app"' })
  .regex(
    /^ghcr\.io\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/,
    {
      error: 'a lowercase GHCR image without tag, e.g. "ghcr.io/owner/app"',
    },
  );

const platformList = z
  .array(z.enum(platforms, { error: 'one of "linux/amd64", "linux/arm64"' }), { error: 'a list of platforms' })
  .min(1, { error: 'at least one of "linux/amd64", "linux/arm64"' });

/** Cross-field check: each platform once. */
export function checkPlatformsOnce(input: unknown): Issue[] {
  const list = valueAt(input, ['platforms']);
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown, i) =>
    list.indexOf(p) !== i ? [issue(['platforms', i], 'each platform once', p)] : [],
  );
}

/** A path inside the repository that lands unquoted in a workflow input. */
const workflowPath = repoPath.and(
  z.string().regex(/^[^`]*$/, { error: 'a relative path inside the repo without spaces, quotes or backticks' }),
);

/** Options of the multi-arch build-and-push workflow. */
export const buildAndPushOptionsSchema = strictObject({
  image: ghcrImage.describe('The image, ghcr.io/<owner>/<name>, lowercase.'),
  defaultBranch: branchName
    .describe('The branch whose pushes publish edge, sha-<short> and <branch>-<ts>-<sha7>. Default "main".')
    .optional(),
  context: workflowPath.describe('Build context directory. Default ".".').optional(),
  dockerfile: workflowPath.describe('Dockerfile path. Default "<context>/Dockerfile".').optional(),
  platforms: platformList
    .describe('Platforms, each built natively on its own runner and merged into one index. Default both.')
    .optional(),
  qemuFallback: z
    .boolean({ error: 'true or false' })
    .describe(
      'Build every platform on ubuntu-24.04 with QEMU instead of native arm64 runners (private repositories). Slow. Default false.',
    )
    .optional(),
  cache: z
    .enum(['gha', 'registry', 'none'], { error: 'one of "gha", "registry", "none"' })
    .describe('BuildKit cache backend, one scope per platform. Default "gha".')
    .optional(),
  sign: z
    .boolean({ error: 'true or false' })
    .describe('Sign the pushed index with cosign, keyless (Sigstore OIDC). Default false.')
    .optional(),
  buildArgs: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'an identifier such as NODE_VERSION' }),
      z.string({ error: 'a single-line literal without ${{ }} expressions' }).regex(/^(?![\s\S]*\$\{\{)[^\n\r]*$/, {
        error: 'a single-line literal without ${{ }} expressions',
      }),
      { error: 'a map of build argument names to literal values' },
    )
    .describe('Build arguments passed to every build (literal values).')
    .optional(),
  smoke: z
    .boolean({ error: 'true or false' })
    .describe('Call the smoke workflow with the pushed image by digest. Default false.')
    .optional(),
  smokeWorkflow: z
    .string({ error: 'a workflow file name such as "smoke.yml"' })
    .regex(/^[A-Za-z0-9._-]+\.ya?ml$/, { error: 'a workflow file name such as "smoke.yml"' })
    .describe('The smoke workflow file in .github/workflows that smoke: true calls. Default "smoke.yml".')
    .optional(),
  githubRelease: z
    .boolean({ error: 'true or false' })
    .describe(
      'On v* tags, create the GitHub release (generated notes, the image by digest; "-" in the tag makes a prerelease). Default false.',
    )
    .optional(),
  name: z
    .string({ error: 'a workflow name such as "build-and-push"' })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a workflow name such as "build-and-push"' })
    .describe('The workflow name (its concurrency group). Default "build-and-push".')
    .optional(),
});
export type BuildAndPushOptions = z.input<typeof buildAndPushOptionsSchema>;

/**
 * Options of the smoke workflow: the same run settings the Deployment gets. Everything
 * not given comes from the runtime table.
 */
export const smokeOptionsSchema = strictObject({
  runtime: z
    .enum(runtimeNames, { error: `one of ${runtimeNames.map((n) => JSON.stringify(n)).join(', ')}` })
    .describe('The runtime: the defaults of every other field.'),
  user: userSchema.describe('The uid and gid the container runs as (docker run --user).').optional(),
  port: port.describe('The port the container listens on.').optional(),
  writablePaths: z
    .array(absolutePath, { error: 'a list of absolute paths' })
    .describe('Writable directories under the read-only root: one tmpfs each, as the pod has one emptyDir each.')
    .optional(),
  probes: strictObject({
    readiness: httpPath.describe('The readiness path, curled first.').optional(),
    liveness: httpPath.describe('The liveness path, curled second.').optional(),
  })
    .describe('The probe paths that must answer 2xx.')
    .optional(),
  startupSeconds: intIn(1, 600).describe('Seconds to wait for the readiness path. Default 60.').optional(),
  playwrightVersion: z
    .string({ error: 'an exact version such as "1.65.1"' })
    .regex(/^\d+\.\d+\.\d+$/, { error: 'an exact version such as "1.65.1"' })
    .describe('Playwright version for the preview smoke (npm playwright). Default "1.65.1".')
    .optional(),
  name: z
    .string({ error: 'a workflow name such as "smoke"' })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a workflow name such as "smoke"' })
    .describe('The workflow name. Default "smoke".')
    .optional(),
});
export type SmokeOptions = z.input<typeof smokeOptionsSchema>;

/** Options of the scheduled arm64 guard. */
export const arm64GuardOptionsSchema = strictObject({
  image: ghcrImage.describe('The image, ghcr.io/<owner>/<name>.'),
  tags: z
    .array(imageTag, { error: 'a list of tags' })
    .min(1, { error: 'at least one tag' })
    .describe('Tags checked on schedule (a tag that does not exist yet fails the check). Default ["edge"].')
    .optional(),
  platforms: platformList.describe('Platforms every index must carry. Default both.').optional(),
  cron: z
    .string({ error: 'five cron fields such as "23 5 * * *"' })
    .regex(/^\S+( \S+){4}$/, { error: 'five cron fields such as "23 5 * * *"' })
    .describe('When to run (UTC cron). Default "23 5 * * *".')
    .optional(),
});
export type Arm64GuardOptions = z.input<typeof arm64GuardOptionsSchema>;

/** Where a workflow file goes and what its header says. */
export const workflowFileOptionsSchema = strictObject({
  header: headerSchema.describe('The generated-file header (comment characters are added).').optional(),
  fileName: z
    .string({ error: 'a workflow file name such as "build-and-push.yml"' })
    .regex(/^[A-Za-z0-9._-]+\.ya?ml$/, { error: 'a workflow file name such as "build-and-push.yml"' })
    .describe('The file name under .github/workflows.')
    .optional(),
});
export type WorkflowFileOptions = z.input<typeof workflowFileOptionsSchema>;

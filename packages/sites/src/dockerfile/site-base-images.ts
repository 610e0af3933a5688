import { baseImageReference, baseImages } from '@sugarkube/core';

/**
 * The two images a site's Dockerfile starts from: taken from `@sugarkube/core`'s base-image
 * table (pinned by tag and multi-platform index digest), so one row there bumps every generated
 * Dockerfile, sites included. Each becomes the default of a global `ARG`, so a build can swap it
 * with `--build-arg`.
 */
export const siteBaseImages = {
  node: { buildArg: baseImages.node.buildArg, reference: baseImageReference(baseImages.node) },
  nginx: { buildArg: baseImages.nginxUnprivileged.buildArg, reference: baseImageReference(baseImages.nginxUnprivileged) },
} as const;

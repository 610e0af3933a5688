import { issue, repoPath, strictObject, valueAt, type Issue } from '@sugarkube/core';
import { z } from 'zod';
import { nameList, repoPathList } from '../options/option-fields.js';

const exactVersion = z
  .string({ error: 'an exact version such as "9.15.9"' })
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, { error: 'an exact version such as "9.15.9"' });

/** The package manager and, for pnpm, the exact version installed in the build stages. */
export const nodePackageManagerSchema = z.discriminatedUnion(
  'name',
  [
    strictObject({ name: z.literal('npm').describe('npm, with package-lock.json.') }),
    strictObject({
      name: z.literal('pnpm').describe('pnpm, with pnpm-lock.yaml, installed at version in the build stages.'),
      version: exactVersion.describe('Exact pnpm version, e.g. the packageManager field\'s "9.15.9".'),
    }),
  ],
  { error: 'a package manager such as { name: "npm" } or { name: "pnpm", version: "9.15.9" }' },
);

/** A pnpm (or npm) workspace built from one of its packages, e.g. DSPACE's `frontend/`. */
export const nodeWorkspaceSchema = strictObject({
  app: repoPath.describe('The package that becomes the image, relative to the repo root, e.g. "frontend".'),
  packages: repoPathList
    .min(1, { error: 'at least the app package' })
    .describe(
      'Every workspace package directory whose package.json the install needs (the app included), e.g. ["frontend", "packages/shared"]: listed so the dependency layer depends only on manifests and the lockfile.',
    ),
});

/** How the Node build stages install and build (node, static-node and static-nginx builds). */
export const nodeBuildShape = {
  packageManager: nodePackageManagerSchema.describe('npm (default) or pnpm at an exact version.').optional(),
  workspace: nodeWorkspaceSchema.describe('Build a workspace package instead of the repo root.').optional(),
  buildScript: z
    .union([z.string().regex(/^[\w:.-]+$/), z.literal(false)], {
      error: 'a package script name such as "build", or false for none',
    })
    .describe('The package script that builds, or false for none. Default "build".')
    .optional(),
  buildArgs: nameList
    .describe('Build arguments visible to the build script as environment, e.g. ["VITE_GIT_SHA"].')
    .optional(),
  buildOutputs: repoPathList
    .describe(
      'Directories the build writes, kept out of the build context. Default ["<app>/dist"] with a build script.',
    )
    .optional(),
  ignoreScripts: z
    .boolean({ error: 'true or false' })
    .describe('Skip dependency lifecycle scripts (--ignore-scripts). Default false.')
    .optional(),
};

/** The parsed Node build fields. */
export type NodeBuildOptions = z.output<z.ZodObject<typeof nodeBuildShape>>;
export type NodePackageManager = z.output<typeof nodePackageManagerSchema>;
export type NodeWorkspace = z.output<typeof nodeWorkspaceSchema>;

/** Cross-field check: the workspace's package list includes its app. */
export function checkWorkspace(input: unknown): Issue[] {
  const app = valueAt(input, ['workspace', 'app']);
  const packages = valueAt(input, ['workspace', 'packages']);
  if (typeof app !== 'string' || !Array.isArray(packages) || packages.includes(app)) return [];
  return [issue(['workspace', 'packages'], `a list that includes the app "${app}"`, packages)];
}

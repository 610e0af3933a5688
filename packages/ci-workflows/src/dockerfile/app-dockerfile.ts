import { repoPath, type GeneratedFile } from '@sugarkube/core';
import { z } from 'zod';
import { parseOptions } from '@sugarkube/core';
import { checkWorkspace } from './node-build-options.js';
import { nodeDockerfile, nodeDockerfileOptionsSchema } from './node-dockerfile.js';
import { pythonDockerfile, pythonDockerfileOptionsSchema } from './python-dockerfile.js';
import {
  staticNginxDockerfile,
  staticNginxDockerfileOptionsSchema,
  staticNginxBuildIssues,
  staticNginxRunIssues,
} from './static-nginx-dockerfile.js';
import { staticNodeDockerfile, staticNodeDockerfileOptionsSchema } from './static-node-dockerfile.js';

const directory = {
  directory: repoPath
    .describe('Directory, relative to the project root, the files are written to (and built from). Default ".".')
    .optional(),
};

/** One app image: the runtime picks the generator, the other fields are that generator's options. */
export const appDockerfileOptionsSchema = z.discriminatedUnion('runtime', [
  nodeDockerfileOptionsSchema.extend({ runtime: z.literal('node'), ...directory }),
  pythonDockerfileOptionsSchema.extend({ runtime: z.literal('python'), ...directory }),
  staticNginxDockerfileOptionsSchema.extend({ runtime: z.literal('static-nginx'), ...directory }),
  staticNodeDockerfileOptionsSchema.extend({ runtime: z.literal('static-node'), ...directory }),
]);
export type AppDockerfileOptions = z.input<typeof appDockerfileOptionsSchema>;

const byRuntime = (input: unknown) =>
  typeof input === 'object' && input !== null ? (input as { runtime?: unknown }).runtime : undefined;

/** Cross-field checks of the runtime the options name. */
function appCrossChecks(input: unknown) {
  switch (byRuntime(input)) {
    case 'node':
      return checkWorkspace(input);
    case 'static-nginx':
      return [
        ...checkWorkspace(input),
        ...staticNginxBuildIssues(input, []),
        ...staticNginxRunIssues(input, { build: [], run: [] }),
      ];
    default:
      return [];
  }
}

/** The generator of each runtime (options already checked). */
function generate(runtime: AppDockerfileOptions['runtime'], rest: object): GeneratedFile[] {
  switch (runtime) {
    case 'node':
      return nodeDockerfile(rest as z.input<typeof nodeDockerfileOptionsSchema>);
    case 'python':
      return pythonDockerfile(rest as z.input<typeof pythonDockerfileOptionsSchema>);
    case 'static-nginx':
      return staticNginxDockerfile(rest as z.input<typeof staticNginxDockerfileOptionsSchema>);
    case 'static-node':
      return staticNodeDockerfile(rest as z.input<typeof staticNodeDockerfileOptionsSchema>);
  }
}

/**
 * Runs the generator of the runtime: the Dockerfile, the `.dockerignore` and, for a
 * static-nginx site, its `nginx.conf`, under `directory` (paths relative to the project). Pure.
 */
export function generateAppDockerfile(options: AppDockerfileOptions): GeneratedFile[] {
  const { runtime, directory, ...rest } = parseOptions('AppDockerfile options', appDockerfileOptionsSchema, options, [
    appCrossChecks,
  ]);
  const prefix = directory === undefined || directory === '.' ? '' : `${directory.replace(/\/+$/, '')}/`;
  return generate(runtime, rest).map((file) => ({ ...file, path: `${prefix}${file.path}` }));
}

import { envName, repoPath, strictObject, type GeneratedFile } from '@sugarkube/core';
import type { z } from 'zod';
import { repoPathList } from '../options/option-fields.js';
import { parseOptions } from '@sugarkube/core';
import { commonBuildShape, commonDockerfileShape } from './dockerfile-common.js';
import { nodeBuildShape } from './node-build-options.js';
import { renderNodeDockerfile } from './node-dockerfile.js';

// Built from the repo root: a workspace package that serves static files is a `node` service.
const { workspace: _workspace, ...rootBuildShape } = nodeBuildShape;

/**
 * The build fields of static assets served by the app's own small Node server (runtime
 * `static-node`; jobbot3000: Express 5, `scripts/static-server.js`, port 8080).
 */
export const staticNodeBuildShape = {
  ...commonBuildShape,
  ...rootBuildShape,
  serverScript: repoPath.describe('The server script, relative to the repo root, e.g. "scripts/static-server.js".'),
  staticDir: repoPath.describe('The built static directory, relative to the repo root. Default "dist".').optional(),
  staticDirEnv: envName
    .describe('The environment variable that tells the server where the static files are. Default "STATIC_DIR".')
    .optional(),
  serverFiles: repoPathList
    .describe('More files the server needs at run time (modules it imports), relative to the repo root.')
    .optional(),
};

/** Options of `staticNodeDockerfile`. */
export const staticNodeDockerfileOptionsSchema = strictObject({ ...staticNodeBuildShape, ...commonDockerfileShape });
export type StaticNodeDockerfileOptions = z.input<typeof staticNodeDockerfileOptionsSchema>;

/** The Dockerfile and `.dockerignore` for static assets behind a Node server. Pure. */
export function staticNodeDockerfile(options: StaticNodeDockerfileOptions): GeneratedFile[] {
  const o = parseOptions('staticNodeDockerfile options', staticNodeDockerfileOptionsSchema, options);
  const staticDir = o.staticDir ?? 'dist';
  return renderNodeDockerfile(
    {
      ...o,
      command: ['node', o.serverScript],
      runtimeFiles: [staticDir, o.serverScript, ...(o.serverFiles ?? [])],
      env: { [o.staticDirEnv ?? 'STATIC_DIR']: `/app/${staticDir}`, ...o.env },
      buildOutputs: o.buildOutputs ?? (o.buildScript === false ? [] : [staticDir]),
    },
    'static-node',
    'static assets behind a Node.js server',
  );
}

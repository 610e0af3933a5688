import {
  baseImageReference,
  baseImages,
  runtimes,
  sortFiles,
  strictObject,
  type GeneratedFile,
  type RuntimeName,
} from '@sugarkube/core';
import { z } from 'zod';
import { commandSchema, repoPathList } from '../options/option-fields.js';
import { parseOptions } from '@sugarkube/core';
import {
  commonBuildShape,
  commonDockerfileShape,
  defaultHeader,
  dockerfileHead,
  envLines,
  execForm,
  finalStageOrderComment,
  joinLines,
  ociLabelLines,
  runAsLines,
} from './dockerfile-common.js';
import { dockerignore } from './dockerignore.js';
import { checkWorkspace, nodeBuildShape, type NodeBuildOptions } from './node-build-options.js';
import { nodeBuildOutputs, nodeBuildStages, nodeProdDepsStage, type NativeModules } from './node-build-stages.js';

/** The build fields of a Node.js server (runtime `node`), e.g. DSPACE's Astro SSR server. */
export const nodeServerBuildShape = {
  ...commonBuildShape,
  ...nodeBuildShape,
  command: commandSchema.describe(
    'The server command, exec form, run from the app directory, e.g. ["node", "dist/server/entry.mjs"].',
  ),
  runtimeFiles: repoPathList
    .describe(
      'Files and directories the image copies from the build, relative to the repo root (the app\'s package.json always). Default ["<app>/dist"].',
    )
    .optional(),
  nativeModules: z
    .enum(['prebuilt', 'target'], { error: 'one of "prebuilt", "target"' })
    .describe(
      'Where production dependencies with native code are installed: "prebuilt" on the builder, selecting the target\'s prebuilt binaries (no emulation); "target" on the target platform, so install scripts compile for it. Default "prebuilt".',
    )
    .optional(),
};

/** Options of `nodeDockerfile`. */
export const nodeDockerfileOptionsSchema = strictObject({ ...nodeServerBuildShape, ...commonDockerfileShape });
export type NodeDockerfileOptions = z.input<typeof nodeDockerfileOptionsSchema>;

const imageArg = baseImages.node.buildArg;

/** The Dockerfile and `.dockerignore` for a Node.js server (npm or pnpm, single package or a workspace package). Pure. */
export function nodeDockerfile(options: NodeDockerfileOptions): GeneratedFile[] {
  const o = parseOptions('nodeDockerfile options', nodeDockerfileOptionsSchema, options, [checkWorkspace]);
  return renderNodeDockerfile(o, 'node', 'a Node.js server');
}

/** What `renderNodeDockerfile` needs: checked Node build fields and run settings. */
export interface NodeImage extends NodeBuildOptions {
  readonly command: readonly string[];
  readonly runtimeFiles?: readonly string[];
  readonly nativeModules?: NativeModules;
  readonly header?: string;
  readonly title?: string;
  readonly user?: { readonly uid: number; readonly gid: number };
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly dockerignore?: readonly string[];
}

/** Shared by the node and static-node generators (options already checked). */
export function renderNodeDockerfile(options: NodeImage, runtimeName: RuntimeName, summary: string): GeneratedFile[] {
  const runtime = runtimes[runtimeName];
  const port = options.port ?? runtime.port;
  const user = options.user ?? runtime.user;
  const app = options.workspace?.app;
  const appDir = app === undefined ? '/app' : `/app/${app}`;
  const runtimeFiles = options.runtimeFiles ?? [app === undefined ? 'dist' : `${app}/dist`];
  const env = { NODE_ENV: 'production', HOST: '0.0.0.0', PORT: String(port), ...options.env };
  const lines = [
    ...dockerfileHead(options, summary, [`${imageArg}=${baseImageReference(baseImages.node)}`]),
    '',
    ...nodeBuildStages(options, imageArg, [
      app === undefined ? 'package.json' : `${app}/package.json`,
      ...runtimeFiles,
    ]),
    '',
    ...nodeProdDepsStage(options, imageArg, options.nativeModules ?? 'prebuilt'),
    '',
    '# The image: target platform, production dependencies, build output, non-root.',
    finalStageOrderComment,
    `FROM --platform=$TARGETPLATFORM \${${imageArg}} AS runtime`,
    ...ociLabelLines(),
    ...envLines(env),
    `WORKDIR ${appDir}`,
    ...runAsLines(user, port),
    `CMD ${execForm(options.command)}`,
    app === undefined ? 'COPY --from=prod-deps /app/node_modules /app/node_modules' : 'COPY --from=prod-deps /app /app',
    'COPY --from=build /out/ /app/',
  ];
  return sortFiles([
    { path: 'Dockerfile', content: joinLines(lines) },
    dockerignore('node', {
      header: options.header ?? defaultHeader,
      buildOutputs: nodeBuildOutputs(options),
      extra: options.dockerignore,
    }),
  ]);
}
